// The plan reader: one test per validation rule of PLAN-FORMAT.md, each asserting the exact
// message and its FILE:LINE:COLUMN.
#include "model/plan_queries.hpp"
#include "model/plan_reader.hpp"

#include <catch2/catch.hpp>

using namespace planner::model;

namespace {
const char* k_head = "version: 1\nplan:\n  name: Test\n";

std::vector<std::string> errors_of(const std::string& yaml) {
    auto result = read_plan_text("t.yaml", yaml);
    std::vector<std::string> out;
    for (const auto& e : result.errors)
        out.push_back(e.to_string());
    return out;
}

std::string only_error(const std::string& yaml) {
    auto errors = errors_of(yaml);
    INFO(yaml);
    REQUIRE(errors.size() == 1);
    return errors.front();
}
} // namespace

TEST_CASE("a minimal plan reads with every default") {
    auto result = read_plan_text("t.yaml", k_head);
    REQUIRE(result.ok());
    const PlanInfo& info = result.plan.info;
    CHECK(info.name == "Test");
    CHECK(info.timezone == "UTC");
    CHECK(info.week.hours == 40);
    CHECK(info.week.days == DaySet::monday_to_friday());
    CHECK(format_time_of_day(info.week.start) == "09:00");
    CHECK(format_time_of_day(info.week.end) == "17:00");
    CHECK(info.overhead == Approx(0.2));
    CHECK(info.thresholds.overload == 1.0);
    CHECK(info.thresholds.underuse == 0.5);
    CHECK(info.thresholds.span_of_control == 8);
    CHECK(info.thresholds.bus_factor == 2);
    CHECK(info.thresholds.max_responsible == 3);
    CHECK(info.thresholds.approval_steps == 4);
    CHECK(info.thresholds.attainment_amber == Approx(0.9));
}

TEST_CASE("entity defaults: names, capacity, time zone, status, raci") {
    auto result = read_plan_text(
        "t.yaml", std::string(k_head) +
                      "  timezone: Europe/Riga\n"
                      "channels:\n  - {id: ig, network: instagram}\n"
                      "people:\n  - {id: anna, fte: 0.5}\n"
                      "assignments:\n  - {person: anna, duty: engage, channel: ig}\n");
    REQUIRE(result.ok());
    const Person& anna = result.plan.people.at(0);
    CHECK(display_name(anna) == "anna");
    CHECK(anna.status == PersonStatus::active);
    CHECK(capacity_hours(result.plan.info, anna) == 20);
    CHECK(time_zone(result.plan.info, anna) == "Europe/Riga");
    CHECK(result.plan.assignments.at(0).raci == Raci::R);
    CHECK(result.plan.channels.at(0).workload.minutes_per_publish == 10);
    CHECK(result.plan.channels.at(0).workload.minutes_per_approval == 10);
    CHECK(result.plan.channels.at(0).approval.steps == 1);
}

TEST_CASE("an empty file is an error at 1:1") {
    CHECK(only_error("") == "t.yaml:1:1: the plan is empty; start from a sample with `planner "
                            "init plan.yaml --sample small-team` or see docs/plan-format.md");
    CHECK(only_error("# only a comment\n").rfind("t.yaml:1:1: the plan is empty", 0) == 0);
}

TEST_CASE("invalid UTF-8 names its line and column") {
    CHECK(only_error("version: 1\nplan:\n  name: B\xE9rzi\n") ==
          "t.yaml:3:10: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8 in your "
          "editor and try again");
}

TEST_CASE("a YAML syntax error has a position") {
    auto error = only_error("version: 1\nplan:\n  name: [unclosed\n");
    CHECK(error.rfind("t.yaml:", 0) == 0);
    CHECK(error.find("YAML syntax error") != std::string::npos);
}

