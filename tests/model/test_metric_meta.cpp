// Meta Business Suite daily metric files and post exports, and the classic Facebook Insights
// page and post exports.

#include "metric_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace planner::model;
using namespace metric_test;

namespace {

MetricReadResult read(const std::string& name, const std::string& channel) {
    return read_fixture(name, channel);
}

} // namespace

TEST_CASE("metrics: Meta Business Suite daily Views file, UTF-16LE with sep=", "[metrics][meta]") {
    MetricReadResult result = read("meta/Views.csv", "facebook");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "meta_daily");
    CHECK(result.file.format_name == "Meta Business Suite daily metric file");
    CHECK(result.file.rows_read == 3);
    CHECK(dump(result.file) == "2025-12-24 facebook impressions 1520 @4\n"
                               "2025-12-25 facebook impressions 2210 @5\n"
                               "2025-12-28 facebook impressions 980 @6\n");
    CHECK(result.file.ignored_columns.empty());
    CHECK(joined(result.file.notes) ==
          "`Views` is imported as impressions | 2 days between the first and last date have no "
          "row; Meta leaves out days with 0, so nothing is stored for them");
}

TEST_CASE("metrics: Meta daily follows carry the profile given", "[metrics][meta]") {
    MetricImportOptions options;
    options.channel = "instagram";
    options.profile = "rimi-lv";
    MetricReadResult result = read_metric_file("Follows.csv", fixture("meta/Follows.csv"), options);
    REQUIRE(result.ok());
    CHECK(dump(result.file) == "2026-01-05 instagram/rimi-lv followers_gained 4 @4\n"
                               "2026-01-06 instagram/rimi-lv followers_gained 7 @5\n");
    CHECK(joined(result.file.notes) == "`Instagram follows` is imported as followers_gained | "
                                       "Meta counts new follows without subtracting unfollows");
}

TEST_CASE("metrics: a Meta daily metric that planner does not have is listed, not dropped",
          "[metrics][meta]") {
    MetricReadResult result = read("meta/Visits.csv", "facebook");
    REQUIRE(result.ok());
    CHECK(result.file.values.empty());
    CHECK(result.file.rows_read == 1);
    CHECK(joined(result.file.ignored_columns) == "Facebook visits");
    CHECK(joined(result.file.notes) == "`Facebook visits` is not one of planner's metrics, so "
                                       "nothing was imported from this file");
}

TEST_CASE("metrics: a Meta daily file in UTF-16BE", "[metrics][meta]") {
    MetricReadResult result = read("meta/Reach_utf16be.csv", "facebook");
    REQUIRE(result.ok());
    CHECK(dump(result.file) == "2026-02-01 facebook reach 700 @4\n");
}

TEST_CASE("metrics: Meta Business Suite Facebook post export, added up per publish day",
          "[metrics][meta]") {
    MetricReadResult result = read("meta/posts_facebook.csv", "facebook");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "meta_posts");
    CHECK(result.file.format_name == "Meta Business Suite post export (Facebook)");
    CHECK(result.file.rows_read == 3);
    // Two posts on 15 March (one with text over two lines), one on 16 March.
    CHECK(dump(result.file) == "2025-03-15 facebook impressions 17400 @2\n"
                               "2025-03-15 facebook reach 13100 @2\n"
                               "2025-03-15 facebook engagements 840 @2\n"
                               "2025-03-15 facebook clicks 215 @2\n"
                               "2025-03-15 facebook posts 2 @2\n"
                               "2025-03-16 facebook impressions 3000 @5\n"
                               "2025-03-16 facebook reach 2500 @5\n"
                               "2025-03-16 facebook engagements 90 @5\n"
                               "2025-03-16 facebook clicks 210 @5\n"
                               "2025-03-16 facebook posts 1 @5\n");
    CHECK(joined(result.file.ignored_columns) ==
          "Post ID | Page ID | Page name | Title | Description | Duration (sec) | Caption type | "
          "Permalink | Is crosspost | Is share | Post type | Languages | Custom labels | "
          "Funded content status | Data comment | Date | Reactions | Comments | Shares | "
          "Link clicks | Other Clicks | Matched Audience Targeting Consumption (Photo Click) | "
          "Views (column 28) | Seconds viewed | Average Seconds viewed | "
          "Estimated earnings (USD)");
    CHECK(joined(result.file.notes) ==
          "each post's lifetime figures are counted on the day it was published | the header "
          "names `Views` twice; the first is imported as impressions and the other is listed as "
          "ignored | the `Date` column says `Lifetime`; dates come from `Publish time`");
}

