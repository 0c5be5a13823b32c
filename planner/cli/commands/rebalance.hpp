#pragma once
// planner rebalance: see docs/staffing.md.

#include "planner/cli/cli.hpp"

namespace planner {

CommandSpec rebalance_command();

} // namespace planner