TEST_CASE("version and plan are required, version must be 1") {
    CHECK(only_error("plan:\n  name: x\n") ==
          "t.yaml:1:1: the plan file is missing 'version'; add `version: ...`");
    CHECK(only_error("version: 1\n") ==
          "t.yaml:1:1: the plan file is missing 'plan'; add `plan: ...`");
    CHECK(only_error("version: 2\nplan:\n  name: x\n") ==
          "t.yaml:1:10: this planner reads plan format version 1, not 2; write `version: 1`");
    CHECK(only_error("version: 1\nplan:\n  quarter: 2027-Q1\n") ==
          "t.yaml:3:3: plan is missing 'name'; add `name: ...`");
}

TEST_CASE("unknown keys name the nearest known key") {
    CHECK(only_error(std::string(k_head) + "people:\n  - id: anna\n    capacity_hour: 30\n") ==
          "t.yaml:6:5: unknown key 'capacity_hour' in a person (did you mean "
          "'capacity_hours'?)");
    CHECK(only_error(std::string(k_head) + "chanels: []\n") ==
          "t.yaml:4:1: unknown key 'chanels' in the plan file (did you mean 'channels'?)");
    CHECK(only_error(std::string(k_head) + "  colour: blue\n") ==
          "t.yaml:4:3: unknown key 'colour' in plan");
}

TEST_CASE("a key given twice is an error") {
    CHECK(only_error(std::string(k_head) + "people:\n  - {id: a, fte: 1, fte: 0.5}\n") ==
          "t.yaml:5:21: 'fte' is given twice in a person (first at line 5); keep one");
}

TEST_CASE("duplicate ids within a kind, the same id across kinds is fine") {
    CHECK(only_error(std::string(k_head) + "people:\n  - {id: anna}\n  - {id: anna}\n") ==
          "t.yaml:6:10: duplicate person id 'anna' (first defined at line 5); give each "
          "person its own id");
    auto ok = read_plan_text("t.yaml", std::string(k_head) +
                                           "people:\n  - {id: ig}\nchannels:\n  - {id: ig}\n");
    CHECK(ok.ok());
}

TEST_CASE("ids must have the documented shape") {
    CHECK(only_error(std::string(k_head) + "people:\n  - {id: Anna}\n") ==
          "t.yaml:5:10: 'Anna' is not a valid id; use 1-64 characters of a-z, 0-9, _ and -, "
          "starting with a letter or digit");
    CHECK(errors_of(std::string(k_head) + "people:\n  - {id: -x}\n").size() == 1);
    CHECK(errors_of(std::string(k_head) + "people:\n  - {id: " + std::string(65, 'a') + "}\n")
              .size() == 1);
    CHECK(errors_of(std::string(k_head) + "people:\n  - {id: " + std::string(64, 'a') + "}\n")
              .empty());
}

TEST_CASE("dangling references name the kind and the nearest id") {
    std::string yaml = std::string(k_head) +
                       "roles:\n  - {id: social-lead, duties: [approve, reprot]}\n"
                       "people:\n  - {id: liga}\n  - {id: anna, roles: [lead], reports_to: lga}\n";
    auto errors = errors_of(yaml);
    REQUIRE(errors.size() == 3);
    CHECK(errors[0] == "t.yaml:5:41: unknown duty 'reprot' (did you mean 'report'?)");
    CHECK(errors[1] == "t.yaml:8:24: unknown role 'lead'");
    CHECK(errors[2] == "t.yaml:8:43: unknown person 'lga' (did you mean 'liga'?)");
}

TEST_CASE("assignment rules: channel, profile, share, backup") {
    std::string base = std::string(k_head) + "channels:\n  - {id: ig, profiles: [{id: main}]}\n"
                                             "people:\n  - {id: anna}\nassignments:\n";
    CHECK(only_error(base + "  - {person: anna, duty: engage}\n") ==
          "t.yaml:9:5: an assignment of duty 'engage' is missing 'channel'; add `channel: ...`");
    CHECK(only_error(base + "  - {person: anna, duty: engage, channel: ig, profile: jobs}\n") ==
          "t.yaml:9:56: unknown profile 'jobs' of channel 'ig'");
    CHECK(
        only_error(base + "  - {person: anna, duty: engage, channel: ig, raci: A, share: 0.5}\n") ==
        "t.yaml:9:63: a share is for a Responsible (R) assignment that is not a backup; "
        "remove `share` here");
    CHECK(only_error(base + "  - {person: anna, duty: engage, channel: ig, share: 1.5}\n") ==
          "t.yaml:9:54: 'share' must be between 0 and 1, not 1.5");
    CHECK(only_error(base + "  - {person: anna, duty: engage, channel: ig, raci: X}\n") ==
          "t.yaml:9:53: 'X' is not a valid 'raci'; choose one of: R, A, C, I");
    CHECK(only_error(base +
                     "  - {person: anna, duty: engage, channel: ig, raci: C, backup: true}\n") ==
          "t.yaml:9:64: a backup is trained to do the work, so it has raci R; remove `raci` or "
          "`backup`");
    CHECK(only_error(base + "  - {person: ana, duty: all, channel: ig}\n") ==
          "t.yaml:9:14: unknown person 'ana' (did you mean 'anna'?)");
}

