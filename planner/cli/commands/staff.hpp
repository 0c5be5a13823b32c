#pragma once
// planner staff: see docs/staffing.md.

#include "planner/cli/cli.hpp"

namespace planner {

CommandSpec staff_command();

} // namespace planner
