#pragma once
// Report builders: analyses in, exporters::Document out. Wording and section order come from
// templates/ (ReportText); the document knows nothing of how it will be rendered.

#include "exporters/document.hpp"
#include "model/metrics.hpp"
#include "model/plan.hpp"
#include "planner/checks/checks.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/reports/report_text.hpp"

#include <optional>
#include <string>
#include <vector>

namespace planner {

struct ReportOptions {
    std::string language = "en";
    std::optional<Brand> brand;
};

exporters::Document build_staffing_report(const PlanFacts& facts, const ReportOptions& options);
exporters::Document build_audit_report(const PlanFacts& facts, const ReportOptions& options);

// What the quarterly review reads beside the facts of the quarter's plan.
struct QuarterlyInput {
    std::vector<model::MetricValue> metrics; // every stored value
    model::Quarter quarter;
    std::optional<model::Plan> previous; // the previous quarter's snapshot, if any
};
exporters::Document build_quarterly_report(const PlanFacts& facts, const QuarterlyInput& input,
                                           const ReportOptions& options);

// The audit score (0-100): 100 - min(60, 10 x errors) - min(30, 3 x warnings) - min(10, info).
int audit_score(const CheckCounts& counts);

} // namespace planner
