// compute_cost against figures computed by hand (docs/cost.md), choose_hires against a
// brute-force enumeration, the COST checks both ways, and the money fields of the plan format.
#include "model/plan_reader.hpp"
#include "model/plan_writer.hpp"
#include "planner/checks/checks.hpp"
#include "planner/cost/budget_choice.hpp"
#include "planner/cost/cost.hpp"
#include "planner/staffing/staffing.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>

using namespace planner;
using Catch::Detail::Approx;

namespace {

model::Plan read_ok(const std::string& yaml) {
    model::PlanReadResult result = model::read_plan_text("test.yaml", yaml);
    std::string errors;
    for (const auto& e : result.errors)
        errors += e.to_string() + "\n";
    INFO(errors);
    REQUIRE(result.ok());
    return std::move(result.plan);
}

std::vector<std::string> read_errors(const std::string& yaml) {
    model::PlanReadResult result = model::read_plan_text("test.yaml", yaml);
    std::vector<std::string> out;
    for (const auto& e : result.errors)
        out.push_back(e.to_string());
    return out;
}

std::string with(std::string yaml, const std::string& from, const std::string& to) {
    auto at = yaml.find(from);
    INFO(from);
    REQUIRE(at != std::string::npos);
    return yaml.replace(at, from.size(), to);
}

// Hours: ig create 40 x 2 = 80 h, fb create 10 x 2 = 20 h (publishing takes 0 minutes).
// Anna carries 10 h of ig, Bruno 10 h of ig and 5 h of fb, the contractor Cara 10 h of fb,
// the vacancy Dina 5 h of fb.
const char* k_cost_plan = R"(version: 1
plan: {name: Cost, currency: EUR, budget: 150000, cost_loading: 0.25, overhead: 0.2}
goals:
  - {id: g1, priority: 1, channels: [ig, fb]}
  - {id: g2, priority: 2, channels: [fb]}
channels:
  - id: ig
    network: instagram
    workload: {posts_per_week: 40, hours_per_post: 2, minutes_per_publish: 0}
  - id: fb
    network: facebook
    workload: {posts_per_week: 10, hours_per_post: 2, minutes_per_publish: 0}
roles:
  - {id: writer, duties: [create], cost: 40000}
people:
  - {id: anna, roles: [writer], fte: 0.5, cost: 48000}
  - {id: bruno, roles: [writer]}
  - {id: cara, roles: [writer], status: contractor, fte: 0.25, hourly_rate: 30}
  - {id: dina, roles: [writer], status: vacancy}
assignments:
  - {person: anna, duty: create, channel: ig, share: 0.125}
  - {person: bruno, duty: create, channel: ig, share: 0.125}
  - {person: bruno, duty: create, channel: fb, share: 0.25}
  - {person: cara, duty: create, channel: fb, share: 0.5}
  - {person: dina, duty: create, channel: fb, share: 0.25}
)";

const PersonCost& row(const CostResult& result, const std::string& id) {
    for (const PersonCost& p : result.people)
        if (p.id == id)
            return p;
    FAIL("no row " << id);
    throw 0;
}

const CostShare& share(const std::vector<CostShare>& list, const std::string& id) {
    for (const CostShare& s : list)
        if (s.id == id)
            return s;
    FAIL("no share " << id);
    throw 0;
}

std::vector<Finding> found(const std::string& yaml, const std::string& check) {
    std::vector<Finding> out;
    for (const Finding& finding : run_checks(read_ok(yaml)).findings)
        if (finding.check == check)
            out.push_back(finding);
    return out;
}

} // namespace

TEST_CASE("cost of each person follows override, loading, contractor hours and vacancy") {
    const PlanFacts facts(read_ok(k_cost_plan));
    const StaffingResult staffing = compute_staffing(facts);
    const CostResult cost = compute_cost(facts, staffing);
    CHECK(cost.currency == "EUR");
    // Own cost 48,000 x fte 0.5 x 1.25.
    CHECK(row(cost, "anna").cost_per_year == Approx(30000));
    CHECK(row(cost, "anna").basis == CostBasis::own_salary);
    // Role cost 40,000 x 1 x 1.25.
    CHECK(row(cost, "bruno").cost_per_year == Approx(50000));
    CHECK(row(cost, "bruno").basis == CostBasis::role_salary);
    // Contractor: 10 h a week x 30 x 52 weeks, no loading.
    CHECK(row(cost, "cara").hours_per_week == Approx(10));
    CHECK(row(cost, "cara").cost_per_year == Approx(15600));
    CHECK(row(cost, "cara").basis == CostBasis::hourly);
    CHECK(row(cost, "dina").group == CostGroup::vacancy);
    CHECK(row(cost, "dina").cost_per_year == Approx(50000));
    // Required (80 + 20) / 32 = 3.125 FTE; current 0.5 + 1 + 0.25 = 1.75; gap 1.375; hires
    // ceil(1.175) = 2, one of them the vacancy: one further hire at 50,000.
    REQUIRE(staffing.roles.at(0).hires == 2);
    CHECK(row(cost, "hire-writer-1").group == CostGroup::hire);
    CHECK(row(cost, "hire-writer-1").cost_per_year == Approx(50000));
    CHECK(cost.people.size() == 5);
    CHECK(cost.current_total == Approx(95600));
    CHECK(cost.vacancy_total == Approx(50000));
    CHECK(cost.hires_total == Approx(50000));
    CHECK(cost.planned_total == Approx(195600));
    CHECK(cost.unknown_costs == 0);
}

