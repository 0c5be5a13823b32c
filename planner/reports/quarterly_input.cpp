#include "planner/reports/quarterly_input.hpp"

#include "model/workspace.hpp"
#include "planner/core/plan_source.hpp"

namespace planner {

namespace {
QuarterlyRun read_quarterly_input(const std::string& path,
                                  const std::optional<std::string>& quarter_text) {
    QuarterlyRun run;
    QuarterlyInput& input = run.input;
    model::Workspace workspace(path, model::OpenMode::read_only);
    LoadedPlan current = load_plan_argument(path);
    std::optional<model::Quarter> quarter = current.plan.info.quarter;
    if (quarter_text) {
        quarter = model::parse_quarter(*quarter_text);
        if (!quarter)
            throw UsageError("'" + *quarter_text +
                             "' is not a quarter; write YYYY-Qn, e.g. 2026-Q4");
    }
    if (!quarter)
        throw UsageError("which quarter? The plan names none; add --quarter YYYY-Qn");
    input.quarter = *quarter;
    std::string name = model::format_quarter(*quarter);
    if (workspace.snapshot(name))
        run.plan = load_plan_argument(path + "@" + name).plan;
    else
        run.plan = std::move(current.plan);
    model::Quarter previous = quarter->number == 1
                                  ? model::Quarter{quarter->year - 1, 4}
                                  : model::Quarter{quarter->year, quarter->number - 1};
    std::string previous_name = model::format_quarter(previous);
    if (workspace.snapshot(previous_name))
        input.previous = load_plan_argument(path + "@" + previous_name).plan;
    input.metrics = workspace.metric_values();
    return run;
}
} // namespace

QuarterlyRun load_quarterly_input(const std::string& path,
                                  const std::optional<std::string>& quarter) {
    if (!model::is_workspace_file(path))
        throw UsageError("the quarterly review reads metrics from a workspace; give one "
                         "(e.g. `planner report quarterly team.db`), not '" +
                         path + "'");
    try {
        return read_quarterly_input(path, quarter);
    } catch (const model::WorkspaceError& e) {
        throw workspace_failure(path, e);
    }
}

} // namespace planner
