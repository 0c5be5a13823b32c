#pragma once
// Plans for the tests of the writer and the binary form: one that sets every field of the
// plan format, and the samples.

#include "model/plan_reader.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

namespace planner_test {

inline planner::model::Plan read_ok(const std::string& name, const std::string& text) {
    auto result = planner::model::read_plan_text(name, text);
    if (!result.ok())
        FAIL(result.errors.front().to_string());
    return result.plan;
}

// Calls `check(path, plan)` for every plan in samples/; returns how many there were.
template <class Check> int for_each_sample_plan(Check check) {
    int samples = 0;
    for (const auto& entry : std::filesystem::directory_iterator(PLANNER_SOURCE_DIR "/samples")) {
        if (entry.path().extension() != ".yaml")
            continue;
        ++samples;
        INFO(entry.path().string());
        auto read = planner::model::read_plan_file(entry.path().string());
        REQUIRE(read.ok());
        check(entry.path().string(), read.plan);
    }
    return samples;
}

inline constexpr const char* k_full_plan_yaml = R"(version: 1
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

} // namespace planner_test
