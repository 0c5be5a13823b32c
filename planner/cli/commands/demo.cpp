// planner demo: the main job on the bundled sample, with no arguments.
#include "planner/cli/commands/commands.hpp"

#include "planner/cli/demo.hpp"

namespace planner {

CommandSpec demo_command() {
    return CommandSpec{
        "demo",
        "planner demo [--output-dir DIR]",
        "Run the main job on the bundled 11-person sample",
        "Writes the bundled sample (an 11-person team of a Latvian retailer, its\n"
        "previous quarter and a year of analytics) into DIR, shows the plan, the\n"
        "staff it needs, what it costs against its budget and which hires fit, and\n"
        "its gaps; builds a workspace, and writes the staffing\n"
        "plan, the audit report (English and Latvian) and the quarterly review as\n"
        "PDF, with the staffing plan's tables as CSV. DIR defaults to planner-demo.",
        {{"--output-dir", "-o", "DIR", "folder for the reports (default planner-demo)"}},
        0,
        0,
        run_demo};
}

} // namespace planner
