// History, restore, merge (also as git's merge driver) and sync, as a user runs them.
#include "e2e.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <sqlite3.h>

using e2e::planner;
using e2e::TempDir;

namespace {
std::string edit(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Versions listed by `planner log --format csv`, without the header.
size_t version_count(const TempDir& dir, const std::string& workspace) {
    const auto run = planner(dir, {"log", workspace, "--format", "csv"});
    REQUIRE(run.status == 0);
    size_t lines = 0;
    for (char c : run.out)
        lines += c == '\n';
    return lines - 1;
}

std::string exported(const TempDir& dir, const std::string& workspace) {
    const auto run = planner(dir, {"export-plan", workspace});
    REQUIRE(run.status == 0);
    return run.out;
}

int shell(const TempDir& dir, const std::string& command) {
    return std::system(
        ("cd '" + dir.path().string() + "' && " + command + " >/dev/null 2>&1").c_str());
}
} // namespace

TEST_CASE("history: every command that writes the plan keeps the plan it replaced") {
    TempDir dir("history");
    const std::string plan = e2e::sample("small-team.yaml");
    dir.write("plan.yaml", plan);
    REQUIRE(planner(dir, {"import", "team.db", "plan.yaml"}).status == 0);
    CHECK(version_count(dir, "team.db") == 1);
    const std::string v1 = exported(dir, "team.db");

    // A plan import.
    dir.write("p2.yaml", edit(plan, "capacity_hours: 12", "capacity_hours: 14"));
    auto run = planner(dir, {"import", "team.db", "p2.yaml"});
    REQUIRE(run.status == 0);
    CHECK(contains(run.out, "kept as version 1"));
    CHECK(version_count(dir, "team.db") == 2);

    // The same plan again: nothing new.
    REQUIRE(planner(dir, {"import", "team.db", "p2.yaml"}).status == 0);
    CHECK(version_count(dir, "team.db") == 2);

    // A roster.
    dir.write("roster.csv", "id,name,roles,fte\nnew,New Person,community,0.5\n");
    REQUIRE(planner(dir, {"import", "team.db", "roster.csv"}).status == 0);
    CHECK(version_count(dir, "team.db") == 3);

    // An ownership sheet that removes an assignment says how to get it back.
    dir.write("raci.csv",
              "Duty,Sam Taylor,Priya Shah,Tom Hughes\nInstagram: Community management,A,,R\n");
    run = planner(dir, {"import", "team.db", "raci.csv"});
    REQUIRE(run.status == 0);
    CHECK(contains(run.out, "this removed 1 assignment"));
    CHECK(contains(run.out, "`planner restore team.db 3`"));
    CHECK(version_count(dir, "team.db") == 4);

    // A plan import that removes people says so too.
    run = planner(dir, {"import", "team.db", "plan.yaml"});
    REQUIRE(run.status == 0);
    CHECK(contains(run.out, "this removed 1 person"));
    CHECK(contains(run.out, "`planner restore team.db 4`"));

    // An applied rebalance (Tom can no longer carry his share; Priya can take it).
    dir.write("overloaded.yaml",
              edit(edit(plan, "capacity_hours: 12", "capacity_hours: 2"),
                   "    roles: [content-creator]\n", "    roles: [content-creator, community]\n"));
    REQUIRE(planner(dir, {"import", "team.db", "overloaded.yaml"}).status == 0);
    run = planner(dir, {"rebalance", "team.db", "--apply"});
    REQUIRE(run.status == 0);
    const size_t after_rebalance = version_count(dir, "team.db");
    CHECK(contains(run.out, "version " + std::to_string(after_rebalance)));

    // The log names each change.
    run = planner(dir, {"log", "team.db"});
    REQUIRE(run.status == 0);
    CHECK(contains(run.out, "first plan: 3 people, 2 channels"));
    CHECK(contains(run.out, "people: 1 changed"));
    CHECK(contains(run.out, "roster.csv"));
    CHECK(contains(run.out, "ownership: 1 removed"));

    // WS@vN reads a version wherever a plan is read.
    run = planner(dir, {"diff", "team.db@v1", "team.db@v2"});
    REQUIRE(run.status == 0);
    CHECK(contains(run.out, "Tom Hughes: capacity_hours 12 → 14"));
    CHECK(planner(dir, {"show", "team.db@v4"}).status == 0);
    run = planner(dir, {"show", "team.db@v99"});
    CHECK(run.status == 2);
    CHECK(contains(run.err, "has no version 99"));

    // restore makes version 3 current as a new version; the roster's person is back.
    const size_t before_restore = version_count(dir, "team.db");
    run = planner(dir, {"restore", "team.db", "3"});
    REQUIRE(run.status == 0);
    CHECK(version_count(dir, "team.db") == before_restore + 1);
    CHECK(contains(exported(dir, "team.db"), "New Person"));
    // Restoring the current plan again changes nothing.
    run = planner(dir, {"restore", "team.db", "3"});
    CHECK(run.status == 0);
    CHECK(contains(run.out, "nothing changed"));
    CHECK(version_count(dir, "team.db") == before_restore + 1);
    // And version 1 is the first import, byte for byte.
    REQUIRE(planner(dir, {"restore", "team.db", "v1"}).status == 0);
    CHECK(exported(dir, "team.db") == v1);
    CHECK(planner(dir, {"restore", "team.db", "x"}).status == 2);
    CHECK(planner(dir, {"restore", "team.db", "0"}).status == 2);

    // Two plans into a new workspace in one import: the notice names the workspace as given.
    dir.write("smaller.yaml",
              edit(plan, "  - {person: sam, duty: report, channel: facebook}\n", ""));
    run = planner(dir, {"import", "new.db", "plan.yaml", "smaller.yaml"});
    REQUIRE(run.status == 0);
    CHECK(contains(run.out, "`planner restore new.db 1`"));
    CHECK(version_count(dir, "new.db") == 2);
}

TEST_CASE("history: a failed import stores no version") {
    TempDir dir("history-fail");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    REQUIRE(planner(dir, {"import", "team.db", "plan.yaml"}).status == 0);
    dir.write("bad.csv", "id,name,roles,fte\nx,X,community,abc\n");
    CHECK(planner(dir, {"import", "team.db", "bad.csv"}).status == 2);
    CHECK(version_count(dir, "team.db") == 1);
}

TEST_CASE("history: a workspace of schema 2 is upgraded with its plan as version 1") {
    TempDir dir("history-upgrade");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    REQUIRE(planner(dir, {"import", "team.db", "plan.yaml"}).status == 0);
    const std::string plan = exported(dir, "team.db");
    // Back to schema 2 as an older planner left it.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(dir.file("team.db").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "DROP TABLE plan_versions; UPDATE schema_version SET version = 2",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    const auto run = planner(dir, {"log", "team.db"});
    REQUIRE(run.status == 0);
    CHECK(contains(run.out, "the plan stored when history began"));
    CHECK(std::filesystem::exists(dir.file("team.db.v2.bak")));
    CHECK(planner(dir, {"export-plan", "team.db@v1"}).out == plan);
    const auto show = planner(dir, {"diff", "team.db@v1", "team.db"});
    CHECK(show.status == 0);
    CHECK(exported(dir, "team.db") == plan);
}

TEST_CASE("merge: clean, with conflicts, --theirs, and invalid results") {
    TempDir dir("merge");
    const std::string plan = e2e::sample("small-team.yaml");
    dir.write("base.yaml", plan);
    dir.write("ours.yaml", edit(plan, "capacity_hours: 10", "capacity_hours: 11"));
    dir.write("theirs.yaml", edit(plan, "fte: 0.5", "fte: 0.6"));
    auto run = planner(dir, {"merge", "base.yaml", "ours.yaml", "theirs.yaml", "-o", "out.yaml"});
    CHECK(run.status == 0);
    CHECK(contains(dir.read("out.yaml"), "capacity_hours: 11"));
    CHECK(contains(dir.read("out.yaml"), "fte: 0.6"));

    dir.write("theirs2.yaml", edit(plan, "capacity_hours: 10", "capacity_hours: 9"));
    run = planner(dir, {"merge", "base.yaml", "ours.yaml", "theirs2.yaml", "-o", "out.yaml"});
    CHECK(run.status == 1);
    CHECK(contains(run.out, "person Sam Taylor (sam): capacity_hours: base 10, ours 11, theirs 9"));
    CHECK(contains(dir.read("out.yaml"), "capacity_hours: 11"));
    run = planner(dir, {"merge", "base.yaml", "ours.yaml", "theirs2.yaml", "--theirs"});
    CHECK(run.status == 1);
    CHECK(contains(run.out, "capacity_hours: 9"));
    CHECK(contains(run.err, "1 conflict"));

    // A reporting cycle made by the merge: exit 2, nothing written.
    dir.write("cycle-ours.yaml",
              edit(plan, "    roles: [owner]\n", "    roles: [owner]\n    reports_to: priya\n"));
    dir.write("cycle-theirs.yaml", plan);
    dir.write("cycle-base.yaml",
              edit(plan, "    fte: 0.5\n    reports_to: sam\n", "    fte: 0.5\n"));
    dir.write("cycle-ours.yaml",
              edit(edit(plan, "    fte: 0.5\n    reports_to: sam\n", "    fte: 0.5\n"),
                   "    roles: [owner]\n", "    roles: [owner]\n    reports_to: priya\n"));
    run = planner(dir, {"merge", "cycle-base.yaml", "cycle-ours.yaml", "cycle-theirs.yaml", "-o",
                        "cycle.yaml"});
    CHECK(run.status == 2);
    CHECK(contains(run.err, "reporting cycle"));
    CHECK(!std::filesystem::exists(dir.file("cycle.yaml")));
}

TEST_CASE("merge: git uses planner merge as the merge driver of plan files") {
    // git is in scripts/install-deps.
    REQUIRE(std::system("git --version >/dev/null 2>&1") == 0);
    TempDir dir("merge-git");
    const std::string plan = e2e::sample("small-team.yaml");
    const std::string exe = PLANNER_EXE;
    dir.write("team.plan.yaml", plan);
    dir.write(".gitattributes", "*.plan.yaml merge=planner\n");
    const std::string git = "git -c user.name=T -c user.email=t@example.com ";
    REQUIRE(shell(dir, "git init -q -b main .") == 0);
    REQUIRE(shell(dir, "git config merge.planner.name 'planner three-way plan merge'") == 0);
    REQUIRE(shell(dir, "git config merge.planner.driver '" + exe + " merge %O %A %B -o %A'") == 0);
    REQUIRE(shell(dir, git + "add . && " + git + "commit -q -m base") == 0);
    REQUIRE(shell(dir, "git checkout -q -b theirs") == 0);
    // Two edits on neighbouring lines: git's line merge would call this a conflict.
    dir.write("team.plan.yaml", edit(plan, "    fte: 0.5\n", "    fte: 0.6\n"));
    REQUIRE(shell(dir, git + "commit -q -am theirs") == 0);
    REQUIRE(shell(dir, "git checkout -q main") == 0);
    dir.write("team.plan.yaml", edit(plan, "    roles: [content-creator]\n",
                                     "    roles: [content-creator, community]\n"));
    REQUIRE(shell(dir, git + "commit -q -am ours") == 0);
    CHECK(shell(dir, git + "merge -q --no-edit theirs") == 0);
    const std::string merged = dir.read("team.plan.yaml");
    CHECK(contains(merged, "roles: [content-creator, community]"));
    CHECK(contains(merged, "fte: 0.6"));
    CHECK(!contains(merged, "<<<<<<<"));

    // A real conflict: git stops, the file holds ours, and planner's message lists it.
    REQUIRE(shell(dir, "git checkout -q -b theirs2") == 0);
    dir.write("team.plan.yaml", edit(merged, "capacity_hours: 10", "capacity_hours: 9"));
    REQUIRE(shell(dir, git + "commit -q -am theirs2") == 0);
    REQUIRE(shell(dir, "git checkout -q main") == 0);
    dir.write("team.plan.yaml", edit(merged, "capacity_hours: 10", "capacity_hours: 11"));
    REQUIRE(shell(dir, git + "commit -q -am ours2") == 0);
    CHECK(shell(dir, git + "merge -q --no-edit theirs2") != 0);
    CHECK(contains(dir.read("team.plan.yaml"), "capacity_hours: 11"));
    CHECK(!contains(dir.read("team.plan.yaml"), "<<<<<<<"));
}

TEST_CASE("sync: both ways, twice, with metrics, snapshots and conflicts") {
    TempDir dir("sync");
    const std::string plan = e2e::sample("small-team.yaml");
    dir.write("plan.yaml", plan);
    REQUIRE(planner(dir, {"import", "a.db", "plan.yaml"}).status == 0);
    REQUIRE(shell(dir, "cp a.db b.db") == 0);

    // Edited apart: A changes Sam, B changes Priya and imports metrics and a snapshot.
    dir.write("a.yaml", edit(plan, "capacity_hours: 10", "capacity_hours: 11"));
    REQUIRE(planner(dir, {"import", "a.db", "a.yaml"}).status == 0);
    dir.write("b.yaml", edit(plan, "fte: 0.5", "fte: 0.6"));
    REQUIRE(planner(dir, {"import", "b.db", "b.yaml"}).status == 0);
    dir.write("ig.csv", "date,channel,profile,metric,value\n2027-01-04,instagram,,reach,5000\n"
                        "2027-01-05,instagram,,reach,5200\n");
    REQUIRE(planner(dir, {"import", "b.db", "ig.csv"}).status == 0);
    // Overlapping values: A imports the same days later; its values win on both sides.
    dir.write("ig2.csv", "date,channel,profile,metric,value\n2027-01-05,instagram,,reach,5300\n");
    REQUIRE(planner(dir, {"import", "a.db", "ig2.csv"}, {"SOURCE_DATE_EPOCH=1893456000"}).status ==
            0);
    REQUIRE(planner(dir, {"snapshot", "b.db", "--quarter", "2027-Q1"}).status == 0);
    // A roster mapping stored in B (--columns) comes to A with the sync.
    dir.write("hr.csv", "Nr,Vārds\nx1,Eva Kalna\n");
    REQUIRE(planner(dir, {"import", "b.db", "hr.csv", "--columns", "Nr=id,Vārds=name"}).status ==
            0);

    auto run = planner(dir, {"sync", "a.db", "b.db"});
    REQUIRE(run.status == 0);
    CHECK(contains(run.out, "Synced"));
    const std::string merged = exported(dir, "a.db");
    CHECK(merged == exported(dir, "b.db"));
    CHECK(contains(merged, "capacity_hours: 11"));
    CHECK(contains(merged, "fte: 0.6"));
    CHECK(planner(dir, {"snapshots", "a.db"}).out.find("2027-Q1") != std::string::npos);
    // The metrics came across: importing the same file into A stores nothing.
    run = planner(dir, {"import", "a.db", "ig.csv"});
    CHECK(contains(run.out, "imported before"));
    for (const std::string ws : {"a.db", "b.db"}) {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(dir.file(ws).c_str(), &db) == SQLITE_OK);
        sqlite3_stmt* s = nullptr;
        REQUIRE(sqlite3_prepare_v2(db,
                                   "SELECT group_concat(date || '=' || value, ' ') FROM "
                                   "(SELECT * FROM metric_values ORDER BY date)",
                                   -1, &s, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_step(s) == SQLITE_ROW);
        CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))) ==
              "2027-01-04=5000.0 2027-01-05=5300.0");
        sqlite3_finalize(s);
        sqlite3_close(db);
    }

    dir.write("hr2.csv", "Nr,Vārds\nx2,Ilze Kalna\n");
    run = planner(dir, {"import", "a.db", "hr2.csv"});
    CHECK(run.status == 0);
    CHECK(
        contains(run.out, "the column mapping stored in the workspace for these headers was used"));
    // That import changed A; sync again to bring B up to it.
    REQUIRE(planner(dir, {"sync", "a.db", "b.db"}).status == 0);
    CHECK(contains(exported(dir, "b.db"), "Ilze Kalna"));

    // Twice, and the other way: nothing changes (byte for byte).
    const std::string a_bytes = dir.read("a.db");
    const std::string b_bytes = dir.read("b.db");
    run = planner(dir, {"sync", "a.db", "b.db"});
    CHECK(run.status == 0);
    CHECK(contains(run.out, "nothing changed"));
    run = planner(dir, {"sync", "b.db", "a.db"});
    CHECK(run.status == 0);
    CHECK(dir.read("a.db") == a_bytes);
    CHECK(dir.read("b.db") == b_bytes);

    // Then B alone changes: A catches up without a merge (B ahead).
    dir.write("b2.yaml", edit(merged, "capacity_hours: 12", "capacity_hours: 13"));
    REQUIRE(planner(dir, {"import", "b.db", "b2.yaml"}).status == 0);
    REQUIRE(planner(dir, {"sync", "b.db", "a.db"}).status == 0);
    CHECK(exported(dir, "a.db") == exported(dir, "b.db"));
    CHECK(contains(exported(dir, "a.db"), "capacity_hours: 13"));

    // A conflict stops the sync: nothing changes until --prefer settles it.
    const std::string now = exported(dir, "a.db");
    dir.write("a3.yaml", edit(now, "capacity_hours: 11", "capacity_hours: 20"));
    dir.write("b3.yaml", edit(now, "capacity_hours: 11", "capacity_hours: 30"));
    REQUIRE(planner(dir, {"import", "a.db", "a3.yaml"}).status == 0);
    REQUIRE(planner(dir, {"import", "b.db", "b3.yaml"}).status == 0);
    const std::string a_before = dir.read("a.db");
    const std::string b_before = dir.read("b.db");
    run = planner(dir, {"sync", "a.db", "b.db"});
    CHECK(run.status == 1);
    CHECK(contains(run.err, "person Sam Taylor (sam): capacity_hours: base 11, a.db 20, b.db 30"));
    CHECK(contains(run.err, "Nothing was changed"));
    CHECK(dir.read("a.db") == a_before);
    CHECK(dir.read("b.db") == b_before);
    run = planner(dir, {"sync", "a.db", "b.db", "--prefer", "B"});
    CHECK(run.status == 0);
    CHECK(contains(exported(dir, "a.db"), "capacity_hours: 30"));
    CHECK(exported(dir, "a.db") == exported(dir, "b.db"));
    CHECK(contains(planner(dir, {"sync", "a.db", "b.db"}).out, "nothing changed"));

    // The same quarter frozen differently is a conflict.
    REQUIRE(planner(dir, {"snapshot", "a.db", "--quarter", "2027-Q2", "--force"}).status == 0);
    dir.write("b4.yaml", edit(exported(dir, "b.db"), "capacity_hours: 30", "capacity_hours: 31"));
    REQUIRE(planner(dir, {"import", "b.db", "b4.yaml"}).status == 0);
    REQUIRE(planner(dir, {"snapshot", "b.db", "--quarter", "2027-Q2", "--force"}).status == 0);
    run = planner(dir, {"sync", "a.db", "b.db"});
    CHECK(run.status == 1);
    CHECK(contains(run.err, "snapshot 2027-Q2: frozen differently"));
    CHECK(planner(dir, {"sync", "a.db", "b.db", "--prefer", "A"}).status == 0);
    CHECK(planner(dir, {"diff", "a.db@2027-Q2", "b.db@2027-Q2"}).out.find("No changes") !=
          std::string::npos);
    CHECK(planner(dir, {"sync", "a.db", "b.db", "--prefer", "C"}).status == 2);
    CHECK(planner(dir, {"sync", "a.db", "a.db"}).status == 2);
}
