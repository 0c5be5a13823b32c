#pragma once
// Rosters: employee lists from HR systems (model/roster_table.hpp reads the columns), applied
// to a plan: people added or updated, values as HR writes them (roles by id or name, FTE as a
// fraction, a percentage or weekly hours, places as cities, managers by id or name, statuses
// in HR words).

#include "model/plan.hpp"
#include "model/plan_reader.hpp"
#include "model/roster_table.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace planner {

struct RosterResult {
    size_t rows = 0;
    std::vector<std::string> added;      // person ids, in file order
    std::vector<std::string> changed;    // existing people whose values changed
    std::vector<std::string> unchanged;  // existing people the file left as they were
    std::vector<std::string> not_active; // "Eva Ozola (row 7): terminated, not added"
    std::vector<std::string> columns;    // "Employee # -> id", in file order
    std::vector<std::string> ignored_columns;
    std::vector<model::Diagnostic> errors; // "FILE: row 4, column `FTE %`: ...", in row order
};

// Applies the roster to `plan` (only when it has no errors: the plan is unchanged otherwise).
// An empty cell keeps an existing person's value (or the default for a new person). People
// are matched by id (from the HR id, else from the name), then by their full name.
RosterResult apply_roster(model::Plan& plan, const std::string& file, std::string_view bytes,
                          const model::RosterMapping& mapping = {});

} // namespace planner
