// planner apply and planner rebalance --patch: the same patch engine as the web editor.
#include "e2e.hpp"

#include <catch2/catch.hpp>

using e2e::planner;
using e2e::TempDir;

TEST_CASE("apply changes exactly the patched line of a commented plan file") {
    TempDir dir("apply");
    const std::string original = e2e::sample("small-team.yaml");
    dir.write("team.yaml", original);
    dir.write("fte.json", R"([{"op":"replace","path":"/people/priya/fte","value":0.8}])");
    auto run = planner(dir, {"apply", "team.yaml", "fte.json"});
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(run.out.find("only the changed lines rewritten") != std::string::npos);
    std::string expected = original;
    expected.replace(expected.find("    fte: 0.5\n"), 13, "    fte: 0.8\n");
    CHECK(dir.read("team.yaml") == expected);
}

TEST_CASE("apply --dry-run prints the diff and writes nothing") {
    TempDir dir("apply-dry");
    dir.write("team.yaml", e2e::sample("small-team.yaml"));
    dir.write("p.json", R"([{"op":"add","path":"/people/sam/timezone","value":"Europe/Riga"}])");
    auto run = planner(dir, {"apply", "team.yaml", "p.json", "--dry-run"});
    REQUIRE(run.status == 0);
    CHECK(run.out.find("+    timezone: Europe/Riga") != std::string::npos);
    CHECK(dir.read("team.yaml") == e2e::sample("small-team.yaml"));
}

TEST_CASE("apply refuses an invalid patch, an unknown id and a cycle with exit status 2") {
    TempDir dir("apply-bad");
    dir.write("team.yaml", e2e::sample("small-team.yaml"));
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"([{"op":"replace","path":"/people/priya/fte","value":2}])", "/people/priya/fte"},
        {R"([{"op":"replace","path":"/people/nobody/fte","value":1}])",
         "there is no person 'nobody'"},
        {R"([{"op":"add","path":"/people/sam/reports_to","value":"tom"}])", "reporting cycle"},
        {R"([{"op":"add",)", "not valid JSON"},
    };
    for (const auto& [patch, message] : cases) {
        dir.write("p.json", patch);
        auto run = planner(dir, {"apply", "team.yaml", "p.json"});
        INFO(patch << "\n" << run.err);
        CHECK(run.status == 2);
        CHECK(run.err.find(message) != std::string::npos);
        CHECK(run.err.find("was not changed") != std::string::npos);
        CHECK(dir.read("team.yaml") == e2e::sample("small-team.yaml"));
    }
}

TEST_CASE("rebalance --patch prints the moves and apply applies them, comments kept") {
    TempDir dir("rebalance-patch");
    const std::string original = e2e::sample("latvian-retail.yaml");
    dir.write("team.yaml", original);
    auto run = planner(dir, {"rebalance", "team.yaml", "--patch", "moves.json"});
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(run.out.find(" gives ") != std::string::npos);
    CHECK(run.out.find("utilisation") != std::string::npos);
    REQUIRE(planner(dir, {"apply", "team.yaml", "moves.json"}).status == 0);
    const std::string now = dir.read("team.yaml");
    CHECK(now != original);
    // Every comment line of the sample is still there.
    size_t at = 0;
    while ((at = original.find("\n#", at)) != std::string::npos) {
        size_t end = original.find('\n', at + 1);
        CHECK(now.find(original.substr(at, end - at)) != std::string::npos);
        at = end;
    }
    // The patched plan is a valid plan that rebalance reads again.
    auto again = planner(dir, {"rebalance", "team.yaml", "--patch", "moves2.json"});
    REQUIRE(again.status == 0);
}
