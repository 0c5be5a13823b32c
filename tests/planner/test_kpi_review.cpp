// KPI judgement (METRICS.md): actual, attainment, status and trend, computed by hand.
#include "model/plan_reader.hpp"
#include "planner/review/kpi_review.hpp"

#include <catch2/catch.hpp>

using namespace planner;
using model::Metric;

namespace {
model::Plan plan_of(const std::string& yaml) {
    auto r = model::read_plan_text("t.yaml", yaml);
    if (!r.ok())
        FAIL(r.errors.front().to_string());
    return r.plan;
}
model::MetricValue value(const char* date, const char* channel, Metric m, double v) {
    return model::MetricValue{*model::parse_date(date), channel, "", m, v, 0};
}
const std::string k_plan = R"(version: 1
plan: {name: T, thresholds: {attainment_amber: 0.9}}
channels:
  - {id: ig}
  - {id: fb}
goals:
  - id: g
    channels: [ig, fb]
    kpis:
      - {id: rate, metric: engagement_rate, channel: ig, target: 0.05}
      - {id: reach, metric: reach, target: 1000}
      - {id: resp, metric: response_minutes, channel: fb, target: 60}
      - {id: none, metric: clicks, target: 10}
      - {id: notarget, metric: reach, channel: ig}
)";
} // namespace

TEST_CASE("attainment and status for up and down KPIs") {
    std::vector<model::MetricValue> v = {
        // Q4 2026 on ig: engagements 30 + 16 = 46 over impressions 500 + 500 = 1000 -> 0.046;
        // attainment 0.046 / 0.05 = 0.92 -> amber (0.9 <= 0.92 < 1).
        value("2026-10-01", "ig", Metric::engagements, 30),
        value("2026-11-01", "ig", Metric::engagements, 16),
        value("2026-10-01", "ig", Metric::impressions, 500),
        value("2026-11-01", "ig", Metric::impressions, 500),
        // reach over both channels is a flow: 400 + 700 = 1100 -> 1.1 -> green.
        value("2026-10-05", "ig", Metric::reach, 400),
        value("2026-12-31", "fb", Metric::reach, 700),
        // response minutes on fb, replies-weighted: (80 x 1 + 100 x 3) / 4 = 95;
        // target 60, down: 60 / 95 = 0.6316 -> red.
        value("2026-10-02", "fb", Metric::response_minutes, 80),
        value("2026-10-02", "fb", Metric::replies, 1),
        value("2026-10-03", "fb", Metric::response_minutes, 100),
        value("2026-10-03", "fb", Metric::replies, 3),
        // Outside the quarter: not counted.
        value("2027-01-01", "ig", Metric::reach, 100000),
    };
    const model::Plan plan = plan_of(k_plan);
    const model::PlanIndex index(plan);
    QuarterReview review = review_quarter(index, v, model::Quarter{2026, 4});
    REQUIRE(review.kpis.size() == 5);
    const KpiResult& rate = review.kpis[0];
    CHECK(*rate.actual == Approx(0.046));
    CHECK(*rate.attainment == Approx(0.92));
    CHECK(rate.status == KpiStatus::amber);
    const KpiResult& reach = review.kpis[1];
    CHECK(reach.channels == std::vector<std::string>{"ig", "fb"});
    CHECK(*reach.actual == Approx(1100));
    CHECK(reach.status == KpiStatus::green);
    const KpiResult& resp = review.kpis[2];
    CHECK(resp.direction == model::Direction::down);
    CHECK(*resp.actual == Approx(95));
    CHECK(*resp.attainment == Approx(60.0 / 95));
    CHECK(resp.status == KpiStatus::red);
    CHECK(review.kpis[3].status == KpiStatus::no_data);
    CHECK(!review.kpis[3].actual);
    CHECK(review.kpis[4].status == KpiStatus::no_target);
}

TEST_CASE("the trend covers the last four quarters that have data") {
    std::vector<model::MetricValue> v = {
        value("2025-05-01", "ig", Metric::reach, 1), // 2025-Q2: dropped, a fifth quarter
        value("2025-08-01", "ig", Metric::reach, 2), // 2025-Q3
        value("2026-02-01", "ig", Metric::reach, 3), // 2026-Q1 (2025-Q4 has no data)
        value("2026-08-01", "ig", Metric::reach, 4), // 2026-Q3 (2026-Q2 has no data)
        value("2026-11-01", "ig", Metric::reach, 5), // 2026-Q4
    };
    const model::Plan plan = plan_of(k_plan);
    const model::PlanIndex index(plan);
    QuarterReview review = review_quarter(index, v, model::Quarter{2026, 4});
    const auto& trend = review.kpis[4].trend;
    REQUIRE(trend.size() == 4);
    CHECK(model::format_quarter(trend[0].quarter) == "2025-Q3");
    CHECK(*trend[0].value == 2);
    CHECK(model::format_quarter(trend[3].quarter) == "2026-Q4");
    CHECK(*trend[3].value == 5);
}

TEST_CASE("metric values are formatted for people") {
    CHECK(format_metric("engagement_rate", 0.04567) == "4.57%");
    CHECK(format_metric("reach", 1234567.4) == "1,234,567");
    CHECK(format_metric("response_minutes", 42.26) == "42.3 min");
    CHECK(format_metric("reach", std::nullopt) == "\xE2\x80\x94");
}
