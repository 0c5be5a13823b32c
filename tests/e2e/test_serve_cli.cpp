// `planner serve` refuses bad input before it listens (the running server is tested in
// tests/browser/test_serve.py and tests/server/).
#include "e2e.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using e2e::planner;
using e2e::TempDir;

TEST_CASE("serve: a plan with an error is reported with its place and status 2") {
    TempDir dir("serve-bad");
    {
        std::ofstream out(dir.file("team.yaml"));
        out << "version: 1\nplan:\n  name: [unclosed\n";
    }
    auto run = planner(dir, {"serve", "team.yaml", "--no-open"});
    CHECK(run.status == 2);
    CHECK(run.out.empty()); // no address printed: nothing listens
    CHECK(run.err.find("team.yaml:") != std::string::npos);
}

TEST_CASE("serve: a missing plan, a bad port or language is a usage error") {
    TempDir dir("serve-usage");
    CHECK(planner(dir, {"serve", "nowhere.yaml", "--no-open"}).status == 2);
    auto port = planner(dir, {"serve", "nowhere.yaml", "--port", "http"});
    CHECK(port.status == 2);
    CHECK(port.err.find("--port takes a number") != std::string::npos);
    auto lang = planner(dir, {"serve", "nowhere.yaml", "--lang", "de"});
    CHECK(lang.status == 2);
    CHECK(lang.err.find("use en or lv") != std::string::npos);
    auto help = planner(dir, {"serve", "--help"});
    CHECK(help.status == 0);
    CHECK(help.out.find("planner serve PLAN [--port N] [--no-open] [--lang en|lv]") !=
          std::string::npos);
}
