#pragma once
// KPI judgement for a quarter (METRICS.md): actual, attainment, red/amber/green or "no data",
// and the trend over the last four quarters that have data.

#include "model/metrics.hpp"
#include "model/plan.hpp"
#include "model/plan_queries.hpp"

#include <optional>
#include <string>
#include <vector>

namespace planner {

enum class KpiStatus { green, amber, red, no_data, no_target };
std::string_view to_string(KpiStatus status); // "green", "amber", "red", "no data", "no target"

struct QuarterValue {
    model::Quarter quarter;
    std::optional<double> value;
};

struct KpiResult {
    std::string goal_id;
    std::string goal_name;
    std::string kpi_id;
    std::string metric;
    std::vector<std::string> channels; // the channels the KPI is measured on
    std::optional<double> target;
    model::Direction direction = model::Direction::up;
    std::optional<double> actual;
    std::optional<double> attainment; // actual/target (up) or target/actual (down)
    KpiStatus status = KpiStatus::no_data;
    std::vector<QuarterValue> trend; // oldest first, at most four quarters with data
};

struct ChannelQuarter {
    std::string channel_id;
    std::string channel_name;
    std::vector<std::pair<std::string, std::optional<double>>> figures; // metric -> value
};

struct QuarterReview {
    model::Quarter quarter;
    std::vector<KpiResult> kpis;              // plan order
    std::vector<ChannelQuarter> channels;     // plan order
    std::vector<std::string> channel_metrics; // the metrics of `figures`, in order
};

// `values` are every stored metric value (any dates); judged against the plan's goals.
QuarterReview review_quarter(const model::PlanIndex& index,
                             const std::vector<model::MetricValue>& values,
                             const model::Quarter& quarter);

// Formats a metric value for people: rates as percentages, counts with thousands separators,
// minutes with one decimal; "—" for no value.
std::string format_metric(const std::string& metric, const std::optional<double>& value);

} // namespace planner
