// The workspace: schema version, migrations, transactions that roll back, metrics and the
// import log.
#include "model/content_hash.hpp"
#include "model/workspace.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sqlite3.h>
#include <unistd.h>

using namespace planner::model;
namespace fs = std::filesystem;

namespace {
fs::path temp_dir(const std::string& name) {
    fs::path dir =
        fs::temp_directory_path() / ("planner-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// Turns a current workspace back into a schema 1 one: no model columns.
void downgrade_to_schema_1(const std::string& path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db,
                         "DROP TABLE plan_versions; "
                         "ALTER TABLE plan DROP COLUMN model; "
                         "ALTER TABLE snapshots DROP COLUMN model; "
                         "UPDATE schema_version SET version = 1",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}
} // namespace

TEST_CASE("a new workspace has the current schema and no plan") {
    auto dir = temp_dir("ws-new");
    Workspace ws((dir / "w.db").string(), OpenMode::create);
    CHECK(ws.schema_version() == Workspace::k_schema_version);
    CHECK(!ws.plan_yaml());
    CHECK(is_workspace_file((dir / "w.db").string()));
}

TEST_CASE("opening a missing workspace read-only fails with advice") {
    auto dir = temp_dir("ws-missing");
    CHECK_THROWS_WITH(Workspace((dir / "none.db").string(), OpenMode::read_only),
                      Catch::Contains("does not exist"));
    CHECK(!fs::exists(dir / "none.db"));
}

TEST_CASE("a transaction that is not committed changes nothing") {
    auto dir = temp_dir("ws-rollback");
    std::string path = (dir / "w.db").string();
    {
        Workspace ws(path, OpenMode::create);
        Workspace::Transaction t(ws);
        ws.set_plan("version: 1\n", "model-a", "a.yaml");
        t.commit();
    }
    {
        Workspace ws(path, OpenMode::read_write);
        Workspace::Transaction t(ws);
        ws.set_plan("changed", "model-b", "b.yaml");
        ws.snapshot_current_plan("2027-Q1");
        // no commit
    }
    Workspace ws(path, OpenMode::read_only);
    CHECK(*ws.plan_yaml() == "version: 1\n");
    CHECK(*ws.plan_model() == "model-a");
    CHECK(ws.snapshot_quarters().empty());
}

TEST_CASE("metrics: the later import wins and replacements are counted") {
    auto dir = temp_dir("ws-metrics");
    Workspace ws((dir / "w.db").string(), OpenMode::create);
    ImportLogEntry first{"a.csv", "hash-a", "metrics", "generic-csv", 1, 1, 0, "", ""};
    long long a = ws.log_import(first);
    const auto day = [](const char* text) { return *parse_date(text); };
    CHECK_FALSE(ws.store_metric({day("2026-01-01"), "ig", "", Metric::reach, 10, 0}, a));
    ImportLogEntry second{"b.csv", "hash-b", "metrics", "generic-csv", 1, 1, 0, "", ""};
    long long b = ws.log_import(second);
    CHECK(ws.store_metric({day("2026-01-01"), "ig", "", Metric::reach, 12, 0}, b));
    CHECK_FALSE(ws.store_metric({day("2026-01-02"), "ig", "", Metric::reach, 5, 0}, b));
    auto all = ws.metric_values();
    REQUIRE(all.size() == 2);
    CHECK(all[0].value == 12);
    CHECK(ws.find_import("hash-a")->file_name == "a.csv");
    CHECK(!ws.find_import("hash-c"));
    CHECK(ws.imports().size() == 2);
}

TEST_CASE("a stored metric value that cannot be read is an error that names it") {
    auto dir = temp_dir("ws-bad-metric");
    const std::string path = (dir / "w.db").string();
    {
        Workspace ws(path, OpenMode::create);
        ImportLogEntry entry{"a.csv", "hash-a", "metrics", "generic-csv", 1, 1, 0, "", ""};
        const long long id = ws.log_import(entry);
        ws.store_metric({*parse_date("2026-01-01"), "ig", "", Metric::reach, 10, 0}, id);
        REQUIRE(ws.metric_values().size() == 1);
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "UPDATE metric_values SET metric = 'mood'", nullptr, nullptr,
                         nullptr) == SQLITE_OK);
    sqlite3_close(db);
    Workspace ws(path, OpenMode::read_only);
    CHECK_THROWS_WITH(ws.metric_values(),
                      "workspace '" + path +
                          "' holds a stored value that cannot be read (metric 'mood' of channel "
                          "'ig'); it was written by another program or a newer planner");
}

TEST_CASE("another application's SQLite file is refused, and nothing is added to it") {
    auto dir = temp_dir("ws-foreign");
    std::string path = (dir / "other.db").string();
    {
        // An SQLite file with tables of its own and no schema_version table.
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "CREATE TABLE legacy (x INTEGER)", nullptr, nullptr, nullptr) ==
                SQLITE_OK);
        sqlite3_close(db);
    }
    std::string before = read_bytes(path);
    for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write, OpenMode::create})
        CHECK_THROWS_WITH(Workspace(path, mode),
                          Catch::Contains("is an SQLite file of another application") &&
                              Catch::Contains("other.db"));
    CHECK(read_bytes(path) == before);
}