TEST_CASE("cost is shared over channels by hours carried and over goals equally") {
    const PlanFacts facts(read_ok(k_cost_plan));
    const CostResult cost = compute_cost(facts, compute_staffing(facts));
    // ig: Anna 30,000 + Bruno 50,000 x 10/15; fb: Bruno 50,000 x 5/15 + Cara 15,600 + Dina 50,000.
    CHECK(share(cost.channels, "ig").cost_per_year == Approx(30000 + 100000.0 / 3));
    CHECK(share(cost.channels, "fb").cost_per_year == Approx(50000.0 / 3 + 15600 + 50000));
    CHECK(share(cost.channels, "ig").hours_per_week == Approx(20));
    CHECK(share(cost.channels, "fb").hours_per_week == Approx(20));
    // fb is named by two goals: half each.
    const double fb = 50000.0 / 3 + 65600;
    CHECK(share(cost.goals, "g1").cost_per_year == Approx(30000 + 100000.0 / 3 + fb / 2));
    CHECK(share(cost.goals, "g2").cost_per_year == Approx(fb / 2));
    CHECK(share(cost.roles, "writer").cost_per_year == Approx(145600));
    CHECK(cost.not_carried == Approx(0));
    CHECK(cost.no_goal == Approx(0));
}

TEST_CASE("a person who carries nothing and a channel of no goal are shown apart") {
    std::string yaml =
        with(k_cost_plan, "  - {id: dina,", "  - {id: eva, roles: [writer]}\n  - {id: dina,");
    yaml = with(yaml, "  - {id: g2, priority: 2, channels: [fb]}\n", "");
    yaml = with(yaml, "  - {id: g1, priority: 1, channels: [ig, fb]}",
                "  - {id: g1, priority: 1, channels: [ig]}");
    const PlanFacts facts(read_ok(yaml));
    const CostResult cost = compute_cost(facts, compute_staffing(facts));
    CHECK(cost.not_carried == Approx(50000));
    CHECK(cost.no_goal == Approx(50000.0 / 3 + 65600));
    CHECK(share(cost.goals, "g1").cost_per_year == Approx(30000 + 100000.0 / 3));
}

TEST_CASE("a plan without money fields costs nothing and says so") {
    std::string yaml = with(k_cost_plan, ", cost: 40000}", "}");
    yaml = with(yaml, ", cost: 48000}", "}");
    yaml = with(yaml, ", hourly_rate: 30}", "}");
    const PlanFacts facts(read_ok(yaml));
    const CostResult cost = compute_cost(facts, compute_staffing(facts));
    CHECK_FALSE(cost.any_cost);
    CHECK(cost.planned_total == 0);
    CHECK(cost.unknown_costs == 5);
    CHECK(found(yaml, "COST002").empty());
}

TEST_CASE("money fields are validated with their position") {
    CHECK(read_errors(with(k_cost_plan, "currency: EUR", "currency: EURO")) ==
          std::vector<std::string>{"test.yaml:2:30: currency 'EURO' is not an ISO 4217 code; write "
                                   "three capital letters such as EUR, USD or GBP"});
    CHECK(read_errors(with(k_cost_plan, "currency: EUR", "currency: XYZ")).size() == 1);
    CHECK(read_errors(with(k_cost_plan, "currency: EUR", "currency: USD")).empty());
    CHECK(read_errors(with(k_cost_plan, "budget: 150000", "budget: -1")) ==
          std::vector<std::string>{"test.yaml:2:43: 'budget' must be between 0 and 1e+12, not -1"});
    CHECK(read_errors(with(k_cost_plan, "cost_loading: 0.25", "cost_loading: lots")).size() == 1);
    CHECK(read_errors(with(k_cost_plan, "fte: 0.5, cost: 48000", "fte: 0.5, hourly_rate: 20")) ==
          std::vector<std::string>{
              "test.yaml:16:56: an hourly rate is for a contractor; add `status: contractor` to "
              "this person or give a yearly `cost` instead"});
    CHECK(read_errors(with(k_cost_plan, "hourly_rate: 30}", "hourly_rate: 30, cost: 1}")) ==
          std::vector<std::string>{
              "test.yaml:18:77: a contractor is paid either by the hour or by the year; keep "
              "`hourly_rate` or `cost`, not both"});
}

