// planner staff PLAN [--explain ROLE] [--format text|json|csv] [-o FILE]: required FTE per
// role against current and planned FTE, the care-coverage floor, gap and hires.
#include "planner/cli/commands/staff.hpp"

#include "exporters/csv_renderer.hpp"
#include "exporters/json_writer.hpp"
#include "exporters/number_format.hpp"
#include "exporters/text_table.hpp"
#include "model/plan_queries.hpp"
#include "planner/cli/output.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/core/texts.hpp"
#include "planner/cost/budget_choice.hpp"
#include "planner/cost/cost.hpp"
#include "planner/staffing/staffing.hpp"

#include <cmath>
#include <map>
#include <ostream>
#include <sstream>

namespace planner {

namespace {
using namespace model;

std::string unroled_reason(const PlanIndex& index, const StaffingResult& result) {
    std::string reason = "no role performs";
    for (size_t i = 0; i < result.unroled.size(); ++i) {
        const UnroledDuty& u = result.unroled[i];
        reason += (i ? "; " : " ") + channel_duty_subject(index.channel_duties()[u.duty_index]) +
                  " (" + exporters::format_fixed(u.hours, 2) + " h): recommend " +
                  (u.recommended_exists ? "role " : "a new role ") + u.recommended_role;
    }
    return reason;
}

int unroled_hires(double fte) {
    return std::max(0, static_cast<int>(std::ceil(fte - 0.2 - 1e-9)));
}

std::vector<std::vector<std::string>> table_rows(const PlanIndex& index,
                                                 const StaffingResult& result) {
    std::vector<std::vector<std::string>> rows;
    for (const RoleStaffing& role : result.roles)
        rows.push_back({role.role.str(), exporters::format_fixed(role.required_fte, 2),
                        exporters::format_fixed(role.current_fte, 2),
                        exporters::format_fixed(role.planned_fte, 2),
                        exporters::format_fixed(role.gap, 2), std::to_string(role.hires),
                        role.floor_people ? std::to_string(*role.floor_people) : std::string(),
                        role.reason});
    if (!result.unroled.empty())
        rows.push_back({"unroled", exporters::format_fixed(result.unroled_fte, 2), "0.00", "0.00",
                        exporters::format_fixed(result.unroled_fte, 2),
                        std::to_string(unroled_hires(result.unroled_fte)), "",
                        unroled_reason(index, result)});
    return rows;
}

std::string render_json(const PlanIndex& index, const StaffingResult& result) {
    const Plan& plan = index.plan();
    exporters::JsonWriter json(exporters::JsonStyle::compact);
    json.begin_object()
        .field("plan", plan.info.name)
        .field_fixed("hours_per_fte", result.hours_per_fte, 2)
        .key("roles")
        .begin_array();
    for (const RoleStaffing& role : result.roles) {
        json.begin_object()
            .field("role", role.role.str())
            .field_fixed("required_fte", role.required_fte, 2)
            .field_fixed("current_fte", role.current_fte, 2)
            .field_fixed("planned_fte", role.planned_fte, 2)
            .field_fixed("gap", role.gap, 2)
            .field_integer("hires", role.hires);
        if (role.floor_people)
            json.field_integer("floor_people", *role.floor_people);
        else
            json.field_null("floor_people");
        json.field("reason", role.reason)
            .field_fixed("hours", role.hours, 2)
            .field_fixed("volume_fte", role.volume_fte, 2)
            .field_fixed("gap_after_planned", role.gap_after_planned, 2)
            .key("drivers")
            .begin_array();
        for (const RoleDriver& driver : role.drivers) {
            const ChannelDuty& cd = index.channel_duties()[driver.duty_index];
            json.begin_object()
                .field("subject", channel_duty_subject(cd))
                .field("formula", duty_hours_formula(index, cd))
                .field_fixed("duty_hours", driver.duty_hours, 2)
                .field_fixed("fraction", driver.fraction, 4)
                .field_fixed("hours", driver.hours, 2)
                .field("split", driver.split_basis)
                .end_object();
        }
        json.end_array().end_object();
    }
    json.end_array().key("unroled").begin_array();
    for (const UnroledDuty& u : result.unroled)
        json.begin_object()
            .field("subject", channel_duty_subject(index.channel_duties()[u.duty_index]))
            .field_fixed("hours", u.hours, 2)
            .field("recommended_role", u.recommended_role)
            .field_bool("role_exists", u.recommended_exists)
            .end_object();
    json.end_array()
        .field_fixed("unroled_hours", result.unroled_hours, 2)
        .field_fixed("unroled_fte", result.unroled_fte, 2)
        .key("rotas")
        .begin_array();
    for (const CareRota& rota : result.rotas) {
        json.begin_object().key("channels").begin_array();
        for (const model::ChannelId& channel : rota.channels)
            json.write_string(channel.str());
        json.end_array()
            .field_fixed("window_hours", rota.window_hours, 2)
            .field_fixed("arrival_rate", rota.arrival_rate, 4)
            .field_fixed("handling_minutes", rota.handling_minutes, 2)
            .field_fixed("traffic", rota.traffic, 4)
            .field_fixed("response_minutes", rota.response_minutes, 2)
            .field_fixed("service_level", rota.service_level, 4)
            .field_integer("agents", rota.agents)
            .field_fixed("achieved_service_level", rota.achieved_service_level, 4)
            .field_integer("floor_people", rota.floor_people);
        if (rota.role)
            json.field("role", rota.role->str());
        else
            json.field_null("role");
        json.end_object();
    }
    json.end_array().end_object();
    return json.take();
}

// A figure of the text output: as the CSV writes it in English, the language's numbers else.
std::string text_number(const Texts& texts, double value, int decimals) {
    return texts.language() == "en" ? exporters::format_fixed(value, decimals)
                                    : texts.number(value, decimals);
}

// The reason of a role in words of the language; the CSV and JSON keep the English one.
std::string reason_text(const Texts& texts, const RoleStaffing& role, double hours_per_fte) {
    if (texts.language() == "en")
        return role.reason;
    if (role.floor_wins && role.floor_people)
        return texts.get("staff_output.reason_floor",
                         {{"floor", std::to_string(*role.floor_people)},
                          {"volume", texts.number(role.volume_fte, 2)}});
    if (role.drivers.empty())
        return texts.get("staff_output.reason_none");
    return texts.get("staff_output.reason_volume", {{"hours", texts.number(role.hours, 2)},
                                                    {"per_fte", texts.hours(hours_per_fte)}});
}

std::string render_text(const PlanIndex& index, const StaffingResult& result, const Texts& texts,
                        int width) {
    const Plan& plan = index.plan();
    std::ostringstream out;
    out << texts.get("staff_output.title", {{"plan", plan.info.name},
                                            {"hours", text_number(texts, result.hours_per_fte, 2)}})
        << "\n";
    std::vector<std::vector<std::string>> rows = table_rows(index, result);
    if (texts.language() != "en") {
        for (size_t r = 0; r < rows.size(); ++r) {
            for (size_t c = 1; c <= 4; ++c)
                rows[r][c] = text_number(texts, std::stod(rows[r][c]), 2);
            if (r < result.roles.size())
                rows[r][7] = reason_text(texts, result.roles[r], result.hours_per_fte);
            else
                rows[r][7] = texts.get("staff_output.reason_unroled");
        }
    }
    auto heading = [&](const char* key) { return texts.get(std::string("staff_output.") + key); };
    out << exporters::render_text_table({{heading("col_role")},
                                         {heading("col_required"), exporters::Align::right},
                                         {heading("col_current"), exporters::Align::right},
                                         {heading("col_planned"), exporters::Align::right},
                                         {heading("col_gap"), exporters::Align::right},
                                         {heading("col_hires"), exporters::Align::right},
                                         {heading("col_floor"), exporters::Align::right},
                                         {heading("col_reason")}},
                                        rows, width);
    for (const CareRota& rota : result.rotas) {
        std::string channels;
        for (size_t c = 0; c < rota.channels.size(); ++c)
            channels += (c ? ", " : "") + rota.channels[c].str();
        const std::map<std::string, std::string> values = {
            {"channels", channels},
            {"window", text_number(texts, rota.window_hours, 1)},
            {"traffic", text_number(texts, rota.traffic, 2)},
            {"agents", std::to_string(rota.agents)},
            {"role", rota.role ? rota.role->str() : std::string()}};
        std::string line = texts.get("staff_output.rota", values);
        line += rota.agents > 0 ? texts.count("staff_output.rota_people", rota.floor_people, values)
                                : texts.get("staff_output.rota_unreachable");
        line += rota.role ? texts.get("staff_output.rota_role", values)
                          : texts.get("staff_output.rota_no_role");
        out << line << "\n";
    }
    out << texts.get("staff_output.explain") << "\n";
    return out.str();
}

double parse_budget(const std::string& text) {
    double value = 0;
    size_t used = 0;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text.size() || !std::isfinite(value) || value < 0)
        throw UsageError("--budget needs an amount a year, such as 420000, not '" + text + "'");
    return value;
}

// `staff --budget AMOUNT`: the hires (vacancies and further hires) that fit what AMOUNT leaves
// after the current team, chosen by choose_hires().
std::string render_budget(const PlanFacts& facts, const StaffingResult& staffing, double budget,
                          OutputFormat format) {
    const CostResult cost = compute_cost(facts, staffing);
    std::vector<HireGroup> groups;
    std::vector<HireCandidate> candidates;
    hire_candidates(facts, staffing, cost, groups, candidates);
    const double for_hires = std::max(0.0, budget - cost.current_total);
    const BudgetChoice choice = choose_hires(groups, candidates, for_hires, staffing.hours_per_fte);
    double uncovered = 0, left = 0;
    for (size_t g = 0; g < groups.size(); ++g) {
        uncovered += groups[g].uncovered_hours;
        left += choice.left_uncovered[g];
    }
    std::vector<std::string> unpriced;
    for (const PersonCost& p : cost.people)
        if (p.group != CostGroup::current && p.basis == CostBasis::unknown)
            unpriced.push_back(p.id);

    if (format == OutputFormat::json) {
        exporters::JsonWriter json(exporters::JsonStyle::compact);
        json.begin_object()
            .field("plan", facts.plan().info.name)
            .field("currency", cost.currency)
            .field_fixed("budget", budget, 2)
            .field_fixed("current_team", cost.current_total, 2)
            .field_fixed("for_hires", for_hires, 2)
            .field_fixed("chosen_cost", choice.cost, 2)
            .field_fixed("weighted_hours_covered", choice.value, 2)
            .field("method", "exact: dynamic programming over the Pareto frontier")
            .key("hires")
            .begin_array();
        for (size_t i = 0; i < candidates.size(); ++i)
            json.begin_object()
                .field("id", candidates[i].id)
                .field("name", candidates[i].name)
                .field("role", groups[candidates[i].group].role)
                .field_fixed("fte", candidates[i].fte, 2)
                .field_fixed("cost_per_year", candidates[i].cost, 2)
                .field_bool("chosen", choice.chosen[i])
                .end_object();
        json.end_array().key("roles").begin_array();
        for (size_t g = 0; g < groups.size(); ++g)
            json.begin_object()
                .field("role", groups[g].role)
                .field_fixed("weight", groups[g].weight, 4)
                .field_fixed("uncovered_hours", groups[g].uncovered_hours, 2)
                .field_fixed("covered_hours", choice.covered_hours[g], 2)
                .field_fixed("left_uncovered_hours", choice.left_uncovered[g], 2)
                .end_object();
        json.end_array().key("unpriced").begin_array();
        for (const std::string& id : unpriced)
            json.write_string(id);
        return json.end_array().end_object().take();
    }
    if (format == OutputFormat::csv) {
        std::vector<std::vector<std::string>> rows;
        for (size_t i = 0; i < candidates.size(); ++i)
            rows.push_back({candidates[i].id, candidates[i].name, groups[candidates[i].group].role,
                            exporters::format_fixed(candidates[i].fte, 2),
                            exporters::format_fixed(candidates[i].cost, 2),
                            choice.chosen[i] ? "yes" : "no"});
        return exporters::render_csv({"hire", "name", "role", "fte", "cost_per_year", "chosen"},
                                     rows);
    }
    std::ostringstream out;
    out << facts.plan().info.name << ": hires within a budget of " << format_amount(budget) << " "
        << cost.currency << " a year\n";
    out << "The current team costs " << format_amount(cost.current_total) << ", which leaves "
        << format_amount(for_hires) << " for hires.\n";
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < candidates.size(); ++i)
        rows.push_back({candidates[i].id, groups[candidates[i].group].role,
                        exporters::format_fixed(candidates[i].fte, 2),
                        format_amount(candidates[i].cost), choice.chosen[i] ? "hire" : "not now"});
    if (rows.empty())
        out << "No hire with a known cost would cover uncovered work.\n";
    else
        out << exporters::render_text_table({{"hire"},
                                             {"role"},
                                             {"fte", exporters::Align::right},
                                             {"cost/year", exporters::Align::right},
                                             {"choice"}},
                                            rows);
    out << "Chosen: " << format_amount(choice.cost) << " " << cost.currency << "; covers "
        << exporters::format_fixed(uncovered - left, 1) << " of "
        << exporters::format_fixed(uncovered, 1) << " uncovered h/week (weighted by goal priority: "
        << exporters::format_fixed(choice.value, 1) << ").\n";
    for (size_t g = 0; g < groups.size(); ++g)
        if (choice.left_uncovered[g] > 0.05)
            out << "Stays uncovered: " << groups[g].role << " "
                << exporters::format_fixed(choice.left_uncovered[g], 1) << " h/week.\n";
    if (!unpriced.empty()) {
        // A long list is cut: every id is in --format json.
        constexpr size_t k_named = 10;
        out << "Not priced (no cost given): ";
        for (size_t i = 0; i < unpriced.size() && i < k_named; ++i)
            out << (i ? ", " : "") << unpriced[i];
        if (unpriced.size() > k_named)
            out << " and " << unpriced.size() - k_named << " more (--format json lists them)";
        out << ".\n";
    }
    return out.str();
}

