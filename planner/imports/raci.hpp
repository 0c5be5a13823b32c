#pragma once
// Ownership sheets applied to a plan: the assignments of every duty the sheet names are
// replaced by the sheet's (model/raci_grid.hpp reads it).

#include "model/plan.hpp"
#include "model/plan_reader.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace planner {

struct RaciResult {
    size_t duties = 0;                // duties the sheet names
    size_t people = 0;                // people columns
    std::vector<std::string> changes; // "Instagram: Community management: + anna R 60%, - jan R"
    size_t unchanged = 0;             // duties whose assignments stay as they were
    size_t assignments_before = 0, assignments_after = 0;
    std::vector<model::Diagnostic> errors;
};

// Channels are matched by id, name or network; duties by id or name (`engage`, `Community
// management`, a custom duty's name; `all` for every duty of the channel); people by name or
// id. Assignments for one profile of a channel are kept. `plan` changes only without errors.
RaciResult apply_raci(model::Plan& plan, const std::string& file, std::string_view bytes);

} // namespace planner
