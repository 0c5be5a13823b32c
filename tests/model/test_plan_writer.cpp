// The plan writer: export -> import -> export is byte-identical, and every field survives.
#include "model/plan_queries.hpp"
#include "model/plan_reader.hpp"
#include "model/plan_writer.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace planner::model;

namespace {
Plan read_ok(const std::string& name, const std::string& text) {
    auto result = read_plan_text(name, text);
    if (!result.ok())
        FAIL(result.errors.front().to_string());
    return result.plan;
}
} // namespace

TEST_CASE("every sample round-trips byte for byte") {
    int samples = 0;
    for (const auto& entry : std::filesystem::directory_iterator(PLANNER_SOURCE_DIR "/samples")) {
        if (entry.path().extension() != ".yaml")
            continue;
        ++samples;
        INFO(entry.path().string());
        auto first = read_plan_file(entry.path().string());
        REQUIRE(first.ok());
        std::string once = write_plan_yaml(first.plan);
        std::string twice = write_plan_yaml(read_ok("once.yaml", once));
        CHECK(once == twice);
    }
    CHECK(samples >= 3);
}

TEST_CASE("every field is written back") {
    const std::string yaml = R"(version: 1
plan:
  name: "Full: every field"
  organization: "SIA \"Ozols\""
  quarter: 2027-Q1
  timezone: Europe/Riga
  week: {hours: 36, days: [mon, tue, wed, thu], start: "08:30", end: "17:30"}
  overhead: 0.25
  thresholds: {overload: 1.1, underuse: 0.4, span_of_control: 6, bus_factor: 3, max_responsible: 2, approval_steps: 3, attainment_amber: 0.85}
goals:
  - id: g
    name: "Goal ā"
    kind: roi
    priority: 3
    owner: anna
    channels: [ig]
    kpis:
      - {id: k, metric: response_minutes, channel: ig, target: 45.5, direction: down, owner: anna}
channels:
  - id: ig
    network: instagram
    name: "Insta"
    profiles:
      - {id: main, handle: "@x", name: "Main profile"}
    workload: {posts_per_week: 3, hours_per_post: 2, minutes_per_publish: 5, minutes_per_approval: 7, inbound_per_day: 11, minutes_per_inbound: 2.5, listening_hours_per_week: 1, reporting_hours_per_week: 2, ads_hours_per_week: 3}
    care: {days: [sat, sun], start: "10:00", end: "14:00", timezone: Europe/Tallinn, response_minutes: 30, service_level: 0.9}
    approval: {required: true, steps: 2}
duties:
  - {id: outreach, name: "Outreach", hours_per_week: 4, channel_bound: false, skills: [pr, "media relations"], exclusive: true}
roles:
  - {id: cm, name: "Community", duties: [engage, outreach], skills: [care]}
people:
  - id: anna
    name: "Anna Bērziņa"
    status: leaving
    roles: [cm]
    fte: 0.8
    capacity_hours: 30
    reports_to: boss
    timezone: Europe/Vilnius
    hours: {days: [mon], start: "10:00", end: "18:00"}
    skills: [care, "Russian language"]
    interests: [ig, tiktok]
    absences:
      - {from: 2027-01-02, to: 2027-01-05, reason: "leave"}
  - {id: boss, name: "Ēriks Čaks", status: vacancy}
assignments:
  - {person: anna, duty: engage, channel: ig, profile: main, raci: R, share: 0.5}
  - {person: boss, duty: all, channel: ig, raci: A}
  - {person: boss, duty: engage, channel: ig, backup: true}
  - {person: anna, duty: outreach}
suppress:
  - {check: FIT001, subject: "person:anna", reason: "She asked for it"}
  - {check: ORG003, reason: "Two founders"}
)";
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
