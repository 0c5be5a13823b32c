// The downloads of issue 14, laid out as people committed them (tests/data/metrics/
// make_fixtures.py writes them): every figure checked, not only that the file is read.

#include "metric_fixtures.hpp"
#include "model/metric_dates.hpp"

#include <catch2/catch.hpp>

using namespace planner::model;
using metric_test::joined;
using metric_test::read_fixture;
using metric_test::WithChannel;

namespace {

std::string dump(const MetricFileResult& file) {
    return metric_test::dump(file, WithChannel::no);
}

} // namespace

TEST_CASE("downloads: X account analytics content, 2025 header with Link and Share",
          "[metrics][downloads]") {
    MetricReadResult result =
        read_fixture("x/account_analytics_content_2025-08-10_2025-08-16.csv", "x");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "x_content");
    CHECK(result.file.rows_read == 3);
    CHECK(dump(result.file) == "2025-08-15 impressions 1200 @4\n"
                               "2025-08-15 engagements 30 @4\n"
                               "2025-08-15 clicks 3 @4\n"
                               "2025-08-15 posts 1 @4\n"
                               "2025-08-15 followers_gained 1 @4\n"
                               "2025-08-15 replies 2 @4\n"
                               "2025-08-16 impressions 2300 @2\n"
                               "2025-08-16 engagements 75 @2\n"
                               "2025-08-16 clicks 8 @2\n"
                               "2025-08-16 posts 2 @2\n"
                               "2025-08-16 followers_gained 2 @2\n"
                               "2025-08-16 replies 5 @2\n");
    CHECK(joined(result.file.ignored_columns) ==
          "Post id | Post text | Link | Likes | Bookmarks | Share | Reposts | Profile visits | "
          "Detail Expands | Hashtag Clicks | Permalink Clicks");
}

TEST_CASE("downloads: X account analytics content, 2026 header with Post Link",
          "[metrics][downloads]") {
    MetricReadResult result =
        read_fixture("x/account_analytics_content_2026-08-14_2026-08-15.csv", "x");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "x_content");
    CHECK(dump(result.file) == "2026-08-14 impressions 300 @3\n"
                               "2026-08-14 engagements 8 @3\n"
                               "2026-08-14 clicks 0 @3\n"
                               "2026-08-14 posts 1 @3\n"
                               "2026-08-14 followers_gained 0 @3\n"
                               "2026-08-14 replies 3 @3\n"
                               "2026-08-15 impressions 900 @2\n"
                               "2026-08-15 engagements 25 @2\n"
                               "2026-08-15 clicks 6 @2\n"
                               "2026-08-15 posts 1 @2\n"
                               "2026-08-15 followers_gained 3 @2\n"
                               "2026-08-15 replies 2 @2\n");
}

TEST_CASE("downloads: Meta post export whose old rows are short", "[metrics][downloads]") {
    MetricReadResult result = read_fixture("meta/posts_facebook_short_rows.csv", "facebook");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "meta_posts");
    CHECK(result.file.rows_read == 3);
    CHECK(dump(result.file) == "2024-01-04 impressions 400 @4\n"
                               "2024-01-04 reach 380 @4\n"
                               "2024-01-04 posts 1 @4\n"
                               "2024-01-05 impressions 700 @3\n"
                               "2024-01-05 reach 650 @3\n"
                               "2024-01-05 engagements 12 @3\n"
                               "2024-01-05 clicks 4 @3\n"
                               "2024-01-05 posts 1 @3\n"
                               "2025-03-15 impressions 5400 @2\n"
                               "2025-03-15 reach 4100 @2\n"
                               "2025-03-15 engagements 230 @2\n"
                               "2025-03-15 clicks 95 @2\n"
                               "2025-03-15 posts 1 @2\n");
    CHECK(joined(result.file.notes)
              .find("2 rows are shorter than the header (the export leaves "
                    "out trailing empty cells); the missing cells are read "
                    "as empty") != std::string::npos);
}

TEST_CASE("downloads: YouTube Table data with videos that have no publish time",
          "[metrics][downloads]") {
    MetricReadResult result = read_fixture("youtube/Table data (undated).csv", "youtube");
    REQUIRE(result.ok());
    CHECK(result.file.rows_read == 3);
    CHECK(dump(result.file) == "2025-08-28 impressions 20000 @3\n"
                               "2025-08-28 video_views 1000 @3\n"
                               "2025-08-28 posts 1 @3\n"
                               "2025-08-28 followers_gained 6 @3\n");
    CHECK(result.file.notes.at(0) ==
          "2 videos have figures but no `Video publish time` (unlisted, private or deleted); "
          "they are not stored on any day (together: impressions 10000, video_views 400, "
          "followers_gained 3)");
}

TEST_CASE("downloads: YouTube Chart data of a few charted videos is not stored",
          "[metrics][downloads]") {
    MetricReadResult result = read_fixture("youtube/Chart data (5 videos).csv", "youtube");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "youtube_chart");
    CHECK(result.file.values.empty());
    CHECK(result.file.notes.at(0).rfind("Chart data holds only the 5 videos charted in YouTube "
                                        "Studio, not the channel's total; nothing is stored.",
                                        0) == 0);
}

