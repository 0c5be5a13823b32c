// planner export-plan WORKSPACE -o FILE
#include "planner/cli/commands/commands.hpp"

#include "model/plan_writer.hpp"
#include "planner/cli/output.hpp"
#include "planner/core/plan_source.hpp"

#include <ostream>

namespace planner {

namespace {
int run_export_plan(const ParsedArgs& args, Streams& io) {
    LoadedPlan loaded = load_plan_argument(args.positional[0]);
    std::string path = args.value_or("--output", "-");
    std::string yaml = model::write_plan_yaml(loaded.plan);
    if (path == "-") {
        io.out << yaml;
        return 0;
    }
    write_output_file(path, yaml);
    io.err << "Wrote the plan to " << path << ".\n";
    return 0;
}
} // namespace

CommandSpec export_plan_command() {
    return CommandSpec{"export-plan",
                       "planner export-plan WORKSPACE [-o FILE]",
                       "Write the workspace's plan back as YAML",
                       "Writes every field of the stored plan. Exporting, importing and exporting\n"
                       "again gives the same bytes. Without -o the plan goes to the terminal.",
                       {output_option()},
                       1,
                       1,
                       run_export_plan};
}

} // namespace planner