TEST_CASE("metrics: Meta Business Suite Instagram post export", "[metrics][meta]") {
    MetricReadResult result = read("meta/posts_instagram.csv", "instagram");
    REQUIRE(result.ok());
    CHECK(result.file.format_name == "Meta Business Suite post export (Instagram)");
    CHECK(dump(result.file) == "2026-03-27 instagram impressions 14000 @2\n"
                               "2026-03-27 instagram reach 10300 @2\n"
                               "2026-03-27 instagram engagements 810 @2\n"
                               "2026-03-27 instagram posts 2 @2\n"
                               "2026-03-27 instagram followers_gained 42 @2\n");
    CHECK(joined(result.file.ignored_columns) ==
          "Post ID | Account ID | Account username | Account name | Description | "
          "Duration (sec) | Permalink | Post type | Data comment | Date | Saves");
}

TEST_CASE("metrics: classic Facebook Insights page export", "[metrics][meta]") {
    MetricReadResult result = read("facebook_classic/page.csv", "facebook");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "facebook_classic_page");
    CHECK(result.file.rows_read == 3);
    // Reach and clicks come from the repeated columns that row 2 says are unique users and
    // total counts; the all-empty day 8/21 stores nothing.
    CHECK(dump(result.file) == "2015-08-19 facebook impressions 2600 @3\n"
                               "2015-08-19 facebook reach 1800 @3\n"
                               "2015-08-19 facebook engagements 140 @3\n"
                               "2015-08-19 facebook clicks 95 @3\n"
                               "2015-08-19 facebook followers 5120 @3\n"
                               "2015-08-19 facebook followers_gained 10 @3\n"
                               "2015-08-20 facebook impressions 2800 @4\n"
                               "2015-08-20 facebook reach 1950 @4\n"
                               "2015-08-20 facebook engagements 155 @4\n"
                               "2015-08-20 facebook clicks 101 @4\n"
                               "2015-08-20 facebook followers 5131 @4\n"
                               "2015-08-20 facebook followers_gained 11 @4\n");
    CHECK(joined(result.file.ignored_columns) ==
          "Weekly Page Engaged Users | Daily Total Reach (column 7) | "
          "Daily Page Consumptions (column 10)");
    CHECK(joined(result.file.notes) ==
          "1 row has no figures (empty, `-` or `undefined`); nothing is stored for it | line 2 "
          "describes the columns and is not read as figures | `Daily Page Engaged Users` "
          "(people who engaged) is imported as engagements");
}

TEST_CASE("metrics: classic Facebook Insights post export", "[metrics][meta]") {
    MetricReadResult result = read("facebook_classic/posts.csv", "facebook");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "facebook_classic_posts");
    CHECK(dump(result.file) == "2015-10-01 facebook impressions 1620 @3\n"
                               "2015-10-01 facebook reach 1200 @3\n"
                               "2015-10-01 facebook engagements 80 @3\n"
                               "2015-10-01 facebook clicks 97 @3\n"
                               "2015-10-01 facebook posts 2 @3\n"
                               "2015-10-02 facebook impressions 350 @5\n"
                               "2015-10-02 facebook reach 300 @5\n"
                               "2015-10-02 facebook posts 1 @5\n");
    CHECK(joined(result.file.ignored_columns) ==
          "Post ID | Permalink | Post Message | Type | Countries | Languages | "
          "Audience Targeting | Lifetime Post organic reach | Lifetime Post Paid Reach | "
          "Lifetime Post Consumers");
}

TEST_CASE("metrics: a Meta daily file with a bad date or a bad figure", "[metrics][meta]") {
    MetricImportOptions options;
    options.channel = "facebook";
    MetricReadResult result =
        read_metric_file("Reach.csv",
                         "sep=,\n\"Reach\"\n\"Date\",\"Primary\"\n\"24.12.2025\",\"5\"\n"
                         "\"2025-12-25T00:00:00\",\"12 k\"\n",
                         options);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error_text() ==
          "Reach.csv:4:1: `24.12.2025` in the `Date` column is not a date that planner can "
          "read; this export writes dates like `2025-12-24T00:00:00`\n"
          "Reach.csv:5:23: `12 k` in the `Primary` column is not a number; the file may have "
          "been edited: download the export again\n");
}
