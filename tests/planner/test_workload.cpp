// compute_workload against figures computed by hand (STAFFING.md "People").
#include "model/plan_reader.hpp"
#include "planner/core/workload.hpp"

#include <catch2/catch.hpp>

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

const PersonLoad& person(const Workload& w, const model::Plan& plan, const std::string& id) {
    for (size_t i = 0; i < plan.people.size(); ++i)
        if (plan.people[i].id.str() == id)
            return w.people[i];
    FAIL("no person " << id);
    throw 0;
}

const DutyLoad& duty(const Workload& w, const model::PlanIndex& index, const std::string& channel,
                     const std::string& id) {
    for (const DutyLoad& d : w.duties) {
        const auto& cd = index.channel_duties()[d.duty_index];
        if (cd.channel && cd.channel->str() == channel && cd.duty.str() == id)
            return d;
    }
    FAIL("no channel duty " << channel << "/" << id);
    throw 0;
}

const char* k_shares_plan = R"(version: 1
plan:
  name: Shares
  overhead: 0.25
channels:
  - id: ig
    network: instagram
    workload:
      inbound_per_day: 20
      minutes_per_inbound: 3
      listening_hours_per_week: 4
      reporting_hours_per_week: 2
roles:
  - {id: cm, duties: [engage, listen, report]}
people:
  - {id: anna, roles: [cm]}
  - {id: bob, roles: [cm]}
  - {id: cara, roles: [cm], fte: 0.5}
assignments:
  - {person: anna, duty: engage, channel: ig, share: 0.5}
  - {person: bob, duty: engage, channel: ig}
  - {person: cara, duty: engage, channel: ig}
  - {person: anna, duty: listen, channel: ig, share: 0.7}
  - {person: bob, duty: listen, channel: ig, share: 0.5}
  - {person: cara, duty: listen, channel: ig}
  - {person: bob, duty: report, channel: ig, backup: true}
  - {person: cara, duty: report, channel: ig, raci: A}
)";

} // namespace

TEST_CASE("workload: explicit shares, implicit split, nothing left, backups and A carry no hours",
          "[workload]") {
    const model::Plan plan = read_ok(k_shares_plan);
    const model::PlanIndex index(plan);
    const Workload w = compute_workload(index);

    // engage = 20/day x 7 x 3 min / 60 = 7 h; anna 0.5 explicit; bob and cara split the
    // 0.5 left: 0.25 each.
    const DutyLoad& engage = duty(w, index, "ig", "engage");
    CHECK(engage.hours == Approx(7.0));
    CHECK(engage.responsible_share == Approx(1.0));
    // listen = 4 h; explicit 0.7 + 0.5 = 1.2 leave nothing: cara 0.
    const DutyLoad& listen = duty(w, index, "ig", "listen");
    CHECK(listen.responsible_share == Approx(1.2));
    REQUIRE(listen.responsible.size() == 3);
    CHECK(listen.responsible[2].person.str() == "cara");
    CHECK(listen.responsible[2].share == 0.0);
    CHECK_FALSE(listen.responsible[2].explicit_share);
    // report: bob is a backup, cara Accountable: no Responsible, no hours carried.
    const DutyLoad& report = duty(w, index, "ig", "report");
    CHECK(report.responsible.empty());
    CHECK(report.responsible_share == 0.0);
    REQUIRE(report.backups.size() == 1);
    CHECK(report.backups[0].str() == "bob");

    // anna: 0.5 x 7 + 0.7 x 4 = 3.5 + 2.8 = 6.3 h; capacity 40, available 40 x 0.75 = 30;
    // utilisation 6.3 / 30 = 0.21.
    const PersonLoad& anna = person(w, plan, "anna");
    CHECK(anna.capacity_hours == Approx(40.0));
    CHECK(anna.available_hours == Approx(30.0));
    CHECK(anna.load_hours == Approx(6.3));
    REQUIRE(anna.utilisation);
    CHECK(*anna.utilisation == Approx(0.21));
    // bob: 0.25 x 7 + 0.5 x 4 = 1.75 + 2 = 3.75 h (the backup adds nothing).
    CHECK(person(w, plan, "bob").load_hours == Approx(3.75));
    CHECK(person(w, plan, "bob").items.size() == 2);
    // cara: fte 0.5 -> capacity 20, available 15; load 0.25 x 7 + 0 x 4 = 1.75;
    // utilisation 1.75 / 15 = 0.116667.
    const PersonLoad& cara = person(w, plan, "cara");
    CHECK(cara.capacity_hours == Approx(20.0));
    CHECK(cara.available_hours == Approx(15.0));
    CHECK(cara.load_hours == Approx(1.75));
    CHECK(*cara.utilisation == Approx(1.75 / 15.0));
}

