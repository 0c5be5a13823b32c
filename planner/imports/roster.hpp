#pragma once
// Roster CSV: people with the columns
// id,name,roles,fte,capacity_hours,reports_to,timezone,skills,interests,status
// (lists separated by `;`), added to a plan or updating people with the same id.

#include "model/plan.hpp"
#include "model/plan_reader.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace planner {

const std::vector<std::string>& roster_columns();

// True when the first record of the CSV has an `id` column and another roster column.
bool looks_like_roster(std::string_view bytes);

struct RosterResult {
    size_t rows = 0;
    size_t added = 0;
    size_t updated = 0;
    std::vector<model::Diagnostic> errors; // FILE:LINE:COLUMN, in file order
};

// Applies the roster to `plan` (only when it has no errors: the plan is unchanged otherwise).
// An empty cell keeps an existing person's value (or the default for a new person).
RosterResult apply_roster(model::Plan& plan, const std::string& file, std::string_view bytes);

} // namespace planner
