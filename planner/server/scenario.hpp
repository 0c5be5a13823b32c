#pragma once
// What-if scenarios: a patch tried beside the plan without saving it. The page holds the
// scenario (its changes and their patch); the server evaluates it against the current plan
// and answers with both sides: findings by severity, the findings that appear and disappear,
// staffing per role and the overloaded people. Keeping a scenario is an ordinary
// POST /api/plan of the same patch (docs/decisions.md "What-if scenarios").

#include "planner/server/site.hpp"

#include <cstdint>
#include <string>

namespace planner::server {

// POST /api/scenario: `patch` made against version `if_match`, evaluated and not saved.
// 409 when the version is stale, 422 when the patch is invalid (as POST /api/plan).
EditAnswer evaluate_scenario(const SiteState& state, const std::string& patch,
                             std::uint64_t if_match, const std::string& language);

} // namespace planner::server
