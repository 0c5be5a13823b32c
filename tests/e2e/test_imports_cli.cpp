// planner import with what clients have: HR employee exports, ownership sheets, and analytics
// downloads whose figures must not overwrite better ones. Fixtures: tests/data/imports/ and
// tests/data/metrics/ (each written by the make_fixtures.py there).
#include "e2e.hpp"

#include "model/workspace.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

using e2e::TempDir;

namespace {

std::string fixture(const std::string& name) {
    return e2e::read_file(std::string(PLANNER_TEST_DATA) + "/" + name);
}

// A workspace holding the small-team sample, and the fixture copied in under its own name.
void start(const TempDir& dir, const std::vector<std::string>& fixtures) {
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    REQUIRE(e2e::planner(dir, {"import", "team.db", "plan.yaml"}).status == 0);
    for (const std::string& name : fixtures)
        dir.write(name.substr(name.rfind('/') + 1), fixture(name));
}

std::string people_section(const TempDir& dir) {
    auto run = e2e::planner(dir, {"export-plan", "team.db"});
    REQUIRE(run.status == 0);
    size_t from = run.out.find("\npeople:\n");
    size_t to = run.out.find("\nassignments:\n");
    REQUIRE(from != std::string::npos);
    return run.out.substr(from + 1, to - from);
}

std::string assignments_section(const TempDir& dir) {
    auto run = e2e::planner(dir, {"export-plan", "team.db"});
    REQUIRE(run.status == 0);
    size_t from = run.out.find("\nassignments:\n");
    REQUIRE(from != std::string::npos);
    return run.out.substr(from + 1, run.out.find("\n\n", from + 1) - from);
}

} // namespace

TEST_CASE("an HR export with semicolons imports without editing") {
    TempDir dir("hr-semicolon");
    start(dir, {"imports/hr/employees_semicolon.csv"});
    auto run = e2e::planner(dir, {"import", "team.db", "employees_semicolon.csv"});
    REQUIRE(run.status == 0);
    CHECK(run.out ==
          "employees_semicolon.csv: roster of 5 rows: added 3 people (e-1002, e-1003, e-1005), "
          "changed 1 (sam), unchanged 0.\n"
          "  columns: Employee # -> id, Full name -> name, Job title -> role, Location -> "
          "location, Reports to -> reports_to, FTE % -> fte, Employment status -> status, "
          "Skills -> skills\n"
          "  ignored 1 column: Department\n"
          "  not active: Eva Kalniņa (row 5): terminated, not added\n");
    std::string people = people_section(dir);
    // Sam is matched by his full name; his id stays.
    CHECK(people.find("  - id: sam\n    name: \"Sam Taylor\"\n    roles: [owner]\n    "
                      "capacity_hours: 10\n    timezone: Europe/London\n") != std::string::npos);
    CHECK(people.find("  - id: e-1002\n    name: \"Līga Bērziņa\"\n    roles: "
                      "[content-creator]\n    fte: 0.8\n    reports_to: sam\n    timezone: "
                      "Europe/Riga\n    skills: [photo, video]\n") != std::string::npos);
    CHECK(people.find("  - id: e-1003\n    name: \"Jānis Ozols\"\n    roles: [community]\n    "
                      "fte: 0.5\n    reports_to: e-1002\n    timezone: Europe/Lisbon\n") !=
          std::string::npos);
    CHECK(people.find("  - id: e-1005\n    name: \"Open position\"\n    status: vacancy\n    "
                      "roles: [content-creator]\n    fte: 0.5\n    reports_to: sam\n    "
                      "timezone: Europe/Tallinn\n") != std::string::npos);
    CHECK(people.find("Kalni") == std::string::npos);
}

TEST_CASE("an HR export with first and last names and weekly hours") {
    TempDir dir("hr-comma");
    start(dir, {"imports/hr/people_comma.csv"});
    auto run = e2e::planner(dir, {"import", "team.db", "people_comma.csv"});
    REQUIRE(run.status == 0);
    CHECK(run.out.rfind("people_comma.csv: roster of 3 rows: added 2 people (102, 103), changed "
                        "1 (sam), unchanged 0.\n",
                        0) == 0);
    std::string people = people_section(dir);
    // 30 of the plan's 40 hours: 0.75; 20,5 hours: 0.5125; on notice: leaving.
    CHECK(people.find("  - id: 102\n    name: \"Marta Kalna\"\n    roles: "
                      "[content-creator]\n    fte: 0.75\n    reports_to: sam\n    timezone: "
                      "Europe/Lisbon\n") != std::string::npos);
    CHECK(people.find("  - id: 103\n    name: \"Oskars Liepa\"\n    status: leaving\n    "
                      "roles: [community]\n    fte: 0.5125\n    reports_to: 102\n    "
                      "timezone: Europe/Berlin\n") != std::string::npos);
}

