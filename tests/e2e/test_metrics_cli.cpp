// planner import with analytics files: idempotent re-import, the overlap rule of METRICS.md
// (the later import wins for the dates it covers), and unrecognised files.
#include "e2e.hpp"
#include "model/workspace.hpp"

#include <catch2/catch.hpp>

#include <map>

using e2e::TempDir;

namespace {
// The stored values as "date channel metric" -> value.
std::map<std::string, double> stored_values(const std::string& workspace_path) {
    planner::model::Workspace workspace(workspace_path, planner::model::OpenMode::read_only);
    std::map<std::string, double> values;
    for (const auto& m : workspace.metric_values())
        values[planner::model::format_date(m.date) + " " + m.channel + " " +
               std::string(planner::model::metric_name(m.metric))] = m.value;
    return values;
}

void start_workspace(const TempDir& dir) {
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    REQUIRE(e2e::planner(dir, {"import", "team.db", "plan.yaml"}).status == 0);
}
} // namespace

TEST_CASE("importing the same metrics file twice stores nothing the second time") {
    TempDir dir("metrics-again");
    start_workspace(dir);
    dir.write("march.csv", "date,channel,profile,metric,value\n"
                           "2026-03-01,instagram,,reach,1200\n"
                           "2026-03-02,instagram,,reach,1300\n");
    auto first = e2e::planner(dir, {"import", "team.db", "march.csv"});
    REQUIRE(first.status == 0);
    CHECK(first.out.find("march.csv: generic CSV, 2 rows read, 2 values stored.") !=
          std::string::npos);
    std::string before = dir.read("team.db");

    // Same content under another name: recognised by its SHA-256.
    dir.write("march-copy.csv", dir.read("march.csv"));
    auto again = e2e::planner(dir, {"import", "team.db", "march-copy.csv"});
    CHECK(again.status == 0);
    CHECK(again.out.rfind("march-copy.csv: this content was imported before (as march.csv on ",
                          0) == 0);
    CHECK(again.out.find("); nothing stored.\n") != std::string::npos);
    CHECK(dir.read("team.db") == before);
    CHECK(stored_values(dir.file("team.db")).size() == 2);
}

TEST_CASE("a later import that overlaps an earlier one replaces the values of those dates") {
    TempDir dir("metrics-overlap");
    start_workspace(dir);
    dir.write("first.csv", "date,channel,profile,metric,value\n"
                           "2026-03-01,instagram,,reach,100\n"
                           "2026-03-02,instagram,,reach,200\n"
                           "2026-03-03,instagram,,reach,300\n");
    dir.write("second.csv", "date,channel,profile,metric,value\n"
                            "2026-03-02,instagram,,reach,250\n"
                            "2026-03-03,instagram,,reach,350\n"
                            "2026-03-04,instagram,,reach,400\n");
    REQUIRE(e2e::planner(dir, {"import", "team.db", "first.csv"}).status == 0);
    auto run = e2e::planner(dir, {"import", "team.db", "second.csv"});
    CHECK(run.status == 0);
    CHECK(run.out.find("second.csv: generic CSV, 3 rows read, 3 values stored, 2 earlier values "
                       "replaced.") != std::string::npos);
    auto values = stored_values(dir.file("team.db"));
    CHECK(values.size() == 4);
    CHECK(values["2026-03-01 instagram reach"] == 100);
    CHECK(values["2026-03-02 instagram reach"] == 250);
    CHECK(values["2026-03-03 instagram reach"] == 350);
    CHECK(values["2026-03-04 instagram reach"] == 400);

    // The first file again is content seen before: nothing is stored, the later values stay.
    auto older = e2e::planner(dir, {"import", "team.db", "first.csv"});
    CHECK(older.out.find("nothing stored") != std::string::npos);
    CHECK(stored_values(dir.file("team.db"))["2026-03-02 instagram reach"] == 250);
}

TEST_CASE("an unrecognised metrics file lists the formats tried and stores nothing") {
    TempDir dir("metrics-unknown");
    start_workspace(dir);
    std::string before = dir.read("team.db");
    dir.write("notes.csv", "when,what\nMonday,posted a reel\n");
    auto run = e2e::planner(dir, {"import", "team.db", "notes.csv"});
    CHECK(run.status == 2);
    CHECK(run.err.find("planner does not recognise this file as an analytics export") !=
          std::string::npos);
    CHECK(run.err.find("The formats tried:") != std::string::npos);
    CHECK(run.err.find("not generic CSV: ") != std::string::npos);
    CHECK(dir.read("team.db") == before);
}

TEST_CASE("a metrics file with text in a number column names the cell and stores nothing") {
    TempDir dir("metrics-text");
    start_workspace(dir);
    std::string before = dir.read("team.db");
    dir.write("bad.csv", "date,channel,profile,metric,value\n"
                         "2026-03-01,instagram,,reach,1200\n"
                         "2026-03-02,instagram,,reach,lots\n");
    auto run = e2e::planner(dir, {"import", "team.db", "bad.csv"});
    CHECK(run.status == 2);
    CHECK(run.err.find("bad.csv:3:29: `lots` is not a plain number") != std::string::npos);
    CHECK(run.err.find("bad.csv was not imported; nothing was stored") != std::string::npos);
    CHECK(dir.read("team.db") == before);
}
