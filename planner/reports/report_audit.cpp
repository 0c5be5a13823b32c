// The audit report: executive summary with a score and the three most serious findings,
// findings by area with evidence and recommendation, single points of failure, workload, KPI
// coverage, accepted (suppressed) findings with reasons, and the check catalogue.
#include "planner/reports/report_common.hpp"

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

ex::Section executive_summary(const Plan& plan, const PlanIndex& index, const ReportText& t,
                              const CheckReport& checks) {
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
    ex::Section top{t.get("audit.top_findings"), {}, {}, ex::SectionStart::same_page};
    if (checks.findings.empty())
        top.blocks.push_back(ex::Paragraph{t.get("common.no_findings")});
    for (size_t i = 0; i < checks.findings.size() && i < 3; ++i)
        report::append_finding_blocks(t, checks.findings[i], top.blocks);
    s.subsections.push_back(std::move(top));
    return s;
}

ex::Section findings_by_area(const ReportText& t, const CheckReport& checks) {
    ex::Section s{t.get("audit.findings_by_area"), {}, {}, ex::SectionStart::new_page};
    std::vector<std::string> areas;
    for (const CheckInfo& info : check_catalogue())
        if (areas.empty() || areas.back() != info.area)
            areas.emplace_back(info.area);
    for (const std::string& area : areas) {
        ex::Section sub{area, {}, {}, ex::SectionStart::same_page};
        for (const Finding& f : checks.findings)
            if (area_of(f.check) == area)
                report::append_finding_blocks(t, f, sub.blocks);
        if (sub.blocks.empty())
            sub.blocks.push_back(ex::Paragraph{t.get("common.no_findings")});
        s.subsections.push_back(std::move(sub));
    }
    s.blocks.push_back(report::findings_table(t, checks.findings, "findings"));
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
    table.columns = {{"goal", t.get("audit.col_goal"), ex::Alignment::left, 2.2},
                     {"kpi", t.get("audit.col_kpi"), ex::Alignment::left, 1.3},
                     {"metric", t.get("audit.col_metric"), ex::Alignment::left, 1.4},
                     {"target", t.get("audit.col_target"), ex::Alignment::right, 0.9, true},
                     {"owner", t.get("audit.col_owner"), ex::Alignment::left, 1.4},
                     {"reported_by", t.get("audit.col_measured"), ex::Alignment::left, 1.8}};
    for (const Goal& g : plan.goals) {
        if (g.kpis.empty()) {
            table.rows.push_back(
                {display_name(g), ex::Cell("\xE2\x80\x94", ex::StatusColour::red), "", "", "", ""});
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
            table.rows.push_back(
                {display_name(g), k.id.str(), k.metric,
                 k.target ? ex::Cell(t.number(*k.target, *k.target < 1 ? 3 : 0))
                          : ex::Cell("\xE2\x80\x94", ex::StatusColour::amber),
                 owner ? ex::Cell(report::person_name(index, *owner))
                       : ex::Cell("\xE2\x80\x94", ex::StatusColour::amber),
                 by.empty() ? ex::Cell("\xE2\x80\x94", ex::StatusColour::amber) : ex::Cell(by)});
        }
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
    const CheckReport checks = run_checks(facts);
    ex::Document doc =
        report::start_document(plan, t, options, "audit", {{"plan", plan.info.name}});
    for (const std::string& name : t.list("audit.sections")) {
        if (name == "executive_summary") {
            doc.sections.push_back(executive_summary(plan, index, t, checks));
        } else if (name == "findings_by_area") {
            doc.sections.push_back(findings_by_area(t, checks));
        } else if (name == "single_points") {
            ex::Section s{t.get("audit.single_points"), {}, {}, ex::SectionStart::new_page};
            s.blocks.push_back(ex::Paragraph{t.get("audit.single_points_lead")});
            std::vector<Finding> spof;
            for (const Finding& f : checks.findings)
                if (f.check == "COV004")
                    spof.push_back(f);
            if (spof.empty())
                s.blocks.push_back(ex::Paragraph{t.get("audit.no_single_points")});
            else
                s.blocks.push_back(report::findings_table(t, spof, "single_points_of_failure"));
            doc.sections.push_back(std::move(s));
        } else if (name == "workload") {
            ex::Section s{t.get("audit.workload"), {}, {}, ex::SectionStart::new_page};
            s.blocks.push_back(report::workload_chart(t, index, workload));
            s.blocks.push_back(report::workload_table(t, index, workload));
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
                table.rows.push_back(
                    {sf.finding.check, sf.finding.subject, sf.finding.message, sf.reason});
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
                table.rows.push_back({std::string(info.id),
                                      report::severity_label(t, info.severity),
                                      std::string(info.area), std::string(info.description)});
            s.blocks.push_back(std::move(table));
            doc.sections.push_back(std::move(s));
        }
    }
    return doc;
}

} // namespace planner
