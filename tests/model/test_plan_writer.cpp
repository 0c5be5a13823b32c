// The plan writer: export -> import -> export is byte-identical, and every field survives.
#include "model/plan_queries.hpp"
#include "model/plan_reader.hpp"
#include "model/plan_writer.hpp"
#include "plan_fixtures.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace planner::model;

using planner_test::read_ok;

TEST_CASE("every sample round-trips byte for byte") {
    int samples = planner_test::for_each_sample_plan([](const std::string&, const Plan& plan) {
        std::string once = write_plan_yaml(plan);
        std::string twice = write_plan_yaml(read_ok("once.yaml", once));
        CHECK(once == twice);
    });
    CHECK(samples >= 3);
}

TEST_CASE("every field is written back") {
    const std::string yaml = planner_test::k_full_plan_yaml;
    Plan plan = read_ok("full.yaml", yaml);
    std::string out = write_plan_yaml(plan);
    Plan again = read_ok("out.yaml", out);
    CHECK(write_plan_yaml(again) == out);

    const PlanInfo& info = again.info;
    CHECK(info.name == "Full: every field");
    CHECK(*info.organization == "SIA \"Ozols\"");
    CHECK(format_quarter(*info.quarter) == "2027-Q1");
    CHECK(info.week.hours == 36);
    CHECK(info.week.days.count() == 4);
    CHECK(format_time_of_day(info.week.start) == "08:30");
    CHECK(info.overhead == 0.25);
    CHECK(info.thresholds.overload == 1.1);
    CHECK(info.thresholds.underuse == 0.4);
    CHECK(info.thresholds.span_of_control == 6);
    CHECK(info.thresholds.bus_factor == 3);
    CHECK(info.thresholds.max_responsible == 2);
    CHECK(info.thresholds.approval_steps == 3);
    CHECK(info.thresholds.attainment_amber == 0.85);
    const Kpi& kpi = again.goals.at(0).kpis.at(0);
    CHECK(*kpi.target == 45.5);
    CHECK(*kpi.direction == Direction::down);
    CHECK(kpi.owner->str() == "anna");
    CHECK(again.goals.at(0).kind == GoalKind::roi);
    CHECK(again.goals.at(0).priority == 3);
    const Channel& ig = again.channels.at(0);
    CHECK(*ig.profiles.at(0).name == "Main profile");
    CHECK(ig.workload.minutes_per_inbound == 2.5);
    CHECK(ig.workload.minutes_per_approval == 7);
    CHECK(*ig.care->timezone == "Europe/Tallinn");
    CHECK(ig.care->service_level == 0.9);
    CHECK(ig.approval.steps == 2);
    CHECK(!again.duties.at(0).channel_bound);
    CHECK(again.duties.at(0).exclusive);
    CHECK(again.duties.at(0).skills.at(1) == "media relations");
    const Person& anna = again.people.at(0);
    CHECK(*anna.name == "Anna Bērziņa");
    CHECK(anna.status == PersonStatus::leaving);
    CHECK(*anna.capacity_hours == 30);
    CHECK(*anna.timezone == "Europe/Vilnius");
    CHECK(anna.hours->days->count() == 1);
    CHECK(anna.skills.at(1) == "Russian language");
    CHECK(format_date(anna.absences.at(0).to) == "2027-01-05");
    CHECK(*anna.absences.at(0).reason == "leave");
    CHECK(*again.people.at(1).name == "Ēriks Čaks");
    CHECK(*again.assignments.at(0).share == 0.5);
    CHECK(again.assignments.at(0).profile->str() == "main");
    CHECK(again.assignments.at(2).backup);
    CHECK(!again.assignments.at(3).channel);
    CHECK(*again.suppressions.at(0).subject == "person:anna");
    CHECK(!again.suppressions.at(1).subject);
}

TEST_CASE("Latvian letters survive the round trip") {
    const std::string names = "ā ē ī ū ļ ņ š ž č ģ ķ Ā Ē Ī Ū Ļ Ņ Š Ž Č Ģ Ķ";
    Plan plan = read_ok("lv.yaml", "version: 1\nplan:\n  name: \"" + names +
                                       "\"\npeople:\n  - {id: a, name: \"Ģirts Ķēniņš\"}\n");
    std::string out = write_plan_yaml(plan);
    CHECK(out.find(names) != std::string::npos);
    CHECK(out.find("Ģirts Ķēniņš") != std::string::npos);
    CHECK(*read_ok("out.yaml", out).people.at(0).name == "Ģirts Ķēniņš");
}

TEST_CASE("strings that look like other YAML types stay strings") {
    Plan plan = read_ok("q.yaml", "version: 1\nplan:\n  name: \"true\"\npeople:\n  - {id: a, "
                                  "name: \"123\", skills: [\"yes\", \"a: b\", \"#tag\"]}\n");
    Plan again = read_ok("out.yaml", write_plan_yaml(plan));
    CHECK(again.info.name == "true");
    CHECK(*again.people.at(0).name == "123");
    CHECK(again.people.at(0).skills == std::vector<std::string>{"yes", "a: b", "#tag"});
}
