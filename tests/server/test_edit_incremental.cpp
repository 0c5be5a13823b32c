// After an edit, the server builds the new plan's facts from the facts before it, reusing the
// team graph when the edit did not touch what the graph is made of (PlanFacts(plan,
// previous)). Over many random edits of a generated plan, every check run on those facts must
// give exactly what a run on facts built from scratch gives.
#include "model/json_value.hpp"
#include "model/plan_json.hpp"
#include "planner/checks/check_render.hpp"
#include "planner/checks/checks.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/editing/plan_edit.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include <unistd.h>

using namespace planner;
namespace fs = std::filesystem;

namespace {

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

} // namespace

TEST_CASE("facts reused after random edits give the same findings as facts built afresh") {
    const fs::path dir =
        fs::temp_directory_path() / ("edit-incremental-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path file = dir / "plan.yaml";
    const std::string command = "/usr/bin/python3 '" + std::string(PLANNER_SOURCE_DIR) +
                                "/tests/bench/generate_plan.py' 300 1 '" + file.string() +
                                "' >/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    EditablePlan stored = load_editable_plan(file.string());
    fs::remove_all(dir);

    model::PlanJsonCheck first = model::read_plan_json(stored.json);
    REQUIRE(first.plan);
    auto facts = std::make_shared<const PlanFacts>(std::move(*first.plan));
    run_checks(*facts); // builds the graph, as the server's findings do
    model::Json json = stored.json;

    const size_t people = facts->plan().people.size();
    const size_t assignments = facts->plan().assignments.size();
    std::mt19937 random(12);
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random); };
    const char* roles[] = {"creator", "community", "analyst", "paid", "lead"};

    int applied = 0, reused = 0, rebuilt = 0;
    for (int round = 0; round < 120; ++round) {
        const std::string person = "p" + std::to_string(pick(people));
        std::string patch;
        switch (pick(6)) {
        case 0:
        case 1:
            patch = R"([{"op":"replace","path":"/people/)" + person + R"(/fte","value":)" +
                    number(0.3 + 0.1 * static_cast<double>(pick(8))) + "}]";
            break;
        case 2: {
            const size_t index = 1 + pick(people - 1);
            patch = R"([{"op":"add","path":"/people/p)" + std::to_string(index) +
                    R"(/reports_to","value":"p)" + std::to_string(pick(index)) + "\"}]";
            break;
        }
        case 3:
            patch = R"([{"op":"replace","path":"/assignments/)" +
                    std::to_string(pick(assignments)) + R"(/share","value":)" +
                    number(0.1 * static_cast<double>(1 + pick(9))) + "}]";
            break;
        case 4:
            patch = R"([{"op":"remove","path":"/assignments/)" +
                    std::to_string(pick(assignments - static_cast<size_t>(round))) + "\"}]";
            break;
        default:
            patch = R"([{"op":"replace","path":"/people/)" + person + R"(/roles","value":[")" +
                    roles[pick(5)] + "\"]}]";
            break;
        }
        EditResult result = apply_edit_text(json, facts->plan(), patch);
        if (result.status != EditStatus::applied)
            continue;
        ++applied;
        model::Plan copy = *result.plan;
        auto next = std::make_shared<const PlanFacts>(std::move(*result.plan), *facts);
        const PlanFacts fresh(std::move(copy));
        (next->graph_reused() ? reused : rebuilt)++;
        INFO("patch " << patch);
        REQUIRE(render_check_json(run_checks(*next)) == render_check_json(run_checks(fresh)));
        json = std::move(result.json);
        facts = next;
    }
    // Both ways were taken, and many times.
    CHECK(applied >= 80);
    CHECK(reused >= 20);
    CHECK(rebuilt >= 20);
}
