// Organisation (ORG001-ORG006), workload (LOAD001-LOAD005) and fit (FIT001-FIT003): each fires
// on a small change of the clean plan (tests/data/checks/clean.yaml) and not without it.
#include "model/plan_reader.hpp"
#include "planner/checks/checks.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace planner;

namespace {

std::string clean_yaml() {
    std::ifstream in(std::string(PLANNER_TEST_DATA) + "/checks/clean.yaml");
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string with(std::string yaml, const std::string& from, const std::string& to) {
    auto at = yaml.find(from);
    INFO(from);
    REQUIRE(at != std::string::npos);
    return yaml.replace(at, from.size(), to);
}

std::vector<Finding> found(const std::string& yaml, const std::string& check) {
    model::PlanReadResult result = model::read_plan_text("t.yaml", yaml);
    for (const model::Diagnostic& error : result.errors)
        UNSCOPED_INFO(error.to_string());
    REQUIRE(result.ok());
    std::vector<Finding> out;
    for (const Finding& finding : run_checks(result.plan).findings)
        if (finding.check == check)
            out.push_back(finding);
    return out;
}

std::string evidence(const Finding& finding, const std::string& key) {
    for (const auto& [name, value] : finding.evidence)
        if (name == key)
            return value;
    return "<none>";
}

const std::string k_liga = "{id: liga, name: Līga Kalniņa, roles: [lead], capacity_hours: 3}";
const std::string k_anna =
    "{id: anna, name: Anna Bērziņa, roles: [creator], capacity_hours: 8, reports_to: liga}";
const std::string k_janis =
    "{id: janis, name: Jānis Kalniņš, roles: [creator], capacity_hours: 8, reports_to: liga}";

} // namespace

TEST_CASE("ORG001: a reporting cycle lists the people in order") {
    std::string yaml =
        with(clean_yaml(), k_liga,
             "{id: liga, name: Līga Kalniņa, roles: [lead], capacity_hours: 3, reports_to: anna}");
    auto findings = found(yaml, "ORG001");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::error);
    CHECK(findings[0].subject == "person:anna");
    CHECK(findings[0].message ==
          "Reporting lines form a cycle: Anna Bērziņa \u2192 Līga Kalniņa \u2192 Anna Bērziņa.");
    CHECK(evidence(findings[0], "cycle") == "Anna Bērziņa \u2192 Līga Kalniņa \u2192 Anna Bērziņa");
    CHECK(evidence(findings[0], "people") == "2");
    CHECK(found(clean_yaml(), "ORG001").empty());
}

TEST_CASE("ORG002: a span of control above the threshold") {
    std::string yaml = with(clean_yaml(), "  timezone: Europe/Riga\n",
                            "  timezone: Europe/Riga\n  thresholds: {span_of_control: 1}\n");
    auto findings = found(yaml, "ORG002");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "person:liga");
    CHECK(findings[0].message ==
          "Līga Kalniņa has 2 direct reports, more than the 1 the plan allows.");
    CHECK(found(with(yaml, "span_of_control: 1", "span_of_control: 2"), "ORG002").empty());
}

TEST_CASE("ORG003: more than one person without a manager") {
    std::string yaml =
        with(clean_yaml(), k_janis,
             "{id: janis, name: Jānis Kalniņš, roles: [creator], capacity_hours: 8}");
    auto findings = found(yaml, "ORG003");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::info);
    CHECK(findings[0].subject == "plan");
    CHECK(findings[0].message == "2 people have no manager: Jānis Kalniņš and Līga Kalniņa.");
    CHECK(findings[0].recommendation ==
          "Set `reports_to` for the others, for example to Līga "
          "Kalniņa, who leads the largest reporting tree (1 person).");
    CHECK(found(clean_yaml(), "ORG003").empty());
}

