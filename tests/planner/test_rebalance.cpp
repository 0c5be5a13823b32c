// Rebalancing: the flow on small networks, and proposals that are valid plans, carry the
// work with fewer overloads, and come out byte for byte the same every time.
#include "model/plan_reader.hpp"
#include "model/plan_writer.hpp"
#include "planner/checks/checks.hpp"
#include "planner/rebalance/rebalance.hpp"
#include "planner/rebalance/rebalance_flow.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

using namespace planner;

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

const PersonBalance& person(const RebalanceResult& result, const std::string& id) {
    for (const PersonBalance& p : result.people)
        if (p.person.str() == id)
            return p;
    FAIL("no person " << id);
    throw 0;
}

std::set<std::string> error_findings(const model::Plan& plan) {
    std::set<std::string> out;
    for (const Finding& f : run_checks(plan).findings)
        if (f.severity == Severity::error)
            out.insert(f.check + " " + f.subject);
    return out;
}

// Hours: fb engage 20 x 7 x 3 / 60 = 7; ig engage 40 x 7 x 3 / 60 = 14; ig listen 6;
// tt create 5 x 2 = 10; tt influencer (custom, no role performs it) 2.
// Overhead 0: ann has 10 h, bob 32, cid 0.2 x 40 = 8, liv 40.
const char* k_team = R"(version: 1
plan: {name: Rebalance, overhead: 0}
channels:
  - id: fb
    network: facebook
    workload: {inbound_per_day: 20, minutes_per_inbound: 3}
  - id: ig
    network: instagram
    workload: {inbound_per_day: 40, minutes_per_inbound: 3, listening_hours_per_week: 6}
  - id: tt
    network: tiktok
    workload: {posts_per_week: 5, hours_per_post: 2, minutes_per_publish: 0}
duties:
  - {id: influencer, hours_per_week: 2}
roles:
  - {id: cm, duties: [engage, listen]}
  - {id: creator, duties: [create]}
  - {id: lead, duties: [approve]}
people:
  - {id: ann, roles: [cm], capacity_hours: 10}
  - {id: bob, roles: [cm], capacity_hours: 32}
  - {id: cid, roles: [creator], fte: 0.2}
  - {id: liv, roles: [lead]}
assignments:
  - {person: ann, duty: engage, channel: ig}
  - {person: ann, duty: engage, channel: fb}
  - {person: ann, duty: listen, channel: ig}
  - {person: cid, duty: create, channel: tt}
  - {person: liv, duty: influencer, channel: tt}
  - {person: liv, duty: all, channel: fb, raci: A}
  - {person: liv, duty: all, channel: ig, raci: A}
  - {person: liv, duty: all, channel: tt, raci: A}
  - {person: bob, duty: engage, channel: ig, backup: true}
)";

} // namespace

TEST_CASE("rebalance flow: cheapest arcs first, up to their capacity", "[rebalance]") {
    // source 0 -> a 2 (5 units); a -> sink 1 by a cheap arc (3 units, weight 1) and a dear
    // one (10 units, weight 2): 3 units go the cheap way, 2 the dear way; cost 3 + 4 = 7.
    FlowNetwork network;
    network.nodes = 3;
    network.arcs = {{0, 2, 5, 0}, {2, 1, 3, 1}, {2, 1, 10, 2}};
    const auto flow = solve_min_cost_flow(network);
    REQUIRE(flow.size() == 3);
    CHECK(flow[0] == 5);
    CHECK(flow[1] == 3);
    CHECK(flow[2] == 2);
    // At the optimum the potentials leave no residual arc with a negative reduced cost.
    const auto potential = residual_potentials(network, flow);
    for (size_t i = 0; i < network.arcs.size(); ++i) {
        const FlowArc& arc = network.arcs[i];
        const int64_t reduced = arc.weight + potential[static_cast<size_t>(arc.from)] -
                                potential[static_cast<size_t>(arc.to)];
        if (flow[i] < arc.capacity)
            CHECK(reduced >= 0);
        if (flow[i] > 0)
            CHECK(reduced <= 0);
    }
}

