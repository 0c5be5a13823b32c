// The demo analytics in samples/metrics/ read cleanly, agree with each other, and give the
// quarterly figures the demo shows.

#include "model/metrics.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace planner::model;

namespace {

MetricReadResult sample(const std::string& name, const std::string& channel = "",
                        std::optional<int> year = std::nullopt) {
    MetricImportOptions options;
    options.channel = channel;
    options.year = year;
    return load_metric_file(std::string(PLANNER_SOURCE_DIR) + "/samples/metrics/" + name, options);
}

std::vector<MetricValue> only(const std::vector<MetricValue>& values, const std::string& channel) {
    std::vector<MetricValue> out;
    for (const MetricValue& value : values)
        if (value.channel == channel)
            out.push_back(value);
    return out;
}

// date -> value of one metric of one channel.
std::map<int64_t, double> series(const std::vector<MetricValue>& values, const std::string& channel,
                                 Metric metric) {
    std::map<int64_t, double> out;
    for (const MetricValue& value : values)
        if (value.channel == channel && value.metric == metric)
            out[days_since_epoch(value.date)] = value.value;
    return out;
}

const Date q1_from{2026, 1, 1}, q1_to{2026, 3, 31}, q4_from{2026, 10, 1}, q4_to{2026, 12, 31};

} // namespace

TEST_CASE("metrics: the sample year in the generic format", "[metrics][samples]") {
    MetricReadResult result = sample("metrics-2026.csv");
    REQUIRE(result.ok());
    const MetricFileResult& file = result.file;
    CHECK(file.format_id == "generic");
    CHECK(file.rows_read == 365 * 4 * 9);
    REQUIRE(file.values.size() == 365 * 4 * 9);
    CHECK(format_date(file.values.front().date) == "2026-01-01");
    CHECK(format_date(file.values.back().date) == "2026-12-31");
    std::set<std::string> channels;
    for (const MetricValue& value : file.values)
        channels.insert(value.channel);
    CHECK(channels == std::set<std::string>{"facebook", "instagram", "linkedin", "tiktok"});

    auto instagram = only(file.values, "instagram");
    CHECK(aggregate(instagram, Metric::impressions, q1_from, q1_to) == Approx(1987955));
    CHECK(aggregate(instagram, Metric::engagement_rate, q1_from, q1_to) ==
          Approx(62834.0 / 1987955.0));
    CHECK(aggregate(instagram, Metric::engagement_rate, q4_from, q4_to) ==
          Approx(103794.0 / 2796467.0));
    CHECK(aggregate(instagram, Metric::followers, q4_from, q4_to) == Approx(23100));
    CHECK(aggregate(instagram, Metric::posts, q4_from, q4_to) == Approx(97));

    auto facebook = only(file.values, "facebook");
    CHECK(aggregate(facebook, Metric::response_rate, q1_from, q1_to) == Approx(4274.0 / 4895.0));
    CHECK(aggregate(facebook, Metric::response_rate, q4_from, q4_to) == Approx(5533.0 / 5780.0));
    CHECK(aggregate(facebook, Metric::response_minutes, q4_from, q4_to) ==
          Approx(47.890295).epsilon(1e-6));

    auto tiktok = only(file.values, "tiktok");
    CHECK(aggregate(tiktok, Metric::follower_growth, q1_from, q1_to) ==
          Approx(9473.0 / 6200.0 - 1));
    CHECK(aggregate(tiktok, Metric::followers, q4_from, q4_to) == Approx(16299));

    // The li-clicks KPI of samples/latvian-retail.yaml (target 4000 in 2026-Q4): amber.
    CHECK(aggregate(only(file.values, "linkedin"), Metric::clicks, q4_from, q4_to) == Approx(3729));

    // The whole team: every channel's last follower count of the year, added up.
    CHECK(aggregate(file.values, Metric::followers, q4_from, q4_to) ==
          Approx(23100 + 43599 + 16299 + 3121));
}

TEST_CASE("metrics: the sample Meta Business Suite Views file matches the year's facebook "
          "impressions",
          "[metrics][samples]") {
    MetricReadResult year = sample("metrics-2026.csv");
    MetricReadResult views = sample("facebook/Views.csv", "facebook");
    REQUIRE(year.ok());
    REQUIRE(views.ok());
    CHECK(views.file.format_id == "meta_daily");
    CHECK(views.file.values.size() == 365);
    CHECK(series(views.file.values, "facebook", Metric::impressions) ==
          series(year.file.values, "facebook", Metric::impressions));
}

TEST_CASE("metrics: the sample TikTok Studio files match the year's tiktok figures",
          "[metrics][samples]") {
    MetricReadResult year = sample("metrics-2026.csv");
    MetricReadResult overview = sample("tiktok/Overview.csv", "tiktok", 2026);
    MetricReadResult history = sample("tiktok/FollowerHistory.csv", "tiktok", 2026);
    REQUIRE(year.ok());
    REQUIRE(overview.ok());
    REQUIRE(history.ok());
    CHECK(overview.file.format_id == "tiktok_overview");
    CHECK(overview.file.rows_read == 365);
    CHECK(series(overview.file.values, "tiktok", Metric::engagements) ==
          series(year.file.values, "tiktok", Metric::engagements));
    CHECK(series(overview.file.values, "tiktok", Metric::video_views).size() == 365);
    // The tt-views KPI of samples/latvian-retail.yaml (target 900000 in 2026-Q4).
    CHECK(aggregate(overview.file.values, Metric::video_views, q4_from, q4_to) == Approx(946840));
    CHECK(series(history.file.values, "tiktok", Metric::followers) ==
          series(year.file.values, "tiktok", Metric::followers));
    CHECK(aggregate(history.file.values, Metric::followers_gained, q1_from, q4_to) ==
          Approx(16299 - 6200));

    MetricReadResult no_year = sample("tiktok/Overview.csv", "tiktok");
    REQUIRE_FALSE(no_year.ok());
    CHECK(no_year.errors.at(0).message ==
          "`January 1` has no year: add --year with the year of the first day in the file (for "
          "example --year 2026)");
}
