// Which format a file is, and what the user is told when it is none or it is damaged.

#include "metric_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace planner::model;
using namespace metric_test;

namespace {

MetricReadResult read(const std::string& name, const std::string& channel = "facebook",
                      std::optional<int> year = 2026) {
    return read_fixture(name, channel, year);
}

} // namespace

TEST_CASE("metrics: the formats tried, in order", "[metrics][detect]") {
    std::string ids;
    for (const MetricFormatInfo& format : metric_formats())
        ids += std::string(format.id) + " ";
    CHECK(ids == "generic meta_daily meta_posts facebook_classic_page facebook_classic_posts "
                 "x_tweet_activity x_account_overview x_content youtube_table youtube_chart "
                 "youtube_totals tiktok_overview tiktok_followers tiktok_content "
                 "linkedin_content linkedin_followers linkedin_visitors ");
}

TEST_CASE("metrics: each export is recognised by its own layout", "[metrics][detect]") {
    struct Case {
        const char* file;
        const char* format;
    };
    const Case cases[] = {
        {"generic/valid.csv", "generic"},
        {"meta/Views.csv", "meta_daily"},
        {"meta/Reach_utf16be.csv", "meta_daily"},
        {"meta/posts_facebook.csv", "meta_posts"},
        {"meta/posts_instagram.csv", "meta_posts"},
        {"facebook_classic/page.csv", "facebook_classic_page"},
        {"facebook_classic/posts.csv", "facebook_classic_posts"},
        {"x/tweet_activity.csv", "x_tweet_activity"},
        {"x/tweet_activity_2015.csv", "x_tweet_activity"},
        {"x/account_overview.csv", "x_account_overview"},
        {"youtube/Table data.csv", "youtube_table"},
        {"youtube/Chart data.csv", "youtube_chart"},
        {"youtube/Totals.csv", "youtube_totals"},
        {"tiktok/Overview.csv", "tiktok_overview"},
        {"tiktok/FollowerHistory.csv", "tiktok_followers"},
        {"tiktok/Content.csv", "tiktok_content"},
        {"linkedin/content.csv", "linkedin_content"},
        {"linkedin/followers.csv", "linkedin_followers"},
        {"linkedin/visitors.csv", "linkedin_visitors"},
    };
    for (const Case& c : cases) {
        INFO(c.file);
        MetricReadResult result = read(c.file);
        REQUIRE(result.ok());
        CHECK(result.file.format_id == c.format);
    }
}

TEST_CASE("metrics: an unrecognised file lists every format tried and why not",
          "[metrics][detect]") {
    MetricReadResult result = read("malformed/unrecognised.csv");
    REQUIRE_FALSE(result.ok());
    const std::string f = "malformed/unrecognised.csv: ";
    CHECK(result.error_text() ==
          f +
              "planner does not recognise this file as an analytics export; download it again "
              "from the network's analytics page and import it as downloaded (not opened and "
              "saved in a spreadsheet), or write the figures in the generic format "
              "`date,channel,profile,metric,value`. The formats tried:\n" +
              f +
              "not generic CSV: line 1 is not the header `date,channel,profile,metric,value`\n" +
              f + "not Meta Business Suite daily metric file: line 1 is not `sep=,`\n" + f +
              "not Meta Business Suite post export: line 1 has no `Post ID` column\n" + f +
              "not Facebook Insights page export (classic): line 1 is not `Date` followed by "
              "columns such as `Lifetime Total Likes`\n" +
              f +
              "not Facebook Insights post export (classic): line 1 has no `Post ID`, `Posted` "
              "and `Lifetime Post Total Reach` columns\n" +
              f +
              "not X tweet activity export: line 1 has no `Tweet id`, `time` and `impressions` "
              "columns\n" +
              f +
              "not X account overview export: line 1 is not `Date` followed by `Impressions`, "
              "..., `New follows`, `Unfollows`\n" +
              f +
              "not X account analytics content export: line 1 has no `Post id`, `Date`, `Post "
              "Link` (or `Link`) and `Impressions` columns\n" +
              f +
              "not YouTube Studio Table data.csv: line 1 does not start with "
              "`Content,Video title`\n" +
              f +
              "not YouTube Studio Chart data.csv: line 1 does not start with `Date,Content` or "
              "`Date` and a split such as `Traffic source`\n" +
              f +
              "not YouTube Studio Totals.csv: line 1 is not `Date` followed by YouTube columns "
              "such as `Views` or `Subscribers`\n" +
              f +
              "not TikTok Studio Overview.csv: line 1 does not start with "
              "`\"Date\",\"Video Views\"`\n" +
              f +
              "not TikTok Studio FollowerHistory.csv: line 1 does not start with "
              "`\"Date\",\"Followers\"`\n" +
              f +
              "not TikTok Studio Content.csv: line 1 has no `Video title`, `Video link` and "
              "`Post time` columns\n" +
              f +
              "not LinkedIn Page content analytics: neither line 1 nor line 2 starts with "
              "`Date`, as LinkedIn's content sheet does\n" +
              f +
              "not LinkedIn Page followers analytics: neither line 1 nor line 2 starts with "
              "`Date`, as LinkedIn's followers sheet does\n" +
              f +
              "not LinkedIn Page visitors analytics: neither line 1 nor line 2 starts with "
              "`Date`, as LinkedIn's visitors sheet does\n");
}

