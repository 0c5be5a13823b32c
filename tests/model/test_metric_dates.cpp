// Dates as the analytics exports write them.

#include "model/metric_dates.hpp"

#include <catch2/catch.hpp>

using namespace planner::model;
using namespace planner::model::metric_detail;

namespace {

std::string iso(const std::optional<Date>& date) {
    return date ? format_date(*date) : "none";
}

std::string words(std::string_view text) {
    std::optional<WordDate> date = parse_word_date(text);
    if (!date)
        return "none";
    return std::to_string(date->month) + "/" + std::to_string(date->day) +
           (date->year ? "/" + std::to_string(*date->year) : "");
}

} // namespace

TEST_CASE("metrics: ISO dates with or without a time", "[metrics][dates]") {
    CHECK(iso(parse_iso_date_prefix("2025-12-24")) == "2025-12-24");
    CHECK(iso(parse_iso_date_prefix("2025-12-24T00:00:00")) == "2025-12-24");
    CHECK(iso(parse_iso_date_prefix("2021-12-01 16:00 +0000")) == "2021-12-01");
    CHECK(iso(parse_iso_date_prefix("2024-02-29")) == "2024-02-29");
    CHECK(iso(parse_iso_date_prefix("2025-02-29")) == "none");
    CHECK(iso(parse_iso_date_prefix("2025-13-01")) == "none");
    CHECK(iso(parse_iso_date_prefix("2025-12-24x")) == "none");
    CHECK(iso(parse_iso_date_prefix("25-12-24")) == "none");
}

TEST_CASE("metrics: US dates, month first", "[metrics][dates]") {
    CHECK(iso(parse_us_date("8/19/2015")) == "2015-08-19");
    CHECK(iso(parse_us_date("03/15/2025 03:06")) == "2025-03-15");
    CHECK(iso(parse_us_date("10/1/2015 21:00")) == "2015-10-01");
    CHECK(iso(parse_us_date("19/8/2015")) == "none");
    CHECK(iso(parse_us_date("8/19/15")) == "none");
    CHECK(iso(parse_us_date("2015-08-19")) == "none");
}

TEST_CASE("metrics: dates with the month in words", "[metrics][dates]") {
    CHECK(words("Aug 28, 2025") == "8/28/2025");
    CHECK(words("Sat, Sep 6, 2025") == "9/6/2025");
    CHECK(words("Sep 1 2026") == "9/1/2026");
    CHECK(words("March 2") == "3/2");
    CHECK(words("2 March") == "3/2");
    CHECK(words("September 25") == "9/25");
    CHECK(words("Feb 29") == "2/29"); // the year decides later
    CHECK(words("Feb 30") == "none");
    CHECK(words("Feb 29, 2025") == "none");
    CHECK(words("Marchh 4") == "none");
    CHECK(words("4") == "none");
    CHECK(words("March") == "none");
    CHECK(words("March 2 3") == "none");
}

TEST_CASE("metrics: month names in the languages of a Baltic team", "[metrics][dates]") {
    CHECK(words("2. marts") == "3/2");
    CHECK(words("3. martā") == "3/3");
    CHECK(words("18. janvāris") == "1/18");
    CHECK(words("1. JŪLIJS") == "7/1");
    CHECK(words("12. aprīļa") == "4/12");
    CHECK(words("28 апреля") == "4/28");
    CHECK(words("10 Января") == "1/10");
    CHECK(words("5 gegužės") == "5/5");
    CHECK(words("5. detsember") == "12/5");
    CHECK(words("3. März") == "3/3");
    CHECK(month_from_name("Dec.") == 12);
    CHECK_FALSE(month_from_name("tháng"));
}

TEST_CASE("metrics: lower case beyond ASCII", "[metrics][dates]") {
    CHECK(lower_utf8("ĀČĒĢĪĶĻŅŠŪŽ") == "āčēģīķļņšūž");
    CHECK(lower_utf8("ЯНВАРЯ Ё") == "января ё");
    CHECK(lower_utf8("MÄRZ") == "märz");
}

TEST_CASE("metrics: years for dates without one move on after December", "[metrics][dates]") {
    YearSequence years(2025);
    CHECK(years.year_for(12) == 2025);
    CHECK(years.year_for(12) == 2025);
    CHECK(years.year_for(1) == 2026);
    CHECK(years.year_for(3) == 2026);
    CHECK(iso(make_date(2026, 2, 29)) == "none");
    CHECK(iso(make_date(2028, 2, 29)) == "2028-02-29");
}