TEST_CASE("an SQLite file with another application id is refused") {
    auto dir = temp_dir("ws-appid");
    std::string path = (dir / "other.db").string();
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db,
                             "PRAGMA application_id = 42; CREATE TABLE schema_version (version); "
                             "INSERT INTO schema_version VALUES (2)",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    CHECK_THROWS_WITH(Workspace(path, OpenMode::read_write),
                      Catch::Contains("application id 0x0000002a"));
}

TEST_CASE("a new workspace carries planner's application id") {
    auto dir = temp_dir("ws-appid-new");
    std::string path = (dir / "t.db").string();
    { Workspace ws(path, OpenMode::create); }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(sqlite3_column_int(stmt, 0) == Workspace::k_application_id);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

TEST_CASE("a schema 1 workspace is upgraded when opened, even for reading, after a copy") {
    auto dir = temp_dir("ws-migrate-1");
    std::string path = (dir / "v1.db").string();
    {
        Workspace ws(path, OpenMode::create);
        ws.set_plan("version: 1\n", "model", "a.yaml");
        ws.snapshot_current_plan("2026-Q3");
    }
    downgrade_to_schema_1(path);
    std::string before = read_bytes(path);
    Workspace ws(path, OpenMode::read_only);
    CHECK(ws.schema_version() == Workspace::k_schema_version);
    CHECK(read_bytes(path + ".v1.bak") == before);
    CHECK(*ws.plan_yaml() == "version: 1\n");
    CHECK(!ws.plan_model()); // filled by the next import
    CHECK(*ws.snapshot("2026-Q3") == "version: 1\n");
    CHECK(!ws.snapshot_model("2026-Q3"));
    // Its plan is the first version of its history.
    const auto versions = ws.plan_versions();
    REQUIRE(versions.size() == 1);
    CHECK(versions[0].command == "upgrade");
    CHECK(*ws.plan_version_yaml(1) == "version: 1\n");
}

TEST_CASE("every plan stored is kept as a numbered, compressed version with its hash") {
    auto dir = temp_dir("ws-versions");
    std::string path = (dir / "team.db").string();
    Workspace ws(path, OpenMode::create);
    PlanVersion first;
    first.command = "import";
    first.file_name = "a.yaml";
    first.summary = "first plan";
    const std::string big(100000, 'x');
    CHECK(ws.store_plan_version(big, "model-a", first).number == 1);
    PlanVersion second = first;
    second.file_name = "b.yaml";
    const PlanVersion stored = ws.store_plan_version("version: 2\n", "model-b", second);
    CHECK(stored.number == 2);
    // SHA-256 of "version: 2\n".
    CHECK(stored.content_sha256 == content_hash("version: 2\n"));
    CHECK(content_hash("abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(content_hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(content_hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(*ws.plan_yaml() == "version: 2\n");
    CHECK(*ws.plan_model() == "model-b");
    const auto versions = ws.plan_versions();
    REQUIRE(versions.size() == 2);
    CHECK(versions[0].file_name == "a.yaml");
    CHECK(versions[1].file_name == "b.yaml");
    CHECK(*ws.plan_version_yaml(1) == big);
    CHECK(!ws.plan_version_yaml(3));
    CHECK(ws.plan_versions_stored_bytes() < 2000); // 100,000 x's compress to almost nothing
}

TEST_CASE("a file that is not SQLite is refused") {
    auto dir = temp_dir("ws-notdb");
    std::string path = (dir / "plan.yaml").string();
    std::ofstream(path) << "version: 1\n";
    CHECK_THROWS_WITH(Workspace(path, OpenMode::read_write),
                      Catch::Contains("is not a planner workspace"));
}

TEST_CASE("an upgrade never overwrites an earlier copy") {
    auto dir = temp_dir("ws-migrate-keep");
    std::string path = (dir / "v1.db").string();
    {
        Workspace ws(path, OpenMode::create);
        ws.set_plan("version: 1\n", "model", "a.yaml");
    }
    downgrade_to_schema_1(path);
    std::ofstream(path + ".v1.bak") << "an earlier copy";
    Workspace ws(path, OpenMode::read_write);
    CHECK(ws.schema_version() == Workspace::k_schema_version);
    CHECK(read_bytes(path + ".v1.bak") == "an earlier copy");
}
