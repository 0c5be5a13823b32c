// planner cost PLAN [--format text|json|csv] [-o FILE]: what the team costs a year, per
// person, role, channel and goal; the vacancies and further hires; the total against the
// budget. See docs/cost.md.
#include "planner/cost/cost.hpp"
#include "exporters/csv_renderer.hpp"
#include "exporters/json_writer.hpp"
#include "exporters/number_format.hpp"
#include "exporters/text_table.hpp"
#include "planner/cli/commands/commands.hpp"
#include "planner/cli/output.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/staffing/staffing.hpp"

#include <cmath>
#include <sstream>

namespace planner {

namespace {
using namespace model;

std::string money_text(double amount) {
    return format_amount(amount);
}

std::string cost_cell(const PersonCost& p) {
    return p.basis == CostBasis::unknown ? std::string("-") : money_text(p.cost_per_year);
}

std::string rate_text(const PersonCost& p) {
    switch (p.basis) {
    case CostBasis::own_salary:
        return money_text(p.rate) + " a year (own)";
    case CostBasis::role_salary:
        return money_text(p.rate) + " a year (role)";
    case CostBasis::hourly:
        return exporters::format_fixed(p.rate, 2) + " an hour";
    case CostBasis::unknown:
        return "no cost given";
    }
    return "";
}

std::vector<std::vector<std::string>> csv_rows(const CostResult& result) {
    std::vector<std::vector<std::string>> rows;
    for (const PersonCost& p : result.people)
        rows.push_back({p.id, p.name, p.role ? p.role->str() : std::string(), p.status,
                        exporters::format_fixed(p.fte, 2),
                        exporters::format_fixed(p.cost_per_year, 2),
                        std::string(to_string(p.basis)), exporters::format_fixed(p.rate, 2),
                        exporters::format_fixed(p.hours_per_week, 2)});
    return rows;
}

void share_json(exporters::JsonWriter& json, const std::vector<CostShare>& shares) {
    json.begin_array();
    for (const CostShare& s : shares)
        json.begin_object()
            .field("id", s.id)
            .field("name", s.name)
            .field_fixed("hours_per_week", s.hours_per_week, 2)
            .field_fixed("cost_per_year", s.cost_per_year, 2)
            .end_object();
    json.end_array();
}

std::string render_json(const Plan& plan, const CostResult& result) {
    exporters::JsonWriter json(exporters::JsonStyle::compact);
    json.begin_object()
        .field("plan", plan.info.name)
        .field("currency", result.currency)
        .field_fixed("cost_loading", result.cost_loading, 4);
    if (result.budget)
        json.field_fixed("budget", *result.budget, 2);
    else
        json.field_null("budget");
    json.key("people").begin_array();
    for (const PersonCost& p : result.people) {
        json.begin_object().field("person", p.id).field("name", p.name);
        if (p.role)
            json.field("role", p.role->str());
        else
            json.field_null("role");
        json.field("status", p.status)
            .field("group", to_string(p.group))
            .field("basis", to_string(p.basis))
            .field_fixed("fte", p.fte, 2)
            .field_fixed("rate", p.rate, 2)
            .field_fixed("hours_per_week", p.hours_per_week, 2)
            .field_fixed("cost_per_year", p.cost_per_year, 2)
            .end_object();
    }
    json.end_array().key("roles");
    share_json(json, result.roles);
    json.key("channels");
    share_json(json, result.channels);
    json.key("goals");
    share_json(json, result.goals);
    json.field_fixed("other_duties", result.other_duties, 2)
        .field_fixed("not_carried", result.not_carried, 2)
        .field_fixed("no_goal", result.no_goal, 2)
        .field_fixed("current_total", result.current_total, 2)
        .field_fixed("vacancy_total", result.vacancy_total, 2)
        .field_fixed("hires_total", result.hires_total, 2)
        .field_fixed("planned_total", result.planned_total, 2);
    if (result.budget)
        json.field_fixed("over_budget", result.planned_total - *result.budget, 2);
    else
        json.field_null("over_budget");
    json.field_integer("unknown_costs", result.unknown_costs).end_object();
    return json.take();
}

std::string render_text(const Plan& plan, const CostResult& result) {
    using exporters::Align;
    std::ostringstream out;
    out << plan.info.name << ": what the team costs a year (" << result.currency;
    if (result.cost_loading > 0) {
        std::string percent = exporters::format_fixed(result.cost_loading * 100, 2);
        while (percent.back() == '0')
            percent.pop_back();
        if (percent.back() == '.')
            percent.pop_back();
        out << "; salaries with " << percent << " % employer costs";
    }
    out << ")\n";
    if (!result.any_cost)
        out << "The plan gives no cost: add `cost` to roles or people (docs/plan-format.md).\n";
    std::vector<std::vector<std::string>> rows;
    for (const PersonCost& p : result.people)
        rows.push_back({p.id, p.role ? p.role->str() : std::string(), p.status,
                        exporters::format_fixed(p.fte, 2), rate_text(p),
                        exporters::format_fixed(p.hours_per_week, 1), cost_cell(p)});
    out << exporters::render_text_table({{"person"},
                                         {"role"},
                                         {"status"},
                                         {"fte", Align::right},
                                         {"rate"},
                                         {"h/week", Align::right},
                                         {"cost/year", Align::right}},
                                        rows);
    auto shares = [&](const std::string& title, const std::vector<CostShare>& list,
                      const std::vector<std::pair<std::string, double>>& extra) {
        std::vector<std::vector<std::string>> r;
        for (const CostShare& s : list)
            r.push_back({s.id.empty() ? "(no role)" : s.id,
                         exporters::format_fixed(s.hours_per_week, 1),
                         money_text(s.cost_per_year)});
        for (const auto& [label, amount] : extra)
            if (amount > 0.5)
                r.push_back({label, "", money_text(amount)});
        out << "\n"
            << exporters::render_text_table(
                   {{title}, {"h/week", Align::right}, {"cost/year", Align::right}}, r);
    };
    shares("role", result.roles, {});
    shares("channel", result.channels,
           {{"(duties bound to no channel)", result.other_duties},
            {"(people carrying no channel work)", result.not_carried}});
    shares("goal", result.goals, {{"(channels of no goal)", result.no_goal}});
    out << "\n";
    std::vector<std::vector<std::string>> totals = {
        {"current team", money_text(result.current_total)},
        {"vacancies", money_text(result.vacancy_total)},
        {"further hires staff recommends", money_text(result.hires_total)},
        {"planned team", money_text(result.planned_total)}};
    if (result.budget) {
        totals.push_back({"budget", money_text(*result.budget)});
        const double over = result.planned_total - *result.budget;
        totals.push_back(
            {over > 0 ? "over budget" : "left in budget", money_text(std::fabs(over))});
    }
    out << exporters::render_text_table({{"total a year"}, {result.currency, Align::right}},
                                        totals);
    if (result.any_cost && result.unknown_costs > 0)
        out << result.unknown_costs << (result.unknown_costs == 1 ? " row has" : " rows have")
            << " no cost given and count as 0 (see `planner check`, COST002).\n";
    return out.str();
}

int run_cost(const ParsedArgs& args, Streams& io) {
    const OutputFormat format = output_format(args, "cost", k_analysis_formats);
    const PlanFacts facts(load_plan_argument(args.positional[0]).plan);
    const StaffingResult staffing = compute_staffing(facts);
    const CostResult result = compute_cost(facts, staffing);
    std::string text;
    if (format == OutputFormat::csv)
        text = exporters::render_csv({"person", "name", "role", "status", "fte", "cost_per_year",
                                      "basis", "rate", "hours_per_week"},
                                     csv_rows(result));
    else if (format == OutputFormat::json)
        text = render_json(facts.plan(), result);
    else
        text = render_text(facts.plan(), result);
    emit_output(args, io, text, "the costs");
    return 0;
}
} // namespace

CommandSpec cost_command() {
    return CommandSpec{
        "cost",
        "planner cost PLAN [--format text|json|csv] [-o FILE]",
        "What the team costs a year: per person, role, channel and goal, against the budget",
        "A salaried person costs (own cost, else their first role's cost) x fte x\n"
        "(1 + plan.cost_loading); a contractor costs hours carried a week x hourly_rate x 52.\n"
        "Each person's cost is shared over the channel duties they carry by hours, and each\n"
        "channel's cost equally over the goals that name it. Vacancies and the further\n"
        "hires `planner staff` recommends are costed at their role's cost; the planned team\n"
        "is compared with plan.budget. --format csv has one row per person, vacancy and\n"
        "hire. Rules: docs/cost.md.",
        {format_option(k_analysis_formats), output_option()},
        1,
        1,
        run_cost};
}

} // namespace planner
