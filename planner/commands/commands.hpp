#pragma once
// Every command of the table; each is defined in its own file under planner/commands/.

#include "planner/cli.hpp"

namespace planner {

CommandSpec init_command();
CommandSpec show_command();
CommandSpec import_command();
CommandSpec export_plan_command();
CommandSpec demo_command();
CommandSpec diff_command();
CommandSpec snapshot_command();

} // namespace planner