TEST_CASE("a Latvian HR export with --columns, and the mapping kept for the next file") {
    TempDir dir("hr-latvian");
    start(dir, {"imports/hr/darbinieki.csv", "imports/hr/darbinieki_next.csv"});
    // Without a mapping it is no roster planner knows; the message says how to map it.
    auto run = e2e::planner(dir, {"import", "team.db", "darbinieki.csv"});
    CHECK(run.status == 2);
    CHECK(run.err.find("darbinieki.csv: not a roster or an ownership sheet either: a roster "
                       "needs columns such as `Employee ID`") != std::string::npos);
    const std::string columns = "Vārds=first_name,Uzvārds=last_name,Amats=role,Slodze=fte,"
                                "Pilsēta=location,Vadītājs=reports_to,Statuss=status";
    run = e2e::planner(dir, {"import", "team.db", "darbinieki.csv", "--columns", columns});
    REQUIRE(run.status == 0);
    CHECK(run.out ==
          "darbinieki.csv: roster of 2 rows: added 2 people (maris-kalns, anna-liepa), changed "
          "0, unchanged 0.\n"
          "  columns: Vārds -> first_name (mapped), Uzvārds -> last_name (mapped), Amats -> "
          "role (mapped), Slodze -> fte (mapped), Pilsēta -> location (mapped), Vadītājs -> "
          "reports_to (mapped), Statuss -> status (mapped)\n"
          "  the column mapping is stored in the workspace and used for the next file with the "
          "same headers\n");
    CHECK(people_section(dir).find("  - id: anna-liepa\n    name: \"Anna Liepa\"\n    roles: "
                                   "[community]\n    fte: 0.75\n    reports_to: maris-kalns\n   "
                                   " timezone: Europe/Tallinn\n") != std::string::npos);
    // Next month: no --columns needed.
    run = e2e::planner(dir, {"import", "team.db", "darbinieki_next.csv"});
    REQUIRE(run.status == 0);
    CHECK(run.out.rfind("darbinieki_next.csv: roster of 2 rows: added 0 people, changed 1 "
                        "(maris-kalns), unchanged 1.\n",
                        0) == 0);
    CHECK(run.out.find("the column mapping stored in the workspace for these headers was used") !=
          std::string::npos);
    CHECK(people_section(dir).find("  - id: maris-kalns\n    name: \"Māris Kalns\"\n    roles: "
                                   "[content-creator]\n    fte: 0.8\n") != std::string::npos);
}

TEST_CASE("HR export mistakes name the row and the column header, and nothing is stored") {
    TempDir dir("hr-mistakes");
    start(dir, {"imports/hr/mistakes.csv"});
    std::string before = dir.read("team.db");
    auto run = e2e::planner(dir, {"import", "team.db", "mistakes.csv"});
    CHECK(run.status == 2);
    CHECK(run.err ==
          "mistakes.csv: row 2, column `FTE %`: '1OO' is not a number; write a fraction (0.8) "
          "or a percentage (80%)\n"
          "mistakes.csv: row 3, column `Job title`: unknown role 'Paid Social Specialist'; "
          "roles are matched by the plan's role ids and names\n"
          "mistakes.csv: row 3, column `Location`: 'Texas' is not a city that planner knows; "
          "write it as \"City, Country\" (the country's time zone is used when it has one) or "
          "give an IANA time zone such as Europe/Riga\n"
          "mistakes.csv: row 3, column `Manager`: unknown manager 'Nobody Here'; managers are "
          "matched by id, HR id or full name\n"
          "planner: error: the roster has 4 errors; nothing was imported\n");
    CHECK(dir.read("team.db") == before);
    // --columns itself is checked.
    run = e2e::planner(dir, {"import", "team.db", "mistakes.csv", "--columns", "FTE %=percent"});
    CHECK(run.status == 2);
    CHECK(run.err.find("--columns: `percent` (for the header `FTE %`) is not a roster field; the "
                       "fields are id, name, first_name, last_name, role, fte, weekly_hours, "
                       "capacity_hours, reports_to, location, timezone, skills, interests, "
                       "status") != std::string::npos);
}

