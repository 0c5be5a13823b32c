#pragma once
// Writing a plan back as YAML. Deterministic: the same plan gives the same bytes, and
// reading the output gives the same plan (export -> import -> export is byte-identical).

#include "model/plan.hpp"

#include <string>

namespace planner::model {

std::string write_plan_yaml(const Plan& plan);

// `text` as a double-quoted YAML scalar, as the plan writer writes one (UTF-8 as is, control
// characters escaped).
std::string yaml_quote(const std::string& text);

} // namespace planner::model
