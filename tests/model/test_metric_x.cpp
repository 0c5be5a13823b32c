// X (Twitter) tweet activity and account overview exports.

#include "metric_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace planner::model;
using namespace metric_test;

namespace {

MetricReadResult read(const std::string& name, const std::string& channel) {
    return read_fixture(name, channel);
}

} // namespace

TEST_CASE("metrics: X tweet activity, added up per UTC day", "[metrics][x]") {
    MetricReadResult result = read("x/tweet_activity.csv", "x");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "x_tweet_activity");
    CHECK(result.file.rows_read == 3);
    // The first post's text spans three lines, so the second post starts on line 5.
    CHECK(dump(result.file) == "2021-12-01 x impressions 3000 @2\n"
                               "2021-12-01 x engagements 70 @2\n"
                               "2021-12-01 x clicks 12 @2\n"
                               "2021-12-01 x posts 2 @2\n"
                               "2021-12-01 x followers_gained 1 @2\n"
                               "2021-12-01 x replies 4 @2\n"
                               "2021-12-02 x impressions 1000 @6\n"
                               "2021-12-02 x engagements 20 @6\n"
                               "2021-12-02 x clicks 4 @6\n"
                               "2021-12-02 x posts 1 @6\n"
                               "2021-12-02 x followers_gained 0 @6\n"
                               "2021-12-02 x replies 0 @6\n");
    CHECK(joined(result.file.ignored_columns) ==
          "Tweet id | Tweet permalink | Tweet text | engagement rate | retweets | likes | "
          "user profile clicks | hashtag clicks | detail expands | permalink clicks | "
          "app opens | app installs | email tweet | dial phone | media views | "
          "media engagements | promoted impressions | promoted engagements | "
          "promoted engagement rate | promoted retweets | promoted replies | promoted likes");
    CHECK(joined(result.file.notes) == "posts are counted on the UTC day of their `time`");
}

TEST_CASE("metrics: an older X export says favorites", "[metrics][x]") {
    MetricReadResult result = read("x/tweet_activity_2015.csv", "x");
    REQUIRE(result.ok());
    CHECK(dump(result.file) == "2015-09-30 x impressions 424 @2\n"
                               "2015-09-30 x engagements 3 @2\n"
                               "2015-09-30 x clicks 5 @2\n"
                               "2015-09-30 x posts 1 @2\n"
                               "2015-09-30 x followers_gained 0 @2\n"
                               "2015-09-30 x replies 2 @2\n");
    CHECK(joined(result.file.notes) == "posts are counted on the UTC day of their `time` | this "
                                       "is an older export that says `favorites` for `likes`");
}

TEST_CASE("metrics: X account overview, newest first and no final line end", "[metrics][x]") {
    MetricReadResult result = read("x/account_overview.csv", "x");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "x_account_overview");
    CHECK(result.file.rows_read == 3);
    CHECK(dump(result.file) == "2025-09-04 x impressions 336 @4\n"
                               "2025-09-04 x engagements 15 @4\n"
                               "2025-09-04 x video_views 0 @4\n"
                               "2025-09-04 x posts 0 @4\n"
                               "2025-09-04 x followers_gained 3 @4\n"
                               "2025-09-04 x replies 2 @4\n"
                               "2025-09-05 x impressions 2199 @3\n"
                               "2025-09-05 x engagements 26 @3\n"
                               "2025-09-05 x video_views 10 @3\n"
                               "2025-09-05 x posts 1 @3\n"
                               "2025-09-05 x followers_gained -1 @3\n"
                               "2025-09-05 x replies 2 @3\n"
                               "2025-09-06 x impressions 2871 @2\n"
                               "2025-09-06 x engagements 43 @2\n"
                               "2025-09-06 x video_views 0 @2\n"
                               "2025-09-06 x posts 2 @2\n"
                               "2025-09-06 x followers_gained 3 @2\n"
                               "2025-09-06 x replies 1 @2\n");
    CHECK(joined(result.file.ignored_columns) ==
          "Likes | Bookmarks | Shares | Reposts | Profile visits | Media views");
}

TEST_CASE("metrics: an X export with text in a count", "[metrics][x]") {
    MetricImportOptions options;
    options.channel = "x";
    MetricReadResult result = read_metric_file(
        "overview.csv",
        "Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies\n"
        "\"Sat, Sep 6, 2025\",many,24,43,0,1,5,2,1\n"
        "\"Sep 5\",10,24,43,0,1,5,2,1",
        options);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error_text() ==
          "overview.csv:2:20: `many` in the `Impressions` column is not a number; the file may "
          "have been edited: download the export again\n"
          "overview.csv:3:1: `Sep 5` in the `Date` column is not a date that planner can read; "
          "this export writes dates like `Sat, Sep 6, 2025`\n");
}