TEST_CASE("rebalance: moves overload to people with room, overtime only where no one can",
          "[rebalance]") {
    const model::Plan plan = read_ok(k_team);
    const RebalanceResult result = compute_rebalance(plan);

    // Before: ann carries 7 + 14 + 6 = 27 h of 10 (2.7), cid 10 of 8 (1.25): 2 overloaded.
    CHECK(person(result, "ann").load_before == Approx(27.0));
    CHECK(*person(result, "ann").utilisation_before == Approx(2.7));
    CHECK(result.overloaded_before == 2);
    // After: ann keeps 10 h (cost 0), bob takes the other 17 h (new, cost 1 per hour);
    // utilisation 1.0 and 17 / 32 = 0.53125. cid is the only creator: create stays with
    // him and 2 h of it are overtime (cost 20 per hour), within 1.25 x his 8 h.
    CHECK(person(result, "ann").load_after == Approx(10.0));
    CHECK(*person(result, "ann").utilisation_after == Approx(1.0));
    CHECK(person(result, "bob").load_after == Approx(17.0));
    CHECK(*person(result, "bob").utilisation_after == Approx(0.53125));
    CHECK(person(result, "cid").load_after == Approx(10.0));
    CHECK(person(result, "cid").overtime_hours == Approx(2.0));
    CHECK(result.overloaded_after == 1);
    // Ties break by channel id: bob's new work goes to fb before ig, so ann keeps ig only.
    for (const ProposedPart& part : result.parts)
        if (part.person.str() == "ann")
            CHECK(part.duty_index != 0); // fb/engage

    // The hiring need: 2 h of creator overtime; 2 h of influencer work no role performs,
    // left with liv as it was.
    REQUIRE(result.needs.size() == 2);
    CHECK(result.needs[0].role == "creator");
    CHECK(result.needs[0].overtime_hours == Approx(2.0));
    CHECK(result.needs[0].unstaffed_hours == 0.0);
    CHECK(result.needs[1].role == "unroled");
    CHECK(result.needs[1].unstaffed_hours == Approx(2.0));
    REQUIRE(result.kept_duties.size() == 1);
    CHECK(person(result, "liv").load_after == Approx(2.0));
    // Cost: 17 h new (17) + 2 h overtime, 119 min at 20 and the last minute, at the error
    // level, at 100 ((119 x 20 + 100) / 60 = 41.33) + 2 h unstaffed (2000) = 2058.33.
    CHECK(result.cost == Approx(17.0 + (119.0 * 20 + 100) / 60.0 + 2000.0));
}

TEST_CASE("rebalance: the proposal is a valid plan with no new errors, written the same twice",
          "[rebalance]") {
    const model::Plan plan = read_ok(k_team);
    const RebalanceResult first = compute_rebalance(plan);
    const RebalanceResult second = compute_rebalance(plan);
    const std::string yaml = model::write_plan_yaml(first.proposed);
    CHECK(yaml == model::write_plan_yaml(second.proposed));

    const model::Plan reread = read_ok(yaml);
    // A, backups and the custom duty no one can take are kept.
    int accountable = 0, backups = 0;
    for (const model::Assignment& a : reread.assignments) {
        if (a.raci == model::Raci::A)
            ++accountable;
        if (a.backup)
            ++backups;
    }
    CHECK(accountable == 3);
    CHECK(backups == 1);
    // Shares of each channel duty add up to exactly what the flow placed.
    const model::PlanIndex index(reread);
    const Workload after = compute_workload(index);
    for (const DutyLoad& duty : after.duties) {
        const auto& cd = index.channel_duties()[duty.duty_index];
        INFO(model::channel_duty_subject(cd));
        CHECK(duty.responsible_share == Approx(1.0));
    }
    const std::set<std::string> before_errors = error_findings(plan);
    for (const std::string& error : error_findings(reread)) {
        INFO(error);
        CHECK(before_errors.count(error) == 1);
    }
}

TEST_CASE("rebalance: a team that can carry the work ends with no overloads", "[rebalance]") {
    // li engage 60 x 7 x 3 / 60 = 21 h; ig 14; fb 7; listen on ig 5: 47 h, all on p1 who
    // has 20 h available; five community managers have 100 h between them.
    const model::Plan plan = read_ok(R"(version: 1
plan: {name: Feasible, overhead: 0.5}
channels:
  - {id: fb, network: facebook, workload: {inbound_per_day: 20, minutes_per_inbound: 3}}
  - {id: ig, network: instagram, workload: {inbound_per_day: 40, minutes_per_inbound: 3, listening_hours_per_week: 5}}
  - {id: li, network: linkedin, workload: {inbound_per_day: 60, minutes_per_inbound: 3}}
roles:
  - {id: cm, duties: [engage, listen], skills: [care]}
people:
  - {id: p1, roles: [cm], skills: [care], interests: [instagram]}
  - {id: p2, roles: [cm], interests: [fb, li]}
  - {id: p3, roles: [cm], skills: [care]}
  - {id: p4, roles: [cm], skills: [care], interests: [linkedin]}
  - {id: p5, roles: [cm], skills: [care]}
assignments:
  - {person: p1, duty: engage, channel: fb}
  - {person: p1, duty: engage, channel: ig}
  - {person: p1, duty: engage, channel: li}
  - {person: p1, duty: listen, channel: ig}
)");
    const RebalanceResult result = compute_rebalance(plan);
    CHECK(result.overloaded_before == 1);
    CHECK(result.overloaded_after == 0);
    CHECK(result.needs.empty());
    double total = 0;
    for (const PersonBalance& p : result.people)
        total += p.load_after;
    CHECK(total == Approx(47.0));
    CHECK(person(result, "p1").load_after == Approx(20.0));
    // p2 lacks the role's skill (+4 per hour): the others take the work first.
    CHECK(person(result, "p2").load_after == 0.0);
    // Same plan, same bytes.
    CHECK(model::write_plan_yaml(result.proposed) ==
          model::write_plan_yaml(compute_rebalance(plan).proposed));
}