TEST_CASE("ranges of numbers") {
    CHECK(only_error(std::string(k_head) + "  overhead: 0.95\n") ==
          "t.yaml:4:13: 'overhead' must be between 0 and 0.9, not 0.95");
    CHECK(only_error(std::string(k_head) + "people:\n  - {id: a, fte: 1.2}\n") ==
          "t.yaml:5:18: 'fte' must be between 0 and 1, not 1.2");
    CHECK(only_error(std::string(k_head) + "goals:\n  - {id: g, priority: 4}\n") ==
          "t.yaml:5:23: 'priority' must be between 1 and 3, not 4");
    CHECK(only_error(std::string(k_head) + "people:\n  - {id: a, fte: lots}\n") ==
          "t.yaml:5:18: 'fte' must be a number, not 'lots'");
    CHECK(only_error(std::string(k_head) + "  thresholds: {span_of_control: 2.5}\n") ==
          "t.yaml:4:33: 'span_of_control' must be a whole number, not '2.5'");
}

TEST_CASE("times, dates, quarters and days") {
    CHECK(only_error(std::string(k_head) + "  week: {start: \"25:00\"}\n") ==
          "t.yaml:4:18: '25:00' is not a time for 'start'; write \"HH:MM\" in 24-hour form, "
          "e.g. \"09:00\"");
    CHECK(only_error(std::string(k_head) + "  quarter: 2027-Q5\n") ==
          "t.yaml:4:12: '2027-Q5' is not a quarter for 'quarter'; write YYYY-Qn, e.g. 2027-Q1");
    CHECK(only_error(
              std::string(k_head) +
              "people:\n  - id: a\n    absences:\n      - {from: 2027-02-30, to: 2027-03-01}\n") ==
          "t.yaml:7:16: '2027-02-30' is not a date for 'from'; write YYYY-MM-DD, e.g. 2027-02-01");
    CHECK(only_error(
              std::string(k_head) +
              "people:\n  - id: a\n    absences:\n      - {from: 2027-03-02, to: 2027-03-01}\n") ==
          "t.yaml:7:32: the absence ends (2027-03-01) before it starts (2027-03-02)");
    CHECK(only_error(std::string(k_head) + "  week: {days: [mon, tues]}\n") ==
          "t.yaml:4:22: unknown day 'tues' in 'days' (did you mean 'tue'?); days are mon tue "
          "wed thu fri sat sun");
    CHECK(only_error(std::string(k_head) +
                     "channels:\n  - id: c\n    care: {start: \"20:00\", end: \"08:00\"}\n") ==
          "t.yaml:6:11: the care window must end after it starts (start 20:00, end 08:00); a "
          "window past midnight is written as two channels' windows");
}

TEST_CASE("time zones are checked against the system's tz database") {
    CHECK(only_error(std::string(k_head) + "  timezone: Europe/Rgia\n") ==
          "t.yaml:4:13: unknown time zone 'Europe/Rgia' (did you mean 'Europe/Riga'?); use an "
          "IANA name such as Europe/Riga");
    auto ok = read_plan_text("t.yaml", std::string(k_head) + "  timezone: America/New_York\n");
    CHECK(ok.ok());
}

