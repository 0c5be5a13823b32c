#pragma once
// A compact binary form of a Plan, stored in the workspace next to the plan's YAML so that
// analysis commands on a workspace need not parse YAML again (a 100,000-person plan reads in
// a fraction of a second instead of seconds). It is derived data: the YAML stays the record,
// and a blob this build cannot read (older layout, damage) is simply ignored and the YAML
// read instead.
//
// When a field is added to the model (model/plan.hpp), add it to plan_binary.cpp and raise
// k_plan_binary_format.

#include "model/plan.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace planner::model {

inline constexpr uint32_t k_plan_binary_format = 2;

std::string encode_plan(const Plan& plan);

// The plan, or nothing when `bytes` is not a complete blob of this build's format.
std::optional<Plan> decode_plan(std::string_view bytes);

} // namespace planner::model
