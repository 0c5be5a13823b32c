// planner snapshot WORKSPACE --quarter YYYY-Qn: freeze the current plan as that quarter's.
#include "planner/cli/commands/commands.hpp"

#include "model/calendar.hpp"
#include "model/workspace.hpp"
#include "planner/core/plan_source.hpp"

#include <ostream>

namespace planner {

namespace {
int run_snapshot(const ParsedArgs& args, Streams& io) {
    const std::string& path = args.positional[0];
    auto text = args.value("--quarter");
    if (!text)
        throw UsageError("`planner snapshot` needs --quarter YYYY-Qn, e.g. --quarter 2026-Q4");
    auto quarter = model::parse_quarter(*text);
    if (!quarter)
        throw UsageError("'" + *text + "' is not a quarter; write YYYY-Qn, e.g. 2026-Q4");
    if (!model::is_workspace_file(path))
        throw UsageError("'" + path +
                         "' is not a workspace; snapshots are kept in a workspace "
                         "(create one with `planner import " +
                         path + " plan.yaml`)");
    try {
        model::Workspace workspace(path, model::OpenMode::read_write);
        auto yaml = workspace.plan_yaml();
        if (!yaml)
            throw UsageError("workspace '" + path + "' holds no plan to snapshot yet");
        std::string name = model::format_quarter(*quarter);
        const std::optional<model::Plan> plan = stored_plan(workspace);
        if (plan && plan->info.quarter && !(*plan->info.quarter == *quarter) &&
            !args.flag("--force"))
            throw UsageError("the plan in '" + path + "' is the plan for " +
                             model::format_quarter(*plan->info.quarter) + ", not " + name +
                             "; snapshot it as " + model::format_quarter(*plan->info.quarter) +
                             ", or add --force to freeze it as " + name + " anyway");
        bool replaced = workspace.snapshot(name).has_value();
        if (replaced && !args.flag("--force"))
            throw UsageError("workspace '" + path + "' already has a snapshot for " + name +
                             "; add --force to replace it");
        model::Workspace::Transaction transaction(workspace);
        workspace.snapshot_current_plan(name);
        transaction.commit();
        io.out << (replaced ? "Replaced" : "Saved") << " the snapshot for " << name << " in "
               << path << "; compare it later with `planner diff " << path << "@" << name << " "
               << path << "`.\n";
    } catch (const model::WorkspaceError& e) {
        throw workspace_failure(path, e);
    }
    return 0;
}
} // namespace

CommandSpec snapshot_command() {
    return CommandSpec{"snapshot",
                       "planner snapshot WORKSPACE --quarter YYYY-Qn [--force]",
                       "Freeze the workspace's current plan as that quarter's",
                       "A snapshot is read as WORKSPACE@YYYY-Qn wherever a PLAN is expected, e.g.\n"
                       "`planner diff team.db@2026-Q3 team.db`. The quarterly review compares the\n"
                       "quarter's snapshot with the previous quarter's. Quarters are read in any\n"
                       "case (2026-q3). A plan whose own quarter differs is frozen only with\n"
                       "--force. `planner snapshots WORKSPACE` lists the snapshots.",
                       {{"--quarter", "", "YYYY-Qn", "the quarter to freeze the plan as"},
                        {"--force", "", "",
                         "replace an existing snapshot of that quarter, or freeze a plan whose "
                         "own quarter is another"}},
                       1,
                       1,
                       run_snapshot};
}

} // namespace planner