TEST_CASE("metrics: why a near miss is not a Meta daily file", "[metrics][detect]") {
    MetricImportOptions options;
    options.channel = "facebook";
    MetricReadResult result = read_metric_file(
        "Views.csv", "sep=,\n\"Views\"\n\"Day\",\"Primary\"\n\"2025-12-24T00:00:00\",\"1\"\n",
        options);
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.errors.size() == 18);
    CHECK(result.errors[2].to_string() ==
          "Views.csv: not Meta Business Suite daily metric file: line 3 is not "
          "`\"Date\",\"Primary\"`");
}

TEST_CASE("metrics: empty files", "[metrics][detect]") {
    MetricReadResult empty = read("malformed/empty.csv");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error_text() == "malformed/empty.csv: the file is empty; download the export "
                                "again\n");

    MetricReadResult blank = read("malformed/bom_only.csv");
    REQUIRE_FALSE(blank.ok());
    CHECK(blank.error_text() == "malformed/bom_only.csv: the file has no rows, only empty "
                                "lines; download the export again\n");
}

TEST_CASE("metrics: a download cut off inside a quoted post text", "[metrics][detect]") {
    MetricReadResult result = read("malformed/tweet_activity_truncated.csv");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error_text() ==
          "malformed/tweet_activity_truncated.csv:2:77: this quoted field is never closed: the "
          "file ends inside it, so it looks cut short; download it again\n");
}

TEST_CASE("metrics: a file in the wrong encoding", "[metrics][detect]") {
    // Text that is not UTF-8 is read as Windows-1252: a Baltic (Windows-1257) `Rīga` becomes
    // `Rîga`, which is then no profile id.
    MetricReadResult legacy = read("malformed/windows1257.csv");
    REQUIRE_FALSE(legacy.ok());
    CHECK(legacy.error_text() ==
          "malformed/windows1257.csv:3:22: `R\xC3\xAEga` is not a profile id: ids are 1-64 "
          "characters of a-z, 0-9, _ and -; leave it empty for the whole channel\n");

    MetricReadResult utf16 = read("malformed/utf16_without_bom.csv");
    REQUIRE_FALSE(utf16.ok());
    CHECK(utf16.error_text() ==
          "malformed/utf16_without_bom.csv:1:2: the file contains zero bytes, so it is not "
          "UTF-8 text: it is probably UTF-16 without a byte-order mark; open it in a "
          "spreadsheet, save it as \"CSV UTF-8\" and import that file\n");
}

TEST_CASE("metrics: text in a number column and a date that is not one", "[metrics][detect]") {
    MetricReadResult result = read("malformed/overview_text_in_numbers.csv", "tiktok", 2026);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error_text() ==
          "malformed/overview_text_in_numbers.csv:3:11: `lots` in the `Video Views` column is "
          "not a number; the file may have been edited: download the export again\n"
          "malformed/overview_text_in_numbers.csv:4:1: `Marchh 4` in the `Date` column is not a "
          "date that planner can read; this export writes dates like `March 2`\n");
    CHECK(result.file.values.empty());
}

TEST_CASE("metrics: a row cut short", "[metrics][detect]") {
    MetricReadResult result = read("malformed/overview_short_row.csv", "tiktok", 2026);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error_text() ==
          "malformed/overview_short_row.csv:3:1: this row has 3 values but the header on line 1 "
          "has 6 columns: the row is incomplete, so the file may be cut short or edited; "
          "download the export again\n");
}

TEST_CASE("metrics: a row longer than its header", "[metrics][detect]") {
    MetricImportOptions options;
    options.channel = "linkedin";
    MetricReadResult result = read_metric_file(
        "followers.csv", "Date,Total followers\n01/05/2026,4,,\n01/06/2026,7,,9\n", options);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error_text() == "followers.csv:3:15: this value is past the last column of the "
                                 "header on line 1 (2 columns); check that the file was not "
                                 "edited\n");
}

TEST_CASE("metrics: a network export needs a valid --channel", "[metrics][detect]") {
    MetricReadResult missing = read("meta/Views.csv", "");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error_text() == "meta/Views.csv: this is a Meta Business Suite daily metric "
                                  "file; say which channel its figures belong to with "
                                  "--channel (for example --channel facebook)\n");

    MetricReadResult bad = read("meta/Views.csv", "Face Book");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error_text() == "meta/Views.csv: `Face Book` is not a channel id: ids are 1-64 "
                              "characters of a-z, 0-9, _ and -, as in the plan (for example "
                              "--channel facebook)\n");

    MetricImportOptions options;
    options.channel = "facebook";
    options.profile = "Rimi LV";
    MetricReadResult profile = read_metric_file("Views.csv", fixture("meta/Views.csv"), options);
    REQUIRE_FALSE(profile.ok());
    CHECK(profile.error_text() == "Views.csv: `Rimi LV` is not a profile id: ids are 1-64 "
                                  "characters of a-z, 0-9, _ and -, as in the plan\n");
}

TEST_CASE("metrics: a file that cannot be opened", "[metrics][detect]") {
    MetricReadResult result = load_metric_file("/nonexistent/metrics.csv", MetricImportOptions{});
    REQUIRE_FALSE(result.ok());
    CHECK(result.error_text() == "/nonexistent/metrics.csv: cannot open the file (No such file or "
                                 "directory); check the path and that you may read it\n");
}

TEST_CASE("metrics: load_metric_file reads from disk", "[metrics][detect]") {
    MetricImportOptions options;
    options.channel = "facebook";
    MetricReadResult result =
        load_metric_file(std::string(PLANNER_TEST_DATA) + "/metrics/meta/Views.csv", options);
    REQUIRE(result.ok());
    CHECK(result.file.values.size() == 3);
}
