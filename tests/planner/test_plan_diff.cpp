// planner diff: what changed between two plans.
#include "model/plan_reader.hpp"
#include "planner/review/plan_diff.hpp"

#include <catch2/catch.hpp>

using namespace planner;

namespace {
model::Plan plan_of(const std::string& yaml) {
    auto r = model::read_plan_text("t.yaml", yaml);
    if (!r.ok())
        FAIL(r.errors.front().to_string());
    return r.plan;
}
std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

const std::string k_base = R"(version: 1
plan: {name: T}
channels:
  - {id: ig, name: "Instagram", workload: {posts_per_week: 5, hours_per_post: 1}}
roles:
  - {id: cm, duties: [create]}
people:
  - {id: anna, name: "Anna Bērziņa", roles: [cm]}
  - {id: olga, name: "Olga Petrova", roles: [cm]}
assignments:
  - {person: anna, duty: create, channel: ig, share: 0.5}
  - {person: olga, duty: create, channel: ig, share: 0.5}
)";
} // namespace

TEST_CASE("identical plans have no changes") {
    CHECK(diff_plans(plan_of(k_base), plan_of(k_base)).empty());
}

TEST_CASE("people, roles, drivers and ownership changes, in a fixed order") {
    std::string after = replace_once(k_base, "posts_per_week: 5", "posts_per_week: 6");
    after =
        replace_once(after, "roles: [cm]}\n  - {id: olga, name: \"Olga Petrova\", roles: [cm]}",
                     "roles: [cm]}\n  - {id: olga, name: \"Olga Petrova\", roles: [cm], fte: 0.5}");
    after = replace_once(after, "  - {person: olga, duty: create, channel: ig, share: 0.5}\n", "");
    after += "  - {person: anna, duty: create, channel: ig, raci: A}\n";
    after = replace_once(after, "  - {id: cm, duties: [create]}",
                         "  - {id: cm, duties: [create]}\n  - {id: lead, duties: [approve]}");
    auto changes = diff_plans(plan_of(k_base), plan_of(after));
    std::vector<std::string> lines;
    for (const auto& c : changes)
        lines.push_back(c.area + " | " + c.subject + " | " + describe(c));
    CHECK(lines == std::vector<std::string>{
                       "people | person:olga | Olga Petrova: capacity_hours 40 → 20",
                       "people | person:olga | Olga Petrova: fte 1 → 0.5",
                       "roles | role:lead | lead added (approve)",
                       "drivers | channel:ig | Instagram: posts_per_week 5 → 6",
                       "ownership | channel:ig/create | Anna Bērziņa (A) added",
                       "ownership | channel:ig/create | Olga Petrova (R) removed (share 0.5)",
                   });
}

TEST_CASE("added and removed people") {
    std::string after =
        replace_once(k_base, "  - {id: olga",
                     "  - {id: zane, name: \"Zane Ķēniņa\", status: vacancy}\n  - {id: olga");
    auto changes = diff_plans(plan_of(k_base), plan_of(after));
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].kind == ChangeKind::added);
    CHECK(describe(changes[0]) == "Zane Ķēniņa added (vacancy)");
}
