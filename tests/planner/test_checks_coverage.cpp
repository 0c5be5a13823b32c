// Coverage checks COV001-COV005 and COV007: each fires on a one-line change of the clean plan
// (tests/data/checks/clean.yaml) and not on the clean plan itself.
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

// `yaml` with its first `from` replaced by `to`; `from` must be there.
std::string with(std::string yaml, const std::string& from, const std::string& to) {
    auto at = yaml.find(from);
    INFO(from);
    REQUIRE(at != std::string::npos);
    return yaml.replace(at, from.size(), to);
}

CheckReport report_of(const std::string& yaml) {
    model::PlanReadResult result = model::read_plan_text("t.yaml", yaml);
    for (const model::Diagnostic& error : result.errors)
        UNSCOPED_INFO(error.to_string());
    REQUIRE(result.ok());
    return run_checks(result.plan);
}

std::vector<Finding> found(const std::string& yaml, const std::string& check) {
    std::vector<Finding> out;
    for (const Finding& finding : report_of(yaml).findings)
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

} // namespace

TEST_CASE("the clean plan has no findings at all") {
    CheckReport report = report_of(clean_yaml());
    for (const Finding& finding : report.findings)
        UNSCOPED_INFO(finding.check << " " << finding.subject << ": " << finding.message);
    CHECK(report.findings.empty());
    CHECK(report.counts.error == 0);
    CHECK(report.counts.warning == 0);
    CHECK(report.counts.info == 0);
}

TEST_CASE("COV001: a channel duty with no Responsible person") {
    std::string yaml = with(clean_yaml(), "{person: anna, duty: engage, channel: ig, share: 0.6}",
                            "{person: anna, duty: engage, channel: ig, raci: C}");
    yaml = with(yaml, "{person: janis, duty: engage, channel: ig, share: 0.4}",
                "{person: janis, duty: engage, channel: ig, raci: I}");
    auto findings = found(yaml, "COV001");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::error);
    CHECK(findings[0].subject == "channel:ig/engage");
    CHECK(findings[0].message == "Nobody is Responsible for Community management on Instagram.");
    CHECK(evidence(findings[0], "hours_per_week") == "3.5");
    // Anna and Jānis hold the role that performs engage and have 2.4 free hours each (6.4
    // available, 4 of create): the smaller id wins.
    CHECK(findings[0].recommendation ==
          "Assign Community management on Instagram (3.5 hours a week): Anna Bērziņa performs "
          "`engage` and has 2.4 free hours a week.");
    CHECK(found(clean_yaml(), "COV001").empty());
}

TEST_CASE("COV001 leaves `report` on a channel with KPIs to GOAL005") {
    std::string yaml = with(clean_yaml(), "  - {person: liga, duty: report, channel: ig}\n", "");
    CHECK(found(yaml, "COV001").empty());
    CHECK(found(yaml, "GOAL005").size() == 1);
}

TEST_CASE("COV002: a channel duty with no Accountable person") {
    std::string yaml = with(clean_yaml(), "  - {person: liga, duty: all, channel: ig, raci: A}\n",
                            "  - {person: liga, duty: create, channel: ig, raci: A}\n");
    auto findings = found(yaml, "COV002");
    REQUIRE(findings.size() == 3); // publish, engage, report
    CHECK(findings[0].subject == "channel:ig/engage");
    CHECK(findings[0].message == "Nobody is Accountable for Community management on Instagram.");
    CHECK(findings[0].recommendation ==
          "Make one person Accountable for Community management on Instagram, for example "
          "Līga Kalniņa, who manages Anna Bērziņa and Jānis Kalniņš.");
    CHECK(findings[1].subject == "channel:ig/publish");
    CHECK(findings[2].subject == "channel:ig/report");
}