TEST_CASE("money fields survive the canonical writer") {
    const model::Plan plan = read_ok(k_cost_plan);
    const std::string yaml = model::write_plan_yaml(plan);
    const model::Plan again = read_ok(yaml);
    CHECK(again.info.currency == std::optional<std::string>("EUR"));
    CHECK(again.info.budget == std::optional<double>(150000));
    CHECK(again.info.cost_loading == 0.25);
    CHECK(again.roles.at(0).cost == std::optional<double>(40000));
    CHECK(again.people.at(0).cost == std::optional<double>(48000));
    CHECK(again.people.at(2).status == model::PersonStatus::contractor);
    CHECK(again.people.at(2).hourly_rate == std::optional<double>(30));
    CHECK(model::write_plan_yaml(again) == yaml);
}

TEST_CASE("COST001 fires over budget and not within it") {
    const auto over = found(k_cost_plan, "COST001");
    REQUIRE(over.size() == 1);
    CHECK(over[0].message ==
          "The planned team costs 195,600 EUR a year, 45,600 EUR over the budget of 150,000 EUR.");
    CHECK(found(with(k_cost_plan, "budget: 150000", "budget: 195600"), "COST001").empty());
    CHECK(found(with(k_cost_plan, "budget: 150000, ", ""), "COST001").empty());
}

TEST_CASE("COST002 fires for a role without cost when others have one, not otherwise") {
    const std::string yaml =
        with(with(k_cost_plan, "  - {id: writer, duties: [create], cost: 40000}",
                  "  - {id: writer, duties: [create], cost: 40000}\n  - {id: editor, duties: "
                  "[publish]}"),
             "  - {id: bruno, roles: [writer]}", "  - {id: bruno, roles: [editor]}");
    const auto missing = found(yaml, "COST002");
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].subject == "role:editor");
    CHECK(missing[0].severity == Severity::info);
    CHECK(missing[0].message ==
          "Role editor has no cost while others have one, so bruno counts as costing nothing.");
    CHECK(found(k_cost_plan, "COST002").empty());
}

TEST_CASE("COST003 fires when a salaried person with free hours could take contractor work") {
    // Bruno has 40 x 0.8 = 32 available hours and carries 15: 17 free, enough for Cara's 10 of
    // fb create, which his role performs.
    const auto findings = found(k_cost_plan, "COST003");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "channel:fb/create");
    CHECK(findings[0].message.find("cara (contractor) carries 10 hours a week") !=
          std::string::npos);
    CHECK(findings[0].recommendation.find("bruno performs `create` and has 17 free hours") !=
          std::string::npos);
    CHECK(findings[0].recommendation.find("15,600 EUR a year") != std::string::npos);
    // At half time Bruno has 16 - 15 = 1 free hour, Anna 16 - 10 = 6: nobody can take 10.
    CHECK(found(with(k_cost_plan, "  - {id: bruno, roles: [writer]}",
                     "  - {id: bruno, roles: [writer], fte: 0.5}"),
                "COST003")
              .empty());
}

// ---- hires within a budget -----------------------------------------------------------------

TEST_CASE("the budget choice takes the pair a greedy choice would miss") {
    // Hours per FTE 32. Role a: 32 uncovered h, weight 3; role b: 32 h, weight 3.
    // Candidates: a big one (a, cost 60) and two small ones (b and a's cheaper, cost 50 each).
    std::vector<HireGroup> groups = {{"a", "a", 32, 3}, {"b", "b", 32, 3}};
    std::vector<HireCandidate> candidates = {
        {0, "a-big", "", 1.0, 60}, {0, "a-half", "", 0.75, 50}, {1, "b-one", "", 1.0, 50}};
    // Budget 100: a-half + b-one cover 24 x 3 + 32 x 3 = 168; a-big alone 96.
    const BudgetChoice choice = choose_hires(groups, candidates, 100, 32);
    CHECK(choice.chosen == std::vector<bool>{false, true, true});
    CHECK(choice.value == Approx(168));
    CHECK(choice.cost == Approx(100));
    CHECK(choice.left_uncovered.at(0) == Approx(8));
    CHECK(choice.left_uncovered.at(1) == Approx(0));
    // Nothing fits a budget of 10.
    CHECK(choose_hires(groups, candidates, 10, 32).chosen ==
          std::vector<bool>{false, false, false});
}

