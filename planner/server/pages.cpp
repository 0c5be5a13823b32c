#include "planner/server/pages.hpp"

#include "model/plan_queries.hpp"
#include "planner/checks/checks.hpp"
#include "planner/checks/finding_groups.hpp"
#include "planner/core/workload.hpp"
#include "planner/reports/quarterly_input.hpp"
#include "planner/reports/report_common.hpp"
#include "planner/reports/report_text.hpp"
#include "planner/reports/reports.hpp"
#include "planner/staffing/care_heatmap.hpp"
#include "planner/staffing/staffing.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <string_view>

namespace planner::server {

using namespace model;
namespace ex = exporters;

namespace {

struct Facts {
    const Plan& plan;
    const PlanIndex& index;
    const ReportText& text;
    const Workload& workload;
    const StaffingResult& staffing;
    const CheckReport& checks;
    const ex::Document& staffing_doc;
    const ex::Document& audit_doc;
};

ex::Section section(const std::string& title) {
    return ex::Section{title, {}, {}, ex::SectionStart::same_page};
}

// The report section with this title, or an empty one.
std::optional<ex::Section> find_section(const ex::Document& doc, const std::string& title) {
    for (const ex::Section& s : doc.sections)
        if (s.title == title)
            return s;
    return std::nullopt;
}

std::string status_text(const ReportText& t, PersonStatus status) {
    switch (status) {
    case PersonStatus::active:
        return t.get("web.status_active");
    case PersonStatus::vacancy:
        return t.get("web.status_vacancy");
    case PersonStatus::leaving:
        return t.get("web.status_leaving");
    case PersonStatus::contractor:
        return t.get("web.status_contractor");
    }
    return "";
}

std::string roles_of(const PlanIndex& index, const Person& p) {
    std::string out;
    for (const RoleId& id : p.roles) {
        const Role* role = index.role(id);
        out += (out.empty() ? "" : ", ") + (role ? display_name(*role) : id.str());
    }
    return out;
}

// Every subject id in running text ("channel:instagram/approve: 12 posts...") named, in the
// page's language (report::subject_label, as the reports name them).
std::string name_subjects(const PlanIndex& index, const ReportText& names,
                          const std::string& text) {
    static const char* const prefixes[] = {"person:", "channel:", "role:", "goal:", "duty:"};
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        size_t best = std::string::npos;
        for (const char* prefix : prefixes) {
            size_t at = text.find(prefix, i);
            // Only at the start of a word.
            while (at != std::string::npos && at > 0 &&
                   (std::isalnum(static_cast<unsigned char>(text[at - 1])) != 0 ||
                    text[at - 1] == '_'))
                at = text.find(prefix, at + 1);
            if (at < best)
                best = at;
        }
        if (best == std::string::npos) {
            out.append(text, i, std::string::npos);
            break;
        }
        out.append(text, i, best - i);
        size_t colon = text.find(':', best);
        size_t end = colon + 1;
        while (end < text.size() &&
               (std::isalnum(static_cast<unsigned char>(text[end])) != 0 ||
                std::string_view("_-./@").find(text[end]) != std::string_view::npos))
            ++end;
        while (end > colon + 1 && text[end - 1] == '.') // a full stop ends the sentence
            --end;
        if (end == colon + 1) {
            out.append(text, best, end - best);
        } else {
            out += report::subject_label(index, text.substr(best, end - best), &names);
        }
        i = end;
    }
    return out;
}

void name_subjects(const PlanIndex& index, const ReportText& names,
                   std::vector<ex::Section>& sections) {
    for (ex::Section& section : sections) {
        for (ex::Block& block : section.blocks) {
            if (auto* p = std::get_if<ex::Paragraph>(&block)) {
                p->text = name_subjects(index, names, p->text);
            } else if (auto* t = std::get_if<ex::Table>(&block)) {
                for (auto& row : t->rows)
                    for (ex::Cell& cell : row)
                        cell.text = name_subjects(index, names, cell.text);
            } else if (auto* l = std::get_if<ex::BulletList>(&block)) {
                for (std::string& item : l->items)
                    item = name_subjects(index, names, item);
            }
        }
        name_subjects(index, names, section.subsections);
    }
}

// The report's findings table with subjects named, not given as ids.
ex::Table named_findings_table(const ReportText& t, const PlanIndex& index,
                               const std::vector<Finding>& findings) {
    return report::findings_table(t, index, group_findings(findings), "findings");
}

// "Overview": key figures, the three most serious findings and what to do next.
Page overview_page(const Facts& f) {
    const ReportText& t = f.text;
    Page page{"overview", t.get("web.nav_overview"), {}};
    if (auto summary = find_section(f.staffing_doc, t.get("staffing.summary")))
        page.sections.push_back(*summary);
    ex::Section findings = section(t.get("web.open_findings"));
    const CheckCounts& counts = f.checks.counts;
    findings.blocks.push_back(ex::KeyFigures{{
        {t.get("common.severity_error"), std::to_string(counts.error), "",
         counts.error > 0 ? ex::StatusColour::red : ex::StatusColour::green},
        {t.get("common.severity_warning"), std::to_string(counts.warning), "",
         counts.warning > 0 ? ex::StatusColour::amber : ex::StatusColour::green},
        {t.get("common.severity_info"), std::to_string(counts.info), "", ex::StatusColour::none},
        {t.get("audit.score"), std::to_string(audit_score(counts)), t.get("audit.score_note"),
         ex::StatusColour::none},
    }});
    page.sections.push_back(std::move(findings));
    ex::Section top = section(t.get("web.top_findings"));
    const std::vector<FindingGroup> groups = group_findings(f.checks.findings);
    for (size_t i = 0; i < groups.size() && i < 3; ++i)
        report::append_group_blocks(t, f.index, groups[i], i + 1, 5, top.blocks);
    if (f.checks.findings.empty())
        top.blocks.push_back(ex::Paragraph{t.get("common.no_findings")});
    page.sections.push_back(std::move(top));
    ex::Section next = section(t.get("web.next_steps"));
    ex::BulletList steps;
    steps.style = ex::ListStyle::numbers;
    std::set<std::string> seen;
    for (const Finding& finding : f.checks.findings) {
        if (finding.severity == Severity::info || finding.recommendation.empty())
            continue;
        if (seen.insert(finding.recommendation).second)
            steps.items.push_back(report::clean_text(f.index, finding.recommendation));
        if (steps.items.size() == 5)
            break;
    }
    if (steps.items.empty())
        next.blocks.push_back(ex::Paragraph{t.get("web.no_next_steps")});
    else
        next.blocks.push_back(std::move(steps));
    page.sections.push_back(std::move(next));
    return page;
}

// "Team": the org chart and the people table.
Page team_page(const Facts& f) {
    const ReportText& t = f.text;
    Page page{"team", t.get("web.nav_team"), {}};
    ex::Section org = section(t.get("web.org_chart"));
    ex::OrgChart chart = report::org_chart(t, f.index, f.workload);
    chart.title.clear();
    org.blocks.push_back(std::move(chart));
    org.blocks.push_back(ex::Paragraph{t.get("web.org_chart_note"), ex::ParagraphStyle::note});
    page.sections.push_back(std::move(org));

    ex::Section people = section(t.get("web.people_table"));
    ex::Table table;
    table.id = "people";
    table.columns = {{"name", t.get("web.col_name")},
                     {"role", t.get("web.col_roles")},
                     {"fte", t.get("web.col_fte"), ex::Alignment::right, 0, true},
                     {"hours", t.get("web.col_hours"), ex::Alignment::right, 0, true},
                     {"timezone", t.get("web.col_timezone")},
                     {"utilisation", t.get("web.col_utilisation"), ex::Alignment::right, 0, true},
                     {"status", t.get("web.col_status")},
                     {"reports_to", t.get("web.col_reports_to")}};
    std::map<std::string, const PersonLoad*> loads;
    for (const PersonLoad& p : f.workload.people)
        loads[p.person.str()] = &p;
    const Thresholds& limits = f.plan.info.thresholds;
    for (const Person& p : f.plan.people) {
        const PersonLoad* load = loads.count(p.id.str()) ? loads[p.id.str()] : nullptr;
        ex::Cell utilisation;
        if (p.status != PersonStatus::vacancy && load) {
            if (!load->utilisation) {
                utilisation = ex::Cell("∞", ex::StatusColour::red);
            } else {
                double u = *load->utilisation;
                utilisation = ex::Cell(t.number(u * 100, 0) + "%",
                                       u > limits.overload   ? ex::StatusColour::red
                                       : u < limits.underuse ? ex::StatusColour::amber
                                                             : ex::StatusColour::green);
            }
        }
        std::string manager;
        if (p.reports_to)
            manager = report::person_name(f.index, *p.reports_to);
        table.rows.push_back({display_name(p), roles_of(f.index, p), t.number(p.fte, 2),
                              load ? t.number(load->capacity_hours, 1) : "",
                              p.timezone ? *p.timezone : f.plan.info.timezone, utilisation,
                              ex::Cell(status_text(t, p.status), p.status == PersonStatus::vacancy
                                                                     ? ex::StatusColour::amber
                                                                     : ex::StatusColour::none),
                              manager});
    }
    people.blocks.push_back(std::move(table));
    page.sections.push_back(std::move(people));
    return page;
}

// "Channels": each channel's duties, their hours, the formula behind them and who does them.
Page channels_page(const Facts& f) {
    const ReportText& t = f.text;
    Page page{"channels", t.get("web.nav_channels"), {}};
    ex::Section intro = section(t.get("web.nav_channels"));
    intro.blocks.push_back(ex::Paragraph{t.get("web.channels_lead"), ex::ParagraphStyle::lead});
    if (f.plan.channels.empty())
        intro.blocks.push_back(ex::Paragraph{t.get("web.no_channels")});
    for (const Channel& channel : f.plan.channels) {
        ex::Section s = section(display_name(channel));
        ex::Table table;
        table.id = "channel-" + std::to_string(intro.subsections.size() + 1);
        table.columns = {{"duty", t.get("web.col_duty")},
                         {"hours", t.get("common.hours"), ex::Alignment::right, 0, true},
                         {"formula", t.get("web.col_formula")},
                         {"responsible", t.get("web.col_responsible")}};
        auto [first, last] = f.index.channel_duty_range(channel.id);
        double total = 0;
        for (size_t i = first; i < last; ++i) {
            const ChannelDuty& duty = f.index.channel_duties()[i];
            const DutyInfo* info = f.index.duty(duty.duty);
            std::string who;
            if (i < f.workload.duties.size())
                for (const DutyResponsible& r : f.workload.duties[i].responsible)
                    who += (who.empty() ? "" : ", ") + report::person_name(f.index, r.person);
            table.rows.push_back({report::duty_label(&t, duty.duty, info), t.number(duty.hours, 1),
                                  duty_hours_formula(f.index, duty, t), who});
            total += duty.hours;
        }
        table.rows.push_back({"Σ", t.number(total, 1), "", ""});
        table.total_rows = 1;
        s.blocks.push_back(std::move(table));
        intro.subsections.push_back(std::move(s));
    }
    page.sections.push_back(std::move(intro));
    return page;
}

Page raci_page(const Facts& f) {
    const ReportText& t = f.text;
    Page page{"raci", t.get("web.nav_raci"), {}};
    if (auto raci = find_section(f.staffing_doc, t.get("staffing.raci")))
        page.sections.push_back(*raci);
    return page;
}

// "Care coverage": a days x hours heatmap per channel with a care window, who is on duty,
// then the rotas of the staffing plan.
Page care_page(const Facts& f) {
    const ReportText& t = f.text;
    Page page{"care", t.get("web.nav_care"), {}};
    ex::Section main = section(t.get("web.heatmap"));
    main.blocks.push_back(ex::Paragraph{t.get("web.care_lead"), ex::ParagraphStyle::lead});
    std::vector<CareHeatmap> maps = compute_care_heatmaps(f.index);
    if (maps.empty())
        main.blocks.push_back(ex::Paragraph{t.get("web.care_none")});
    const std::vector<std::string> days = t.list("web.days");
    for (const CareHeatmap& map : maps) {
        const Channel* channel = f.index.channel(map.channel);
        std::string name = channel ? display_name(*channel) : map.channel.str();
        ex::Section s = section(name);
        const ResolvedCare care = resolve_care(f.plan.info, *channel->care);
        s.blocks.push_back(ex::Paragraph{
            t.get("web.care_window", {{"start", format_time_of_day(care.start)},
                                      {"end", format_time_of_day(care.end)},
                                      {"zone", map.timezone},
                                      {"uncovered", std::to_string(map.uncovered_hours)},
                                      {"window", std::to_string(map.window_hours)}})});
        ex::Table heat;
        heat.id = "heatmap-" + std::to_string(main.subsections.size() + 1);
        heat.columns.push_back({"day", t.get("web.col_day")});
        for (int h = 0; h < 24; ++h) {
            std::string label = (h < 10 ? "0" : "") + std::to_string(h);
            heat.columns.push_back({"h" + label, label, ex::Alignment::centre});
        }
        for (size_t d = 0; d < 7; ++d) {
            std::vector<ex::Cell> row{d < days.size() ? days[d] : std::to_string(d + 1)};
            for (size_t h = 0; h < 24; ++h) {
                const CareHour& hour = map.hours[d][h];
                if (!hour.in_window) {
                    row.push_back(hour.people.empty()
                                      ? ex::Cell("")
                                      : ex::Cell(std::to_string(hour.people.size())));
                    continue;
                }
                size_t n = hour.people.size();
                row.push_back(ex::Cell(std::to_string(n), n == 0   ? ex::StatusColour::red
                                                          : n == 1 ? ex::StatusColour::amber
                                                                   : ex::StatusColour::green));
            }
            heat.rows.push_back(std::move(row));
        }
        s.blocks.push_back(std::move(heat));
        ex::Table who;
        who.id = "on-duty-" + std::to_string(main.subsections.size() + 1);
        who.title = t.get("web.care_who", {{"channel", name}});
        who.columns = {{"name", t.get("web.col_name")},
                       {"days", t.get("web.col_day")},
                       {"hours", t.get("web.col_works")},
                       {"timezone", t.get("web.col_timezone")}};
        for (const PersonId& id : map.people) {
            const Person* p = f.index.person(id);
            if (!p)
                continue;
            ResolvedHours hours = working_hours(f.plan.info, *p);
            std::string day_list;
            for (int d = 0; d < 7; ++d)
                if (hours.days.contains(static_cast<Weekday>(d)))
                    day_list += (day_list.empty() ? "" : ", ") +
                                (static_cast<size_t>(d) < days.size()
                                     ? days[static_cast<size_t>(d)].substr(0, 3)
                                     : "");
            who.rows.push_back(
                {display_name(*p), day_list,
                 format_time_of_day(hours.start) + "–" + format_time_of_day(hours.end),
                 p->timezone ? *p->timezone : f.plan.info.timezone});
        }
        if (who.rows.empty())
            s.blocks.push_back(ex::Paragraph{t.get("web.nobody"), ex::ParagraphStyle::callout});
        else
            s.blocks.push_back(std::move(who));
        main.subsections.push_back(std::move(s));
    }
    page.sections.push_back(std::move(main));
    if (auto rotas = find_section(f.staffing_doc, t.get("staffing.care")))
        page.sections.push_back(*rotas);
    return page;
}

// "Workload and staffing": utilisation sorted, FTE per role, and the why of every figure.
Page workload_page(const Facts& f) {
    const ReportText& t = f.text;
    Page page{"workload", t.get("web.nav_workload"), {}};
    ex::Section load = section(t.get("staffing.workload"));
    load.blocks.push_back(ex::Paragraph{t.get("web.workload_lead"), ex::ParagraphStyle::lead});
    ex::BarChart chart = report::workload_chart(t, f.index, f.workload);
    // Most loaded first.
    std::vector<size_t> order(chart.categories.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const std::vector<double>& values = chart.series.front().values;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return values[a] > values[b]; });
    ex::BarChart sorted = chart;
    for (size_t i = 0; i < order.size(); ++i) {
        sorted.categories[i] = chart.categories[order[i]];
        sorted.series.front().values[i] = values[order[i]];
    }
    sorted.reference->value = f.plan.info.thresholds.overload * 100;
    load.blocks.push_back(std::move(sorted));
    load.blocks.push_back(report::workload_table(t, f.index, f.workload));
    page.sections.push_back(std::move(load));
    if (auto roles = find_section(f.staffing_doc, t.get("staffing.roles")))
        page.sections.push_back(*roles);
    ex::Section why = section(t.get("web.why"));
    for (const RoleStaffing& r : f.staffing.roles) {
        const Role* role = f.index.role(r.role);
        ex::Section s = section(role ? display_name(*role) : r.role.str());
        ex::BulletList lines;
        lines.items = explain_role(f.index, f.staffing, r.role, f.text);
        if (!lines.items.empty())
            s.blocks.push_back(std::move(lines));
        why.subsections.push_back(std::move(s));
    }
    page.sections.push_back(std::move(why));
    return page;
}