TEST_CASE("COV003: more than one Accountable person") {
    std::string yaml = clean_yaml() + "  - {person: anna, duty: engage, channel: ig, raci: A}\n";
    auto findings = found(yaml, "COV003");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "channel:ig/engage");
    CHECK(findings[0].message ==
          "Community management on Instagram has 2 Accountable people: Anna Bērziņa and Līga "
          "Kalniņa.");
    // The same person Accountable twice (duty: all and the duty itself) is one person.
    CHECK(found(clean_yaml() + "  - {person: liga, duty: engage, channel: ig, raci: A}\n", "COV003")
              .empty());
}

TEST_CASE("COV004: a single point of failure names the person and a backup") {
    std::string yaml = with(clean_yaml(), "{person: anna, duty: engage, channel: ig, share: 0.6}",
                            "{person: anna, duty: engage, channel: ig, share: 1}");
    yaml = with(yaml, "  - {person: janis, duty: engage, channel: ig, share: 0.4}\n", "");
    auto findings = found(yaml, "COV004");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::warning);
    CHECK(findings[0].subject == "channel:ig/engage");
    CHECK(findings[0].message ==
          "Community management on Instagram depends on Anna Bērziņa alone: nobody covers it "
          "when Anna Bērziņa is away.");
    CHECK(findings[0].evidence ==
          std::vector<std::pair<std::string, std::string>>{
              {"people_able", "1"}, {"bus_factor", "2"}, {"covered_by", "Anna Bērziņa"}});
    CHECK(findings[0].recommendation ==
          "Name a backup for Community management on Instagram: Jānis Kalniņš performs `engage` "
          "and has 2.4 free hours a week.");

    // Near-identical: Jānis as a backup makes two able people.
    std::string covered = yaml + "  - {person: janis, duty: engage, channel: ig, backup: true}\n";
    CHECK(found(covered, "COV004").empty());
}

TEST_CASE("COV004: a Responsible with share 0 does not count, bus factor from thresholds") {
    std::string yaml = with(clean_yaml(), "{person: janis, duty: engage, channel: ig, share: 0.4}",
                            "{person: janis, duty: engage, channel: ig, share: 0}");
    yaml = with(yaml, "{person: anna, duty: engage, channel: ig, share: 0.6}",
                "{person: anna, duty: engage, channel: ig, share: 1}");
    CHECK(found(yaml, "COV004").size() == 1);

    std::string three = with(clean_yaml(), "  timezone: Europe/Riga\n",
                             "  timezone: Europe/Riga\n  thresholds: {bus_factor: 3}\n");
    auto findings = found(three, "COV004");
    REQUIRE(findings.size() == 4); // every duty of the channel has two able people
    CHECK(findings[0].subject == "channel:ig/create");
    CHECK(findings[0].message ==
          "Content creation on Instagram is covered by 2 people (Anna Bērziņa and Jānis "
          "Kalniņš), fewer than the 3 the plan asks for.");
}

TEST_CASE("COV005: a channel duty covered only by vacancies") {
    std::string base = with(clean_yaml(), "people:\n",
                            "people:\n  - {id: hire, name: New creator, status: vacancy, roles: "
                            "[creator], reports_to: liga}\n");
    std::string yaml = with(base, "{person: anna, duty: engage, channel: ig, share: 0.6}",
                            "{person: hire, duty: engage, channel: ig, share: 0.6}");
    yaml = with(yaml, "{person: janis, duty: engage, channel: ig, share: 0.4}",
                "{person: hire, duty: listen, channel: ig, raci: I}");
    auto findings = found(yaml, "COV005");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "channel:ig/engage");
    CHECK(findings[0].message ==
          "Community management on Instagram is covered only by a vacancy (New creator): it "
          "depends on a hire that has not happened.");
    CHECK(findings[0].recommendation.rfind("Until the hire starts, name an interim Responsible "
                                           "for Community management on Instagram: ",
                                           0) == 0);

    // Near-identical: Anna as a backup next to the vacancy.
    CHECK(found(yaml + "  - {person: anna, duty: engage, channel: ig, backup: true}\n", "COV005")
              .empty());
}

