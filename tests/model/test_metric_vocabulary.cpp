// The metric vocabulary of METRICS.md and how values add up over a period.

#include "model/metrics.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace planner::model;

namespace {

Date day(int month, int d) {
    return Date{2026, month, d};
}

MetricValue value(Date date, const char* channel, Metric metric, double figure) {
    return MetricValue{date, channel, "", metric, figure, 0};
}

} // namespace

TEST_CASE("metrics: every name maps to its metric and back", "[metrics]") {
    REQUIRE(all_metrics().size() == 20);
    for (Metric metric : all_metrics()) {
        auto back = metric_from_name(metric_name(metric));
        REQUIRE(back);
        CHECK(*back == metric);
    }
    CHECK(metric_name(Metric::video_views) == "video_views");
    CHECK(metric_name(Metric::cost_per_conversion) == "cost_per_conversion");
    CHECK_FALSE(metric_from_name("Impressions"));
    CHECK_FALSE(metric_from_name("views"));
    CHECK_FALSE(metric_from_name(""));
}

TEST_CASE("metrics: kinds follow the vocabulary table", "[metrics]") {
    for (Metric metric :
         {Metric::impressions, Metric::reach, Metric::engagements, Metric::clicks,
          Metric::video_views, Metric::posts, Metric::followers_gained, Metric::inbound,
          Metric::replies, Metric::spend, Metric::conversions, Metric::revenue})
        CHECK(metric_kind(metric) == MetricKind::flow);
    CHECK(metric_kind(Metric::followers) == MetricKind::level);
    CHECK(metric_kind(Metric::response_minutes) == MetricKind::level);
    for (Metric metric : {Metric::engagement_rate, Metric::ctr, Metric::follower_growth,
                          Metric::response_rate, Metric::cost_per_conversion, Metric::roi})
        CHECK(metric_kind(metric) == MetricKind::derived);
    CHECK(metric_kind_name(MetricKind::level) == "level");
}

TEST_CASE("metrics: did you mean", "[metrics]") {
    CHECK(nearest_metric_name("impresions") == "impressions");
    CHECK(nearest_metric_name("folowers") == "followers");
    CHECK(nearest_metric_name("respons_minutes") == "response_minutes");
    CHECK(nearest_metric_name("happiness").empty());
}

TEST_CASE("metrics: flows add up over the days of the period", "[metrics]") {
    std::vector<MetricValue> values = {
        value(day(3, 31), "instagram", Metric::impressions, 1000), // before
        value(day(4, 1), "instagram", Metric::impressions, 100),
        value(day(4, 15), "facebook", Metric::impressions, 50),
        value(day(6, 30), "instagram", Metric::impressions, 7),
        value(day(7, 1), "instagram", Metric::impressions, 1000), // after
        value(day(4, 2), "instagram", Metric::engagements, 9),
    };
    CHECK(aggregate(values, Metric::impressions, day(4, 1), day(6, 30)) == Approx(157));
    CHECK(aggregate(values, Metric::engagements, day(4, 1), day(6, 30)) == Approx(9));
    CHECK_FALSE(aggregate(values, Metric::clicks, day(4, 1), day(6, 30)));
    CHECK_FALSE(aggregate(values, Metric::impressions, day(8, 1), day(9, 30)));
}

TEST_CASE("metrics: a level is the last value of each channel, added up", "[metrics]") {
    std::vector<MetricValue> values = {
        value(day(4, 1), "instagram", Metric::followers, 1000),
        value(day(6, 20), "instagram", Metric::followers, 1300),
        value(day(5, 1), "instagram", Metric::followers, 1200),
        value(day(4, 3), "facebook", Metric::followers, 500),
        value(day(7, 2), "facebook", Metric::followers, 9999), // after the period
    };
    CHECK(aggregate(values, Metric::followers, day(4, 1), day(6, 30)) == Approx(1800));
    CHECK(aggregate(values, Metric::follower_growth, day(4, 1), day(6, 30)) ==
          Approx(1800.0 / 1500.0 - 1));
}

TEST_CASE("metrics: response minutes are weighted by the replies of the same day", "[metrics]") {
    std::vector<MetricValue> values = {
        value(day(4, 1), "facebook", Metric::response_minutes, 30),
        value(day(4, 1), "facebook", Metric::replies, 30),
        value(day(4, 2), "facebook", Metric::response_minutes, 90),
        value(day(4, 2), "facebook", Metric::replies, 10),
        value(day(4, 3), "facebook", Metric::response_minutes, 500), // no replies: weight 0
    };
    CHECK(aggregate(values, Metric::response_minutes, day(4, 1), day(4, 30)) ==
          Approx((30.0 * 30 + 90.0 * 10) / 40));

    std::vector<MetricValue> without_replies = {
        value(day(4, 1), "facebook", Metric::response_minutes, 30),
        value(day(4, 2), "facebook", Metric::response_minutes, 60),
    };
    CHECK(aggregate(without_replies, Metric::response_minutes, day(4, 1), day(4, 30)) ==
          Approx(45));
}

TEST_CASE("metrics: derived metrics are ratios of sums, never averages of rates", "[metrics]") {
    std::vector<MetricValue> values = {
        value(day(4, 1), "instagram", Metric::impressions, 1000),
        value(day(4, 1), "instagram", Metric::engagements, 100), // 10 % that day
        value(day(4, 2), "instagram", Metric::impressions, 9000),
        value(day(4, 2), "instagram", Metric::engagements, 90), // 1 % that day
        value(day(4, 2), "instagram", Metric::clicks, 50),
        value(day(4, 2), "instagram", Metric::inbound, 40),
        value(day(4, 2), "instagram", Metric::replies, 30),
        value(day(4, 2), "instagram", Metric::spend, 200),
        value(day(4, 2), "instagram", Metric::conversions, 8),
        value(day(4, 3), "instagram", Metric::revenue, 500),
    };
    Date from = day(4, 1), to = day(4, 30);
    CHECK(aggregate(values, Metric::engagement_rate, from, to) == Approx(190.0 / 10000));
    CHECK(aggregate(values, Metric::ctr, from, to) == Approx(0.005));
    CHECK(aggregate(values, Metric::response_rate, from, to) == Approx(0.75));
    CHECK(aggregate(values, Metric::cost_per_conversion, from, to) == Approx(25));
    CHECK(aggregate(values, Metric::roi, from, to) == Approx(1.5));
}

TEST_CASE("metrics: a derived metric with a zero or missing denominator has no value",
          "[metrics]") {
    std::vector<MetricValue> values = {
        value(day(4, 1), "instagram", Metric::impressions, 0),
        value(day(4, 1), "instagram", Metric::engagements, 12),
        value(day(4, 1), "instagram", Metric::revenue, 100),
        value(day(4, 1), "instagram", Metric::followers, 0),
        value(day(4, 2), "instagram", Metric::followers, 10),
    };
    Date from = day(4, 1), to = day(4, 30);
    CHECK_FALSE(aggregate(values, Metric::engagement_rate, from, to)); // Σ impressions = 0
    CHECK_FALSE(aggregate(values, Metric::ctr, from, to));             // no clicks
    CHECK_FALSE(aggregate(values, Metric::response_rate, from, to));   // no inbound
    CHECK_FALSE(aggregate(values, Metric::roi, from, to));             // no spend
    CHECK_FALSE(aggregate(values, Metric::follower_growth, from, to)); // starts at 0
}
