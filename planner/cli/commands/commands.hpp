#pragma once
// Every command of the table; each is defined in its own file under planner/commands/.

#include "planner/cli/cli.hpp"
#include "planner/cli/commands/check.hpp"
#include "planner/cli/commands/rebalance.hpp"
#include "planner/cli/commands/staff.hpp"
#include "planner/cli/commands/workload.hpp"

namespace planner {

CommandSpec init_command();
CommandSpec show_command();
CommandSpec import_command();
CommandSpec export_plan_command();
CommandSpec demo_command();
CommandSpec diff_command();
CommandSpec snapshot_command();
CommandSpec snapshots_command();
CommandSpec completion_command();
CommandSpec report_command();
CommandSpec serve_command();
CommandSpec log_command();
CommandSpec restore_command();
CommandSpec merge_command();
CommandSpec sync_command();
CommandSpec cost_command();
CommandSpec apply_command();

} // namespace planner
