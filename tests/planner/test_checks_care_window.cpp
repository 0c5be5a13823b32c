// COV006: care windows against the working hours of the people Responsible for `engage`, in
// real time zones, across daylight-saving changes.
#include "model/plan_reader.hpp"
#include "planner/checks/checks.hpp"

#include <catch2/catch.hpp>

using namespace planner;

namespace {

std::vector<Finding> care_findings(const std::string& yaml) {
    model::PlanReadResult result = model::read_plan_text("t.yaml", yaml);
    for (const model::Diagnostic& error : result.errors)
        UNSCOPED_INFO(error.to_string());
    REQUIRE(result.ok());
    std::vector<Finding> out;
    for (const Finding& finding : run_checks(result.plan).findings)
        if (finding.check == "COV006")
            out.push_back(finding);
    return out;
}

std::string evidence(const Finding& finding, const std::string& key) {
    for (const auto& [name, value] : finding.evidence)
        if (name == key)
            return value;
    return "<none>";
}

// `quarter` is a YAML line or empty; `care` the care mapping; `people` the people list.
std::string care_plan(const std::string& quarter, const std::string& care,
                      const std::string& people, const std::string& extra_assignments = "") {
    return "version: 1\n"
           "plan:\n  name: Care\n  timezone: Europe/Riga\n" +
           quarter +
           "channels:\n"
           "  - id: ig\n"
           "    network: instagram\n"
           "    name: Instagram\n"
           "    workload: {inbound_per_day: 10, minutes_per_inbound: 3}\n"
           "    care: " +
           care +
           "\n"
           "roles:\n  - {id: cm, name: Community manager, duties: [engage]}\n"
           "people:\n" +
           people +
           "assignments:\n"
           "  - {person: anna, duty: engage, channel: ig, share: 0.5}\n"
           "  - {person: janis, duty: engage, channel: ig, share: 0.5}\n" +
           extra_assignments;
}

const std::string k_two_people = "  - {id: anna, name: Anna Bērziņa, roles: [cm]}\n"
                                 "  - {id: janis, name: Jānis Kalniņš, roles: [cm]}\n";

} // namespace

TEST_CASE("COV006: uncovered hours per week over the quarter and the worst gap") {
    // mon-sat 08:00-20:00 against mon-fri 09:00-17:00, both in Riga. 2027-Q1 has 90 days
    // (12 6/7 weeks): 77 window days of 12 hours = 924 hours, 71.9 a week; uncovered are
    // 64 weekdays x 4 hours and 13 Saturdays x 12 hours = 412 hours, 32 a week.
    std::string yaml = care_plan(
        "  quarter: 2027-Q1\n",
        "{days: [mon, tue, wed, thu, fri, sat], start: \"08:00\", end: \"20:00\"}", k_two_people);
    auto findings = care_findings(yaml);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::warning);
    CHECK(findings[0].subject == "channel:ig/engage");
    CHECK(findings[0].message ==
          "Nobody Responsible for Community management on Instagram works during 32 of the care "
          "window's 71.9 hours a week; the worst gap is sat 08:00\u201320:00.");
    CHECK(evidence(findings[0], "care_window") == "mon\u2013sat 08:00\u201320:00 Europe/Riga");
    CHECK(evidence(findings[0], "period") == "2027-Q1");
    CHECK(evidence(findings[0], "uncovered_hours_per_week") == "32");
    CHECK(evidence(findings[0], "worst_gap_first_on") == "2027-01-02");
    CHECK(evidence(findings[0], "responsible") == "Anna Bērziņa and Jānis Kalniņš");
    CHECK(findings[0].recommendation ==
          "Cover sat 08:00\u201320:00 (Europe/Riga) with a shift or a colleague in another time "
          "zone, or narrow the care window to the hours the team works.");

    // Near-identical: the window is the team's working week.
    CHECK(care_findings(
              care_plan("  quarter: 2027-Q1\n",
                        "{days: [mon, tue, wed, thu, fri], start: \"09:00\", end: \"17:00\"}",
                        k_two_people))
              .empty());
}

TEST_CASE("COV006: without a quarter, a representative week") {
    std::string yaml =
        care_plan("", "{days: [mon, tue, wed, thu, fri, sat], start: \"08:00\", end: \"20:00\"}",
                  k_two_people);
    auto findings = care_findings(yaml);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "Nobody Responsible for Community management on Instagram works during 32 of the care "
          "window's 72 hours a week; the worst gap is sat 08:00\u201320:00.");
    CHECK(evidence(findings[0], "period") == "a representative week (2025-01-06 to 2025-01-12)");
    CHECK(evidence(findings[0], "worst_gap_first_on") == "2025-01-11");
}