TEST_CASE("workload: profile-level assignments split the hours equally per profile", "[workload]") {
    const model::Plan plan = read_ok(R"(version: 1
plan: {name: Profiles, overhead: 0}
channels:
  - id: fb
    network: facebook
    profiles: [{id: p1}, {id: p2}]
    workload: {posts_per_week: 4, hours_per_post: 2, minutes_per_publish: 0}
roles:
  - {id: creator, duties: [create]}
people:
  - {id: dan, roles: [creator]}
  - {id: eve, roles: [creator]}
  - {id: fay, roles: [creator]}
assignments:
  - {person: dan, duty: create, channel: fb, profile: p1}
  - {person: eve, duty: create, channel: fb}
  - {person: fay, duty: create, channel: fb, profile: p2, share: 0.25}
)");
    const model::PlanIndex index(plan);
    const Workload w = compute_workload(index);
    // create = 4 x 2 = 8 h; 2 profiles -> 4 h each. p1: eve (channel-level) and dan split
    // 0.5 / 0.5; p2: fay 0.25 explicit, eve takes the 0.75 left.
    // dan 0.5 x 4 = 2 h; fay 0.25 x 4 = 1 h; eve 0.5 x 4 + 0.75 x 4 = 5 h (share of the
    // whole duty (0.5 + 0.75) / 2 = 0.625).
    CHECK(person(w, plan, "dan").load_hours == Approx(2.0));
    CHECK(person(w, plan, "fay").load_hours == Approx(1.0));
    CHECK(person(w, plan, "eve").load_hours == Approx(5.0));
    const DutyLoad& create = duty(w, index, "fb", "create");
    CHECK(create.responsible_share == Approx(1.0));
    REQUIRE(create.responsible.size() == 3);
    CHECK(create.responsible[0].profile->str() == "p1");
    CHECK(create.responsible[0].share == Approx(0.5));
    CHECK_FALSE(create.responsible[1].profile);
    CHECK(create.responsible[1].share == Approx(0.625));
    CHECK(create.responsible[2].share == Approx(0.25));
    const PersonLoad& eve = person(w, plan, "eve");
    REQUIRE(eve.items.size() == 1);
    CHECK(eve.items[0].share == Approx(0.625));
    CHECK(eve.items[0].hours == Approx(5.0));
}

TEST_CASE("workload: duty all, vacancies, zero capacity", "[workload]") {
    const model::Plan plan = read_ok(R"(version: 1
plan: {name: Vacancies, overhead: 0.2}
channels:
  - id: li
    network: linkedin
    workload: {posts_per_week: 2, hours_per_post: 3, minutes_per_publish: 30}
roles:
  - {id: creator, duties: [create, publish]}
people:
  - {id: gus, roles: [creator], capacity_hours: 0}
  - {id: hal, roles: [creator], status: vacancy, fte: 0.5}
  - {id: ida, roles: [creator], capacity_hours: 0}
assignments:
  - {person: gus, duty: create, channel: li, share: 0.5}
  - {person: hal, duty: all, channel: li}
)");
    const model::PlanIndex index(plan);
    const Workload w = compute_workload(index);
    // create = 2 x 3 = 6 h: gus 0.5 explicit, hal (`all`) the 0.5 left = 3 h each.
    // publish = 2 x 30 / 60 = 1 h: hal alone = 1 h. hal: 3 + 1 = 4 h, capacity 0.5 x 40 = 20,
    // available 16, utilisation 0.25; a vacancy is planned capacity, reported as such.
    const PersonLoad& hal = person(w, plan, "hal");
    CHECK(hal.load_hours == Approx(4.0));
    CHECK(hal.available_hours == Approx(16.0));
    CHECK(*hal.utilisation == Approx(0.25));
    CHECK(plan.people[1].status == model::PersonStatus::vacancy);
    // gus: capacity 0, load 3 h: infinitely loaded, no division by zero.
    const PersonLoad& gus = person(w, plan, "gus");
    CHECK(gus.available_hours == 0.0);
    CHECK(gus.load_hours == Approx(3.0));
    CHECK_FALSE(gus.utilisation);
    // ida: capacity 0, no load: utilisation 0.
    const PersonLoad& ida = person(w, plan, "ida");
    REQUIRE(ida.utilisation);
    CHECK(*ida.utilisation == 0.0);
    CHECK_FALSE(utilisation_of(1.0, 0.0));
    CHECK(*utilisation_of(0.0, 0.0) == 0.0);
}

TEST_CASE("workload: absences within the quarter lower available hours", "[workload]") {
    const model::Plan plan = read_ok(R"(version: 1
plan: {name: Absences, quarter: 2027-Q1, overhead: 0.2}
roles:
  - {id: cm, duties: [engage]}
people:
  - id: jon
    roles: [cm]
    absences:
      - {from: 2027-02-01, to: 2027-02-14}
      - {from: 2027-02-10, to: 2027-02-20}
      - {from: 2026-12-20, to: 2027-01-05}
      - {from: 2027-04-01, to: 2027-04-30}
  - id: kim
    roles: [cm]
    fte: 0.4
    hours: {days: [mon, wed]}
    absences:
      - {from: 2027-02-01, to: 2027-02-14}
  - {id: lea, roles: [cm]}
)");
    const model::PlanIndex index(plan);
    const Workload w = compute_workload(index);
    // Q1 2027 (Jan 1 is a Friday) has 64 weekdays. jon's absences, overlapping ones merged
    // and clipped to the quarter: Feb 1-20 = 15 weekdays; Jan 1-5 = Fri 1, Mon 4, Tue 5 = 3;
    // April is outside. presence = (64 - 18) / 64 = 0.71875;
    // available = 40 x (1 - 0.2) x 0.71875 = 23.0 h.
    const PersonLoad& jon = person(w, plan, "jon");
    CHECK(jon.presence == Approx(46.0 / 64.0));
    CHECK(jon.available_hours == Approx(23.0));
    // kim works Mondays and Wednesdays: 26 such days in Q1 2027; absent Feb 1, 3, 8, 10 = 4.
    // presence 22 / 26; available = 0.4 x 40 x 0.8 x 22 / 26 = 10.830769 h.
    const PersonLoad& kim = person(w, plan, "kim");
    CHECK(kim.presence == Approx(22.0 / 26.0));
    CHECK(kim.available_hours == Approx(12.8 * 22.0 / 26.0));
    // lea: no absences, presence 1, available 32.
    CHECK(person(w, plan, "lea").presence == 1.0);
    CHECK(person(w, plan, "lea").available_hours == Approx(32.0));

    // Without a quarter, presence is 1.
    model::PlanInfo no_quarter = plan.info;
    no_quarter.quarter.reset();
    CHECK(presence_in_quarter(no_quarter, plan.people[0]) == 1.0);
}
