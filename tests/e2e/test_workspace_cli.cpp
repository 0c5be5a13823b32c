// import / export-plan: the workspace round trip, transactional imports, rosters.
#include "e2e.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using e2e::planner;
using e2e::TempDir;

TEST_CASE("export -> import -> export is byte-identical") {
    TempDir dir("roundtrip");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    REQUIRE(planner(dir, {"import", "team.db", "plan.yaml"}).status == 0);
    REQUIRE(planner(dir, {"export-plan", "team.db", "-o", "one.yaml"}).status == 0);
    REQUIRE(planner(dir, {"import", "team2.db", "one.yaml"}).status == 0);
    REQUIRE(planner(dir, {"export-plan", "team2.db", "-o", "two.yaml"}).status == 0);
    CHECK(dir.read("one.yaml") == dir.read("two.yaml"));
    CHECK(dir.read("one.yaml").find("Rihards Ņikitins") != std::string::npos);
}

TEST_CASE("every analysis command accepts a workspace as PLAN") {
    TempDir dir("wsplan");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    REQUIRE(planner(dir, {"import", "team.db", "plan.yaml"}).status == 0);
    // The workspace is read from its binary form of the plan; results must not differ.
    const std::vector<std::vector<std::string>> commands = {
        {"show"},
        {"workload"},
        {"workload", "--by", "duty"},
        {"staff", "--format", "csv"},
        {"check", "--fail-on", "never", "--format", "json"}};
    for (const auto& command : commands) {
        auto with = [&](const std::string& plan) {
            std::vector<std::string> args = {command.front(), plan};
            args.insert(args.end(), command.begin() + 1, command.end());
            return planner(dir, args);
        };
        INFO(command.front());
        auto from_file = with("plan.yaml");
        auto from_workspace = with("team.db");
        CHECK(from_workspace.status == 0);
        CHECK(!from_workspace.out.empty());
        CHECK(from_file.out == from_workspace.out);
    }
}

TEST_CASE("an invalid plan leaves the workspace byte-identical") {
    TempDir dir("txn");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    REQUIRE(planner(dir, {"import", "team.db", "plan.yaml"}).status == 0);
    std::string before = dir.read("team.db");
    dir.write("bad.yaml", "version: 1\nplan:\n  name: x\npeople:\n  - {id: a, fte: 7}\n");
    auto run = planner(dir, {"import", "team.db", "bad.yaml"});
    CHECK(run.status == 2);
    CHECK(run.err.find("bad.yaml:5:18: 'fte' must be between 0 and 1, not 7") != std::string::npos);
    CHECK(dir.read("team.db") == before);
    // Two files in one import: the valid first one is not kept when the second fails.
    run = planner(dir, {"import", "team.db", "plan.yaml", "bad.yaml"});
    CHECK(run.status == 2);
    CHECK(dir.read("team.db") == before);
}

TEST_CASE("a failed import into a new workspace leaves no file behind") {
    TempDir dir("txn-new");
    dir.write("bad.yaml", "version: 1\nplan: {}\n");
    auto run = planner(dir, {"import", "new.db", "bad.yaml"});
    CHECK(run.status == 2);
    CHECK(!std::filesystem::exists(dir.file("new.db")));
}

TEST_CASE("importing the same plan again changes nothing") {
    TempDir dir("same");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    REQUIRE(planner(dir, {"import", "team.db", "plan.yaml"}).status == 0);
    auto run = planner(dir, {"import", "team.db", "plan.yaml"});
    CHECK(run.status == 0);
    CHECK(run.out == "plan.yaml: the workspace already holds this plan; nothing changed.\n");
}

TEST_CASE("a roster CSV adds and updates people by id, keeping UTF-8 names") {
    TempDir dir("roster");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    REQUIRE(planner(dir, {"import", "team.db", "plan.yaml"}).status == 0);
    dir.write(
        "roster.csv",
        "id,name,roles,fte,capacity_hours,reports_to,timezone,skills,interests,status\n"
        "tom,Tom Hughes,community,0.5,,sam,Europe/London,customer_care;latvian,facebook,active\n"
        "zane,Zane "
        "Ķēniņa-Šņore,content-creator;community,1,,priya,Europe/"
        "Riga,photo,instagram;tiktok,vacancy\n");
    auto run = planner(dir, {"import", "team.db", "roster.csv"});
    CHECK(run.status == 0);
    CHECK(run.out == "roster.csv: roster of 2 rows: added 1 person, updated 1.\n");
    REQUIRE(planner(dir, {"export-plan", "team.db", "-o", "out.yaml"}).status == 0);
    std::string out = dir.read("out.yaml");
    CHECK(out.find("name: \"Zane Ķēniņa-Šņore\"") != std::string::npos);
    CHECK(out.find("    fte: 0.5\n    capacity_hours: 12\n    reports_to: sam\n    timezone: "
                   "Europe/London") != std::string::npos);
    CHECK(out.find("    skills: [customer_care, latvian]\n    interests: [facebook]") !=
          std::string::npos);
    CHECK(out.find("status: vacancy\n    roles: [content-creator, community]") !=
          std::string::npos);
}