TEST_CASE("an ownership sheet replaces the assignments of the duties it names") {
    TempDir dir("raci");
    start(dir, {"imports/raci/ownership.csv", "imports/raci/ownership_two_columns.csv"});
    auto run = e2e::planner(dir, {"import", "team.db", "ownership.csv"});
    REQUIRE(run.status == 0);
    CHECK(run.out == "ownership.csv: ownership sheet of 4 duties and 3 people: 3 changed, 1 "
                     "unchanged; 15 assignments in the plan (was 12).\n"
                     "  Facebook: Community management: + priya R 40%, + tom R 60%, - tom R\n"
                     "  Instagram: Content creation: + tom C\n"
                     "  Facebook: Scheduling and publishing: + sam I\n");
    std::string assignments = assignments_section(dir);
    CHECK(assignments.find("  - {person: priya, duty: engage, channel: facebook, raci: R, share: "
                           "0.4}\n  - {person: tom, duty: engage, channel: facebook, raci: R, "
                           "share: 0.6}\n") != std::string::npos);
    CHECK(assignments.find("{person: tom, duty: create, channel: instagram, raci: C}") !=
          std::string::npos);
    // Sam's `duty: all` A stays one assignment, not one per duty.
    CHECK(assignments.find("{person: sam, duty: engage") == std::string::npos);

    run = e2e::planner(dir, {"import", "team.db", "ownership_two_columns.csv"});
    REQUIRE(run.status == 0);
    CHECK(run.out == "ownership_two_columns.csv: ownership sheet of 1 duty and 3 people: 1 "
                     "changed, 0 unchanged; 15 assignments in the plan (was 15).\n"
                     "  facebook: engage: + priya R, + tom B, - priya R 40%, - tom R 60%\n");
    CHECK(assignments_section(dir).find("{person: tom, duty: engage, channel: facebook, raci: R, "
                                        "backup: true}") != std::string::npos);
}

TEST_CASE("ownership sheet mistakes are all reported, by row and column") {
    TempDir dir("raci-bad");
    start(dir, {"imports/raci/ownership_mistakes.csv"});
    std::string before = dir.read("team.db");
    auto run = e2e::planner(dir, {"import", "team.db", "ownership_mistakes.csv"});
    CHECK(run.status == 2);
    CHECK(run.err ==
          "ownership_mistakes.csv: row 1, column `Nobody`: no person of the plan is called "
          "'Nobody'; import the roster first, or write the person's name as the plan has it\n"
          "ownership_mistakes.csv: row 2, `Instagram: Community managment`: unknown duty "
          "'Community managment' (did you mean 'Community management'?); duties are the "
          "standard ones (Content creation, Community management, ...) and the plan's own\n"
          "ownership_mistakes.csv: row 3, column `Priya Shah`: the share must be above 0% and "
          "at most 100%\n"
          "ownership_mistakes.csv: row 3, `TikTok: Content creation`: unknown channel "
          "'TikTok'\n"
          "ownership_mistakes.csv: row 4, column `Sam Taylor`: 'X' is not R, A, C, I or B "
          "(backup); write for example `R`, `A/R` or `R 60%`\n"
          "planner: error: the ownership sheet has 5 errors; nothing was imported\n");
    CHECK(dir.read("team.db") == before);
}

TEST_CASE("a roster and an ownership sheet in one import: people first, then their duties") {
    TempDir dir("hr-raci");
    start(dir, {"imports/hr/employees_semicolon.csv"});
    dir.write("raci.csv", "Duty,Līga Bērziņa,Jānis Ozols\n"
                          "Instagram: Community management,B,R 50%\n");
    auto run = e2e::planner(dir, {"import", "team.db", "employees_semicolon.csv", "raci.csv"});
    REQUIRE(run.status == 0);
    CHECK(run.out.find("raci.csv: ownership sheet of 1 duty and 2 people: 1 changed") !=
          std::string::npos);
    CHECK(assignments_section(dir).find("{person: e-1003, duty: engage, channel: instagram, "
                                        "raci: R, share: 0.5}") != std::string::npos);
}

