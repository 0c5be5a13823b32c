#include "planner/cli/cli.hpp"
#include "planner/cli/commands/commands.hpp"

namespace planner {

const std::vector<CommandSpec>& command_table() {
    static const std::vector<CommandSpec> table = {
        init_command(),       show_command(),   check_command(),       workload_command(),
        staff_command(),      cost_command(),   rebalance_command(),   apply_command(),
        diff_command(),       import_command(), export_plan_command(), snapshot_command(),
        snapshots_command(),  log_command(),    restore_command(),     merge_command(),
        sync_command(),       report_command(), serve_command(),       demo_command(),
        completion_command(),
    };
    return table;
}

} // namespace planner