int run_staff(const ParsedArgs& args, Streams& io) {
    const OutputFormat format = output_format(args, "staff", k_analysis_formats);
    const Texts texts = Texts::load(args.value_or("--lang", "en"));
    const PlanFacts facts(load_plan_argument(args.positional[0]).plan);
    const PlanIndex& index = facts.index();
    const StaffingResult result = compute_staffing(facts);

    std::string text;
    if (auto budget = args.value("--budget")) {
        if (args.value("--explain"))
            throw UsageError("--budget and --explain answer different questions; give one");
        text = render_budget(facts, result, parse_budget(*budget), format);
    } else if (auto role = args.value("--explain")) {
        if (!index.role(RoleId(*role))) {
            std::vector<std::string> ids;
            for (const Role& r : facts.plan().roles)
                ids.push_back(r.id.str());
            const std::string near = nearest(*role, ids);
            throw UsageError("unknown role '" + *role + "'" +
                             (near.empty() ? std::string() : " (did you mean '" + near + "'?)"));
        }
        const std::vector<std::string> lines = explain_role(index, result, RoleId(*role), texts);
        if (format == OutputFormat::json) {
            exporters::JsonWriter json(exporters::JsonStyle::compact);
            json.begin_object().field("role", *role).key("lines").begin_array();
            for (const std::string& line : lines)
                json.write_string(line);
            text = json.end_array().end_object().take();
        } else {
            for (const std::string& line : lines)
                text += line + "\n";
        }
    } else if (format == OutputFormat::csv) {
        text = exporters::render_csv({"role", "required_fte", "current_fte", "planned_fte", "gap",
                                      "hires", "floor_people", "reason"},
                                     table_rows(index, result));
    } else if (format == OutputFormat::json) {
        text = render_json(index, result);
    } else {
        text = fit_to_terminal(args, io, render_text(index, result, texts, text_width(args, io)));
    }
    emit_output(args, io, text, "the staffing figures");
    return 0;
}
} // namespace