TEST_CASE("COV006: a colleague in another time zone covers the window, except between two "
          "daylight-saving changes") {
    // Riga 09:00-17:00 is New York 02:00-10:00 in winter (UTC+2 vs UTC-5) and again from 28
    // March (UTC+3 vs UTC-4). From 14 March, when New York has moved its clocks and Riga has
    // not, 02:00-10:00 in New York is 08:00-16:00 in Riga: 16:00-17:00 is uncovered on the 10
    // weekdays 15-26 March, 10 hours in 12 6/7 weeks = 0.8 a week.
    std::string people =
        "  - {id: anna, name: Anna Bērziņa, roles: [cm], timezone: America/New_York,\n"
        "     hours: {start: \"02:00\", end: \"10:00\"}}\n"
        "  - {id: janis, name: Jānis Kalniņš, roles: [cm], timezone: America/New_York,\n"
        "     hours: {start: \"02:00\", end: \"10:00\"}}\n";
    std::string yaml =
        care_plan("  quarter: 2027-Q1\n",
                  "{days: [mon, tue, wed, thu, fri], start: \"09:00\", end: \"17:00\"}", people);
    auto findings = care_findings(yaml);
    REQUIRE(findings.size() == 1);
    CHECK(evidence(findings[0], "uncovered_hours_per_week") == "0.8");
    CHECK(evidence(findings[0], "worst_gap") == "mon 16:00\u201317:00");
    CHECK(evidence(findings[0], "worst_gap_first_on") == "2027-03-15");

    // In the second quarter both zones keep summer time: covered throughout.
    std::string summer =
        care_plan("  quarter: 2027-Q3\n",
                  "{days: [mon, tue, wed, thu, fri], start: \"09:00\", end: \"17:00\"}", people);
    CHECK(care_findings(summer).empty());
}

TEST_CASE("COV006: the care window's own zone, an end at 24:00 and Riga's clock change") {
    // Care 16:00-24:00 in Tokyo every day is 09:00-17:00 in Riga in winter (UTC+9 vs UTC+2):
    // weekdays are covered, the 26 weekend days of 2027-Q1 are not (8 hours each). From 28
    // March Riga is UTC+3, so 23:00-24:00 Tokyo is uncovered on 29, 30 and 31 March too:
    // 211 of 720 hours, 16.4 of 56 a week.
    std::string yaml = care_plan("  quarter: 2027-Q1\n",
                                 "{days: [mon, tue, wed, thu, fri, sat, sun], start: \"16:00\", "
                                 "end: \"24:00\", timezone: Asia/Tokyo}",
                                 k_two_people);
    auto findings = care_findings(yaml);
    REQUIRE(findings.size() == 1);
    CHECK(evidence(findings[0], "care_window") == "mon\u2013sun 16:00\u201324:00 Asia/Tokyo");
    CHECK(evidence(findings[0], "window_hours_per_week") == "56");
    CHECK(evidence(findings[0], "uncovered_hours_per_week") == "16.4");
    CHECK(evidence(findings[0], "worst_gap") == "sat 16:00\u201324:00");
    CHECK(evidence(findings[0], "worst_gap_first_on") == "2027-01-02");
}

TEST_CASE("COV006: the recommendation names a colleague who works during the worst gap") {
    std::string people = k_two_people +
                         "  - {id: eva, name: Eva Ozola, roles: [cm], capacity_hours: 10,\n"
                         "     hours: {days: [sat], start: \"08:00\", end: \"20:00\"}}\n"
                         "  - {id: olga, name: Olga Petrova, roles: [cm], capacity_hours: 30}\n";
    std::string yaml = care_plan(
        "  quarter: 2027-Q1\n",
        "{days: [mon, tue, wed, thu, fri, sat], start: \"08:00\", end: \"20:00\"}", people);
    auto findings = care_findings(yaml);
    REQUIRE(findings.size() == 1);
    // Olga has more free hours but does not work on Saturdays.
    CHECK(findings[0].recommendation ==
          "Cover sat 08:00\u201320:00 (Europe/Riga) with Eva Ozola, who works then: Eva Ozola "
          "performs `engage` and has 8 free hours a week.");
}

TEST_CASE("COV006 leaves a care window with no Responsible to COV001") {
    std::string yaml = "version: 1\nplan: {name: Care, quarter: 2027-Q1}\n"
                       "channels:\n  - id: ig\n    network: instagram\n"
                       "    workload: {inbound_per_day: 10, minutes_per_inbound: 3}\n"
                       "    care: {days: [sat], start: \"08:00\", end: \"20:00\"}\n";
    CHECK(care_findings(yaml).empty());
}