TEST_CASE("rebalance: vacancies keep their planned share and shares still add up to 1",
          "[rebalance]") {
    // engage = 20 x 7 x 3 / 60 = 7 h = 420 min. vic (vacancy) keeps 0.6 = 252 min; the flow
    // places the other 168 min. ann carries them today with 2 h = 120 min available: she
    // keeps 120 min, bob takes 48 min. Shares of what vic leaves (0.4), in units of 1e-9:
    // ann 120 / 168 x 4e8 = 285714285.7, bob 48 / 168 x 4e8 = 114285714.3; the unit left
    // over goes to bob, not to ann, who is full: ann 0.285714285 (1.999999995 h),
    // bob 0.114285715, vic 0.6: 1 in all.
    const model::Plan plan = read_ok(R"(version: 1
plan: {name: Vacancy, overhead: 0}
channels:
  - {id: ig, network: instagram, workload: {inbound_per_day: 20, minutes_per_inbound: 3}}
roles:
  - {id: cm, duties: [engage]}
people:
  - {id: ann, roles: [cm], capacity_hours: 2}
  - {id: bob, roles: [cm]}
  - {id: vic, roles: [cm], status: vacancy}
assignments:
  - {person: vic, duty: engage, channel: ig, share: 0.6}
  - {person: ann, duty: engage, channel: ig}
)");
    const RebalanceResult result = compute_rebalance(plan);
    CHECK(result.overloaded_before == 1); // ann: 2.8 h of 2
    CHECK(result.overloaded_after == 0);
    std::map<std::string, double> shares;
    for (const model::Assignment& a : result.proposed.assignments)
        if (a.share)
            shares[a.person.str()] = *a.share;
    CHECK(shares["vic"] == 0.6);
    CHECK(shares["ann"] == 0.285714285);
    CHECK(shares["bob"] == 0.114285715);
    CHECK(shares["vic"] + shares["ann"] + shares["bob"] == Approx(1.0).margin(1e-12));
    CHECK(person(result, "ann").load_after == Approx(0.285714285 * 7));
    CHECK(person(result, "ann").load_after <= 2.0);
    CHECK(person(result, "vic").load_after == Approx(4.2));
}

TEST_CASE("rebalance: on the sample, no new errors, no one newly above the error level, "
          "no work left outside roles",
          "[rebalance]") {
    const auto read =
        model::read_plan_file(std::string(PLANNER_SOURCE_DIR) + "/samples/latvian-retail.yaml");
    REQUIRE(read.ok());
    const model::Plan& plan = read.plan;
    const RebalanceResult result = compute_rebalance(plan);
    const std::string yaml = model::write_plan_yaml(result.proposed);
    const model::Plan reread = read_ok(yaml);
    CHECK(yaml == model::write_plan_yaml(compute_rebalance(plan).proposed));

    const std::set<std::string> before_errors = error_findings(plan);
    for (const std::string& error : error_findings(reread)) {
        INFO(error);
        CHECK(before_errors.count(error) == 1);
    }
    CHECK(result.overloaded_after <= result.overloaded_before);
    const double error_level = 1.25 * plan.info.thresholds.overload;
    for (const PersonBalance& p : result.people) {
        INFO(p.person.str());
        REQUIRE(p.utilisation_after);
        if (p.status == model::PersonStatus::vacancy)
            continue;
        if (*p.utilisation_after > error_level + 1e-6) {
            REQUIRE(p.utilisation_before);
            CHECK(*p.utilisation_before > error_level);
        }
    }
    // Every Responsible assignment of an active person is for a duty one of their roles
    // performs, except on duties left as they were.
    const model::PlanIndex index(reread);
    for (const auto& e : index.assignments()) {
        const model::Assignment& a = e.assignment;
        const model::Person* p = index.person(a.person);
        if (a.raci != model::Raci::R || a.backup || !p || !model::is_active(*p))
            continue;
        bool performs = false;
        for (const model::RoleId& id : p->roles)
            if (const model::Role* role = index.role(id))
                for (const model::DutyId& duty : role->duties)
                    performs |= duty == a.duty;
        INFO(a.person.str() << " " << a.duty.str());
        CHECK(performs);
    }
    CHECK(result.kept_duties.empty());
}
