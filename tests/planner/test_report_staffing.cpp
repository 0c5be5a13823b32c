// The staffing report's RACI: a matrix of duties x people for teams of up to 40 people, a
// list of each duty's people by letter beyond (a matrix grows with people x duties).
#include "model/plan_reader.hpp"
#include "planner/reports/reports.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace planner;
namespace ex = planner::exporters;

namespace {
// A plan of `people` people, each responsible for the engagement of one of two channels;
// the first is accountable for both.
model::Plan team_of(int people) {
    std::string yaml = "version: 1\nplan: {name: T}\nchannels:\n"
                       "  - {id: ig, network: instagram, workload: {inbound_per_day: 10, "
                       "minutes_per_inbound: 3}}\n"
                       "  - {id: fb, network: facebook, workload: {inbound_per_day: 10, "
                       "minutes_per_inbound: 3}}\npeople:\n";
    for (int i = 0; i < people; ++i)
        yaml +=
            "  - {id: p" + std::to_string(i) + ", name: \"Person " + std::to_string(i) + "\"}\n";
    yaml += "assignments:\n  - {person: p0, duty: engage, channel: ig, raci: A}\n"
            "  - {person: p0, duty: engage, channel: fb, raci: A}\n";
    for (int i = 1; i < people; ++i)
        yaml += "  - {person: p" + std::to_string(i) +
                ", duty: engage, channel: " + (i % 2 ? "ig" : "fb") + "}\n";
    auto read = model::read_plan_text("team.yaml", yaml);
    if (!read.ok())
        FAIL(read.errors.front().to_string());
    return read.plan;
}

const ex::Section& raci_section(const ex::Document& document) {
    for (const auto& section : document.sections)
        if (section.title == "Who owns what (RACI)")
            return section;
    FAIL("no RACI section");
    throw std::logic_error("unreachable");
}
} // namespace

TEST_CASE("up to 40 people the RACI is a matrix") {
    auto document = build_staffing_report(PlanFacts(team_of(40)), ReportOptions{});
    const auto& section = raci_section(document);
    REQUIRE(!section.blocks.empty());
    const auto* matrix = std::get_if<ex::Matrix>(&section.blocks.front());
    REQUIRE(matrix);
    CHECK(matrix->column_labels.size() == 40);
    CHECK(matrix->column_labels.front() == "Person 0");
    REQUIRE(matrix->row_labels.size() == 2);
    CHECK(matrix->cells[0][0] == "A");
    CHECK(matrix->cells[0][1] == "R");
    CHECK(matrix->cells[0][2] == "");
}

TEST_CASE("beyond 40 people the RACI lists each duty's people by letter") {
    auto document = build_staffing_report(PlanFacts(team_of(41)), ReportOptions{});
    const auto& section = raci_section(document);
    REQUIRE(!section.blocks.empty());
    const auto* table = std::get_if<ex::Table>(&section.blocks.front());
    REQUIRE(table);
    CHECK(table->id == "raci");
    REQUIRE(table->columns.size() == 6);
    CHECK(table->columns[1].key == "responsible");
    REQUIRE(table->rows.size() == 2);
    // Instagram: the odd-numbered people, in plan order; Person 0 accountable.
    CHECK(table->rows[0][1].text.rfind("Person 1, Person 3, Person 5", 0) == 0);
    CHECK(table->rows[0][2].text == "Person 0");
    CHECK(table->rows[0][3].text.empty());
    CHECK(table->rows[1][1].text.rfind("Person 2, Person 4", 0) == 0);
    CHECK(table->footnote.find("41 people hold duties") != std::string::npos);
}

TEST_CASE("a RACI list cell names at most 12 people and counts the rest") {
    auto document = build_staffing_report(PlanFacts(team_of(61)), ReportOptions{});
    const auto* table = std::get_if<ex::Table>(&raci_section(document).blocks.front());
    REQUIRE(table);
    // Instagram: Person 1, 3, ..., 59 (30 people): 12 named, 18 more.
    const std::string& responsible = table->rows.at(0)[1].text;
    CHECK(responsible.rfind("Person 1, Person 3, ", 0) == 0);
    CHECK(responsible.find("Person 23 and 18 more") != std::string::npos);
    CHECK(responsible.find("Person 25") == std::string::npos);
}
