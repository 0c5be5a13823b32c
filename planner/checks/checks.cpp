#include "planner/checks/checks.hpp"

#include "planner/checks/check_functions.hpp"
#include "planner/checks/finding_spool.hpp"
#include "planner/core/texts.hpp"

#include <algorithm>
#include <tuple>

namespace planner {

namespace {

struct CheckEntry {
    CheckInfo info;
    CheckFunction run;
};

constexpr std::string_view k_coverage = "Coverage";
constexpr std::string_view k_goals = "Goals and measurement";
constexpr std::string_view k_governance = "Governance";
constexpr std::string_view k_organisation = "Organisation";
constexpr std::string_view k_workload = "Workload";
constexpr std::string_view k_collisions = "Collisions";
constexpr std::string_view k_fit = "Fit";
constexpr std::string_view k_cost = "Cost";

// The catalogue: the one table from which `check --list`, docs/checks.md and reports come.
// Ids are stable forever; a withdrawn check keeps its id unused.
const std::vector<CheckEntry>& entries() {
    static const std::vector<CheckEntry> table = {
        {{"COV001", Severity::error, k_coverage, "No Responsible",
          "a channel duty has no Responsible person"},
         &find_duties_without_responsible},
        {{"COV002", Severity::error, k_coverage, "No Accountable",
          "a channel duty has no Accountable person"},
         &find_duties_without_accountable},
        {{"COV003", Severity::error, k_coverage, "Several Accountable",
          "a channel duty has more than one Accountable person"},
         &find_duties_with_several_accountable},
        {{"COV004", Severity::warning, k_coverage, "Single point of failure",
          "a channel duty is covered by fewer distinct people than `thresholds.bus_factor`, "
          "counting Responsible people whose share is above 0 and backups; names the person "
          "whose absence would leave it uncovered"},
         &find_single_points_of_failure},
        {{"COV005", Severity::warning, k_coverage, "Covered only by vacancies",
          "a channel duty is covered only by vacancies: it depends on a hire that has not "
          "happened"},
         &find_duties_covered_by_vacancies},
        {{"COV006", Severity::warning, k_coverage, "Care window not covered",
          "a channel's care window is not fully covered by the working hours of the people "
          "Responsible for `engage` on it, compared in their own time zones; gives the "
          "uncovered hours per week and the worst gap"},
         &find_care_window_gaps},
        {{"COV007", Severity::warning, k_coverage, "Uncovered during absence",
          "during an absence, a channel duty has no available Responsible or backup; gives "
          "the dates"},
         &find_absence_gaps},
        {{"GOAL001", Severity::error, k_goals, "Goal without KPI", "a goal has no KPI"},
         &find_goals_without_kpi},
        {{"GOAL002", Severity::warning, k_goals, "KPI without target", "a KPI has no target"},
         &find_kpis_without_target},
        {{"GOAL003", Severity::warning, k_goals, "Goal without channel",
          "a goal is served by no channel"},
         &find_goals_without_channel},
        {{"GOAL004", Severity::warning, k_goals, "Channel without goal",
          "a channel serves no goal: effort without a purpose"},
         &find_channels_without_goal},
        {{"GOAL005", Severity::warning, k_goals, "Nobody measures",
          "a channel has KPIs but no one is Responsible for `report` on it"},
         &find_unmeasured_channels},
        {{"GOAL006", Severity::warning, k_goals, "Owner missing",
          "a goal or KPI owner is missing, a vacancy, or not in the plan's people"},
         &find_missing_owners},
        {{"GOV001", Severity::error, k_governance, "No approver",
          "a channel requires approval but no one is Responsible for `approve` on it"},
         &find_channels_without_approver},
        {{"GOV002", Severity::warning, k_governance, "Self-approval",
          "on a channel that requires approval, the only approver is also a content creator "
          "there"},
         &find_self_approval},
        {{"GOV003", Severity::warning, k_governance, "Long approval chain",
          "an approval chain (`approval.steps`) is longer than `thresholds.approval_steps`"},
         &find_long_approval_chains},
        {{"ORG001", Severity::error, k_organisation, "Reporting cycle",
          "reporting lines form a cycle; lists the people in the cycle in order"},
         &find_reporting_cycles},
        {{"ORG002", Severity::warning, k_organisation, "Span of control",
          "a manager has more direct reports than `thresholds.span_of_control`"},
         &find_wide_spans},
        {{"ORG003", Severity::info, k_organisation, "Several heads",
          "the team has more than one person with no manager"},
         &find_several_heads},
        {{"ORG004", Severity::warning, k_organisation, "Unfilled role",
          "a role has no active person (info when only a vacancy holds it)"},
         &find_unfilled_roles},
        {{"ORG005", Severity::warning, k_organisation, "Person without role",
          "an active person has no role"},
         &find_people_without_role},
        {{"ORG006", Severity::info, k_organisation, "Person without assignment",
          "an active person has no assignment"},
         &find_people_without_assignment},
        {{"LOAD001", Severity::warning, k_workload, "Overloaded",
          "a person's utilisation is above `thresholds.overload` (error above 1.25 times it); "
          "gives hours needed and available"},
         &find_overloaded_people},
        {{"LOAD002", Severity::info, k_workload, "Underused",
          "a person's utilisation is below `thresholds.underuse`"},
         &find_underused_people},
        {{"LOAD003", Severity::warning, k_workload, "Shares below 1",
          "the Responsible shares of a channel duty add up to less than 1: part of the work is "
          "done by no one"},
         &find_undershared_duties},
        {{"LOAD004", Severity::warning, k_workload, "Shares above 1",
          "the Responsible shares of a channel duty add up to more than 1: the same work is "
          "planned twice"},
         &find_overshared_duties},
        {{"LOAD005", Severity::warning, k_workload, "Too many Responsible",
          "a channel duty has more Responsible people than `thresholds.max_responsible`"},
         &find_crowded_duties},
        {{"COL001", Severity::warning, k_collisions, "Exclusive duty shared",
          "an exclusive duty (publish, approve, or a custom duty with `exclusive: true`) has "
          "more than one Responsible on the same channel or profile"},
         &find_exclusive_duty_collisions},
        {{"COL002", Severity::warning, k_collisions, "Profile covered twice",
          "one assignment covers a whole channel and another the same duty on one of its "
          "profiles, with different people"},
         &find_profile_overlaps},
        {{"FIT001", Severity::info, k_fit, "Outside interests",
          "a person works on a channel outside their stated interests (only when they state "
          "interests)"},
         &find_work_outside_interests},
        {{"FIT002", Severity::warning, k_fit, "Missing skill",
          "a person lacks a skill that the duty or their role requires"},
         &find_missing_skills},
        {{"FIT003", Severity::warning, k_fit, "Duty outside roles",
          "a person is Responsible for a duty that none of their roles performs"},
         &find_duties_outside_roles},
        {{"COST001", Severity::warning, k_cost, "Over budget",
          "the planned team (current team, vacancies and the further hires `staff` recommends) "
          "costs more a year than `plan.budget`; gives the amounts"},
         &find_team_over_budget},
        {{"COST002", Severity::info, k_cost, "No cost given",
          "a role, or a person priced by no role, has no cost while others in the plan have "
          "one: they count as costing nothing"},
         &find_missing_costs},
        {{"COST003", Severity::warning, k_cost, "Contractor work staff could take",
          "a contractor carries a duty that an active person whose role performs it has the "
          "free hours to take; gives what the contractor costs for it"},
         &find_contractor_work_for_staff},
    };
    return table;
}

} // namespace

std::string_view to_string(Severity severity) {
    switch (severity) {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::info:
        return "info";
    }
    return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
    if (text == "error")
        return Severity::error;
    if (text == "warning")
        return Severity::warning;
    if (text == "info")
        return Severity::info;
    return std::nullopt;
}

const std::vector<CheckInfo>& check_catalogue() {
    static const std::vector<CheckInfo> catalogue = [] {
        std::vector<CheckInfo> infos;
        for (const CheckEntry& entry : entries())
            infos.push_back(entry.info);
        return infos;
    }();
    return catalogue;
}

const CheckInfo* find_check(std::string_view id) {
    for (const CheckInfo& info : check_catalogue())
        if (info.id == id)
            return &info;
    return nullptr;
}

std::string catalogue_markdown() {
    std::string text;
    std::string_view area;
    for (const CheckInfo& info : check_catalogue()) {
        if (info.area != area) {
            if (!area.empty())
                text += "\n";
            area = info.area;
            text += "### " + std::string(area) + "\n\n";
            text += "| id | severity | title | finding |\n";
            text += "|---|---|---|---|\n";
        }
        text += "| " + std::string(info.id) + " | " + std::string(to_string(info.severity)) +
                " | " + std::string(info.title) + " | " + std::string(info.description) + " |\n";
    }
    return text;
}

void sort_findings(std::vector<Finding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return std::tie(a.severity, a.check, a.subject) < std::tie(b.severity, b.check, b.subject);
    });
}

