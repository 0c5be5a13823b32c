#include "planner/cli.hpp"
#include "planner/commands/commands.hpp"

namespace planner {

const std::vector<CommandSpec>& command_table() {
    static const std::vector<CommandSpec> table = {
        init_command(),
        show_command(),
        // Analysis commands: one line each, `XXX_command(),`, declared in their own header
        // under planner/commands/ and included by planner/commands/commands.hpp.
        diff_command(),
        import_command(),
        export_plan_command(),
        snapshot_command(),
        demo_command(),
    };
    return table;
}

} // namespace planner