// "Findings": by area (the audit's), the filterable table, and by person.
Page findings_page(const Facts& f) {
    const ReportText& t = f.text;
    Page page{"findings", t.get("web.nav_findings"), {}};
    ex::Section all = section(t.get("web.nav_findings"));
    all.blocks.push_back(ex::Paragraph{t.get("web.findings_lead"), ex::ParagraphStyle::lead});
    // A page stays readable in a browser: beyond k_page_findings the most serious are shown
    // and the audit report (PDF, CSV, JSON) has them all.
    constexpr size_t k_page_findings = 300;
    const std::vector<Finding>& findings = f.checks.findings;
    if (findings.empty()) {
        all.blocks.push_back(ex::Paragraph{t.get("common.no_findings")});
    } else if (findings.size() <= k_page_findings) {
        all.blocks.push_back(named_findings_table(t, f.index, findings));
    } else {
        std::vector<Finding> first(findings.begin(), findings.begin() + k_page_findings);
        all.blocks.push_back(ex::Paragraph{
            t.get("web.findings_capped", {{"shown", std::to_string(k_page_findings)},
                                          {"total", std::to_string(findings.size())}}),
            ex::ParagraphStyle::callout});
        all.blocks.push_back(named_findings_table(t, f.index, first));
        page.sections.push_back(std::move(all));
        return page;
    }
    page.sections.push_back(std::move(all));
    if (auto by_area = find_section(f.audit_doc, t.get("audit.findings_by_area")))
        page.sections.push_back(*by_area);
    ex::Section by_person = section(t.get("web.findings_by_person"));
    std::map<std::string, std::vector<const Finding*>> grouped; // by display name
    for (const Finding& finding : f.checks.findings)
        if (finding.subject.rfind("person:", 0) == 0) {
            std::string id = finding.subject.substr(7);
            grouped[report::person_name(f.index, PersonId(id))].push_back(&finding);
        }
    for (const auto& [name, list] : grouped) {
        ex::Section s = section(name);
        size_t number = 0;
        for (const Finding* finding : list) {
            const FindingGroup one{
                finding->check, finding->severity, "", {*finding}, finding_impact(*finding)};
            report::append_group_blocks(t, f.index, one, ++number, 1, s.blocks);
        }
        by_person.subsections.push_back(std::move(s));
    }
    if (grouped.empty())
        by_person.blocks.push_back(ex::Paragraph{t.get("web.no_person_findings")});
    page.sections.push_back(std::move(by_person));
    if (auto single = find_section(f.audit_doc, t.get("audit.single_points")))
        page.sections.push_back(*single);
    return page;
}

