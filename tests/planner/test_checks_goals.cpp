// Goals (GOAL001-GOAL006), governance (GOV001-GOV003) and collisions (COL001-COL002): each
// fires on a small change of the clean plan (tests/data/checks/clean.yaml) and not without it.
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

const std::string k_kpi =
    "      - {id: ig-rate, metric: engagement_rate, channel: ig, target: 0.05}\n";

} // namespace

TEST_CASE("GOAL001: a goal without KPI") {
    std::string yaml = with(clean_yaml(), "channels:\n  - id: ig\n",
                            "  - {id: aware, name: Be known, kind: awareness, owner: liga, "
                            "channels: [ig]}\nchannels:\n  - id: ig\n");
    auto findings = found(yaml, "GOAL001");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::error);
    CHECK(findings[0].subject == "goal:aware");
    CHECK(findings[0].message ==
          "The goal \"Be known\" has no KPI, so nobody can tell whether it is met.");
    CHECK(findings[0].recommendation ==
          "Add a KPI to the goal \"Be known\", for example Followers gained, with a target for "
          "the quarter.");
    std::string measured =
        with(yaml, "channels: [ig]}\n",
             "channels: [ig], kpis: [{id: gained, metric: followers_gained, target: 100}]}\n");
    CHECK(found(measured, "GOAL001").empty());
}

TEST_CASE("GOAL002: a KPI without target") {
    std::string yaml =
        with(clean_yaml(), k_kpi, "      - {id: ig-rate, metric: engagement_rate, channel: ig}\n");
    auto findings = found(yaml, "GOAL002");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "kpi:ig-rate");
    CHECK(findings[0].message ==
          "The KPI Engagement rate \u00b7 Instagram of the goal \"Grow engagement\" "
          "has no target, so its result cannot be judged.");
    CHECK(found(clean_yaml(), "GOAL002").empty());
}

TEST_CASE("GOAL003: a goal served by no channel") {
    std::string yaml = with(clean_yaml(), "    channels: [ig]\n", "    channels: []\n");
    yaml = with(yaml, k_kpi, "      - {id: ig-rate, metric: engagement_rate, target: 0.05}\n");
    auto findings = found(yaml, "GOAL003");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "goal:engagement");
    CHECK(findings[0].message == "The goal \"Grow engagement\" is served by no channel.");
    // A KPI on a channel is a channel that serves the goal.
    CHECK(
        found(with(clean_yaml(), "    channels: [ig]\n", "    channels: []\n"), "GOAL003").empty());
}

TEST_CASE("GOAL004: a channel that serves no goal") {
    std::string yaml = with(clean_yaml(), "roles:\n",
                            "  - {id: fb, network: facebook, name: Facebook, workload: "
                            "{listening_hours_per_week: 2}}\nroles:\n");
    auto findings = found(yaml, "GOAL004");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "channel:fb");
    CHECK(findings[0].message ==
          "Facebook serves no goal: its 2 hours of work a week have no stated purpose.");
    CHECK(found(with(yaml, "    channels: [ig]\n", "    channels: [ig, fb]\n"), "GOAL004").empty());
}

TEST_CASE("GOAL005: a channel with KPIs but no Responsible for report") {
    std::string yaml = with(clean_yaml(), "  - {person: liga, duty: report, channel: ig}\n",
                            "  - {person: liga, duty: report, channel: ig, raci: C}\n");
    auto findings = found(yaml, "GOAL005");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "channel:ig/report");
    CHECK(findings[0].message == "Instagram has KPIs (ig-rate) but nobody is Responsible for "
                                 "reporting on it, so nobody measures them.");
    CHECK(found(clean_yaml(), "GOAL005").empty());
}

TEST_CASE("GOAL006: goal and KPI owners that are missing, vacancies or unknown") {
    std::string no_owner = with(clean_yaml(), "    owner: liga\n", "");
    auto findings = found(no_owner, "GOAL006");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "goal:engagement");
    CHECK(findings[0].message == "The goal \"Grow engagement\" has no owner.");
    CHECK(findings[0].recommendation ==
          "Make an active person the owner of the goal \"Grow "
          "engagement\", for example Līga Kalniņa, who leads the team.");

    std::string vacancy = with(clean_yaml(), "people:\n",
                               "people:\n  - {id: boss, name: Head of social, status: vacancy}\n");
    vacancy = with(
        vacancy, k_kpi,
        "      - {id: ig-rate, metric: engagement_rate, channel: ig, target: 0.05, owner: boss}\n");
    findings = found(vacancy, "GOAL006");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "kpi:ig-rate");
    CHECK(findings[0].message ==
          "The KPI Engagement rate \u00b7 Instagram is owned by Head of social, a vacancy: nobody "
          "answers for it until the hire starts.");
    CHECK(found(clean_yaml(), "GOAL006").empty());
}

