#pragma once
// `planner check PLAN`: runs the check catalogue and reports findings (CHECKS.md).

#include "planner/cli/cli.hpp"

namespace planner {

// The command's entry in the command table.
CommandSpec check_command();

// The handler: exit status 0 when no open finding is at or above --fail-on, 1 when one is;
// usage and input errors are thrown (UsageError, InputError) and end in status 2.
int run_check_command(const ParsedArgs& args, Streams& streams);

} // namespace planner
