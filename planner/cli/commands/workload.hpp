#pragma once
// planner workload: see docs/staffing.md.

#include "planner/cli/cli.hpp"

namespace planner {

CommandSpec workload_command();

} // namespace planner
