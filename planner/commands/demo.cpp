// planner demo: the main job on the bundled sample, with no arguments.
#include "planner/commands/commands.hpp"

#include "planner/demo.hpp"

namespace planner {

CommandSpec demo_command() {
    return CommandSpec{"demo",
                       "planner demo [--output-dir DIR]",
                       "Run the main job on the bundled 11-person sample",
                       "Shows the sample plan's summary, its findings and its staffing need,\n"
                       "and writes the reports into DIR (default ./planner-demo).",
                       {{"--output-dir", "-o", "DIR", "folder for the reports (default planner-demo)"}},
                       0,
                       0,
                       run_demo};
}

} // namespace planner
