// The audit report: executive summary with a score and the three most serious findings,
// findings by area with evidence and recommendation, single points of failure, workload, KPI
// coverage, accepted (suppressed) findings with reasons, and the check catalogue.
#include "planner/cost/cost.hpp"
#include "planner/reports/report_common.hpp"
#include "planner/reports/report_cost.hpp"
#include "planner/staffing/staffing.hpp"

#include <map>
#include <set>

namespace planner {

using namespace model;
namespace ex = exporters;

namespace {
std::string area_of(const std::string& check) {
    const CheckInfo* info = find_check(check);
    return info ? std::string(info->area) : std::string("Other");
}

// How many findings the printed report details, and how many instances of each; the rest are
// in the CSV that the report names.
constexpr size_t k_detailed_groups = 20;
constexpr size_t k_listed_groups = 60;
constexpr size_t k_instances_shown = 8;
constexpr size_t k_area_refs = 12;     // finding numbers named per area
constexpr size_t k_single_points = 20; // people named under single points of failure
constexpr size_t k_kpi_rows = 40;

ex::Table area_scores(const ReportText& t, const CheckReport& checks);

// The channel duty a subject names ("channel:ig/engage@profile", "duty:outreach").
const ChannelDuty* subject_duty(const PlanIndex& index, const std::string& subject,
                                std::string* profile = nullptr) {
    std::optional<ChannelId> channel;
    std::string duty;
    if (subject.rfind("channel:", 0) == 0) {
        const auto slash = subject.find('/');
        if (slash == std::string::npos)
            return nullptr;
        channel = ChannelId(subject.substr(8, slash - 8));
        duty = subject.substr(slash + 1);
        if (const auto at = duty.find('@'); at != std::string::npos) {
            if (profile)
                *profile = duty.substr(at + 1);
            duty = duty.substr(0, at);
        }
    } else if (subject.rfind("duty:", 0) == 0) {
        duty = subject.substr(5);
    } else {
        return nullptr;
    }
    return index.channel_duty(channel, DutyId(duty));
}

// The role whose rate prices the hours of a finding: of `person`'s roles (for a channel duty:
// of the people able to do it, the first) one with a cost that performs the duty; else any
// role with a cost that performs it; else the person's first role with a cost.
std::optional<RoleId> pricing_role(const PlanFacts& facts, const std::string& subject,
                                   const Person* person) {
    const Plan& plan = facts.plan();
    const PlanIndex& index = facts.index();
    const ChannelDuty* duty = subject_duty(index, subject);
    if (duty && !person) {
        const size_t at = static_cast<size_t>(duty - index.channel_duties().data());
        const DutyCoverage& coverage = facts.coverage(at);
        const auto& able = coverage.able.empty() ? coverage.responsible : coverage.able;
        if (!able.empty())
            person = index.person(able.front());
    }
    if (duty) {
        const std::vector<size_t>& performing = facts.roles_performing(duty->duty);
        if (person)
            for (const RoleId& id : person->roles)
                for (size_t r : performing)
                    if (plan.roles[r].id == id && plan.roles[r].cost)
                        return id;
        for (size_t r : performing)
            if (plan.roles[r].cost)
                return plan.roles[r].id;
    }
    if (person)
        for (const RoleId& id : person->roles)
            if (report::fte_cost(plan, id))
                return id;
    return std::nullopt;
}

// Weekly hours of the channel duty a subject names ("@profile": that profile's part); 0 when
// it names none.
double subject_hours(const PlanIndex& index, const std::string& subject) {
    std::string profile;
    const ChannelDuty* duty = subject_duty(index, subject, &profile);
    if (!duty)
        return 0;
    const Channel* channel = duty->channel ? index.channel(*duty->channel) : nullptr;
    if (!profile.empty() && channel && !channel->profiles.empty())
        return duty->hours / static_cast<double>(channel->profiles.size());
    return duty->hours;
}

double evidence_number(const Finding& finding, const std::string& key) {
    for (const auto& [k, v] : finding.evidence)
        if (k == key)
            return std::strtod(v.c_str(), nullptr);
    return 0;
}

// What relieving each overloaded person (LOAD001) costs: their hours over the threshold, at
// the rate of their role, a year.
void append_workload_fix_costs(const ReportText& t, const PlanFacts& facts,
                               const StaffingResult& staffing, const CheckReport& checks,
                               std::vector<ex::Block>& blocks) {
    const Plan& plan = facts.plan();
    const std::string currency = currency_of(plan.info);
    ex::BulletList list;
    for (const Finding& f : checks.findings) {
        if (f.check != "LOAD001" || f.subject.rfind("person:", 0) != 0)
            continue;
        const Person* person = facts.index().person(PersonId(f.subject.substr(7)));
        if (!person)
            continue;
        const double excess = evidence_number(f, "load_hours") -
                              plan.info.thresholds.overload * evidence_number(f, "available_hours");
        auto role = pricing_role(facts, "", person);
        if (excess <= 0 || !role)
            continue;
        const double cost = *report::hours_cost(plan, staffing, *role, excess);
        const Role* r = facts.index().role(*role);
        list.items.push_back(
            t.get("audit.workload_fix_line", {{"person", display_name(*person)},
                                              {"hours", t.number(excess, 1)},
                                              {"role", r ? display_name(*r) : role->str()},
                                              {"fte", t.number(excess / staffing.hours_per_fte, 2)},
                                              {"cost", t.money(cost, currency)}}));
    }
    if (list.items.empty())
        return;
    blocks.push_back(ex::Paragraph{t.get("audit.workload_fix_lead")});
    blocks.push_back(std::move(list));
}

ex::Section executive_summary(const Plan& plan, const PlanIndex& index, const ReportText& t,
                              const CheckReport& checks, const std::vector<FindingGroup>& groups) {
    ex::Section s{t.get("audit.executive_summary"), {}, {}, ex::SectionStart::same_page};
    int score = audit_score(checks.counts);
    int people = 0;
    for (const Person& p : plan.people)
        people += p.status == PersonStatus::vacancy ? 0 : 1;
    s.blocks.push_back(ex::KeyFigures{{
        {t.get("audit.score"), std::to_string(score), t.get("audit.score_note"),
         score >= 80   ? ex::StatusColour::green
         : score >= 50 ? ex::StatusColour::amber
                       : ex::StatusColour::red},
        {t.get("audit.errors"), std::to_string(checks.counts.error), "",
         checks.counts.error ? ex::StatusColour::red : ex::StatusColour::green},
        {t.get("audit.warnings"), std::to_string(checks.counts.warning), "",
         checks.counts.warning ? ex::StatusColour::amber : ex::StatusColour::green},
        {t.get("audit.infos"), std::to_string(checks.counts.info), "", ex::StatusColour::none},
    }});
    s.blocks.push_back(ex::Paragraph{
        t.get("audit.summary_lead",
              {{"organization", plan.info.organization ? *plan.info.organization : plan.info.name},
               {"people", std::to_string(people)},
               {"channels", std::to_string(plan.channels.size())},
               {"duties", std::to_string(index.channel_duties().size())},
               {"checks", std::to_string(check_catalogue().size())},
               {"score", std::to_string(score)}}),
        ex::ParagraphStyle::lead});
    s.blocks.push_back(ex::Paragraph{t.get("audit.score_formula"), ex::ParagraphStyle::note});
    s.blocks.push_back(area_scores(t, checks));
    ex::Section top{t.get("audit.top_findings"), {}, {}, ex::SectionStart::same_page};
    if (checks.findings.empty())
        top.blocks.push_back(ex::Paragraph{t.get("common.no_findings")});
    for (size_t i = 0; i < groups.size() && i < 3; ++i)
        report::append_group_blocks(t, index, groups[i], i + 1, 3, top.blocks);
    s.subsections.push_back(std::move(top));
    return s;
}

// Score per area: the same formula as the total, over the area's findings.
ex::Table area_scores(const ReportText& t, const CheckReport& checks) {
    ex::Table table;
    table.id = "area_scores";
    table.title = t.get("audit.area_scores");
    table.columns = {{"area", t.get("common.area"), ex::Alignment::left, 2},
                     {"errors", t.get("audit.errors"), ex::Alignment::right, 1, true},
                     {"warnings", t.get("audit.warnings"), ex::Alignment::right, 1, true},
                     {"notes", t.get("audit.infos"), ex::Alignment::right, 1, true},
                     {"score", t.get("audit.score"), ex::Alignment::right, 1, true}};
    std::vector<std::string> areas;
    for (const CheckInfo& info : check_catalogue())
        if (areas.empty() || areas.back() != info.area)
            areas.emplace_back(info.area);
    for (const std::string& area : areas) {
        CheckCounts counts;
        for (const Finding& f : checks.findings) {
            if (area_of(f.check) != area)
                continue;
            (f.severity == Severity::error     ? counts.error
             : f.severity == Severity::warning ? counts.warning
                                               : counts.info) += 1;
        }
        const int score = audit_score(counts);
        table.rows.push_back(
            {report::area_label(t, area), std::to_string(counts.error),
             std::to_string(counts.warning), std::to_string(counts.info),
             ex::Cell(std::to_string(score), score >= 80   ? ex::StatusColour::green
                                             : score >= 50 ? ex::StatusColour::amber
                                                           : ex::StatusColour::red)});
    }
    table.footnote = t.get("audit.area_score_note");
    return table;
}

// What was analysed, from which data, for which period, and how.
ex::Section scope_and_method(const Plan& plan, const PlanIndex& index, const ReportText& t,
                             const CheckReport& checks) {
    ex::Section s{t.get("audit.scope"), {}, {}, ex::SectionStart::new_page};
    int people = 0;
    for (const Person& p : plan.people)
        people += p.status == PersonStatus::vacancy ? 0 : 1;
    s.blocks.push_back(ex::Paragraph{t.get(
        "audit.scope_text",
        {{"plan", plan.info.name},
         {"period",
          plan.info.quarter ? format_quarter(*plan.info.quarter) : t.get("audit.no_period")},
         {"people", t.count("audit.people", people)},
         {"channels", t.count("audit.channels", static_cast<long long>(plan.channels.size()))},
         {"duties",
          t.count("audit.channel_duties", static_cast<long long>(index.channel_duties().size()))},
         {"goals", t.count("audit.goals", static_cast<long long>(plan.goals.size()))}})});
    s.blocks.push_back(ex::Paragraph{
        t.get("audit.method_text", {{"checks", std::to_string(check_catalogue().size())},
                                    {"suppressed", std::to_string(checks.counts.suppressed)}})});
    ex::Section limits{t.get("audit.limitations"), {}, {}, ex::SectionStart::same_page};
    limits.blocks.push_back(ex::BulletList{t.list("audit.limitation_items")});
    s.subsections.push_back(std::move(limits));
    return s;
}

// The prioritised action plan: the largest findings, what to do, who leads, effort, by when.
ex::Section action_plan(const PlanIndex& index, const ReportText& t,
                        const std::vector<FindingGroup>& groups) {
    ex::Section s{t.get("audit.action_plan"), {}, {}, ex::SectionStart::new_page};
    s.blocks.push_back(ex::Paragraph{t.get("audit.action_plan_lead")});
    ex::Table table;
    table.id = "action_plan";
    table.columns = {{"number", t.get("findings.col_number"), ex::Alignment::right, 0.4, true},
                     {"action", t.get("audit.col_action"), ex::Alignment::left, 4},
                     {"lead", t.get("audit.col_lead"), ex::Alignment::left, 1.4},
                     {"effort", t.get("audit.col_effort"), ex::Alignment::left, 0.8},
                     {"by_when", t.get("audit.col_by_when"), ex::Alignment::left, 1.2}};
    const std::string head = [&] {
        for (const Person& p : index.plan().people)
            if (!p.reports_to && p.status != PersonStatus::vacancy)
                return std::string(display_name(p));
        return std::string();
    }();
    for (size_t g = 0; g < groups.size() && g < 15; ++g) {
        const FindingGroup& group = groups[g];
        const Finding& first = group.instances.front();
        std::string action = first.recommendation.empty() ? first.message : first.recommendation;
        action = report::clean_text(index, action);
        if (group.instances.size() > 1)
            action += " " + t.get("audit.action_more",
                                  {{"count", std::to_string(group.instances.size() - 1)}});
        const std::string effort =
            group.impact >= 10 || group.instances.size() >= 5  ? t.get("audit.effort_large")
            : group.impact >= 3 || group.instances.size() >= 2 ? t.get("audit.effort_medium")
                                                               : t.get("audit.effort_small");
        const std::string when = group.severity == Severity::error     ? t.get("audit.when_error")
                                 : group.severity == Severity::warning ? t.get("audit.when_warning")
                                                                       : t.get("audit.when_info");
        table.rows.push_back({t.get("findings.number", {{"number", std::to_string(g + 1)}}), action,
                              head.empty() ? std::string("\xE2\x80\x94") : head, effort, when});
    }
    table.footnote = t.get("audit.action_plan_note");
    if (table.rows.empty())
        s.blocks.push_back(ex::Paragraph{t.get("common.no_findings")});
    else
        s.blocks.push_back(std::move(table));
    return s;
}

// Sign-off: consultant, client, date, version; and the confidentiality line.
ex::Section sign_off(const Plan& plan, const ReportText& t, const ReportOptions& options,
                     const std::string& date) {
    ex::Section s{t.get("audit.sign_off"), {}, {}, ex::SectionStart::same_page};
    const std::string consultant =
        options.brand && !options.brand->consultant.empty() ? options.brand->consultant : "";
    const std::string client =
        options.brand && !options.brand->client.empty()
            ? options.brand->client
            : (plan.info.organization ? *plan.info.organization : plan.info.name);
    ex::Table table;
    table.id = "sign_off";
    table.columns = {{"party", t.get("audit.col_party"), ex::Alignment::left, 1.2},
                     {"name", t.get("audit.col_name"), ex::Alignment::left, 2},
                     {"date", t.get("audit.col_date"), ex::Alignment::left, 1.2},
                     {"signature", t.get("audit.col_signature"), ex::Alignment::left, 2}};
    const std::string blank = "\n\n";
    table.rows.push_back({t.get("audit.party_consultant"), consultant, blank, blank});
    table.rows.push_back({t.get("audit.party_client"), client, blank, blank});
    s.blocks.push_back(std::move(table));
    s.blocks.push_back(
        ex::Paragraph{t.get("audit.version_line", {{"date", date}}), ex::ParagraphStyle::note});
    s.blocks.push_back(ex::Paragraph{t.get("audit.confidential", {{"client", client}}),
                                     ex::ParagraphStyle::strong});
    return s;
}

// Each finding once, ranked, numbered; the areas refer to the numbers.
ex::Section findings_by_area(const PlanIndex& index, const ReportText& t, const CheckReport& checks,
                             const std::vector<FindingGroup>& groups) {
    ex::Section s{t.get("audit.findings_by_area"), {}, {}, ex::SectionStart::new_page};
    s.blocks.push_back(ex::Paragraph{t.get("findings.ranking_note"), ex::ParagraphStyle::note});
    std::vector<std::string> areas;
    for (const CheckInfo& info : check_catalogue())
        if (areas.empty() || areas.back() != info.area)
            areas.emplace_back(info.area);
    ex::BulletList by_area;
    for (const std::string& area : areas) {
        std::string list;
        size_t listed = 0;
        size_t more = 0;
        for (size_t g = 0; g < groups.size(); ++g) {
            if (area_of(groups[g].check) != area)
                continue;
            if (++listed > k_area_refs) {
                ++more;
                continue;
            }
            list += (list.empty() ? "" : ", ") +
                    t.get("findings.number", {{"number", std::to_string(g + 1)}});
        }
        if (more > 0)
            list +=
                " " + t.get("common.and_more", {{"count", t.number(static_cast<double>(more), 0)}});
        const std::string label = report::area_label(t, area);
        by_area.items.push_back(
            list.empty() ? t.get("findings.area_none", {{"area", label}})
                         : t.get("findings.area_refers", {{"area", label}, {"list", list}}));
    }
    s.blocks.push_back(std::move(by_area));
    ex::Table table = report::findings_table(t, index, groups, "findings", k_listed_groups);
    table.title = t.get("audit.findings_table");
    if (groups.size() > k_listed_groups)
        table.footnote = t.get("findings.top_note", {{"shown", std::to_string(k_listed_groups)},
                                                     {"total", std::to_string(groups.size())}});
    s.blocks.push_back(std::move(table));
    // Every group goes to the CSV; only the first k_listed_groups are printed.
    if (groups.size() > k_listed_groups) {
        ex::Table all = report::findings_table(t, index, groups, "findings_all");
        all.printed = false;
        s.blocks.push_back(std::move(all));
    }
    s.blocks.push_back(report::findings_detail_table(t, index, checks.findings, "findings_detail"));
    ex::Section detail{t.get("audit.findings_detail"), {}, {}, ex::SectionStart::same_page};
    for (size_t g = 0; g < groups.size() && g < k_detailed_groups; ++g)
        report::append_group_blocks(t, index, groups[g], g + 1, k_instances_shown, detail.blocks);
    if (groups.empty())
        detail.blocks.push_back(ex::Paragraph{t.get("common.no_findings")});
    s.subsections.push_back(std::move(detail));
    return s;
}

ex::Section kpi_coverage(const Plan& plan, const PlanIndex& index, const ReportText& t) {
    ex::Section s{t.get("audit.kpi_coverage"), {}, {}, ex::SectionStart::new_page};
    s.blocks.push_back(ex::Paragraph{t.get("audit.kpi_coverage_lead")});
    // Who is Responsible for `report` on each channel.
    std::map<std::string, std::set<std::string>> reporters;
    for (const auto& e : index.assignments()) {
        const Assignment& a = e.assignment;
        if (a.duty.str() == "report" && a.raci == Raci::R && !a.backup && a.channel)
            reporters[a.channel->str()].insert(report::person_name(index, a.person));
    }
    ex::Table table;
    table.id = "kpi_coverage";
    table.columns = {{"goal", t.get("audit.col_goal"), ex::Alignment::left, 1.4},
                     {"kpi", t.get("audit.col_kpi"), ex::Alignment::left, 3},
                     {"target", t.get("audit.col_target"), ex::Alignment::right, 0.9, true},
                     {"owner", t.get("audit.col_owner"), ex::Alignment::left, 1.4},
                     {"reported_by", t.get("audit.col_measured"), ex::Alignment::left, 1.8}};
    for (const Goal& g : plan.goals) {
        if (g.kpis.empty()) {
            table.rows.push_back(
                {display_name(g), ex::Cell("\xE2\x80\x94", ex::StatusColour::red), "", "", ""});
            continue;
        }
        for (const Kpi& k : g.kpis) {
            std::vector<ChannelId> channels =
                k.channel ? std::vector<ChannelId>{*k.channel} : g.channels;
            std::set<std::string> names;
            for (const ChannelId& c : channels)
                for (const auto& n : reporters[c.str()])
                    names.insert(n);
            std::string by;
            for (const auto& n : names)
                by += (by.empty() ? "" : ", ") + n;
            std::optional<PersonId> owner = k.owner ? k.owner : g.owner;
            // The KPI by its metric's name (and its own channel), not by its id.
            std::string kpi =
                t.has("metric_labels." + k.metric) ? t.get("metric_labels." + k.metric) : k.metric;
            if (k.channel)
                if (const Channel* channel = index.channel(*k.channel))
                    kpi += " \xC2\xB7 " + display_name(*channel);
            const bool rate = k.metric == "engagement_rate" || k.metric == "ctr" ||
                              k.metric == "follower_growth" || k.metric == "response_rate" ||
                              k.metric == "roi";
            const auto target_text = [&](double v) {
                if (rate)
                    return t.get("common.percent", {{"value", t.number(v * 100, 1)}});
                if (k.metric == "response_minutes")
                    return t.get("quarterly.minutes", {{"value", t.number(v, 0)}});
                return t.number(v, v < 1 ? 3 : 0);
            };
            table.rows.push_back(
                {display_name(g), kpi,
                 k.target ? ex::Cell(target_text(*k.target))
                          : ex::Cell("\xE2\x80\x94", ex::StatusColour::amber),
                 owner ? ex::Cell(report::person_name(index, *owner))
                       : ex::Cell("\xE2\x80\x94", ex::StatusColour::amber),
                 by.empty() ? ex::Cell("\xE2\x80\x94", ex::StatusColour::amber) : ex::Cell(by)});
        }
    }
    if (table.rows.size() > k_kpi_rows) {
        ex::Table top = table;
        top.id = "kpi_coverage_top";
        top.rows.resize(k_kpi_rows);
        top.footnote = t.get("staffing.top_rows_note",
                             {{"shown", std::to_string(k_kpi_rows)},
                              {"total", t.number(static_cast<double>(table.rows.size()), 0)},
                              {"file", "kpi_coverage.csv"}});
        table.printed = false;
        s.blocks.push_back(std::move(top));
    }
    s.blocks.push_back(std::move(table));
    return s;
}
} // namespace

exporters::Document build_audit_report(const PlanFacts& facts, const ReportOptions& options) {
    ReportText t = ReportText::load(options.language);
    const Plan& plan = facts.plan();
    const PlanIndex& index = facts.index();
    const Workload& workload = facts.workload();
    const CheckReport checks = run_checks(facts, t);
    const std::vector<FindingGroup> groups = group_findings(checks.findings);
    const StaffingResult staffing = compute_staffing(facts);
    ex::Document doc =
        report::start_document(plan, t, options, "audit", {{"plan", plan.info.name}});
    doc.contents_title = t.get("audit.contents");
    for (const std::string& name : t.list("audit.sections")) {
        if (name == "executive_summary") {
            doc.sections.push_back(executive_summary(plan, index, t, checks, groups));
        } else if (name == "scope") {
            doc.sections.push_back(scope_and_method(plan, index, t, checks));
        } else if (name == "action_plan") {
            doc.sections.push_back(action_plan(index, t, groups));
        } else if (name == "sign_off") {
            doc.sections.push_back(sign_off(plan, t, options, doc.cover.date_text));
        } else if (name == "findings_by_area") {
            doc.sections.push_back(findings_by_area(index, t, checks, groups));
        } else if (name == "single_points") {
            ex::Section s{t.get("audit.single_points"), {}, {}, ex::SectionStart::new_page};
            s.blocks.push_back(ex::Paragraph{t.get("audit.single_points_lead")});
            // The findings themselves are printed once, above: here, who they depend on.
            ex::BulletList people;
            size_t more = 0;
            for (size_t g = 0; g < groups.size(); ++g) {
                if (groups[g].check != "COV004")
                    continue;
                if (people.items.size() >= k_single_points) {
                    ++more;
                    continue;
                }
                const Finding& first = groups[g].instances.front();
                std::string who = groups[g].cause;
                if (who.empty())
                    for (const auto& [key, value] : first.evidence)
                        if (key == "covered_by")
                            who = value;
                std::map<std::string, std::string> values = {
                    {"number", t.get("findings.number", {{"number", std::to_string(g + 1)}})},
                    {"person", who},
                    {"duties",
                     t.count("audit.duties", static_cast<long long>(groups[g].instances.size()))}};
                // What a second able person costs: the duties' hours at the role's rate.
                double hours = 0;
                for (const Finding& f : groups[g].instances)
                    hours += subject_hours(index, f.subject);
                auto role = pricing_role(facts, first.subject, nullptr);
                std::string key = "audit.single_point_line";
                if (role && hours > 0) {
                    const Role* r = index.role(*role);
                    values["hours"] = t.number(hours, 1);
                    values["role"] = r ? display_name(*r) : role->str();
                    values["cost"] = t.money(*report::hours_cost(plan, staffing, *role, hours),
                                             currency_of(plan.info));
                    key = "audit.single_point_cost_line";
                }
                people.items.push_back(t.get(key, values));
            }
            if (more > 0)
                people.items.push_back(t.get(
                    "findings.more_in_csv",
                    {{"count", t.number(static_cast<double>(more), 0)}, {"file", "findings.csv"}}));
            if (people.items.empty())
                s.blocks.push_back(ex::Paragraph{t.get("audit.no_single_points")});
            else
                s.blocks.push_back(std::move(people));
            doc.sections.push_back(std::move(s));
        } else if (name == "workload") {
            ex::Section s{t.get("audit.workload"), {}, {}, ex::SectionStart::new_page};
            report::append_workload(t, index, workload, s.blocks);
            append_workload_fix_costs(t, facts, staffing, checks, s.blocks);
            doc.sections.push_back(std::move(s));
        } else if (name == "kpi_coverage") {
            doc.sections.push_back(kpi_coverage(plan, index, t));
        } else if (name == "suppressed") {
            ex::Section s{t.get("audit.suppressed"), {}, {}, ex::SectionStart::same_page};
            s.blocks.push_back(ex::Paragraph{t.get("audit.suppressed_lead")});
            ex::Table table;
            table.id = "suppressed_findings";
            table.columns = {{"check", "ID", ex::Alignment::left, 0.8},
                             {"subject", t.get("common.subject"), ex::Alignment::left, 1.4},
                             {"message", t.get("audit.col_title"), ex::Alignment::left, 3.2},
                             {"reason", t.get("audit.col_reason"), ex::Alignment::left, 3}};
            for (const SuppressedFinding& sf : checks.suppressed)
                table.rows.push_back({sf.finding.check,
                                      report::subject_label(index, sf.finding.subject, &t),
                                      report::clean_text(index, sf.finding.message), sf.reason});
            if (table.rows.empty())
                s.blocks.push_back(ex::Paragraph{t.get("common.none")});
            else
                s.blocks.push_back(std::move(table));
            doc.sections.push_back(std::move(s));
        } else if (name == "catalogue") {
            ex::Section s{t.get("audit.catalogue"), {}, {}, ex::SectionStart::new_page};
            ex::Table table;
            table.id = "check_catalogue";
            table.columns = {{"check", t.get("audit.col_check"), ex::Alignment::left, 0.9},
                             {"severity", t.get("audit.col_severity"), ex::Alignment::left, 1},
                             {"area", t.get("common.area"), ex::Alignment::left, 1.5},
                             {"rule", t.get("audit.col_title"), ex::Alignment::left, 4.5}};
            for (const CheckInfo& info : check_catalogue())
                table.rows.push_back(
                    {std::string(info.id), report::severity_label(t, info.severity),
                     report::area_label(t, std::string(info.area)),
                     t.language() == "en" ? report::clean_text(index, std::string(info.description))
                                          : report::check_title(t, std::string(info.id))});
            s.blocks.push_back(std::move(table));
            doc.sections.push_back(std::move(s));
        }
    }
    return doc;
}

} // namespace planner
