#pragma once
// planner workload: see docs/staffing.md.

#include "planner/cli.hpp"

namespace planner {

CommandSpec workload_command();

} // namespace planner