CheckReport run_checks(const model::Plan& plan) {
    const PlanFacts facts(plan);
    return run_checks(facts);
}

CheckReport run_checks(const PlanFacts& facts) {
    static const Texts english = Texts::load("en");
    return run_checks(facts, english);
}

namespace {

// Runs every check in catalogue order and hands each one's findings to `take`. The context's
// tables are freed before this returns: a large plan has over a million findings, and memory
// peaks while they are kept.
template <class Take> void run_each_check(const PlanFacts& facts, const Texts& texts, Take take) {
    CheckContext context(facts, texts);
    // Texts are built by appending: keep only what they hold.
    const CheckContext::FindingBatchSink sink = [&](std::vector<Finding>& found) {
        for (Finding& finding : found) {
            finding.message.shrink_to_fit();
            finding.recommendation.shrink_to_fit();
            for (auto& item : finding.evidence)
                item.second.shrink_to_fit();
        }
        take(found);
    };
    context.set_finding_sink(&sink);
    for (const CheckEntry& entry : entries()) {
        std::vector<Finding> found = entry.run(context);
        sink(found);
    }
}

void count(CheckCounts& counts, Severity severity) {
    switch (severity) {
    case Severity::error:
        ++counts.error;
        break;
    case Severity::warning:
        ++counts.warning;
        break;
    case Severity::info:
        ++counts.info;
        break;
    }
}

// The index of the first suppression of `suppressions` that matches (check, subject), or
// suppressions.size().
size_t suppression_of(const std::vector<model::Suppression>& suppressions, const std::string& check,
                      std::string_view subject) {
    for (size_t i = 0; i < suppressions.size(); ++i)
        if (suppressions[i].check == check &&
            (!suppressions[i].subject || *suppressions[i].subject == subject))
            return i;
    return suppressions.size();
}

std::vector<model::Suppression> unused(const std::vector<model::Suppression>& suppressions,
                                       const std::vector<bool>& used) {
    std::vector<model::Suppression> out;
    for (size_t i = 0; i < suppressions.size(); ++i)
        if (!used[i])
            out.push_back(suppressions[i]);
    return out;
}

} // namespace

