// Figures on chart axes and bars: as few decimals as the step needs, the report language's
// decimal point.
#include "exporters/pdf_chart_common.hpp"

#include <catch2/catch.hpp>

using namespace planner::exporters;

TEST_CASE("chart figures take as many decimals as the step needs") {
    CHECK(format_value(40, 10, " h") == "40 h");
    CHECK(format_value(2.5, 2.5, "%") == "2.5%");
    CHECK(format_value(0.25, 0.25, "") == "0.25");
    CHECK(format_value(-0.0001, 0.5, "") == "0.0");
    CHECK(format_data_value(12, "") == "12");
    CHECK(format_data_value(1.5, " h") == "1.5 h");
}

TEST_CASE("chart figures use the report language's decimal point") {
    CHECK(format_value(2.5, 2.5, "%", ",") == "2,5%");
    CHECK(format_value(40, 10, " h", ",") == "40 h");
    CHECK(format_data_value(160.5, "%", ",") == "160,5%");
}

TEST_CASE("chart figures group thousands as the report's language does", "[chart]") {
    Labels english;
    english.group_separator = ",";
    CHECK(format_data_value(27529.24, "", english) == "27,529.24");
    CHECK(format_value(-1234567, 1, " h", english) == "-1,234,567 h");
    CHECK(format_value(1000, 500, "", english) == "1,000");
    CHECK(format_value(999, 1, "", english) == "999");
    Labels latvian;
    latvian.decimal_point = ",";
    latvian.group_separator = "\xC2\xA0";
    latvian.group_four_digits = false;
    CHECK(format_data_value(27529.24, "", latvian) == "27\xC2\xA0"
                                                      "529,24");
    CHECK(format_value(7803, 1, "", latvian) == "7803");
}