TEST_CASE("a role with many candidates of distinct costs does not multiply the work") {
    // 60 vacancies of one role, each with its own cost: 2^60 subsets, of which the frontier
    // keeps at most one per FTE count that matters (uncovered 100 h: up to 3.125 FTE).
    std::vector<HireGroup> groups = {{"a", "a", 100, 3}, {"b", "b", 0, 1}};
    std::vector<HireCandidate> candidates;
    for (int i = 0; i < 60; ++i)
        candidates.push_back(
            {static_cast<size_t>(i % 2), "c" + std::to_string(i), "", 1, 30000.0 + 17 * i});
    const BudgetChoice choice = choose_hires(groups, candidates, 1e9, 32);
    // Four of role a (the cheapest four) cover all 100 hours; role b has nothing uncovered.
    int chosen = 0;
    for (size_t i = 0; i < candidates.size(); ++i)
        chosen += choice.chosen[i];
    CHECK(chosen == 4);
    CHECK(choice.chosen[0]);
    CHECK(choice.chosen[2]);
    CHECK(choice.chosen[4]);
    CHECK(choice.chosen[6]);
    CHECK(choice.value == Approx(300));
    CHECK(choice.cost == Approx(4 * 30000.0 + 17 * (0 + 2 + 4 + 6)));
}

TEST_CASE("the budget choice equals a brute-force enumeration on random small cases") {
    std::mt19937 random(20261203);
    for (int round = 0; round < 400; ++round) {
        std::uniform_int_distribution<int> group_count(1, 4), candidate_count(0, 9);
        std::uniform_int_distribution<int> cost_pick(1, 12), fte_pick(1, 4), weight_pick(1, 3);
        std::uniform_int_distribution<int> hours_pick(0, 100);
        std::vector<HireGroup> groups;
        const int g = group_count(random);
        for (int i = 0; i < g; ++i)
            groups.push_back({"r" + std::to_string(i), "", static_cast<double>(hours_pick(random)),
                              static_cast<double>(weight_pick(random))});
        std::vector<HireCandidate> candidates;
        const int n = candidate_count(random);
        for (int i = 0; i < n; ++i)
            candidates.push_back({static_cast<size_t>(random() % g), "c" + std::to_string(i), "",
                                  fte_pick(random) * 0.25, cost_pick(random) * 1000.0});
        const double budget = std::uniform_int_distribution<int>(0, 40)(random) * 1000.0;
        const double hours_per_fte = 32;

        double best = 0, best_cost = 0;
        for (unsigned mask = 0; mask < (1u << n); ++mask) {
            std::vector<bool> chosen(n);
            double cost = 0;
            for (int i = 0; i < n; ++i)
                if (mask & (1u << i)) {
                    chosen[i] = true;
                    cost += candidates[i].cost;
                }
            if (cost > budget)
                continue;
            const double value = covered_value(groups, candidates, chosen, hours_per_fte);
            if (value > best + 1e-9 || (std::abs(value - best) <= 1e-9 && cost < best_cost)) {
                best = value;
                best_cost = cost;
            }
        }
        const BudgetChoice choice = choose_hires(groups, candidates, budget, hours_per_fte);
        INFO("round " << round << ", " << n << " candidates, budget " << budget);
        CHECK(choice.value == Approx(best));
        CHECK(choice.cost == Approx(best_cost));
        CHECK(choice.cost <= budget);
        CHECK(covered_value(groups, candidates, choice.chosen, hours_per_fte) == Approx(best));
        double cost = 0;
        for (int i = 0; i < n; ++i)
            cost += choice.chosen[i] ? candidates[i].cost : 0;
        CHECK(cost == Approx(choice.cost));
    }
}

TEST_CASE("hire candidates of a plan: the vacancy and the further hire, weighted by priority") {
    const PlanFacts facts(read_ok(k_cost_plan));
    const StaffingResult staffing = compute_staffing(facts);
    const CostResult cost = compute_cost(facts, staffing);
    std::vector<HireGroup> groups;
    std::vector<HireCandidate> candidates;
    hire_candidates(facts, staffing, cost, groups, candidates);
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].uncovered_hours == Approx((3.125 - 1.75) * 32));
    CHECK(groups[0].weight == Approx(3)); // both channels serve the priority-1 goal
    REQUIRE(candidates.size() == 2);
    CHECK(candidates[0].id == "dina");
    CHECK(candidates[1].id == "hire-writer-1");
    // 150,000 - 95,600 = 54,400 for hires: one of the two 50,000 hires, the vacancy first.
    const BudgetChoice choice =
        choose_hires(groups, candidates, 150000 - cost.current_total, staffing.hours_per_fte);
    CHECK(choice.chosen == std::vector<bool>{true, false});
    CHECK(choice.left_uncovered.at(0) == Approx(44 - 32));
}
