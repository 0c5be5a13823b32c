// TikTok Studio Overview.csv, FollowerHistory.csv and Content.csv: dates without a year.

#include "metric_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace planner::model;
using metric_test::joined;
using metric_test::read_fixture;
using metric_test::WithChannel;

namespace {

MetricReadResult read(const std::string& name, std::optional<int> year) {
    return read_fixture(name, "tiktok", year);
}

std::string dump(const MetricFileResult& file) {
    return metric_test::dump(file, WithChannel::no);
}

} // namespace

TEST_CASE("metrics: TikTok Overview across New Year, with undefined days", "[metrics][tiktok]") {
    MetricReadResult result = read("tiktok/Overview.csv", 2025);
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "tiktok_overview");
    CHECK(result.file.rows_read == 3);
    CHECK(dump(result.file) == "2025-12-31 engagements 55 @3\n"
                               "2025-12-31 video_views 834 @3\n"
                               "2026-01-01 engagements 839 @4\n"
                               "2026-01-01 video_views 11847 @4\n");
    CHECK(joined(result.file.ignored_columns) == "Profile Views");
    CHECK(joined(result.file.notes) ==
          "1 day is marked `undefined` (before the account had data); nothing is stored for "
          "it | engagements are `Likes` + `Comments` + `Shares` | dates in this file have no year; "
          "the first row's year is the one given with --year, and the year moves on where the "
          "dates pass from December to January");
}

TEST_CASE("metrics: a TikTok date without a year needs --year", "[metrics][tiktok]") {
    MetricReadResult result = read("tiktok/Overview.csv", std::nullopt);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error_text() == "tiktok/Overview.csv:2:1: `December 30` has no year: add --year "
                                 "with the year of the first day in the file (for example "
                                 "--year 2026)\n");
}

TEST_CASE("metrics: TikTok Overview in Latvian and Russian with new followers",
          "[metrics][tiktok]") {
    MetricReadResult result = read("tiktok/Overview_lv.csv", 2026);
    REQUIRE(result.ok());
    CHECK(dump(result.file) == "2026-03-02 engagements 5 @2\n"
                               "2026-03-02 video_views 118 @2\n"
                               "2026-03-02 followers_gained 1 @2\n"
                               "2026-03-03 engagements 10 @3\n"
                               "2026-03-03 video_views 201 @3\n"
                               "2026-03-03 followers_gained -2 @3\n"
                               "2026-04-28 engagements 7 @4\n"
                               "2026-04-28 video_views 342 @4\n"
                               "2026-04-28 followers_gained 0 @4\n");
}

TEST_CASE("metrics: TikTok FollowerHistory", "[metrics][tiktok]") {
    MetricReadResult result = read("tiktok/FollowerHistory.csv", 2026);
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "tiktok_followers");
    CHECK(dump(result.file) == "2026-09-25 followers 10405 @2\n"
                               "2026-09-25 followers_gained 0 @2\n"
                               "2026-09-26 followers 10440 @3\n"
                               "2026-09-26 followers_gained 35 @3\n");
    CHECK(result.file.ignored_columns.empty());
}

TEST_CASE("metrics: TikTok Content counts videos on their post day, before the export day",
          "[metrics][tiktok]") {
    // Exported on 18 January (--year 2026): a video posted on 28 December is from 2025.
    MetricReadResult result = read("tiktok/Content.csv", 2026);
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "tiktok_content");
    CHECK(dump(result.file) == "2025-12-28 engagements 2608 @3\n"
                               "2025-12-28 video_views 54239 @3\n"
                               "2025-12-28 posts 1 @3\n"
                               "2026-01-10 engagements 917 @2\n"
                               "2026-01-10 video_views 33811 @2\n"
                               "2026-01-10 posts 2 @2\n");
    CHECK(joined(result.file.ignored_columns) == "Video title | Video link");
}

TEST_CASE("metrics: TikTok Content without --year", "[metrics][tiktok]") {
    MetricReadResult result = read("tiktok/Content.csv", std::nullopt);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error_text() ==
          "tiktok/Content.csv:2:98: `10 января` has no year: add --year with the year of the "
          "day the file was downloaded, which the `Time` column shows (for example --year "
          "2026)\n");
}

TEST_CASE("metrics: TikTok 29 February in a year without one", "[metrics][tiktok]") {
    MetricImportOptions options;
    options.channel = "tiktok";
    options.year = 2026;
    MetricReadResult result = read_metric_file(
        "Overview.csv",
        "\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n"
        "\"February 29\",\"1\",\"0\",\"0\",\"0\",\"0\"",
        options);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error_text() == "Overview.csv:2:1: `February 29` is not a day of 2026; check "
                                 "the year given with --year\n");
}
