#pragma once
// The quarterly review's input from a workspace: the quarter's plan (its snapshot when there
// is one, else the current plan), the previous quarter's snapshot and every stored metric
// value. Shared by `planner report quarterly` and the web server's Quarter page.

#include "planner/reports/reports.hpp"

#include <optional>
#include <string>

namespace planner {

struct QuarterlyRun {
    model::Plan plan; // the quarter's
    QuarterlyInput input;
};

// UsageError when `path` is not a workspace or the quarter is unknown or malformed;
// WorkspaceError (workspace_failure) when the workspace cannot be read. `quarter`: "YYYY-Qn";
// empty: the plan's own quarter.
QuarterlyRun load_quarterly_input(const std::string& path,
                                  const std::optional<std::string>& quarter = std::nullopt);

} // namespace planner
