// Crash tests (issue 15): planner killed with SIGKILL at random points of an import, a schema
// upgrade and `report -o` over an existing file. Whatever the moment, what is stored is the
// old state or the new one, complete. The random points are reproducible (fixed seed).
#include "tests/e2e/e2e.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using e2e::planner;
using e2e::TempDir;
namespace fs = std::filesystem;

namespace {
// Starts `planner ARGS` in `dir` and kills it with SIGKILL after `delay` (if still running).
// Returns true when it was killed before it finished.
bool run_and_kill(const TempDir& dir, const std::vector<std::string>& args,
                  std::chrono::microseconds delay) {
    pid_t child = ::fork();
    if (child == 0) {
        if (::chdir(dir.path().c_str()) != 0)
            ::_exit(127);
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(PLANNER_EXE));
        for (const auto& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::freopen("/dev/null", "w", stdout);
        ::freopen("/dev/null", "w", stderr);
        ::execv(PLANNER_EXE, argv.data());
        ::_exit(127);
    }
    std::this_thread::sleep_for(delay);
    int status = 0;
    bool killed = false;
    if (::waitpid(child, &status, WNOHANG) == 0) {
        ::kill(child, SIGKILL);
        ::waitpid(child, &status, 0);
        killed = WIFSIGNALED(status);
    }
    return killed;
}

// How long a command takes when it is not killed, in microseconds.
long long duration_of(const TempDir& dir, const std::vector<std::string>& args) {
    auto start = std::chrono::steady_clock::now();
    REQUIRE(planner(dir, args).status == 0);
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                 start)
        .count();
}

