// YouTube Studio Table data.csv, Chart data.csv and Totals.csv.

#include "metric_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace planner::model;
using metric_test::joined;
using metric_test::read_fixture;
using metric_test::WithChannel;

namespace {

MetricReadResult read(const std::string& name) {
    return read_fixture(name, "youtube");
}

std::string dump(const MetricFileResult& file) {
    return metric_test::dump(file, WithChannel::no);
}

} // namespace

TEST_CASE("metrics: YouTube Table data skips the Total row and counts videos on their "
          "publish day",
          "[metrics][youtube]") {
    MetricReadResult result = read("youtube/Table data.csv");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "youtube_table");
    CHECK(result.file.rows_read == 3); // the three videos, not the Total row
    // 3529 + 854 views on 28 Aug (one id starts with a space), 847 on 1 Sep: with the Total
    // row the sum would be 10460, twice the 5230 of the file.
    CHECK(dump(result.file) == "2025-08-28 impressions 80000 @3\n"
                               "2025-08-28 video_views 4383 @3\n"
                               "2025-08-28 posts 2 @3\n"
                               "2025-08-28 followers_gained 34 @3\n"
                               "2025-09-01 impressions 11000 @5\n"
                               "2025-09-01 video_views 847 @5\n"
                               "2025-09-01 posts 1 @5\n"
                               "2025-09-01 followers_gained 3 @5\n");
    CHECK(joined(result.file.ignored_columns) ==
          "Content | Video title | Duration | Watch time (hours) | Estimated revenue (USD) | "
          "Impressions click-through rate (%)");
    CHECK(joined(result.file.notes) ==
          "each video's figures for the period chosen in YouTube Studio are counted on the day "
          "it was published; for figures per day import Totals.csv instead | the `Total` row "
          "(line 2) is not a video and was skipped");
}

TEST_CASE("metrics: a YouTube Table data whose videos do not add up to its Total",
          "[metrics][youtube]") {
    MetricReadResult result = read("youtube/Table data (row cap).csv");
    REQUIRE(result.ok());
    CHECK(dump(result.file) == "2025-08-28 video_views 1000 @3\n"
                               "2025-08-28 posts 1 @3\n");
    REQUIRE(result.file.notes.size() == 2);
    CHECK(result.file.notes[1] ==
          "the `Total` row (line 2) has 9000 views but the videos listed add up to 1000; "
          "YouTube Studio exports only the rows it has shown, so some videos may be missing");
}

TEST_CASE("metrics: YouTube Chart data is not the channel's total unless asked",
          "[metrics][youtube]") {
    MetricReadResult result = read("youtube/Chart data.csv");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "youtube_chart");
    CHECK(result.file.values.empty());
    CHECK(result.file.rows_read == 3);
    CHECK(joined(result.file.notes) ==
          "Chart data holds only the 2 videos charted in YouTube Studio, not the channel's "
          "total; nothing is stored. Import Totals.csv for the channel's daily figures, or add "
          "--chart-data to store the sum of these videos as the channel's figures");
}

TEST_CASE("metrics: YouTube Chart data adds the videos of each day with --chart-data",
          "[metrics][youtube]") {
    MetricImportOptions options;
    options.channel = "youtube";
    options.store_chart_data = true;
    MetricReadResult result = read_metric_file(
        "youtube/Chart data.csv", metric_test::fixture("youtube/Chart data.csv"), options);
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "youtube_chart");
    CHECK(dump(result.file) == "2025-08-28 video_views 150 @2\n"
                               "2025-08-28 followers_gained 2 @2\n"
                               "2025-08-29 video_views 200 @4\n"
                               "2025-08-29 followers_gained -1 @4\n");
    CHECK(joined(result.file.ignored_columns) == "Video title | Video publish time | Duration");
}

TEST_CASE("metrics: YouTube Totals with dates in words", "[metrics][youtube]") {
    MetricReadResult result = read("youtube/Totals.csv");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "youtube_totals");
    CHECK(dump(result.file) == "2025-08-28 impressions 4000 @2\n"
                               "2025-08-28 video_views 150 @2\n"
                               "2025-08-28 followers_gained 2 @2\n"
                               "2025-08-29 impressions 5200 @3\n"
                               "2025-08-29 video_views 200 @3\n"
                               "2025-08-29 followers_gained -1 @3\n");
    CHECK(joined(result.file.ignored_columns) == "Watch time (hours)");
}

TEST_CASE("metrics: YouTube Totals with subscribers gained and lost", "[metrics][youtube]") {
    MetricImportOptions options;
    options.channel = "youtube";
    MetricReadResult result = read_metric_file(
        "Totals.csv", "Date,Views,Subscribers gained,Subscribers lost\n2026-01-03,\"1,250\",9,4\n",
        options);
    REQUIRE(result.ok());
    CHECK(dump(result.file) == "2026-01-03 video_views 1250 @2\n"
                               "2026-01-03 followers_gained 5 @2\n");
}