TEST_CASE("YouTube traffic sources after Totals.csv do not overwrite it") {
    TempDir dir("yt-breakdown");
    start(dir, {"metrics/youtube/Totals.csv", "metrics/youtube/Chart data (traffic source).csv",
                "metrics/youtube/Chart data.csv"});
    // small-team has no youtube channel: store under instagram, which it has.
    REQUIRE(
        e2e::planner(dir, {"import", "team.db", "Totals.csv", "--channel", "instagram"}).status ==
        0);
    auto run = e2e::planner(
        dir, {"import", "team.db", "Chart data (traffic source).csv", "--channel", "instagram"});
    REQUIRE(run.status == 0);
    CHECK(run.out.find("0 values stored") != std::string::npos);
    CHECK(run.out.find("split by `Traffic source`") != std::string::npos);
    run = e2e::planner(dir, {"import", "team.db", "Chart data.csv", "--channel", "instagram"});
    REQUIRE(run.status == 0);
    CHECK(run.out.find("Chart data holds only the 2 videos charted") != std::string::npos);

    planner::model::Workspace workspace(dir.file("team.db"), planner::model::OpenMode::read_only);
    std::map<std::string, double> views;
    for (const auto& m : workspace.metric_values())
        if (m.metric == planner::model::Metric::video_views)
            views[planner::model::format_date(m.date)] = m.value;
    CHECK(views == std::map<std::string, double>{{"2025-08-28", 150}, {"2025-08-29", 200}});

    // Asked for: Chart data is stored, and replaces Totals' figures for its days.
    run = e2e::planner(
        dir, {"import", "team.db", "Chart data.csv", "--channel", "instagram", "--chart-data"});
    REQUIRE(run.status == 0);
    CHECK(run.out.find("--chart-data: the figures of the 2 videos charted") != std::string::npos);
}

TEST_CASE("goal and KPI owners may be people that the same import's roster brings") {
    TempDir dir("owners");
    std::string plan = e2e::sample("small-team.yaml");
    // The first goal's owner and a KPI owner are in the HR export, not in the plan.
    plan.replace(plan.find("    owner: sam\n"), 15, "    owner: e-1002\n");
    plan.replace(plan.find("target: 60000}"), 14, "target: 60000, owner: e-1003}");
    dir.write("plan.yaml", plan);
    dir.write("employees_semicolon.csv", fixture("imports/hr/employees_semicolon.csv"));
    // Alone, the plan is refused: its owners are nobody yet.
    auto run = e2e::planner(dir, {"import", "team.db", "plan.yaml"});
    CHECK(run.status == 2);
    CHECK(run.err.find("unknown person 'e-1002'") != std::string::npos);
    // With the roster that brings them, it is imported.
    run = e2e::planner(dir, {"import", "team.db", "plan.yaml", "employees_semicolon.csv"});
    REQUIRE(run.status == 0);
    auto out = e2e::planner(dir, {"export-plan", "team.db"});
    CHECK(out.out.find("    owner: e-1002\n") != std::string::npos);
    CHECK(out.out.find("owner: e-1003") != std::string::npos);
    // An owner that the roster does not bring either is still an error, and nothing is stored.
    dir.write("plan2.yaml", plan.replace(plan.find("owner: e-1003}"), 14, "owner: e-9999}"));
    run = e2e::planner(dir, {"import", "new.db", "plan2.yaml", "employees_semicolon.csv"});
    CHECK(run.status == 2);
    CHECK(run.err.find("unknown person 'e-9999'") != std::string::npos);
    CHECK(run.err.find("goal and KPI owners must be people of the plan or of a roster imported "
                       "with it; nothing was imported") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("new.db")));
}