long long sql_integer(const std::string& path, const std::string& query) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    long long value = -1;
    if (sqlite3_prepare_v2(db, query.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
}

std::string sql_text(const std::string& path, const std::string& query) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    std::string value;
    if (sqlite3_prepare_v2(db, query.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
}

bool has_temporaries(const TempDir& dir) {
    for (const auto& entry : fs::directory_iterator(dir.path()))
        if (entry.path().filename().string().find("planner-tmp") != std::string::npos)
            return true;
    return false;
}

constexpr int k_kills = 30;
} // namespace

TEST_CASE("crash: planner import killed at random points leaves the old or the new plan") {
    TempDir dir("crash-import");
    dir.write("old.yaml", e2e::sample("small-team.yaml"));
    dir.write("new.yaml", e2e::sample("latvian-retail.yaml"));
    REQUIRE(planner(dir, {"import", "base.db", "old.yaml"}).status == 0);
    const std::string old_plan = planner(dir, {"export-plan", "base.db"}).out;
    fs::copy_file(dir.file("base.db"), dir.file("w.db"));
    const long long full = duration_of(dir, {"import", "w.db", "new.yaml"});
    const std::string new_plan = planner(dir, {"export-plan", "w.db"}).out;
    REQUIRE(old_plan != new_plan);

    std::mt19937 random(15);
    std::uniform_int_distribution<long long> when(0, full * 12 / 10);
    int killed = 0, olds = 0, news = 0;
    for (int i = 0; i < k_kills; ++i) {
        fs::copy_file(dir.file("base.db"), dir.file("w.db"), fs::copy_options::overwrite_existing);
        fs::remove(dir.file("w.db-journal"));
        killed += run_and_kill(dir, {"import", "w.db", "new.yaml"},
                               std::chrono::microseconds(when(random)));
        auto run = planner(dir, {"export-plan", "w.db"});
        INFO("kill " << i);
        REQUIRE(run.status == 0);
        CHECK((run.out == old_plan || run.out == new_plan));
        olds += run.out == old_plan;
        news += run.out == new_plan;
        CHECK(sql_text(dir.file("w.db"), "PRAGMA integrity_check") == "ok");
    }
    WARN("import killed " << killed << " of " << k_kills << " times; old plan " << olds
                          << ", new plan " << news);
    CHECK(killed > 0);
}

TEST_CASE("crash: a first import killed at random points leaves no workspace or a whole one") {
    TempDir dir("crash-first-import");
    dir.write("new.yaml", e2e::sample("latvian-retail.yaml"));
    const long long full = duration_of(dir, {"import", "w.db", "new.yaml"});
    const std::string new_plan = planner(dir, {"export-plan", "w.db"}).out;
    std::mt19937 random(16);
    std::uniform_int_distribution<long long> when(0, full * 12 / 10);
    for (int i = 0; i < k_kills / 2; ++i) {
        fs::remove(dir.file("w.db"));
        run_and_kill(dir, {"import", "w.db", "new.yaml"}, std::chrono::microseconds(when(random)));
        INFO("kill " << i);
        if (fs::exists(dir.file("w.db")))
            CHECK(planner(dir, {"export-plan", "w.db"}).out == new_plan);
    }
    // The next import removes what killed ones left under temporary names.
    fs::remove(dir.file("w.db"));
    REQUIRE(planner(dir, {"import", "w.db", "new.yaml"}).status == 0);
    CHECK_FALSE(has_temporaries(dir));
}

TEST_CASE("crash: a schema upgrade killed at random points never loses the copy or the data") {
    TempDir dir("crash-upgrade");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    REQUIRE(planner(dir, {"import", "base.db", "plan.yaml"}).status == 0);
    const std::string plan = planner(dir, {"export-plan", "base.db"}).out;
    const long long current =
        sql_integer(dir.file("base.db"), "SELECT version FROM schema_version");
    // A schema 1 workspace of planner 0.1: no binary model column, application id 0.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(dir.file("base.db").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db,
                         "DROP TABLE plan_versions; "
                         "ALTER TABLE plan DROP COLUMN model; ALTER TABLE snapshots DROP COLUMN "
                         "model; UPDATE schema_version SET version = 1; PRAGMA application_id = 0;"
                         "VACUUM;",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    fs::copy_file(dir.file("base.db"), dir.file("w.db"));
    const long long full = duration_of(dir, {"show", "w.db"});
    std::mt19937 random(17);
    std::uniform_int_distribution<long long> when(0, full * 12 / 10);
    for (int i = 0; i < k_kills; ++i) {
        fs::copy_file(dir.file("base.db"), dir.file("w.db"), fs::copy_options::overwrite_existing);
        fs::remove(dir.file("w.db-journal"));
        fs::remove(dir.file("w.db.v1.bak"));
        run_and_kill(dir, {"show", "w.db"}, std::chrono::microseconds(when(random)));
        INFO("kill " << i);
        long long version = sql_integer(dir.file("w.db"), "SELECT version FROM schema_version");
        CHECK((version == 1 || version == current));
        if (version == current)
            CHECK(fs::exists(dir.file("w.db.v1.bak"))); // upgraded only after the copy
        if (fs::exists(dir.file("w.db.v1.bak"))) {
            // A copy that exists is complete: the schema 1 workspace, intact.
            CHECK(sql_text(dir.file("w.db.v1.bak"), "PRAGMA integrity_check") == "ok");
            CHECK(sql_integer(dir.file("w.db.v1.bak"), "SELECT version FROM schema_version") == 1);
        }
        CHECK(planner(dir, {"export-plan", "w.db"}).out == plan);
        CHECK(sql_integer(dir.file("w.db"), "SELECT version FROM schema_version") == current);
        // The plan as it was is the first version of its history.
        CHECK(sql_integer(dir.file("w.db"), "SELECT count(*) FROM plan_versions") == 1);
    }
    CHECK_FALSE(has_temporaries(dir));
}

TEST_CASE("crash: report -o killed at random points keeps the old file or writes a whole one") {
    TempDir dir("crash-report");
    ::setenv("SOURCE_DATE_EPOCH", "1767225600", 1); // the same bytes on every run
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    dir.write("out.pdf", "the old report");
    const long long full = duration_of(dir, {"report", "staffing", "plan.yaml", "-o", "new.pdf"});
    const std::string complete = dir.read("new.pdf");
    std::mt19937 random(18);
    std::uniform_int_distribution<long long> when(0, full * 12 / 10);
    int replaced = 0;
    for (int i = 0; i < k_kills; ++i) {
        dir.write("out.pdf", "the old report");
        run_and_kill(dir, {"report", "staffing", "plan.yaml", "-o", "out.pdf"},
                     std::chrono::microseconds(when(random)));
        std::string now = dir.read("out.pdf");
        INFO("kill " << i);
        CHECK((now == "the old report" || now == complete));
        replaced += now == complete;
    }
    WARN("report replaced the old file in " << replaced << " of " << k_kills << " runs");
    REQUIRE(planner(dir, {"report", "staffing", "plan.yaml", "-o", "out.pdf"}).status == 0);
    CHECK_FALSE(has_temporaries(dir)); // left by the killed runs, removed by this one
}

TEST_CASE("crash: a CSV report folder killed at random points is old or new, never half") {
    TempDir dir("crash-csv");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    const long long full =
        duration_of(dir, {"report", "staffing", "plan.yaml", "--format", "csv", "-o", "new"});
    size_t tables = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.file("new")))
        ++tables;
    std::mt19937 random(19);
    std::uniform_int_distribution<long long> when(0, full * 12 / 10);
    for (int i = 0; i < k_kills / 2; ++i) {
        fs::remove_all(dir.file("out"));
        fs::create_directory(dir.file("out"));
        dir.write("out/old.csv", "old\r\n");
        run_and_kill(dir, {"report", "staffing", "plan.yaml", "--format", "csv", "-o", "out"},
                     std::chrono::microseconds(when(random)));
        size_t files = 0;
        bool old = fs::exists(dir.file("out/old.csv"));
        for (const auto& e : fs::directory_iterator(dir.file("out"))) {
            ++files;
            std::string text = e2e::read_file(e.path().string());
            CHECK((text.size() >= 2 && text.substr(text.size() - 2) == "\r\n"));
        }
        INFO("kill " << i);
        CHECK((old ? files == 1 : files == tables));
    }
}

