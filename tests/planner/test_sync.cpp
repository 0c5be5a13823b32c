// planner sync: an interrupted sync finishes when run again, and then changes nothing.
#include "model/workspace.hpp"
#include "planner/cli/cli.hpp"
#include "planner/history/sync.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

using namespace planner;
namespace fs = std::filesystem;

namespace {
int cli(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    Streams streams{out, err};
    return run_cli(args, streams);
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string current_plan(const fs::path& path) {
    model::Workspace ws(path.string(), model::OpenMode::read_only);
    return ws.plan_yaml().value_or("");
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}
} // namespace

TEST_CASE("sync: a run interrupted between the two workspaces finishes when run again") {
    const fs::path dir = fs::temp_directory_path() / ("planner-sync-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string plan = read(fs::path(PLANNER_SOURCE_DIR) / "samples/small-team.yaml");
    std::ofstream(dir / "plan.yaml") << plan;
    std::ofstream(dir / "a.yaml") << replaced(plan, "capacity_hours: 10", "capacity_hours: 11");
    std::ofstream(dir / "b.yaml") << replaced(plan, "fte: 0.5", "fte: 0.6");
    const std::string a = (dir / "a.db").string();
    const std::string b = (dir / "b.db").string();
    REQUIRE(cli({"import", a, (dir / "plan.yaml").string()}) == 0);
    fs::copy_file(a, b);
    REQUIRE(cli({"import", a, (dir / "a.yaml").string()}) == 0);
    REQUIRE(cli({"import", b, (dir / "b.yaml").string()}) == 0);
    const std::string b_before = read(b);

    SyncOptions interrupted;
    interrupted.between = [] { throw std::runtime_error("power cut"); };
    CHECK_THROWS_WITH(sync_workspaces(a, b, interrupted), "power cut");
    // A holds the merged plan, B is untouched (its transaction never began).
    CHECK(current_plan(a).find("capacity_hours: 11") != std::string::npos);
    CHECK(current_plan(a).find("fte: 0.6") != std::string::npos);
    CHECK(read(b) == b_before);

    // Run again, with no options: it finishes without a conflict ...
    const SyncResult again = sync_workspaces(a, b, {});
    CHECK(again.conflicts.empty());
    CHECK(again.changed);
    CHECK(current_plan(a) == current_plan(b));
    // ... A is not changed again, and a third run changes nothing at all.
    const std::string a_bytes = read(a);
    const std::string b_bytes = read(b);
    const SyncResult third = sync_workspaces(a, b, {});
    CHECK(!third.changed);
    CHECK(read(a) == a_bytes);
    CHECK(read(b) == b_bytes);
    fs::remove_all(dir);
}

TEST_CASE("sync: two workspaces with no version in common merge as two additions") {
    const fs::path dir =
        fs::temp_directory_path() / ("planner-sync-apart-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string plan = read(fs::path(PLANNER_SOURCE_DIR) / "samples/small-team.yaml");
    std::ofstream(dir / "a.yaml") << replaced(plan, "capacity_hours: 10", "capacity_hours: 11");
    std::ofstream(dir / "b.yaml") << replaced(plan, "fte: 0.5", "fte: 0.6");
    const std::string a = (dir / "a.db").string();
    const std::string b = (dir / "b.db").string();
    REQUIRE(cli({"import", a, (dir / "a.yaml").string()}) == 0);
    REQUIRE(cli({"import", b, (dir / "b.yaml").string()}) == 0);
    const std::string a_before = read(a);
    // Each side's value differs from the other's and neither is a base: both are conflicts.
    const SyncResult stopped = sync_workspaces(a, b, {});
    CHECK(stopped.conflicts.size() == 2);
    CHECK(read(a) == a_before);
    SyncOptions prefer_b;
    prefer_b.prefer = SyncPreference::b;
    const SyncResult done = sync_workspaces(a, b, prefer_b);
    CHECK(done.changed);
    CHECK(current_plan(a) == current_plan(b));
    CHECK(current_plan(a).find("fte: 0.6") != std::string::npos);
    CHECK(current_plan(a).find("capacity_hours: 10\n") != std::string::npos);
    CHECK(!sync_workspaces(a, b, {}).changed);
    fs::remove_all(dir);
}
