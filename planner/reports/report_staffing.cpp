// The staffing plan: cover, summary, org chart, roles, workload, RACI, care coverage, open
// findings, and an appendix with every driver and formula.
#include "planner/cost/cost.hpp"
#include "planner/reports/report_common.hpp"
#include "planner/reports/report_cost.hpp"
#include "planner/staffing/staffing.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

namespace planner {

using namespace model;
namespace ex = exporters;
using report::person_name;

int audit_score(const CheckCounts& counts) {
    return 100 - std::min(60, 10 * counts.error) - std::min(30, 3 * counts.warning) -
           std::min(10, counts.info);
}

namespace {
struct StaffingContext {
    const Plan& plan;
    const PlanIndex& index;
    const ReportText& text;
    const Workload& workload;
    const StaffingResult& staffing;
    const CheckReport& checks;
};

double sum_current(const StaffingResult& s) {
    double total = 0;
    for (const auto& r : s.roles)
        total += r.current_fte;
    return total;
}

// Why a role needs what it needs, in the report's language: the care floor (people at once)
// or the volume of work (hours over the hours of one FTE). No-break spaces keep each figure
// with its unit.
std::string role_reason(const ReportText& t, const RoleStaffing& r, double hours_per_fte) {
    if (r.floor_wins && r.floor_people)
        return t.count("staffing.reason_floor", *r.floor_people,
                       {{"volume", t.number(r.volume_fte, 2)}});
    if (r.drivers.empty())
        return t.get("staffing.reason_none");
    return t.get("staffing.reason_volume",
                 {{"hours", t.number(r.hours, 1)}, {"per_fte", t.hours(hours_per_fte)}});
}

ex::Section summary_section(const StaffingContext& c) {
    const ReportText& t = c.text;
    ex::Section section{t.get("staffing.summary"), {}, {}, ex::SectionStart::same_page};
    int people = 0, vacancies = 0;
    double fte = 0;
    for (const Person& p : c.plan.people) {
        if (p.status == PersonStatus::vacancy) {
            ++vacancies;
        } else {
            ++people;
            fte += p.fte;
        }
    }
    double hours = 0;
    for (const ChannelDuty& d : c.index.channel_duties())
        hours += d.hours;
    double required = 0, planned = 0;
    int hires = 0;
    for (const RoleStaffing& r : c.staffing.roles) {
        required += r.required_fte;
        planned += r.planned_fte;
        hires += r.hires;
    }
    required += c.staffing.unroled_fte;
    double current = sum_current(c.staffing);
    section.blocks.push_back(
        ex::Paragraph{t.get("staffing.summary_lead",
                            {{"people", std::to_string(people)},
                             {"fte", t.number(fte, 1)},
                             {"vacancies", t.count("staffing.open_vacancies", vacancies)},
                             {"hours", t.number(hours, 1)},
                             {"required", t.number(required, 1)},
                             {"current", t.number(current, 1)},
                             {"planned", t.number(planned, 1)}}),
                      ex::ParagraphStyle::lead});
    // Shortages and spare capacity apart: a surplus in one role does not fill another's gap.
    double short_fte = 0, spare_fte = 0;
    for (const RoleStaffing& r : c.staffing.roles)
        (r.gap > 0 ? short_fte : spare_fte) += std::fabs(r.gap);
    short_fte += c.staffing.unroled_fte;
    section.blocks.push_back(
        ex::Paragraph{t.get("staffing.balance", {{"short", t.number(short_fte, 1)},
                                                 {"spare", t.number(spare_fte, 1)}})});
    section.blocks.push_back(ex::KeyFigures{{
        {t.get("staffing.headcount"), std::to_string(people), "", ex::StatusColour::none},
        {t.get("staffing.fte_required"), t.number(required, 1), "", ex::StatusColour::none},
        {t.get("staffing.fte_current"), t.number(current, 1), "",
         current + 0.05 < required ? ex::StatusColour::amber : ex::StatusColour::green},
        {t.get("staffing.hires"), std::to_string(hires), "",
         hires > 0 ? ex::StatusColour::red : ex::StatusColour::green},
    }});
    std::vector<const RoleStaffing*> gaps;
    for (const RoleStaffing& r : c.staffing.roles)
        if (r.gap > 0.05)
            gaps.push_back(&r);
    std::stable_sort(gaps.begin(), gaps.end(),
                     [](const RoleStaffing* a, const RoleStaffing* b) { return a->gap > b->gap; });
    ex::Section top{t.get("staffing.top_gaps"), {}, {}, ex::SectionStart::same_page};
    if (gaps.empty()) {
        top.blocks.push_back(ex::Paragraph{t.get("staffing.no_gaps")});
    } else {
        ex::BulletList list;
        for (size_t i = 0; i < gaps.size() && i < 3; ++i) {
            const Role* role = c.index.role(gaps[i]->role);
            list.items.push_back(
                t.get("staffing.gap_line",
                      {{"role", role ? display_name(*role) : gaps[i]->role.str()},
                       {"gap", t.number(gaps[i]->gap, 1)},
                       {"hires", std::to_string(gaps[i]->hires)},
                       {"reason", role_reason(t, *gaps[i], c.staffing.hours_per_fte)}}));
        }
        top.blocks.push_back(std::move(list));
    }
    section.subsections.push_back(std::move(top));
    return section;
}

ex::Section roles_section(const StaffingContext& c) {
    const ReportText& t = c.text;
    const PlanInfo& info = c.plan.info;
    ex::Section section{t.get("staffing.roles"), {}, {}, ex::SectionStart::new_page};
    ex::Table table;
    table.id = "roles";
    table.columns = {
        {"role", t.get("common.role"), ex::Alignment::left, 0},
        {"hours", t.get("common.hours"), ex::Alignment::right, 0, true},
        {"required_fte", t.get("staffing.col_required"), ex::Alignment::right, 0, true},
        {"current_fte", t.get("staffing.col_current"), ex::Alignment::right, 0, true},
        {"planned_fte", t.get("staffing.col_planned"), ex::Alignment::right, 0, true},
        {"gap", t.get("staffing.col_gap"), ex::Alignment::right, 0, true},
        {"hires", t.get("staffing.col_hires"), ex::Alignment::right, 0, true},
        {"reason", t.get("staffing.col_reason"), ex::Alignment::left, 0}};
    double total_required = 0, total_current = 0, total_planned = 0, total_hours = 0;
    double total_short = 0, total_spare = 0;
    int total_hires = 0;
    std::vector<double> split_hours;
    for (const RoleStaffing& r : c.staffing.roles) {
        const Role* role = c.index.role(r.role);
        total_required += r.required_fte;
        total_current += r.current_fte;
        total_planned += r.planned_fte;
        total_hours += r.hours;
        total_hires += r.hires;
        (r.gap > 0 ? total_short : total_spare) += std::fabs(r.gap);
        table.rows.push_back(
            {role ? display_name(*role) : r.role.str(), t.number(r.hours, 1),
             t.number(r.required_fte, 2), t.number(r.current_fte, 2), t.number(r.planned_fte, 2),
             ex::Cell(t.number(r.gap, 2), r.gap > 0.2 ? ex::StatusColour::red
                                          : r.gap > 0 ? ex::StatusColour::amber
                                                      : ex::StatusColour::none),
             std::to_string(r.hires), role_reason(t, r, c.staffing.hours_per_fte)});
    }
    // The total gap never nets one role's surplus against another's shortage: the gap column
    // sums the shortages, and the spare capacity of the other roles is stated beside it.
    table.rows.push_back({t.get("staffing.total"), t.number(total_hours, 1),
                          t.number(total_required, 2), t.number(total_current, 2),
                          t.number(total_planned, 2),
                          t.get("staffing.total_short", {{"short", t.number(total_short, 2)}}),
                          std::to_string(total_hires), ""});
    table.total_rows = 1;
    table.footnote =
        t.get("staffing.roles_note", {{"week_hours", t.number(info.week.hours, 0)},
                                      {"overhead", t.number(info.overhead, 2)},
                                      {"hours_per_fte", t.number(c.staffing.hours_per_fte, 1)}}) +
        " " + t.get("staffing.total_spare", {{"spare", t.number(total_spare, 2)}});
    section.blocks.push_back(std::move(table));
    if (!c.staffing.unroled.empty()) {
        ex::Table unroled;
        unroled.id = "unroled_duties";
        unroled.columns = {{"duty", t.get("common.duty"), ex::Alignment::left, 3},
                           {"hours", t.get("common.hours"), ex::Alignment::right, 1, true},
                           {"recommended_role", t.get("common.role"), ex::Alignment::left, 2}};
        for (const UnroledDuty& u : c.staffing.unroled)
            unroled.rows.push_back({report::channel_duty_label(
                                        c.index, c.index.channel_duties()[u.duty_index], &c.text),
                                    t.number(u.hours, 1), u.recommended_role});
        section.blocks.push_back(std::move(unroled));
    }
    return section;
}

// Up to this many people the RACI is a matrix of duties x people; beyond, a matrix is more
// pages than anyone reads (1,000 people made a 1,500-page report) and grows with people x
// duties, so it becomes a list: one row per duty, with the people of each letter.
constexpr size_t k_raci_matrix_people = 40;
constexpr size_t k_raci_names_per_cell = 12;

ex::Section raci_section(const StaffingContext& c) {
    const ReportText& t = c.text;
    ex::Section section{t.get("staffing.raci"), {}, {}, ex::SectionStart::new_page};
    const auto& duties = c.index.channel_duties();
    // Who holds each duty, with which letters, people in plan order.
    std::unordered_map<std::string_view, size_t> plan_order;
    for (size_t i = 0; i < c.plan.people.size(); ++i)
        plan_order.emplace(c.plan.people[i].id.str(), i);
    std::vector<std::map<size_t, std::string>> codes(duties.size()); // person index -> "R/B"
    std::set<size_t> holders;                                        // everyone with an assignment
    for (const auto& e : c.index.assignments()) {
        const Assignment& a = e.assignment;
        auto person = plan_order.find(a.person.str());
        if (person == plan_order.end())
            continue;
        holders.insert(person->second);
        const ChannelDuty* duty = c.index.channel_duty(a.channel, a.duty);
        if (!duty)
            continue;
        std::string code = a.backup ? "B" : std::string(to_string(a.raci));
        std::string& cell = codes[static_cast<size_t>(duty - duties.data())][person->second];
        if (cell.find(code) == std::string::npos)
            cell += (cell.empty() ? "" : "/") + code;
    }

    if (holders.size() > k_raci_matrix_people) {
        ex::Table table;
        table.id = "raci";
        table.columns = {{"duty", t.get("common.duty"), ex::Alignment::left, 2.4},
                         {"responsible", t.get("staffing.raci_legend_r"), ex::Alignment::left, 2},
                         {"accountable", t.get("staffing.raci_legend_a"), ex::Alignment::left, 1.5},
                         {"consulted", t.get("staffing.raci_legend_c"), ex::Alignment::left, 1.5},
                         {"informed", t.get("staffing.raci_legend_i"), ex::Alignment::left, 1.5},
                         {"backup", t.get("staffing.raci_legend_b"), ex::Alignment::left, 1.5}};
        const std::string letters = "RACIB";
        for (size_t d = 0; d < duties.size(); ++d) {
            std::vector<ex::Cell> row(1 + letters.size());
            row[0] = report::channel_duty_label(c.index, duties[d], &c.text);
            std::vector<size_t> count(letters.size(), 0);
            for (const auto& [person, code] : codes[d])
                for (size_t k = 0; k < letters.size(); ++k)
                    if (code.find(letters[k]) != std::string::npos &&
                        ++count[k] <= k_raci_names_per_cell) {
                        std::string& names = row[1 + k].text;
                        names += (names.empty() ? "" : ", ") + display_name(c.plan.people[person]);
                    }
            // A cell stays shorter than a page: the first names and how many more.
            for (size_t k = 0; k < letters.size(); ++k)
                if (count[k] > k_raci_names_per_cell)
                    row[1 + k].text +=
                        " " + t.get("common.and_more",
                                    {{"count", std::to_string(count[k] - k_raci_names_per_cell)}});
            table.rows.push_back(std::move(row));
        }
        table.footnote =
            t.get("staffing.raci_list_note", {{"people", std::to_string(holders.size())},
                                              {"limit", std::to_string(k_raci_matrix_people)}});
        if (table.rows.size() > 60) {
            // Hundreds of channel duties: print one row per duty with how many channels and
            // people hold each letter; the full list is raci.csv.
            ex::Table summary;
            summary.id = "raci_by_duty";
            summary.columns = {
                {"duty", t.get("common.duty"), ex::Alignment::left, 2.4},
                {"channels", t.get("staffing.col_channels"), ex::Alignment::right, 1, true},
                {"responsible", t.get("staffing.raci_legend_r"), ex::Alignment::right, 1, true},
                {"accountable", t.get("staffing.raci_legend_a"), ex::Alignment::right, 1, true},
                {"backup", t.get("staffing.raci_legend_b"), ex::Alignment::right, 1, true}};
            std::map<std::string, std::array<std::set<size_t>, 3>> people_by_duty;
            std::map<std::string, size_t> channels_by_duty;
            std::vector<std::string> order;
            for (size_t d = 0; d < duties.size(); ++d) {
                const std::string name = report::channel_duty_label(
                    c.index, ChannelDuty{std::nullopt, duties[d].duty, 0}, &c.text);
                if (channels_by_duty[name]++ == 0)
                    order.push_back(name);
                for (const auto& [person, code] : codes[d]) {
                    if (code.find('R') != std::string::npos)
                        people_by_duty[name][0].insert(person);
                    if (code.find('A') != std::string::npos)
                        people_by_duty[name][1].insert(person);
                    if (code.find('B') != std::string::npos)
                        people_by_duty[name][2].insert(person);
                }
            }
            for (const std::string& name : order) {
                const auto& sets = people_by_duty[name];
                summary.rows.push_back({name,
                                        t.number(static_cast<double>(channels_by_duty[name]), 0),
                                        t.number(static_cast<double>(sets[0].size()), 0),
                                        t.number(static_cast<double>(sets[1].size()), 0),
                                        t.number(static_cast<double>(sets[2].size()), 0)});
            }
            summary.footnote = t.get("staffing.raci_summary_note",
                                     {{"duties", t.number(static_cast<double>(duties.size()), 0)},
                                      {"file", "raci.csv"}});
            table.printed = false;
            section.blocks.push_back(std::move(summary));
        }
        section.blocks.push_back(std::move(table));
        return section;
    }

    ex::Matrix matrix;
    // The section's heading names the matrix.
    matrix.corner_label = t.get("common.duty");
    std::map<size_t, size_t> column; // person index -> column
    for (size_t person : holders) {
        column[person] = matrix.column_labels.size();
        matrix.column_labels.push_back(display_name(c.plan.people[person]));
    }
    matrix.cells.assign(duties.size(), std::vector<std::string>(holders.size()));
    for (size_t d = 0; d < duties.size(); ++d) {
        matrix.row_labels.push_back(report::channel_duty_label(c.index, duties[d], &c.text));
        for (const auto& [person, code] : codes[d])
            matrix.cells[d][column[person]] = code;
    }
    matrix.legend = {{"R", t.get("staffing.raci_legend_r")},
                     {"A", t.get("staffing.raci_legend_a")},
                     {"C", t.get("staffing.raci_legend_c")},
                     {"I", t.get("staffing.raci_legend_i")},
                     {"B", t.get("staffing.raci_legend_b")}};
    section.blocks.push_back(std::move(matrix));
    section.blocks.push_back(ex::Paragraph{t.get("staffing.raci_note"), ex::ParagraphStyle::note});
    return section;
}

ex::Section care_section(const StaffingContext& c) {
    const ReportText& t = c.text;
    ex::Section section{t.get("staffing.care"), {}, {}, ex::SectionStart::same_page};
    section.blocks.push_back(ex::Paragraph{t.get("staffing.care_lead")});
    ex::Table table;
    table.id = "care_rotas";
    table.columns = {
        {"channels", t.get("staffing.col_channels"), ex::Alignment::left, 2.2},
        {"window_hours", t.get("staffing.col_window"), ex::Alignment::right, 1, true},
        {"inbound_per_week", t.get("staffing.col_inbound"), ex::Alignment::right, 1, true},
        {"agents", t.get("staffing.col_agents"), ex::Alignment::right, 1, true},
        {"service_level", t.get("staffing.col_service"), ex::Alignment::right, 1, true},
        {"floor_people", t.get("staffing.col_people"), ex::Alignment::right, 1, true}};
    for (const CareRota& r : c.staffing.rotas) {
        std::string channels;
        for (const ChannelId& id : r.channels) {
            const Channel* ch = c.index.channel(id);
            channels += (channels.empty() ? "" : ", ") + (ch ? display_name(*ch) : id.str());
        }
        table.rows.push_back({channels, t.number(r.window_hours, 1),
                              t.number(r.inbound_per_week, 0), std::to_string(r.agents),
                              t.number(r.achieved_service_level * 100, 1) + "%",
                              std::to_string(r.floor_people)});
    }
    if (table.rows.empty())
        section.blocks.push_back(ex::Paragraph{t.get("common.none")});
    else
        section.blocks.push_back(std::move(table));
    std::vector<Finding> gaps;
    for (const Finding& f : c.checks.findings)
        if (f.check == "COV006")
            gaps.push_back(f);
    if (!gaps.empty()) {
        ex::Section sub{t.get("staffing.care_gaps"), {}, {}, ex::SectionStart::same_page};
        const std::vector<FindingGroup> groups = group_findings(gaps);
        for (size_t g = 0; g < groups.size() && g < 10; ++g)
            report::append_group_blocks(t, c.index, groups[g], g + 1, 8, sub.blocks);
        section.subsections.push_back(std::move(sub));
    }
    section.blocks.push_back(
        ex::Paragraph{t.get("staffing.source_note"), ex::ParagraphStyle::note});
    return section;
}

ex::Section appendix_section(const StaffingContext& c) {
    const ReportText& t = c.text;
    const PlanInfo& info = c.plan.info;
    ex::Section section{t.get("staffing.appendix"), {}, {}, ex::SectionStart::new_page};
    section.blocks.push_back(ex::Paragraph{t.get("staffing.appendix_lead")});
    section.blocks.push_back(ex::Paragraph{
        t.get("staffing.hours_per_fte", {{"hours", t.number(c.staffing.hours_per_fte, 1)},
                                         {"week_hours", t.number(info.week.hours, 0)},
                                         {"overhead", t.number(info.overhead, 2)}})});
    ex::Table drivers;
    drivers.id = "drivers";
    drivers.columns = {{"channel_duty", t.get("common.duty"), ex::Alignment::left, 2.2},
                       {"hours", t.get("common.hours"), ex::Alignment::right, 0.9, true},
                       {"formula", t.get("staffing.col_formula"), ex::Alignment::left, 3.5}};
    std::vector<double> driver_hours;
    for (const ChannelDuty& d : c.index.channel_duties()) {
        drivers.rows.push_back({report::channel_duty_label(c.index, d, &c.text),
                                t.number(d.hours, 2), duty_hours_formula(c.index, d, t)});
        driver_hours.push_back(d.hours);
    }
    ex::Table split;
    split.id = "role_drivers";
    split.columns = {{"role", t.get("common.role"), ex::Alignment::left, 1.6},
                     {"channel_duty", t.get("common.duty"), ex::Alignment::left, 2.2},
                     {"fraction", t.get("staffing.col_split"), ex::Alignment::right, 0.8, true},
                     {"hours", t.get("common.hours"), ex::Alignment::right, 0.9, true},
                     {"basis", t.get("staffing.col_reason"), ex::Alignment::left, 1.6}};
    std::vector<double> split_hours;
    for (const RoleStaffing& r : c.staffing.roles) {
        const Role* role = c.index.role(r.role);
        for (const RoleDriver& d : r.drivers) {
            split_hours.push_back(d.hours);
            split.rows.push_back({role ? display_name(*role) : r.role.str(),
                                  report::channel_duty_label(
                                      c.index, c.index.channel_duties()[d.duty_index], &c.text),
                                  t.number(d.fraction, 2), t.number(d.hours, 2),
                                  split_basis_text(d.split_basis, t)});
        }
    }
    // A large plan's drivers run to hundreds of rows: the printed appendix keeps the 25 largest
    // of each and names the CSV files with all of them.
    constexpr size_t k_printed_rows = 60;
    constexpr size_t k_top_rows = 25;
    auto summarise = [&](ex::Table& table, const std::vector<double>& hours) {
        if (table.rows.size() <= k_printed_rows) {
            section.blocks.push_back(std::move(table));
            return;
        }
        ex::Table top = table;
        top.id = table.id + "_top";
        std::vector<std::pair<double, size_t>> order;
        for (size_t r = 0; r < table.rows.size(); ++r)
            order.emplace_back(-hours[r], r);
        std::stable_sort(order.begin(), order.end());
        top.rows.clear();
        for (size_t i = 0; i < k_top_rows; ++i)
            top.rows.push_back(table.rows[order[i].second]);
        top.footnote = t.get("staffing.top_rows_note",
                             {{"shown", std::to_string(k_top_rows)},
                              {"total", t.number(static_cast<double>(table.rows.size()), 0)},
                              {"file", table.id + ".csv"}});
        table.printed = false;
        section.blocks.push_back(std::move(top));
        section.blocks.push_back(std::move(table));
    };
    summarise(drivers, driver_hours);
    summarise(split, split_hours);
    return section;
}
} // namespace

exporters::Document build_staffing_report(const PlanFacts& facts, const ReportOptions& options) {
    ReportText text = ReportText::load(options.language);
    const Plan& plan = facts.plan();
    const PlanIndex& index = facts.index();
    const Workload& workload = facts.workload();
    const StaffingResult staffing = compute_staffing(facts);
    const CheckReport checks = run_checks(facts, text);
    StaffingContext c{plan, index, text, workload, staffing, checks};
    ex::Document doc =
        report::start_document(plan, text, options, "staffing", {{"plan", plan.info.name}});
    for (const std::string& name : text.list("staffing.sections")) {
        if (name == "summary") {
            doc.sections.push_back(summary_section(c));
        } else if (name == "org_chart") {
            ex::Section s{text.get("staffing.org_chart"), {}, {}, ex::SectionStart::new_page};
            ex::OrgChart chart = report::org_chart(text, index, workload);
            chart.title.clear(); // the section's heading names it
            // The note first: after a page-filling chart it would stand alone on a page.
            s.blocks.push_back(
                ex::Paragraph{text.get("staffing.org_chart_note"), ex::ParagraphStyle::note});
            report::append_org_chart(text, std::move(chart), s.blocks);
            doc.sections.push_back(std::move(s));
        } else if (name == "roles") {
            doc.sections.push_back(roles_section(c));
        } else if (name == "cost") {
            doc.sections.push_back(
                report::cost_section(text, facts, staffing, compute_cost(facts, staffing)));
        } else if (name == "workload") {
            ex::Section s{text.get("staffing.workload"), {}, {}, ex::SectionStart::new_page};
            report::append_workload(text, index, workload, s.blocks);
            doc.sections.push_back(std::move(s));
        } else if (name == "raci") {
            doc.sections.push_back(raci_section(c));
        } else if (name == "care") {
            doc.sections.push_back(care_section(c));
        } else if (name == "findings") {
            ex::Section s{text.get("staffing.findings"), {}, {}, ex::SectionStart::new_page};
            if (checks.findings.empty())
                s.blocks.push_back(ex::Paragraph{text.get("common.no_findings")});
            else {
                const std::vector<FindingGroup> groups = group_findings(checks.findings);
                s.blocks.push_back(
                    ex::Paragraph{text.get("findings.ranking_note"), ex::ParagraphStyle::note});
                ex::Table table = report::findings_table(text, index, groups, "findings", 40);
                if (groups.size() > 40)
                    table.footnote =
                        text.get("findings.top_note",
                                 {{"shown", "40"}, {"total", std::to_string(groups.size())}});
                s.blocks.push_back(std::move(table));
                s.blocks.push_back(
                    report::findings_detail_table(text, index, checks.findings, "findings_detail"));
            }
            doc.sections.push_back(std::move(s));
        } else if (name == "appendix") {
            doc.sections.push_back(appendix_section(c));
        }
    }
    return doc;
}

} // namespace planner