Page quarter_page(const Facts& f, const std::string& source, bool from_workspace) {
    const ReportText& t = f.text;
    Page page{"quarter", t.get("web.nav_quarter"), {}};
    if (!from_workspace) {
        ex::Section s = section(t.get("web.nav_quarter"));
        s.blocks.push_back(ex::Paragraph{t.get("web.quarter_needs_workspace")});
        page.sections.push_back(std::move(s));
        return page;
    }
    try {
        ReportOptions options;
        options.language = t.language();
        QuarterlyRun run = load_quarterly_input(source);
        const PlanFacts quarter_facts(std::move(run.plan));
        ex::Document doc = build_quarterly_report(quarter_facts, run.input, options);
        page.sections = std::move(doc.sections);
    } catch (const std::exception& e) {
        ex::Section s = section(t.get("web.nav_quarter"));
        s.blocks.push_back(ex::Paragraph{t.get("web.quarter_failed", {{"error", e.what()}}),
                                         ex::ParagraphStyle::callout});
        page.sections.push_back(std::move(s));
    }
    return page;
}

} // namespace

const Page* PageSet::find(const std::string& slug) const {
    for (const Page& p : pages)
        if (p.slug == slug)
            return &p;
    return nullptr;
}

const std::vector<std::string>& page_slugs() {
    static const std::vector<std::string> slugs = {"overview", "team",    "channels",
                                                   "raci",     "care",    "workload",
                                                   "findings", "quarter", "reports"};
    return slugs;
}

PageSet build_pages(const PlanFacts& facts, const std::string& source, bool from_workspace,
                    const std::string& language) {
    ReportText text = ReportText::load(language);
    const Plan& plan = facts.plan();
    const PlanIndex& index = facts.index();
    const Workload& workload = facts.workload();
    StaffingResult staffing = compute_staffing(facts);
    CheckReport checks = run_checks(facts, text);
    PageSet set;
    set.language = language;
    ReportOptions options;
    options.language = language;
    set.staffing = build_staffing_report(facts, options);
    set.audit = build_audit_report(facts, options);
    Facts f{plan, index, text, workload, staffing, checks, set.staffing, set.audit};
    set.pages.push_back(overview_page(f));
    set.pages.push_back(team_page(f));
    set.pages.push_back(channels_page(f));
    set.pages.push_back(raci_page(f));
    set.pages.push_back(care_page(f));
    set.pages.push_back(workload_page(f));
    set.pages.push_back(findings_page(f));
    set.pages.push_back(quarter_page(f, source, from_workspace));
    for (Page& page : set.pages)
        name_subjects(index, text, page.sections);
    Page reports{"reports", text.get("web.nav_reports"), {}, false};
    set.pages.push_back(std::move(reports));
    return set;
}

} // namespace planner::server