TEST_CASE("GOV001: approval required but nobody approves") {
    std::string yaml = with(clean_yaml(), "      reporting_hours_per_week: 1\n",
                            "      reporting_hours_per_week: 1\n    approval: {required: true}\n");
    auto findings = found(yaml, "GOV001");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::error);
    CHECK(findings[0].subject == "channel:ig/approve");
    CHECK(findings[0].message ==
          "Instagram requires approval but nobody is Responsible for approving its posts.");
    // COV001 leaves the approve duty to GOV001: one problem, one finding.
    for (const Finding& finding : found(yaml, "COV001"))
        CHECK(finding.subject != "channel:ig/approve");

    std::string approved =
        with(yaml, "duties: [publish, report]", "duties: [publish, report, approve]");
    approved += "  - {person: liga, duty: approve, channel: ig}\n";
    CHECK(found(approved, "GOV001").empty());
}

TEST_CASE("GOV002: the only approver creates the posts") {
    std::string yaml = with(clean_yaml(), "      reporting_hours_per_week: 1\n",
                            "      reporting_hours_per_week: 1\n    approval: {required: true}\n");
    std::string self = yaml + "  - {person: anna, duty: approve, channel: ig}\n";
    auto findings = found(self, "GOV002");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "channel:ig/approve");
    CHECK(findings[0].message == "Anna Bērziņa is the only approver on Instagram and also creates "
                                 "its posts, so posts are approved by their author.");
    CHECK(found(yaml + "  - {person: liga, duty: approve, channel: ig}\n", "GOV002").empty());
}

TEST_CASE("GOV003: an approval chain longer than the threshold") {
    std::string yaml =
        with(clean_yaml(), "      reporting_hours_per_week: 1\n",
             "      reporting_hours_per_week: 1\n    approval: {required: true, steps: 5}\n");
    auto findings = found(yaml, "GOV003");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "channel:ig");
    CHECK(findings[0].message ==
          "Posts on Instagram pass 5 approval steps, more than the 4 the plan accepts.");
    CHECK(found(with(yaml, "steps: 5", "steps: 4"), "GOV003").empty());
}

TEST_CASE("COL001: two Responsible on an exclusive duty") {
    std::string yaml =
        with(clean_yaml(), "{person: janis, duty: publish, channel: ig, backup: true}",
             "{person: janis, duty: publish, channel: ig}");
    auto findings = found(yaml, "COL001");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "channel:ig/publish");
    CHECK(findings[0].message ==
          "2 people are Responsible for Scheduling and publishing on Instagram: Jānis Kalniņš and "
          "Līga Kalniņa; they may publish or answer the same thing twice.");
    CHECK(found(clean_yaml(), "COL001").empty());

    // Exclusive per profile: one person per profile is fine, two on one profile are not.
    std::string profiles =
        with(yaml, "    name: Instagram\n",
             "    name: Instagram\n    profiles: [{id: ig-main, handle: \"@clean\"}, "
             "{id: ig-jobs, handle: \"@clean.jobs\"}]\n");
    profiles = with(profiles, "{person: janis, duty: publish, channel: ig}",
                    "{person: janis, duty: publish, channel: ig, profile: ig-jobs}");
    profiles = with(profiles, "{person: liga, duty: publish, channel: ig}",
                    "{person: liga, duty: publish, channel: ig, profile: ig-main}");
    CHECK(found(profiles, "COL001").empty());
    findings = found(
        profiles + "  - {person: anna, duty: publish, channel: ig, profile: ig-jobs}\n", "COL001");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "channel:ig/publish@ig-jobs");
}

TEST_CASE("COL002: a whole-channel and a profile assignment with different people") {
    std::string yaml =
        with(clean_yaml(), "    name: Instagram\n",
             "    name: Instagram\n    profiles: [{id: ig-main, handle: \"@clean\"}, "
             "{id: ig-jobs, handle: \"@clean.jobs\"}]\n");
    std::string same =
        with(yaml, "{person: janis, duty: create, channel: ig, share: 0.5}",
             "{person: anna, duty: create, channel: ig, profile: ig-jobs, share: 0.5}");
    CHECK(found(same, "COL002").empty());
    std::string twice =
        with(yaml, "{person: janis, duty: create, channel: ig, share: 0.5}",
             "{person: janis, duty: create, channel: ig, profile: ig-jobs, share: 0.5}");
    auto findings = found(twice, "COL002");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "channel:ig/create@ig-jobs");
    CHECK(findings[0].message == "Content creation on Instagram on the profile @clean.jobs is "
                                 "covered twice: Anna Bērziņa has the whole channel and Jānis "
                                 "Kalniņš has this profile.");
}
