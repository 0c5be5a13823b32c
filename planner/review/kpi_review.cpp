#include "planner/review/kpi_review.hpp"

#include "model/plan_queries.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace planner {

namespace {
using namespace model;

model::Quarter previous(const model::Quarter& q) {
    return q.number == 1 ? model::Quarter{q.year - 1, 4} : model::Quarter{q.year, q.number - 1};
}

std::optional<double> measure(const std::vector<MetricValue>& values, Metric metric,
                              const std::vector<std::string>& channels, const model::Quarter& q) {
    std::set<std::string> wanted(channels.begin(), channels.end());
    std::vector<MetricValue> selected;
    for (const MetricValue& v : values)
        if (wanted.count(v.channel))
            selected.push_back(v);
    return aggregate(selected, metric, q.first_day(), q.last_day());
}

std::string with_thousands(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return (n < 0 ? "-" : "") + out;
}
} // namespace

std::string_view to_string(KpiStatus status) {
    switch (status) {
    case KpiStatus::green:
        return "green";
    case KpiStatus::amber:
        return "amber";
    case KpiStatus::red:
        return "red";
    case KpiStatus::no_data:
        return "no data";
    case KpiStatus::no_target:
        return "no target";
    }
    return "";
}

std::string format_metric(const std::string& metric, const std::optional<double>& value) {
    if (!value || !std::isfinite(*value))
        return "\xE2\x80\x94";
    char buffer[64];
    static const std::set<std::string> rates = {"engagement_rate", "ctr", "follower_growth",
                                                "response_rate", "roi"};
    if (rates.count(metric)) {
        std::snprintf(buffer, sizeof buffer, "%.2f%%", *value * 100);
        return buffer;
    }
    if (metric == "response_minutes") {
        std::snprintf(buffer, sizeof buffer, "%.1f min", *value);
        return buffer;
    }
    if (metric == "spend" || metric == "revenue" || metric == "cost_per_conversion") {
        std::snprintf(buffer, sizeof buffer, "%.2f", *value);
        return buffer;
    }
    return with_thousands(std::llround(*value));
}

QuarterReview review_quarter(const model::PlanIndex& index, const std::vector<MetricValue>& values,
                             const model::Quarter& quarter) {
    const model::Plan& plan = index.plan();
    QuarterReview review;
    review.quarter = quarter;
    // Quarters with any data, to bound the trend search.
    std::optional<Date> earliest;
    for (const MetricValue& v : values)
        if (!earliest || v.date < *earliest)
            earliest = v.date;

    for (const Goal& goal : plan.goals) {
        for (const Kpi& kpi : goal.kpis) {
            KpiResult r;
            r.goal_id = goal.id.str();
            r.goal_name = display_name(goal);
            r.kpi_id = kpi.id.str();
            r.metric = kpi.metric;
            if (kpi.channel)
                r.channels.push_back(kpi.channel->str());
            else
                for (const ChannelId& c : goal.channels)
                    r.channels.push_back(c.str());
            r.target = kpi.target;
            r.direction = kpi.direction ? *kpi.direction : default_direction(kpi.metric);
            auto metric = metric_from_name(kpi.metric);
            if (metric) {
                r.actual = measure(values, *metric, r.channels, quarter);
                model::Quarter q = quarter;
                std::vector<QuarterValue> trend;
                while (trend.size() < 4 && earliest && !(q < quarter_of(*earliest))) {
                    auto v = measure(values, *metric, r.channels, q);
                    if (v)
                        trend.insert(trend.begin(), QuarterValue{q, v});
                    q = previous(q);
                }
                r.trend = std::move(trend);
            }
            if (!r.actual) {
                r.status = KpiStatus::no_data;
            } else if (!r.target) {
                r.status = KpiStatus::no_target;
            } else {
                double actual = *r.actual, target = *r.target;
                if (r.direction == Direction::up)
                    r.attainment =
                        target != 0 ? std::optional<double>(actual / target) : std::nullopt;
                else
                    r.attainment =
                        actual != 0 ? std::optional<double>(target / actual) : std::nullopt;
                double a = r.attainment ? *r.attainment : 1.0; // a zero target is met by any value
                r.status = a >= 1.0                                     ? KpiStatus::green
                           : a >= plan.info.thresholds.attainment_amber ? KpiStatus::amber
                                                                        : KpiStatus::red;
            }
            review.kpis.push_back(std::move(r));
        }
    }

    review.channel_metrics = {"posts",       "impressions",     "reach",
                              "engagements", "engagement_rate", "followers",
                              "inbound",     "response_rate",   "response_minutes"};
    for (const Channel& c : plan.channels) {
        ChannelQuarter row;
        row.channel_id = c.id.str();
        row.channel_name = display_name(c);
        for (const std::string& name : review.channel_metrics) {
            auto metric = metric_from_name(name);
            row.figures.emplace_back(name, metric ? measure(values, *metric, {c.id.str()}, quarter)
                                                  : std::nullopt);
        }
        review.channels.push_back(std::move(row));
    }
    return review;
}

} // namespace planner
