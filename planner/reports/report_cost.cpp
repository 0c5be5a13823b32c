#include "planner/reports/report_cost.hpp"

#include "model/plan_queries.hpp"

#include <algorithm>
#include <cmath>

namespace planner::report {

using namespace model;
namespace ex = exporters;

std::optional<double> fte_cost(const Plan& plan, const RoleId& role) {
    for (const Role& r : plan.roles)
        if (r.id == role && r.cost)
            return *r.cost * (1 + plan.info.cost_loading);
    return std::nullopt;
}

std::optional<double> hours_cost(const Plan& plan, const StaffingResult& staffing,
                                 const RoleId& role, double hours) {
    auto one = fte_cost(plan, role);
    if (!one || staffing.hours_per_fte <= 0)
        return std::nullopt;
    return *one * hours / staffing.hours_per_fte;
}

namespace {
std::string status_label(const ReportText& t, const PersonCost& p) {
    return t.get("common.status_" + p.status);
}

std::string role_label(const PlanIndex& index, const std::optional<RoleId>& role,
                       const ReportText& t) {
    if (!role)
        return t.get("common.unassigned");
    const Role* r = index.role(*role);
    return r ? display_name(*r) : role->str();
}

// 0.2359 -> "23.59 %", 0.24 -> "24 %": as many decimals as the plan gives, at most two.
std::string loading_text(const ReportText& t, double loading) {
    const double percent = loading * 100;
    int decimals = 0;
    while (decimals < 2 && std::fabs(percent * std::pow(10.0, decimals) -
                                     std::round(percent * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    return t.number(percent, decimals) + " %";
}

// Up to this many rows a cost table is printed whole; beyond, the largest k_top_rows by cost
// are printed (table ID_top) and the whole table goes to the CSV and JSON only.
constexpr size_t k_printed_rows = 30;
constexpr size_t k_top_rows = 20;

void add_table(const ReportText& t, ex::Table table, const std::vector<double>& costs,
               std::vector<ex::Block>& blocks) {
    if (table.rows.size() <= k_printed_rows) {
        blocks.push_back(std::move(table));
        return;
    }
    ex::Table top = table;
    top.id = table.id + "_top";
    std::vector<std::pair<double, size_t>> order;
    for (size_t r = 0; r < costs.size() && r < table.rows.size(); ++r)
        order.emplace_back(-costs[r], r);
    std::stable_sort(order.begin(), order.end());
    top.rows.clear();
    top.total_rows = 0;
    for (size_t i = 0; i < k_top_rows && i < order.size(); ++i)
        top.rows.push_back(table.rows[order[i].second]);
    top.footnote =
        t.get("staffing.top_rows_note", {{"shown", std::to_string(k_top_rows)},
                                         {"total", t.number(static_cast<double>(costs.size()), 0)},
                                         {"file", table.id + ".csv"}});
    table.printed = false;
    blocks.push_back(std::move(top));
    blocks.push_back(std::move(table));
}

std::string percent(const ReportText& t, double part, double whole) {
    return whole > 0 ? t.number(100 * part / whole, 0) + " %" : "";
}
} // namespace

ex::Section cost_section(const ReportText& t, const PlanFacts& facts,
                         const StaffingResult& staffing, const CostResult& cost) {
    const Plan& plan = facts.plan();
    const PlanIndex& index = facts.index();
    const std::string& cur = cost.currency;
    ex::Section section{t.get("staffing.cost"), {}, {}, ex::SectionStart::new_page};
    if (!cost.any_cost) {
        section.blocks.push_back(ex::Paragraph{t.get("staffing.cost_none")});
        return section;
    }
    int hires = 0;
    for (const PersonCost& p : cost.people)
        hires += p.group == CostGroup::hire;
    section.blocks.push_back(ex::Paragraph{
        t.get("staffing.cost_lead", {{"current", t.money(cost.current_total, cur)},
                                     {"vacancies", t.money(cost.vacancy_total, cur)},
                                     {"hires", t.count("staffing.further_hires", hires)},
                                     {"hires_cost", t.money(cost.hires_total, cur)},
                                     {"planned", t.money(cost.planned_total, cur)}}),
        ex::ParagraphStyle::lead});
    std::vector<ex::KeyFigure> figures = {
        {t.get("staffing.cost_current"), t.money(cost.current_total, cur), "",
         ex::StatusColour::none},
        {t.get("staffing.cost_planned"), t.money(cost.planned_total, cur), "",
         ex::StatusColour::none}};
    if (cost.budget) {
        const double over = cost.planned_total - *cost.budget;
        figures.push_back({t.get("staffing.cost_budget"), t.money(*cost.budget, cur), "",
                           ex::StatusColour::none});
        figures.push_back({over > 0.5 ? t.get("staffing.cost_over") : t.get("staffing.cost_left"),
                           t.money(std::fabs(over), cur), "",
                           over > 0.5 ? ex::StatusColour::red : ex::StatusColour::green});
        section.blocks.push_back(ex::KeyFigures{figures});
        section.blocks.push_back(ex::Paragraph{
            over > 0.5
                ? t.get("staffing.cost_budget_over",
                        {{"budget", t.money(*cost.budget, cur)}, {"amount", t.money(over, cur)}})
                : t.get("staffing.cost_budget_under", {{"budget", t.money(*cost.budget, cur)},
                                                       {"amount", t.money(-over, cur)}})});
    } else {
        section.blocks.push_back(ex::KeyFigures{figures});
        section.blocks.push_back(ex::Paragraph{t.get("staffing.cost_no_budget")});
    }

    // The team's cost, step by step, against the budget line (thousands of the currency).
    ex::BarChart chart;
    chart.title = t.get("staffing.cost_chart");
    chart.orientation = ex::BarOrientation::horizontal;
    chart.categories = {t.get("staffing.cost_bar_current"), t.get("staffing.cost_bar_vacancies"),
                        t.get("staffing.cost_bar_hires"), t.get("staffing.cost_bar_planned")};
    chart.series.push_back({t.get("staffing.cost_series"),
                            {cost.current_total / 1000, cost.vacancy_total / 1000,
                             cost.hires_total / 1000, cost.planned_total / 1000},
                            {t.money(cost.current_total, cur), t.money(cost.vacancy_total, cur),
                             t.money(cost.hires_total, cur), t.money(cost.planned_total, cur)}});
    chart.value_axis_label = t.get("staffing.cost_axis", {{"currency", cur}});
    if (cost.budget)
        chart.reference =
            ex::ReferenceLine{*cost.budget / 1000, t.get("staffing.cost_budget_line",
                                                         {{"budget", t.money(*cost.budget, cur)}})};
    section.blocks.push_back(std::move(chart));

    ex::Table roles;
    roles.id = "cost_roles";
    roles.title = t.get("staffing.cost_roles");
    roles.columns = {
        {"role", t.get("common.role"), ex::Alignment::left, 2.5},
        {"hours", t.get("common.hours"), ex::Alignment::right, 1, true},
        {"cost_per_year", t.get("staffing.cost_col_cost"), ex::Alignment::right, 1.4, true},
        {"share", t.get("staffing.cost_col_share"), ex::Alignment::right, 0.9, true}};
    const double in_plan = cost.current_total + cost.vacancy_total;
    for (const CostShare& s : cost.roles)
        roles.rows.push_back({s.id.empty() ? t.get("common.unassigned") : s.name,
                              t.number(s.hours_per_week, 1), t.money(s.cost_per_year, cur),
                              percent(t, s.cost_per_year, in_plan)});
    roles.rows.push_back({t.get("staffing.cost_total_in_plan"), "", t.money(in_plan, cur), ""});
    roles.total_rows = 1;
    roles.footnote = t.get("staffing.cost_note", {{"loading", loading_text(t, cost.cost_loading)},
                                                  {"weeks", t.number(k_weeks_per_year, 0)}});
    section.blocks.push_back(std::move(roles));

    ex::Table hires_table;
    hires_table.id = "cost_hires";
    hires_table.title = t.get("staffing.cost_hires");
    hires_table.columns = {
        {"name", t.get("common.person"), ex::Alignment::left, 2.2},
        {"role", t.get("common.role"), ex::Alignment::left, 2},
        {"status", t.get("common.status"), ex::Alignment::left, 1.3},
        {"fte", t.get("staffing.cost_col_fte"), ex::Alignment::right, 0.7, true},
        {"cost_per_year", t.get("staffing.cost_col_cost"), ex::Alignment::right, 1.7, true}};
    std::vector<double> hire_costs;
    for (const PersonCost& p : cost.people) {
        if (p.group == CostGroup::current)
            continue;
        hire_costs.push_back(p.cost_per_year);
        hires_table.rows.push_back(
            {p.group == CostGroup::hire
                 ? t.get("staffing.cost_new_hire", {{"role", role_label(index, p.role, t)}})
                 : p.name,
             role_label(index, p.role, t), status_label(t, p), t.number(p.fte, 2),
             p.basis == CostBasis::unknown ? t.get("staffing.cost_unknown")
                                           : t.money(p.cost_per_year, cur)});
    }
    if (hires_table.rows.empty())
        section.blocks.push_back(ex::Paragraph{t.get("staffing.cost_no_hires")});
    else {
        hires_table.rows.push_back({t.get("staffing.cost_total_hires"), "", "", "",
                                    t.money(cost.vacancy_total + cost.hires_total, cur)});
        hires_table.total_rows = 1;
        add_table(t, std::move(hires_table), hire_costs, section.blocks);
    }

    ex::Table channels;
    channels.id = "cost_channels";
    channels.title = t.get("staffing.cost_channels");
    channels.columns = {
        {"channel", t.get("common.channel"), ex::Alignment::left, 2.5},
        {"hours", t.get("common.hours"), ex::Alignment::right, 1, true},
        {"cost_per_year", t.get("staffing.cost_col_cost"), ex::Alignment::right, 1.4, true},
        {"share", t.get("staffing.cost_col_share"), ex::Alignment::right, 0.9, true}};
    std::vector<double> channel_costs;
    for (const CostShare& s : cost.channels) {
        channel_costs.push_back(s.cost_per_year);
        channels.rows.push_back({s.name, t.number(s.hours_per_week, 1),
                                 t.money(s.cost_per_year, cur),
                                 percent(t, s.cost_per_year, in_plan)});
    }
    if (cost.other_duties > 0.5) {
        channel_costs.push_back(cost.other_duties);
        channels.rows.push_back({t.get("staffing.cost_other_duties"), "",
                                 t.money(cost.other_duties, cur),
                                 percent(t, cost.other_duties, in_plan)});
    }
    if (cost.not_carried > 0.5) {
        channel_costs.push_back(cost.not_carried);
        channels.rows.push_back({t.get("staffing.cost_not_carried"), "",
                                 t.money(cost.not_carried, cur),
                                 percent(t, cost.not_carried, in_plan)});
    }
    channels.footnote = t.get("staffing.cost_channels_note");
    const bool few_channels = channels.rows.size() <= k_printed_rows;
    add_table(t, std::move(channels), channel_costs, section.blocks);

    ex::BarChart by_channel;
    by_channel.title = t.get("staffing.cost_channel_chart");
    by_channel.orientation = ex::BarOrientation::horizontal;
    ex::Series series{t.get("staffing.cost_series"), {}};
    // The channels of the printed table: all, or the most costly.
    std::vector<std::pair<double, size_t>> order;
    for (size_t i = 0; i < cost.channels.size(); ++i)
        order.emplace_back(few_channels ? 0.0 : -cost.channels[i].cost_per_year, i);
    std::stable_sort(order.begin(), order.end());
    for (size_t i = 0; i < order.size() && (few_channels || i < k_top_rows); ++i) {
        by_channel.categories.push_back(cost.channels[order[i].second].name);
        series.values.push_back(cost.channels[order[i].second].cost_per_year / 1000);
        series.labels.push_back(t.money(cost.channels[order[i].second].cost_per_year, cur));
    }
    by_channel.series.push_back(std::move(series));
    by_channel.value_axis_label = t.get("staffing.cost_axis", {{"currency", cur}});
    if (!by_channel.categories.empty())
        section.blocks.push_back(std::move(by_channel));

    ex::Table goals;
    goals.id = "cost_goals";
    goals.title = t.get("staffing.cost_goals");
    goals.columns = {
        {"goal", t.get("staffing.cost_col_goal"), ex::Alignment::left, 3},
        {"priority", t.get("staffing.cost_col_priority"), ex::Alignment::right, 0.8, true},
        {"cost_per_year", t.get("staffing.cost_col_cost"), ex::Alignment::right, 1.4, true},
        {"share", t.get("staffing.cost_col_share"), ex::Alignment::right, 0.9, true}};
    std::vector<double> goal_costs;
    for (size_t i = 0; i < cost.goals.size() && i < plan.goals.size(); ++i) {
        goal_costs.push_back(cost.goals[i].cost_per_year);
        goals.rows.push_back({cost.goals[i].name, std::to_string(plan.goals[i].priority),
                              t.money(cost.goals[i].cost_per_year, cur),
                              percent(t, cost.goals[i].cost_per_year, in_plan)});
    }
    if (cost.no_goal > 0.5) {
        goal_costs.push_back(cost.no_goal);
        goals.rows.push_back({t.get("staffing.cost_no_goal"), "", t.money(cost.no_goal, cur),
                              percent(t, cost.no_goal, in_plan)});
    }
    if (!goals.rows.empty())
        add_table(t, std::move(goals), goal_costs, section.blocks);
    (void)staffing;
    return section;
}

} // namespace planner::report