TEST_CASE("ORG004: a role with no active person, info when only a vacancy holds it") {
    std::string unused = with(clean_yaml(), "roles:\n",
                              "roles:\n  - {id: analyst, name: Analyst, duties: [report]}\n");
    auto findings = found(unused, "ORG004");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::warning);
    CHECK(findings[0].subject == "role:analyst");
    CHECK(findings[0].message == "Nobody holds the role Analyst.");

    std::string planned = with(unused, "people:\n",
                               "people:\n  - {id: hire, name: New analyst, status: vacancy, roles: "
                               "[analyst], reports_to: liga}\n");
    findings = found(planned, "ORG004");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::info);
    CHECK(findings[0].message == "Only a vacancy (New analyst) holds the role Analyst.");

    std::string held = with(unused, "roles: [lead]", "roles: [lead, analyst]");
    CHECK(found(held, "ORG004").empty());
}

TEST_CASE("ORG005 and ORG006: an active person without role or assignment") {
    std::string yaml = with(clean_yaml(), "people:\n",
                            "people:\n  - {id: olga, name: Olga Petrova, reports_to: liga}\n");
    auto no_role = found(yaml, "ORG005");
    REQUIRE(no_role.size() == 1);
    CHECK(no_role[0].subject == "person:olga");
    CHECK(no_role[0].message == "Olga Petrova has no role.");
    auto idle = found(yaml, "ORG006");
    REQUIRE(idle.size() == 1);
    CHECK(idle[0].severity == Severity::info);
    CHECK(idle[0].message == "Olga Petrova has no assignment.");

    // A vacancy is not an active person.
    std::string vacancy = with(yaml, "reports_to: liga}\n  - {id: liga",
                               "reports_to: liga, status: vacancy}\n  - {id: liga");
    CHECK(found(vacancy, "ORG005").empty());
    CHECK(found(vacancy, "ORG006").empty());
}

TEST_CASE("LOAD001: overloaded, with hours needed and available, error above 1.25 x threshold") {
    // Anna carries 4 hours of create and 2.1 of engage; 7 hours of capacity leave 5.6.
    std::string yaml = with(
        clean_yaml(), k_anna,
        "{id: anna, name: Anna Bērziņa, roles: [creator], capacity_hours: 7, reports_to: liga}");
    auto findings = found(yaml, "LOAD001");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::warning);
    CHECK(findings[0].subject == "person:anna");
    CHECK(findings[0].message ==
          "Anna Bērziņa is overloaded: 6.1 hours of work a week against 5.6 available (109%).");
    CHECK(findings[0].evidence ==
          std::vector<std::pair<std::string, std::string>>{{"load_hours", "6.1"},
                                                           {"available_hours", "5.6"},
                                                           {"utilisation", "1.089"},
                                                           {"threshold", "1"}});
    CHECK(findings[0].recommendation ==
          "Move 0.5 hours a week away from Anna Bērziņa, for example part of Content creation on "
          "Instagram: Jānis Kalniņš performs `create` and has 1 free hour a week.");

    std::string error = with(
        clean_yaml(), k_anna,
        "{id: anna, name: Anna Bērziņa, roles: [creator], capacity_hours: 5, reports_to: liga}");
    findings = found(error, "LOAD001");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::error);

    std::string zero = with(
        clean_yaml(), k_anna,
        "{id: anna, name: Anna Bērziņa, roles: [creator], capacity_hours: 0, reports_to: liga}");
    findings = found(zero, "LOAD001");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::error);
    CHECK(findings[0].message ==
          "Anna Bērziņa has 6.1 hours of work a week but no available hours.");
    CHECK(evidence(findings[0], "utilisation") == "infinite");

    CHECK(found(clean_yaml(), "LOAD001").empty());
}

TEST_CASE("LOAD002: underused") {
    std::string yaml = with(clean_yaml(), k_liga,
                            "{id: liga, name: Līga Kalniņa, roles: [lead], capacity_hours: 10}");
    auto findings = found(yaml, "LOAD002");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::info);
    CHECK(findings[0].message ==
          "Līga Kalniņa is underused: 1.7 hours of work a week against 8 available (21%).");
    CHECK(found(clean_yaml(), "LOAD002").empty());
}