CheckReport run_checks(const PlanFacts& facts, const Texts& texts) {
    const model::Plan& plan = facts.plan();
    std::vector<Finding> all;
    run_each_check(facts, texts, [&](std::vector<Finding>& found) {
        all.insert(all.end(), std::make_move_iterator(found.begin()),
                   std::make_move_iterator(found.end()));
    });
    sort_findings(all);

    CheckReport report;
    report.plan_name = plan.info.name;
    report.findings.reserve(all.size());
    std::vector<bool> used(plan.suppressions.size(), false);
    for (Finding& finding : all) {
        const size_t suppression =
            suppression_of(plan.suppressions, finding.check, finding.subject);
        if (suppression == plan.suppressions.size()) {
            count(report.counts, finding.severity);
            report.findings.push_back(std::move(finding));
            continue;
        }
        used[suppression] = true;
        report.suppressed.push_back(
            SuppressedFinding{std::move(finding), plan.suppressions[suppression].reason});
    }
    report.unused_suppressions = unused(plan.suppressions, used);
    report.counts.suppressed = static_cast<int>(report.suppressed.size());
    return report;
}

void run_checks(const PlanFacts& facts, const Texts& texts, SpooledReport& report) {
    const model::Plan& plan = facts.plan();
    report.plan_name = plan.info.name;
    report.suppressions = plan.suppressions;
    run_each_check(facts, texts, [&](std::vector<Finding>& found) {
        for (const Finding& finding : found)
            report.findings.add(finding);
        std::vector<Finding>().swap(found);
    });
    const FindingSpool& spool = report.findings;
    std::vector<size_t> order(spool.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    // As sort_findings: severity, check id, subject; ties in the order the checks gave them.
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const Severity severity_a = spool.severity(a);
        const Severity severity_b = spool.severity(b);
        const std::string_view subject_a = spool.subject(a);
        const std::string_view subject_b = spool.subject(b);
        return std::tie(severity_a, spool.check(a), subject_a) <
               std::tie(severity_b, spool.check(b), subject_b);
    });
    std::vector<bool> used(plan.suppressions.size(), false);
    for (size_t index : order) {
        const size_t suppression =
            suppression_of(plan.suppressions, spool.check(index), spool.subject(index));
        if (suppression == plan.suppressions.size()) {
            count(report.counts, spool.severity(index));
            report.open.push_back(index);
            continue;
        }
        used[suppression] = true;
        report.suppressed.emplace_back(index, suppression);
    }
    report.unused_suppressions = unused(plan.suppressions, used);
    report.counts.suppressed = static_cast<int>(report.suppressed.size());
}

std::optional<FailOn> parse_fail_on(std::string_view text) {
    if (text == "error")
        return FailOn::error;
    if (text == "warning")
        return FailOn::warning;
    if (text == "info")
        return FailOn::info;
    if (text == "never")
        return FailOn::never;
    return std::nullopt;
}

bool fails(const CheckReport& report, FailOn fail_on) {
    return fails(report.counts, fail_on);
}

bool fails(const CheckCounts& counts, FailOn fail_on) {
    switch (fail_on) {
    case FailOn::never:
        return false;
    case FailOn::error:
        return counts.error > 0;
    case FailOn::warning:
        return counts.error + counts.warning > 0;
    case FailOn::info:
        return counts.error + counts.warning + counts.info > 0;
    }
    return false;
}

} // namespace planner