TEST_CASE("crash: a sync killed at random points finishes when run again") {
    TempDir dir("crash-sync");
    const std::string plan = e2e::sample("latvian-retail.yaml");
    dir.write("plan.yaml", plan);
    REQUIRE(planner(dir, {"import", "a0.db", "plan.yaml"}).status == 0);
    fs::copy_file(dir.file("a0.db"), dir.file("b0.db"));
    // Edited apart: a plan change on each side, metrics and a snapshot on one.
    const auto edit = [&](const std::string& from, const std::string& to) {
        std::string text = plan;
        const size_t at = text.find(from);
        REQUIRE(at != std::string::npos);
        return text.replace(at, from.size(), to);
    };
    dir.write("a.yaml", edit("posts_per_week: ", "posts_per_week: 1"));
    dir.write("b.yaml", edit("fte: 0.8", "fte: 0.7"));
    REQUIRE(planner(dir, {"import", "a0.db", "a.yaml"}).status == 0);
    REQUIRE(planner(dir, {"import", "b0.db", "b.yaml"}).status == 0);
    REQUIRE(planner(dir, {"snapshot", "b0.db", "--quarter", "2026-Q3", "--force"}).status == 0);
    fs::copy_file(dir.file("a0.db"), dir.file("a.db"));
    fs::copy_file(dir.file("b0.db"), dir.file("b.db"));
    const long long full = duration_of(dir, {"sync", "a.db", "b.db"});
    const std::string synced = planner(dir, {"export-plan", "a.db"}).out;
    std::mt19937 random(19);
    std::uniform_int_distribution<long long> when(0, full * 12 / 10);
    int interrupted = 0;
    for (int i = 0; i < k_kills; ++i) {
        for (const char* name : {"a.db", "b.db"}) {
            fs::copy_file(dir.file(std::string(name, 1) + "0.db"), dir.file(name),
                          fs::copy_options::overwrite_existing);
            fs::remove(dir.file(std::string(name) + "-journal"));
        }
        interrupted +=
            run_and_kill(dir, {"sync", "a.db", "b.db"}, std::chrono::microseconds(when(random)));
        INFO("kill " << i);
        // Run again: it finishes, with no conflict, and both hold the plan of a whole sync.
        const auto again = planner(dir, {"sync", "a.db", "b.db"});
        CHECK(again.status == 0);
        CHECK(planner(dir, {"export-plan", "a.db"}).out == synced);
        CHECK(planner(dir, {"export-plan", "b.db"}).out == synced);
        CHECK(planner(dir, {"snapshots", "a.db"}).out.find("2026-Q3") != std::string::npos);
        CHECK(planner(dir, {"sync", "a.db", "b.db"}).out.find("nothing changed") !=
              std::string::npos);
    }
    WARN("sync was killed before it finished in " << interrupted << " of " << k_kills << " runs");
}
