// Terminal tables: columns as wide as their cells, cut with "…" to fit, and one block per row
// when even cut columns do not fit.
#include "exporters/text_table.hpp"

#include <catch2/catch.hpp>

using namespace planner::exporters;

namespace {
const std::vector<TextColumn> k_columns = {{"person"}, {"name"}, {"load", Align::right}};
const std::vector<std::vector<std::string>> k_rows = {{"liga", "Līga Kalniņa", "8.42"},
                                                      {"anna", "Anna Bērziņa-Ozoliņa", "41.10"}};
} // namespace

TEST_CASE("a text table that fits keeps every cell whole and aligns numbers right") {
    CHECK(render_text_table(k_columns, k_rows, 100) == "person  name                   load\n"
                                                       "------  --------------------  -----\n"
                                                       "liga    Līga Kalniņa           8.42\n"
                                                       "anna    Anna Bērziņa-Ozoliņa  41.10\n");
}

TEST_CASE("a text table narrower than its cells cuts the widest text column with an ellipsis") {
    const std::string table = render_text_table(k_columns, k_rows, 30);
    CHECK(table == "person  name              load\n"
                   "------  ---------------  -----\n"
                   "liga    Līga Kalniņa      8.42\n"
                   "anna    Anna Bērziņa-O…  41.10\n");
}

TEST_CASE("a table that cannot fit becomes one block of lines per row") {
    const std::string table = render_text_table(k_columns, k_rows, 20);
    CHECK(table == "person  liga\n"
                   "name    Līga Kalniņa\n"
                   "load    8.42\n"
                   "\n"
                   "person  anna\n"
                   "name    Anna Bērziņ…\n"
                   "load    41.10\n");
}