TEST_CASE("roster errors name file, line and column, nothing is stored") {
    TempDir dir("roster-bad");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    REQUIRE(planner(dir, {"import", "team.db", "plan.yaml"}).status == 0);
    std::string before = dir.read("team.db");
    dir.write("roster.csv", "id,name,roles,fte,reports_to,timezone\n"
                            "anna,Anna,comunity,2,boss,Europe/Rgia\n");
    auto run = planner(dir, {"import", "team.db", "roster.csv"});
    CHECK(run.status == 2);
    CHECK(run.err == "roster.csv:2:11: unknown role 'comunity' (did you mean 'community'?)\n"
                     "roster.csv:2:20: fte must be a number between 0 and 1, not '2'\n"
                     "roster.csv:2:22: unknown person 'boss' in reports_to\n"
                     "roster.csv:2:27: unknown time zone 'Europe/Rgia'; use an IANA name such "
                     "as Europe/Riga\n"
                     "planner: error: the roster has 4 errors; nothing was imported\n");
    CHECK(dir.read("team.db") == before);
    dir.write("cols.csv", "id,nmae\nanna,Anna\n");
    run = planner(dir, {"import", "team.db", "cols.csv"});
    CHECK(run.status == 2);
    CHECK(run.err.find("cols.csv:1:4: unknown roster column 'nmae' (did you mean 'name'?)") !=
          std::string::npos);
}

TEST_CASE("a roster needs a plan in the workspace first") {
    TempDir dir("roster-noplan");
    dir.write("roster.csv", "id,name\nanna,Anna\n");
    auto run = planner(dir, {"import", "team.db", "roster.csv"});
    CHECK(run.status == 2);
    CHECK(run.err.find("import a plan YAML first") != std::string::npos);
    CHECK(!std::filesystem::exists(dir.file("team.db")));
}

TEST_CASE("a damaged workspace says it is damaged, names the file and exits 2") {
    TempDir dir("damaged");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    REQUIRE(planner(dir, {"import", "team.db", "plan.yaml"}).status == 0);
    {
        // Overwrite the pages after the header: still an SQLite file, but malformed.
        std::fstream file(dir.file("team.db"), std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(4096);
        const std::string garbage(8192, '\xff');
        file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    for (const char* command : {"show", "check", "workload"}) {
        auto run = planner(dir, {command, "team.db"});
        CHECK(run.status == 2);
        CHECK_THAT(run.err, Catch::StartsWith("planner: error: workspace 'team.db' is damaged ("));
        CHECK_THAT(run.err, Catch::Contains("restore it from a copy"));
    }
}

TEST_CASE("snapshots lists the quarters frozen with dates and headcounts") {
    TempDir dir("snapshots");
    dir.write("q3.yaml", e2e::sample("latvian-retail-2026-q3.yaml"));
    dir.write("q4.yaml", e2e::sample("latvian-retail.yaml"));
    REQUIRE(planner(dir, {"import", "team.db", "q3.yaml"}).status == 0);
    auto none = planner(dir, {"snapshots", "team.db"});
    CHECK(none.status == 0);
    CHECK(none.out == "No snapshots in team.db yet; freeze the current plan with `planner "
                      "snapshot team.db --quarter YYYY-Qn`.\n");
    const std::vector<std::string> epoch = {"SOURCE_DATE_EPOCH=1767225600"};
    REQUIRE(planner(dir, {"snapshot", "team.db", "--quarter", "2026-q3"}, epoch).status == 0);
    REQUIRE(planner(dir, {"import", "team.db", "q4.yaml"}).status == 0);
    REQUIRE(planner(dir, {"snapshot", "team.db", "--quarter", "2026-Q4"}, epoch).status == 0);
    auto run = planner(dir, {"snapshots", "team.db", "--format", "csv"});
    CHECK(run.status == 0);
    CHECK(run.out == "quarter,taken_at,plan,people,vacancies\r\n"
                     "2026-Q3,2026-01-01T00:00:00Z,\"Baltā Bode social team, Q3 2026\",10,1\r\n"
                     "2026-Q4,2026-01-01T00:00:00Z,\"Baltā Bode social team, Q4 2026\",11,1\r\n");
    auto text = planner(dir, {"snapshots", "team.db"});
    CHECK_THAT(text.out, Catch::StartsWith("2 snapshots in team.db\n"));
}

TEST_CASE("quarters are read in any case in snapshots and in WS@QUARTER") {
    TempDir dir("quarter-case");
    dir.write("q3.yaml", e2e::sample("latvian-retail-2026-q3.yaml"));
    REQUIRE(planner(dir, {"import", "team.db", "q3.yaml"}).status == 0);
    REQUIRE(planner(dir, {"snapshot", "team.db", "--quarter", "2026-q3"}).status == 0);
    auto run = planner(dir, {"show", "team.db@2026-q3", "--format", "json"});
    CHECK(run.status == 0);
    CHECK_THAT(run.out, Catch::Contains("\"quarter\": \"2026-Q3\""));
}

TEST_CASE("snapshot refuses a plan whose own quarter differs unless forced") {
    TempDir dir("quarter-mismatch");
    dir.write("q4.yaml", e2e::sample("latvian-retail.yaml"));
    REQUIRE(planner(dir, {"import", "team.db", "q4.yaml"}).status == 0);
    auto run = planner(dir, {"snapshot", "team.db", "--quarter", "2027-Q1"});
    CHECK(run.status == 2);
    CHECK(run.err == "planner: error: the plan in 'team.db' is the plan for 2026-Q4, not 2027-Q1; "
                     "snapshot it as 2026-Q4, or add --force to freeze it as 2027-Q1 anyway\n");
    CHECK(planner(dir, {"snapshots", "team.db", "--format", "csv"}).out ==
          "quarter,taken_at,plan,people,vacancies\r\n");
    CHECK(planner(dir, {"snapshot", "team.db", "--quarter", "2027-Q1", "--force"}).status == 0);
}

TEST_CASE("a command writing to a file says what it wrote on stderr") {
    TempDir dir("says-written");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    auto run = planner(dir, {"check", "plan.yaml", "-o", "out.txt", "--fail-on", "never"});
    CHECK(run.status == 0);
    CHECK(run.out.empty());
    CHECK(run.err == "Wrote the findings to out.txt.\n");
    CHECK_FALSE(dir.read("out.txt").empty());
}