CommandSpec staff_command() {
    return CommandSpec{
        "staff",
        "planner staff PLAN [--explain ROLE | --budget AMOUNT] [--format text|json|csv] "
        "[--lang en|lv] [-o FILE]",
        "Required vs current FTE per role, care coverage floor, hires",
        "Each channel duty's hours go to the roles that perform it; required FTE is\n"
        "hours / (week.hours x (1 - overhead)), or the Erlang C care-coverage floor when\n"
        "that is higher. gap = required - current; hires = max(0, ceil(gap - 0.2)).\n"
        "--explain ROLE prints every driver and step of the arithmetic for one role.\n"
        "--budget AMOUNT (a year, for the whole team) chooses which vacancies and further\n"
        "hires fit what the current team leaves of it, covering the most uncovered hours\n"
        "weighted by goal priority (an exact choice), and says what stays uncovered.\n"
        "Formulas: docs/staffing.md.\n"
        "--lang lv prints the table and --explain in Latvian (JSON and CSV keys stay English).",
        {OptionSpec{"--explain", "", "ROLE", "the drivers and arithmetic of one role"},
         OptionSpec{"--budget", "", "AMOUNT", "which hires fit a yearly team budget"},
         OptionSpec{"--lang", "", "LANG", "en (default) or lv: the language of the text output"},
         format_option(k_analysis_formats), output_option()},
        1,
        1,
        run_staff};
}

} // namespace planner