TEST_CASE("LOAD003 and LOAD004: shares that add up to less or more than 1") {
    std::string under = with(clean_yaml(), "{person: janis, duty: create, channel: ig, share: 0.5}",
                             "{person: janis, duty: create, channel: ig, share: 0.3}");
    auto findings = found(under, "LOAD003");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "channel:ig/create");
    CHECK(findings[0].message == "The Responsible shares of Content creation on Instagram add up "
                                 "to 0.8: 1.6 of its 8 hours a week are done by no one.");
    CHECK(found(under, "LOAD004").empty());

    std::string over = with(clean_yaml(), "{person: janis, duty: create, channel: ig, share: 0.5}",
                            "{person: janis, duty: create, channel: ig, share: 0.7}");
    findings = found(over, "LOAD004");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "The Responsible shares of Content creation on Instagram add up "
                                 "to 1.2: 1.6 hours a week are planned twice.");
    CHECK(found(over, "LOAD003").empty());

    // A Responsible without a share takes what is left: no finding.
    std::string implicit =
        with(clean_yaml(), "{person: janis, duty: create, channel: ig, share: 0.5}",
             "{person: janis, duty: create, channel: ig}");
    CHECK(found(implicit, "LOAD003").empty());
    CHECK(found(implicit, "LOAD004").empty());
}

TEST_CASE("LOAD005: more Responsible people than the threshold") {
    std::string yaml = with(clean_yaml(), "  timezone: Europe/Riga\n",
                            "  timezone: Europe/Riga\n  thresholds: {max_responsible: 1}\n");
    auto findings = found(yaml, "LOAD005");
    REQUIRE(findings.size() == 2); // create and engage
    CHECK(findings[0].subject == "channel:ig/create");
    CHECK(findings[0].message ==
          "2 people are Responsible for Content creation on Instagram, "
          "more than the 1 the plan allows: Anna Bērziņa and Jānis Kalniņš.");
    CHECK(found(clean_yaml(), "LOAD005").empty());
}

TEST_CASE("FIT001: work outside the stated interests") {
    std::string yaml = with(clean_yaml(), k_anna,
                            "{id: anna, name: Anna Bērziņa, roles: [creator], capacity_hours: 8, "
                            "reports_to: liga, interests: [tiktok]}");
    auto findings = found(yaml, "FIT001");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::info);
    CHECK(findings[0].subject == "person:anna");
    CHECK(findings[0].message ==
          "Anna Bērziņa works on Instagram, outside the stated interests (tiktok).");
    // A network name counts as an interest.
    CHECK(found(with(yaml, "interests: [tiktok]", "interests: [instagram]"), "FIT001").empty());
}

TEST_CASE("FIT002: a skill that the role or the duty requires") {
    std::string yaml = with(clean_yaml(), "duties: [create, engage]}",
                            "duties: [create, engage], skills: [photo]}");
    auto findings = found(yaml, "FIT002");
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].subject == "person:anna");
    CHECK(findings[0].message ==
          "Anna Bērziņa lacks a skill that the work requires: photo (for the role Creator).");
    std::string skilled = with(yaml, "capacity_hours: 8, reports_to: liga}",
                               "capacity_hours: 8, reports_to: liga, skills: [photo]}");
    skilled = with(skilled, "capacity_hours: 8, reports_to: liga}",
                   "capacity_hours: 8, reports_to: liga, skills: [photo]}");
    CHECK(found(skilled, "FIT002").empty());

    std::string custom = with(
        clean_yaml(), "roles:\n",
        "duties:\n  - {id: outreach, name: Influencer outreach, hours_per_week: 1, skills: [pr]}\n"
        "roles:\n");
    custom = with(custom, "duties: [publish, report]", "duties: [publish, report, outreach]");
    custom += "  - {person: liga, duty: outreach, channel: ig}\n";
    findings = found(custom, "FIT002");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "Līga Kalniņa lacks a skill that the work requires: pr (for Influencer outreach).");
}

TEST_CASE("FIT003: Responsible for a duty none of the person's roles performs") {
    std::string yaml = clean_yaml() + "  - {person: anna, duty: report, channel: ig, share: 0}\n";
    auto findings = found(yaml, "FIT003");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "person:anna");
    CHECK(
        findings[0].message ==
        "Anna Bērziņa is Responsible for `report`, which none of their roles (Creator) performs.");
    // A backup is not Responsible.
    CHECK(found(clean_yaml(), "FIT003").empty());
}