TEST_CASE("downloads: YouTube Chart data split by traffic source is a breakdown",
          "[metrics][downloads]") {
    MetricReadResult result = read_fixture("youtube/Chart data (traffic source).csv", "youtube");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "youtube_chart");
    CHECK(result.file.values.empty());
    CHECK(joined(result.file.notes) ==
          "this Chart data is split by `Traffic source` (4 kinds): a breakdown of the channel's "
          "figures, not its daily totals; nothing is stored, so Totals.csv figures are never "
          "replaced by the rounded sum of the parts; import Totals.csv for the channel's "
          "figures");
    // Not even when Chart data is asked for: a breakdown is never the channel's total.
    MetricImportOptions options;
    options.channel = "youtube";
    options.store_chart_data = true;
    MetricReadResult asked = read_metric_file(
        "t.csv", metric_test::fixture("youtube/Chart data (traffic source).csv"), options);
    REQUIRE(asked.ok());
    CHECK(asked.file.values.empty());
}

TEST_CASE("downloads: YouTube Totals.csv with only Subscribers", "[metrics][downloads]") {
    MetricReadResult result = read_fixture("youtube/Totals (subscribers only).csv", "youtube");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "youtube_totals");
    CHECK(dump(result.file) == "2025-08-28 followers_gained 3 @2\n"
                               "2025-08-29 followers_gained -2 @3\n"
                               "2025-08-30 followers_gained 0 @4\n");
}

TEST_CASE("downloads: a Facebook page export in Windows-1252", "[metrics][downloads]") {
    MetricReadResult result = read_fixture("facebook_classic/page_windows1252.csv", "facebook");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "facebook_classic_page");
    CHECK(dump(result.file) == "2015-08-19 impressions 2600 @3\n"
                               "2015-08-19 reach 1800 @3\n"
                               "2015-08-19 engagements 140 @3\n"
                               "2015-08-19 clicks 95 @3\n"
                               "2015-08-19 followers 5120 @3\n"
                               "2015-08-19 followers_gained 10 @3\n"
                               "2015-08-20 impressions 2800 @4\n"
                               "2015-08-20 reach 1950 @4\n"
                               "2015-08-20 engagements 155 @4\n"
                               "2015-08-20 clicks 101 @4\n"
                               "2015-08-20 followers 5131 @4\n"
                               "2015-08-20 followers_gained 11 @4\n");
    CHECK(result.file.notes.back() ==
          "the file is not UTF-8: it was read as Windows-1252 (Latin-1), the encoding of older "
          "Western European exports");
}

TEST_CASE("downloads: TikTok Overview in Greek", "[metrics][downloads]") {
    MetricReadResult result = read_fixture("tiktok/Overview_el.csv", "tiktok", 2025);
    REQUIRE(result.ok());
    CHECK(dump(result.file) == "2025-10-30 engagements 23 @2\n"
                               "2025-10-30 video_views 410 @2\n"
                               "2025-10-31 engagements 28 @3\n"
                               "2025-10-31 video_views 520 @3\n"
                               "2025-11-01 engagements 33 @4\n"
                               "2025-11-01 video_views 610 @4\n");
}

TEST_CASE("downloads: TikTok Overview in Polish and French", "[metrics][downloads]") {
    MetricReadResult result = read_fixture("tiktok/Overview_pl_fr.csv", "tiktok", 2026);
    REQUIRE(result.ok());
    CHECK(dump(result.file) == "2026-03-02 engagements 5 @2\n"
                               "2026-03-02 video_views 100 @2\n"
                               "2026-03-03 engagements 7 @3\n"
                               "2026-03-03 video_views 200 @3\n");
}

TEST_CASE("downloads: TikTok business overview with YYYY/MM/DD and NAN", "[metrics][downloads]") {
    // No --year: the dates have one.
    MetricReadResult result = read_fixture("tiktok/Overview_business.csv", "tiktok");
    REQUIRE(result.ok());
    CHECK(dump(result.file) == "2025-10-31 engagements 95 @3\n"
                               "2025-10-31 video_views 1500 @3\n"
                               "2025-11-01 engagements 126 @4\n"
                               "2025-11-01 video_views 1720 @4\n");
    CHECK(joined(result.file.notes).rfind("1 row has no figures", 0) == 0);
}

TEST_CASE("downloads: TikTok FollowerHistory stores nothing for undefined days",
          "[metrics][downloads]") {
    MetricReadResult result = read_fixture("tiktok/FollowerHistory_undefined.csv", "tiktok", 2025);
    REQUIRE(result.ok());
    CHECK(dump(result.file) == "2025-09-25 followers 10405 @4\n"
                               "2025-09-25 followers_gained 12 @4\n");
    CHECK(result.file.notes.at(0) == "2 days are marked `undefined` (before the account had "
                                     "data); nothing is stored for them");
}

TEST_CASE("downloads: month names of Europe's languages", "[metrics][downloads]") {
    using planner::model::metric_detail::month_from_name;
    CHECK(month_from_name("Οκτωβρίου") == 10);
    CHECK(month_from_name("Οκτώβριος") == 10);
    CHECK(month_from_name("października") == 10);
    CHECK(month_from_name("février") == 2);
    CHECK(month_from_name("FÉVRIER") == 2);
    CHECK(month_from_name("marzo") == 3);
    CHECK(month_from_name("março") == 3);
    CHECK(month_from_name("března") == 3);
    CHECK(month_from_name("március") == 3);
    CHECK(month_from_name("maaliskuuta") == 3);
    CHECK(month_from_name("ožujka") == 3);
    CHECK(month_from_name("березня") == 3);
    CHECK(month_from_name("augustus") == 8);
    CHECK(month_from_name("décembre") == 12);
    CHECK(month_from_name("Dezember") == 12);
    CHECK_FALSE(month_from_name("Montag"));
    CHECK_FALSE(month_from_name("mañana"));
}
