// LinkedIn Page analytics sheets saved as CSV: content, followers, visitors.

#include "metric_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace planner::model;
using metric_test::joined;
using metric_test::read_fixture;
using metric_test::WithChannel;

namespace {

MetricReadResult read(const std::string& name) {
    return read_fixture(name, "linkedin");
}

std::string dump(const MetricFileResult& file) {
    return metric_test::dump(file, WithChannel::no);
}

} // namespace

TEST_CASE("metrics: LinkedIn content sheet with a description row above the header",
          "[metrics][linkedin]") {
    MetricReadResult result = read("linkedin/content.csv");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "linkedin_content");
    CHECK(result.file.rows_read == 2);
    CHECK(dump(result.file) == "2026-01-05 impressions 1500 @3\n"
                               "2026-01-05 reach 800 @3\n"
                               "2026-01-05 engagements 42 @3\n"
                               "2026-01-05 clicks 50 @3\n"
                               "2026-01-06 impressions 900 @4\n"
                               "2026-01-06 reach 650 @4\n"
                               "2026-01-06 engagements 21 @4\n"
                               "2026-01-06 clicks 20 @4\n");
    CHECK(joined(result.file.ignored_columns) ==
          "Impressions (organic) | Impressions (sponsored) | Clicks (organic) | "
          "Clicks (sponsored) | Reactions (organic) | Reactions (sponsored) | "
          "Comments (organic) | Comments (sponsored) | Reposts (organic) | Reposts (sponsored) | "
          "Engagement rate (organic) | Engagement rate (sponsored) | Engagement rate (total)");
    CHECK(joined(result.file.notes) ==
          "line 1 describes the sheet and is not read | engagements are reactions + comments + "
          "reposts; LinkedIn's engagement rates are not read, since planner computes "
          "engagement_rate from the sums");
}

TEST_CASE("metrics: LinkedIn followers sheet", "[metrics][linkedin]") {
    MetricReadResult result = read("linkedin/followers.csv");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "linkedin_followers");
    CHECK(dump(result.file) == "2026-01-05 followers_gained 4 @2\n"
                               "2026-01-06 followers_gained 7 @3\n");
    CHECK(joined(result.file.ignored_columns) ==
          "Sponsored followers | Organic followers | Auto-invited followers");
}

TEST_CASE("metrics: LinkedIn visitors sheet has no planner metric", "[metrics][linkedin]") {
    MetricReadResult result = read("linkedin/visitors.csv");
    REQUIRE(result.ok());
    CHECK(result.file.format_id == "linkedin_visitors");
    CHECK(result.file.values.empty());
    CHECK(result.file.rows_read == 1);
    CHECK(result.file.ignored_columns.size() == 9);
    CHECK(joined(result.file.notes) ==
          "page views and visitors are not planner metrics, so nothing was imported from this "
          "file");
}

TEST_CASE("metrics: LinkedIn dates are month first", "[metrics][linkedin]") {
    MetricImportOptions options;
    options.channel = "linkedin";
    MetricReadResult result =
        read_metric_file("content.csv", "Date,Impressions (total)\n13/01/2026,5\n", options);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error_text() == "content.csv:2:1: `13/01/2026` in the `Date` column is not a "
                                 "date that planner can read; this export writes dates like "
                                 "`03/15/2025`\n");
}
