// The binary form of a plan kept in workspaces: every field survives, and anything that is
// not a complete blob of this build's format is refused (so the YAML is read instead).
#include "model/plan_binary.hpp"
#include "model/plan_reader.hpp"
#include "model/plan_writer.hpp"
#include "plan_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace planner::model;

namespace {
// Equal plans write equal YAML: the writer writes every field (see test_plan_writer.cpp).
std::string through_binary(const Plan& plan) {
    auto decoded = decode_plan(encode_plan(plan));
    REQUIRE(decoded);
    return write_plan_yaml(*decoded);
}
} // namespace

TEST_CASE("a plan with every field set survives the binary form") {
    Plan plan = planner_test::read_ok("full.yaml", planner_test::k_full_plan_yaml);
    CHECK(through_binary(plan) == write_plan_yaml(plan));
    // Fields the writer leaves out when they hold their default still survive.
    plan.assignments.at(0).backup = true;
    plan.people.at(0).status = PersonStatus::vacancy;
    CHECK(through_binary(plan) == write_plan_yaml(plan));
}

TEST_CASE("every sample survives the binary form") {
    int samples = planner_test::for_each_sample_plan([](const std::string&, const Plan& plan) {
        CHECK(through_binary(plan) == write_plan_yaml(plan));
    });
    CHECK(samples >= 3);
}

TEST_CASE("a damaged or foreign blob is refused, never half read") {
    Plan plan = planner_test::read_ok("full.yaml", planner_test::k_full_plan_yaml);
    std::string bytes = encode_plan(plan);
    REQUIRE(decode_plan(bytes));
    // Every truncation.
    for (size_t length = 0; length < bytes.size(); ++length)
        CHECK_FALSE(decode_plan(std::string_view(bytes).substr(0, length)));
    // A byte too many.
    CHECK_FALSE(decode_plan(bytes + "x"));
    // Another format version (bytes 8..11 after the magic).
    std::string other = bytes;
    other[8] = static_cast<char>(other[8] + 1);
    CHECK_FALSE(decode_plan(other));
    // Not a blob at all.
    CHECK_FALSE(decode_plan("version: 1\nplan: {name: x}\n"));
    // A length that claims more than there is.
    std::string huge = bytes;
    for (size_t i = 12; i < 20; ++i) // the plan's version int, then the name's length
        huge[i] = '\xff';
    CHECK_FALSE(decode_plan(huge));
}
