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
