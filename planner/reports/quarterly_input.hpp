#pragma once
// The quarterly review's input from a workspace: the quarter's plan (its snapshot when there
// is one), the previous quarter's snapshot and every stored metric value. Shared by
// `planner report quarterly` and the web server's Quarter page.

#include "planner/reports/reports.hpp"

#include <optional>
#include <string>

namespace planner {

// UsageError when `path` is not a workspace, when the quarter is unknown or malformed, or when
// the workspace cannot be read. `quarter`: "YYYY-Qn"; empty: the plan's own quarter.
QuarterlyInput load_quarterly_input(const std::string& path,
                                    const std::optional<std::string>& quarter = std::nullopt);

} // namespace planner
