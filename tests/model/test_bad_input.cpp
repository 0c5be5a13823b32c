// Issue 15: bounded YAML alias expansion, NUL bytes, positions of syntax errors.
#include "model/plan_reader.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace planner::model;

namespace {
std::string first_error(const PlanReadResult& result) {
    return result.errors.empty() ? std::string() : result.errors.front().to_string();
}
} // namespace

TEST_CASE("1,000 YAML aliases of a 1 MB scalar are refused quickly with a clear error",
          "[yaml][alias]") {
    std::string text = "version: 1\nbig: &big \"" + std::string(1000000, 'x') + "\"\nmany:\n";
    for (int i = 0; i < 1000; ++i)
        text += "  - *big\n";
    auto start = std::chrono::steady_clock::now();
    PlanReadResult result = read_plan_text("bomb.yaml", text);
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(first_error(result), Catch::Contains("the aliases expand the plan to more than") &&
                                        Catch::Contains("*big"));
    CHECK(seconds < 20); // was 52 s and 16.7 GB; the sanitizer build is slow, so generous
}

TEST_CASE("a billion-laughs YAML file is refused", "[yaml][alias]") {
    std::string text = "version: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
        std::string prev = "*a" + std::to_string(i - 1);
        text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev;
        for (int k = 1; k < 10; ++k)
            text += ", " + prev;
        text += "]\n";
    }
    PlanReadResult result = read_plan_text("laughs.yaml", text);
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(first_error(result), Catch::Contains("the aliases expand the plan"));
}

TEST_CASE("more than 100,000 aliases are refused", "[yaml][alias]") {
    std::string text = "version: 1\nx: &x 1\nmany: [";
    for (int i = 0; i < 100001; ++i)
        text += "*x,";
    text += "]\n";
    PlanReadResult result = read_plan_text("many.yaml", text);
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(first_error(result), Catch::Contains("more than 100000 aliases"));
}

TEST_CASE("ordinary aliases in a plan still work", "[yaml][alias]") {
    PlanReadResult result = read_plan_text("ok.yaml", "version: 1\nplan:\n  name: &n \"A\"\n"
                                                      "  organization: *n\n");
    CHECK(result.ok());
    CHECK(result.plan.info.name == "A");
}

TEST_CASE("a NUL byte ends nothing silently: it is an error at its line and column", "[nul]") {
    std::string text("version: 1\nplan:\n  overhead: 0.2\0people: []\n", 40);
    PlanReadResult result = read_plan_text("nul.yaml", text);
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(first_error(result), Catch::StartsWith("nul.yaml:3:16: the file contains a NUL"));
    PlanReadResult first = read_plan_text("nul0.yaml", std::string("\0", 1));
    CHECK_THAT(first_error(first), Catch::StartsWith("nul0.yaml:1:1:"));
}

TEST_CASE("a syntax error at the end of input points at the last line", "[yaml]") {
    PlanReadResult result = read_plan_text("cut.yaml", "version: 1\nplan: [");
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.errors.front().line >= 1);
    CHECK(result.errors.front().line <= 2);
}

TEST_CASE("an alias inside the node it names is an error, not a loop", "[yaml][alias]") {
    PlanReadResult result = read_plan_text("loop.yaml", "version: 1\na: &a [1, *a]\n");
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(first_error(result), Catch::Contains("loop.yaml:2:"));
}