TEST_CASE("enumerations: network, kind, status, metric") {
    CHECK(only_error(std::string(k_head) + "channels:\n  - {id: c, network: instagarm}\n") ==
          "t.yaml:5:22: 'instagarm' is not a valid 'network' (did you mean 'instagram'?); "
          "choose one of: instagram, facebook, linkedin, x, youtube, tiktok, pinterest, "
          "threads, other");
    CHECK(only_error(std::string(k_head) + "people:\n  - {id: a, status: hired}\n")
              .rfind("t.yaml:5:21: 'hired' is not a valid 'status'", 0) == 0);
    CHECK(only_error(std::string(k_head) +
                     "goals:\n  - id: g\n    kpis:\n      - {id: k, metric: engagment_rate}\n")
              .rfind("t.yaml:7:25: 'engagment_rate' is not a valid 'metric' (did you mean "
                     "'engagement_rate'?)",
                     0) == 0);
}

TEST_CASE("custom duties may not take a standard duty's id") {
    CHECK(only_error(std::string(k_head) + "duties:\n  - {id: engage}\n") ==
          "t.yaml:5:10: 'engage' is a standard duty; custom duties need another id");
}

TEST_CASE("interests are channel ids or network names") {
    CHECK(only_error(std::string(k_head) +
                     "channels:\n  - {id: ig}\npeople:\n  - {id: a, interests: [ig, tiktok, "
                     "linkedn]}\n") ==
          "t.yaml:7:37: interest 'linkedn' is neither a channel id nor a network name (did "
          "you mean 'linkedin'?)");
}

TEST_CASE("suppressions need a check id and a reason") {
    CHECK(only_error(std::string(k_head) + "suppress:\n  - {check: FIT001}\n") ==
          "t.yaml:5:5: a suppression is missing 'reason'; add `reason: ...`");
    CHECK(only_error(std::string(k_head) + "suppress:\n  - {check: fit1, reason: x}\n") ==
          "t.yaml:5:13: 'fit1' is not a check id; write one such as FIT001 (see `planner check "
          "--list`)");
}

TEST_CASE("every error of a file in one run, in file order") {
    std::string yaml = "version: 1\nplan:\n  name: T\n  overhead: 2\n"
                       "people:\n  - {id: a, fte: 3, colour: red}\n  - {id: a}\n";
    auto errors = errors_of(yaml);
    REQUIRE(errors.size() == 4);
    CHECK(errors[0].rfind("t.yaml:4:13:", 0) == 0);
    CHECK(errors[1].rfind("t.yaml:6:18:", 0) == 0);
    CHECK(errors[2].rfind("t.yaml:6:21:", 0) == 0);
    CHECK(errors[3].rfind("t.yaml:7:10:", 0) == 0);
}

TEST_CASE("columns count characters, not bytes") {
    // "ā" and "š" are two bytes each; the error column is after 11 characters.
    CHECK(only_error(std::string(k_head) + "people:\n  - {name: āš, id: a, x: 1}\n") ==
          "t.yaml:5:23: unknown key 'x' in a person");
}

TEST_CASE("standard duty hours follow the drivers") {
    auto result = read_plan_text(
        "t.yaml",
        std::string(k_head) +
            "channels:\n  - id: ig\n    workload: {posts_per_week: 7, hours_per_post: 1.5, "
            "inbound_per_day: 40, minutes_per_inbound: 3, listening_hours_per_week: 2}\n"
            "    approval: {required: true, steps: 2}\n");
    REQUIRE(result.ok());
    const Channel& ig = result.plan.channels.at(0);
    CHECK(standard_duty_hours(ig, "create") == Approx(10.5));
    CHECK(standard_duty_hours(ig, "publish") == Approx(7 * 10 / 60.0));
    CHECK(standard_duty_hours(ig, "approve") == Approx(7 * 10 * 2 / 60.0));
    CHECK(standard_duty_hours(ig, "engage") == Approx(40 * 7 * 3 / 60.0));
    CHECK(standard_duty_hours(ig, "listen") == Approx(2));
    CHECK(standard_duty_hours(ig, "report") == 0);
    PlanIndex index(result.plan);
    CHECK(index.channel_duties().size() == 5);
}