TEST_CASE("a folder of downloads is imported with each export placed on its channel") {
    TempDir dir("folder-import");
    start(dir, {});
    dir.write("downloads/facebook/Views.csv", fixture("metrics/meta/Views.csv"));
    dir.write("downloads/posts_instagram.csv", fixture("metrics/meta/posts_instagram.csv"));
    dir.write("downloads/Overview.csv", fixture("metrics/tiktok/Overview.csv"));
    dir.write("downloads/notes.md", "what we downloaded\n");
    dir.write("downloads/.hidden/Views.csv", fixture("metrics/meta/Views.csv"));
    auto run = e2e::planner(dir, {"import", "team.db", "downloads/", "--year", "2026"});
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK_THAT(run.out, Catch::Contains("downloads/facebook/Views.csv: Meta Business Suite daily "
                                        "metric file"));
    CHECK_THAT(run.out, Catch::Contains("  channel: Facebook, from the name 'facebook'\n"));
    CHECK_THAT(run.out,
               Catch::Contains("  channel: Instagram, the plan's only Instagram channel\n"));
    CHECK_THAT(run.out,
               Catch::EndsWith("Not imported (2 files):\n"
                               "  downloads/Overview.csv: a TikTok export, and the plan has no "
                               "TikTok channel; put it in a folder named after the channel, or "
                               "import it with --channel\n"
                               "  downloads/notes.md: not a plan (.yaml) or a CSV file\n"));
    CHECK(run.out.find(".hidden") == std::string::npos);

    // The same folder again stores nothing more.
    auto again = e2e::planner(dir, {"import", "team.db", "downloads/", "--year", "2026"});
    REQUIRE(again.status == 0);
    CHECK_THAT(again.out, Catch::Contains("downloads/facebook/Views.csv: this content was "
                                          "imported before"));
}

TEST_CASE("a folder with nothing planner can place imports nothing and says why") {
    TempDir dir("folder-nothing");
    start(dir, {});
    dir.write("downloads/notes.md", "what we downloaded\n");
    dir.write("downloads/tiktok.csv", fixture("metrics/tiktok/Overview.csv"));
    auto run = e2e::planner(dir, {"import", "team.db", "downloads", "--year", "2026"});
    CHECK(run.status == 2);
    CHECK(run.err == "downloads/notes.md: not a plan (.yaml) or a CSV file\n"
                     "downloads/tiktok.csv: a TikTok export, and the plan has no TikTok "
                     "channel; put it in a folder named after the channel, or import it with "
                     "--channel\n"
                     "planner: error: none of the files could be imported\n");
    auto empty = e2e::planner(dir, {"import", "team.db", "nowhere/"});
    CHECK(empty.status == 2);
}

TEST_CASE("an error in a CSV file shows the row, a caret and the column's header") {
    TempDir dir("csv-context");
    start(dir, {"metrics/generic/errors.csv"});
    auto run = e2e::planner(dir, {"import", "team.db", "errors.csv"});
    CHECK(run.status == 2);
    CHECK_THAT(run.err,
               Catch::StartsWith("errors.csv:2:1: `2026-02-30` is not a date; write dates as "
                                 "YYYY-MM-DD, for example 2026-01-31\n"
                                 "    2 | 2026-02-30,instagram,,impressions,10\n"
                                 "      | ^\n"
                                 "column: date (header on line 1)\n"
                                 "errors.csv:3:23: unknown metric 'impresions' (did you mean "
                                 "'impressions'?)\n"
                                 "    3 | 2026-03-01,instagram,,impresions,10\n"
                                 "      |                       ^\n"
                                 "column: metric (header on line 1)\n"));
}

TEST_CASE("an HR export keeps a contractor a contractor with their hourly rate") {
    TempDir dir("hr-contractor");
    std::string plan = e2e::sample("small-team.yaml");
    const std::string sam = "    name: \"Sam Taylor\"\n";
    plan.replace(plan.find(sam), sam.size(), sam + "    status: contractor\n    hourly_rate: 40\n");
    dir.write("plan.yaml", plan);
    REQUIRE(e2e::planner(dir, {"import", "team.db", "plan.yaml"}).status == 0);
    dir.write("people_comma.csv", fixture("imports/hr/people_comma.csv"));
    // The export says Sam is Active: HR knows no contractors.
    REQUIRE(e2e::planner(dir, {"import", "team.db", "people_comma.csv"}).status == 0);
    const std::string people = people_section(dir);
    CHECK(people.find("  - id: sam\n    name: \"Sam Taylor\"\n    status: contractor\n") !=
          std::string::npos);
    CHECK(people.find("    hourly_rate: 40\n") != std::string::npos);
    // And the exported plan reads back.
    auto exported = e2e::planner(dir, {"export-plan", "team.db", "-o", "back.yaml"});
    REQUIRE(exported.status == 0);
    CHECK(e2e::planner(dir, {"cost", "back.yaml"}).status == 0);
}
