// The generic format `date,channel,profile,metric,value`: strict, every error with its place.

#include "metric_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace planner::model;
using namespace metric_test;

TEST_CASE("metrics: generic CSV is read row by row", "[metrics][generic]") {
    MetricReadResult result =
        read_metric_file("valid.csv", fixture("generic/valid.csv"), MetricImportOptions{});
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "generic");
    CHECK(result.file.format_name == "generic CSV");
    CHECK(result.file.rows_read == 6);
    CHECK(result.file.ignored_columns.empty());
    CHECK(result.file.notes.empty());
    CHECK(dump(result.file) == "2026-01-01 instagram impressions 1200 @2\n"
                               "2026-01-01 instagram engagements 96 @3\n"
                               "2026-01-01 linkedin response_minutes 42 @7\n"
                               "2026-01-02 facebook/rimi-lv followers 40210 @5\n"
                               "2026-01-02 facebook/rimi-lv followers_gained -3 @6\n"
                               "2026-01-02 instagram impressions 1300.5 @4\n");
}

TEST_CASE("metrics: generic CSV reports every error with file, line and column",
          "[metrics][generic]") {
    MetricReadResult result =
        read_metric_file("errors.csv", fixture("generic/errors.csv"), MetricImportOptions{});
    REQUIRE_FALSE(result.ok());
    CHECK(result.error_text() ==
          "errors.csv:2:1: `2026-02-30` is not a date; write dates as YYYY-MM-DD, for example "
          "2026-01-31\n"
          "errors.csv:3:23: unknown metric 'impresions' (did you mean 'impressions'?)\n"
          "errors.csv:4:35: `1,200` is not a plain number; write digits with a dot for decimals "
          "and no spaces or thousands separators, for example 1250 or 0.5\n"
          "errors.csv:5:23: 'engagement_rate' is computed by planner from engagements and "
          "impressions; import those instead\n"
          "errors.csv:6:12: `Insta Gram` is not a channel id: ids are 1-64 characters of a-z, "
          "0-9, _ and -, as in the plan\n"
          "errors.csv:7:1: this row has 4 values; each row needs 5: "
          "date,channel,profile,metric,value\n"
          "errors.csv:8:30: `-4` is negative, but clicks cannot be; check the value\n"
          "errors.csv:10:1: this row repeats 2026-03-04 tiktok posts from line 9; keep one of "
          "the two rows\n"
          "errors.csv:11:20: unknown metric 'happiness'; the metrics are impressions, reach, "
          "engagements, clicks, video_views, posts, followers, followers_gained, inbound, "
          "replies, response_minutes, spend, conversions, revenue\n");
    CHECK(result.file.values.empty());
}

TEST_CASE("metrics: generic CSV needs exactly its header", "[metrics][generic]") {
    MetricReadResult result =
        read_metric_file("wrong.csv", fixture("generic/wrong_header.csv"), MetricImportOptions{});
    REQUIRE_FALSE(result.ok());
    CHECK(result.error_text() == "wrong.csv:1:1: the header must be exactly "
                                 "`date,channel,profile,metric,value`, but it is "
                                 "`date,channel,metric,value`\n");
}

TEST_CASE("metrics: generic CSV takes channels from its rows, not from --channel",
          "[metrics][generic]") {
    MetricImportOptions options;
    options.channel = "facebook";
    MetricReadResult result = read_metric_file(
        "mixed.csv", "date,channel,profile,metric,value\n2026-05-01,tiktok,,posts,2\n", options);
    REQUIRE(result.ok());
    CHECK(dump(result.file) == "2026-05-01 tiktok posts 2 @2\n");
    REQUIRE(result.file.notes.size() == 1);
    CHECK(result.file.notes[0] == "the generic format names the channel and profile in each row; "
                                  "--channel and --profile were not used");
}

TEST_CASE("metrics: generic CSV accepts quoting, CRLF, a BOM and semicolons",
          "[metrics][generic]") {
    MetricReadResult result =
        read_metric_file("excel.csv",
                         "\xEF\xBB\xBF\"date\";\"channel\";\"profile\";\"metric\";\"value\"\r\n"
                         "\"2026-05-01\";\"linkedin\";\"\";\"clicks\";\"14\"\r\n"
                         "2026-05-02;linkedin;;clicks;0.5",
                         MetricImportOptions{});
    REQUIRE(result.ok());
    CHECK(dump(result.file) == "2026-05-01 linkedin clicks 14 @2\n"
                               "2026-05-02 linkedin clicks 0.5 @3\n");
}

TEST_CASE("metrics: generic CSV numbers are plain", "[metrics][generic]") {
    auto error_for = [](const std::string& value) {
        MetricReadResult result = read_metric_file(
            "n.csv", "date,channel,profile,metric,value\n2026-05-01,x,,reach," + value + "\n",
            MetricImportOptions{});
        return result.ok() ? std::string("ok") : result.errors.at(0).message;
    };
    CHECK(error_for("12") == "ok");
    CHECK(error_for("12.25") == "ok");
    CHECK(error_for("1e3").substr(0, 30) == "`1e3` is not a plain number; w");
    CHECK(error_for(" 12").substr(0, 30) == "` 12` is not a plain number; w");
    CHECK(error_for("12.").substr(0, 30) == "`12.` is not a plain number; w");
    CHECK(error_for("").substr(0, 27) == "`` is not a plain number; w");
    CHECK(error_for("-0") == "ok");
    CHECK(error_for(std::string(400, '9')) ==
          "`" + std::string(400, '9') + "` is too large to be a figure; check the value");
}