TEST_CASE("COV007: nobody available during overlapping absences, with the dates") {
    std::string yaml = with(clean_yaml(), "capacity_hours: 8, reports_to: liga}\n  - {id: janis",
                            "capacity_hours: 8, reports_to: liga,\n"
                            "     absences: [{from: 2027-02-01, to: 2027-02-14}]}\n  - {id: janis");
    yaml = with(
        yaml,
        "{id: janis, name: Jānis Kalniņš, roles: [creator], capacity_hours: 8, reports_to: liga}",
        "{id: janis, name: Jānis Kalniņš, roles: [creator], capacity_hours: 8, reports_to: liga,\n"
        "     absences: [{from: 2027-02-08, to: 2027-02-10, reason: leave}]}");
    auto findings = found(yaml, "COV007");
    REQUIRE(findings.size() == 2); // create and engage; publish and report have Līga
    CHECK(findings[0].subject == "channel:ig/create");
    CHECK(findings[0].message ==
          "Nobody can do Content creation on Instagram on 3 working days while Anna Bērziņa and "
          "Jānis Kalniņš are absent: 2027-02-08 to 2027-02-10.");
    CHECK(evidence(findings[0], "dates") == "2027-02-08\u20132027-02-10");
    CHECK(evidence(findings[0], "days") == "3");
    CHECK(findings[1].subject == "channel:ig/engage");

    // Near-identical: Jānis away the week after Anna is back.
    std::string apart = with(yaml, "{from: 2027-02-08, to: 2027-02-10, reason: leave}",
                             "{from: 2027-02-15, to: 2027-02-17, reason: leave}");
    CHECK(found(apart, "COV007").empty());
}

TEST_CASE("COV007: a lone Responsible's absence spans weekends as one range") {
    std::string yaml = with(clean_yaml(), "  - {person: liga, duty: publish, channel: ig}\n",
                            "  - {person: liga, duty: publish, channel: ig}\n"
                            "  - {person: liga, duty: listen, channel: ig}\n");
    yaml = with(yaml, "      reporting_hours_per_week: 1\n",
                "      reporting_hours_per_week: 1\n      listening_hours_per_week: 1\n");
    yaml = with(
        yaml, "{id: liga, name: Līga Kalniņa, roles: [lead], capacity_hours: 3}",
        "{id: liga, name: Līga Kalniņa, roles: [lead], capacity_hours: 3,\n"
        "     absences: [{from: 2027-03-01, to: 2027-03-14}, {from: 2027-03-31, to: 2027-04-20}]}");
    std::vector<Finding> listen;
    for (const Finding& finding : found(yaml, "COV007"))
        if (finding.subject == "channel:ig/listen")
            listen.push_back(finding);
    REQUIRE(listen.size() == 1);
    // Mon 1 March to Fri 12 March (the weekend inside joins), and 31 March (the quarter ends).
    CHECK(listen[0].message ==
          "Nobody can do Social listening on Instagram on 11 working days while Līga Kalniņa is "
          "absent: 2027-03-01 to 2027-03-12 and 2027-03-31.");
    CHECK(evidence(listen[0], "dates") == "2027-03-01\u20132027-03-12, 2027-03-31");
}

TEST_CASE("COV007: without a quarter, every absence date counts, vacancies are never there") {
    std::string yaml = with(clean_yaml(), "  quarter: 2027-Q1\n", "");
    yaml = with(yaml, "{person: janis, duty: publish, channel: ig, backup: true}",
                "{person: janis, duty: publish, channel: ig, raci: C}");
    yaml = with(yaml, "{id: liga, name: Līga Kalniņa, roles: [lead], capacity_hours: 3}",
                "{id: liga, name: Līga Kalniņa, roles: [lead], capacity_hours: 3,\n"
                "     absences: [{from: 2031-07-07, to: 2031-07-07}]}");
    std::vector<std::string> subjects;
    for (const Finding& finding : found(yaml, "COV007"))
        subjects.push_back(finding.subject + " " + finding.message);
    CHECK(subjects == std::vector<std::string>{
                          "channel:ig/publish Nobody can do Scheduling and publishing on Instagram "
                          "on 1 working day while Līga Kalniņa is absent: 2031-07-07."});
}
