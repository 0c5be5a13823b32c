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
#include "planner/staffing/staffing.hpp"

#include <cmath>
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
    std::ostringstream out;
    out << "{\"plan\": " << exporters::json_quote(plan.info.name)
        << ", \"hours_per_fte\": " << exporters::format_fixed(result.hours_per_fte, 2)
        << ", \"roles\": [";
    for (size_t i = 0; i < result.roles.size(); ++i) {
        const RoleStaffing& role = result.roles[i];
        out << (i ? ", " : "") << "{\"role\": " << exporters::json_quote(role.role.str())
            << ", \"required_fte\": " << exporters::format_fixed(role.required_fte, 2)
            << ", \"current_fte\": " << exporters::format_fixed(role.current_fte, 2)
            << ", \"planned_fte\": " << exporters::format_fixed(role.planned_fte, 2)
            << ", \"gap\": " << exporters::format_fixed(role.gap, 2)
            << ", \"hires\": " << role.hires << ", \"floor_people\": "
            << (role.floor_people ? std::to_string(*role.floor_people) : "null")
            << ", \"reason\": " << exporters::json_quote(role.reason)
            << ", \"hours\": " << exporters::format_fixed(role.hours, 2)
            << ", \"volume_fte\": " << exporters::format_fixed(role.volume_fte, 2)
            << ", \"gap_after_planned\": " << exporters::format_fixed(role.gap_after_planned, 2)
            << ", \"drivers\": [";
        for (size_t d = 0; d < role.drivers.size(); ++d) {
            const RoleDriver& driver = role.drivers[d];
            const ChannelDuty& cd = index.channel_duties()[driver.duty_index];
            out << (d ? ", " : "")
                << "{\"subject\": " << exporters::json_quote(channel_duty_subject(cd))
                << ", \"formula\": " << exporters::json_quote(duty_hours_formula(index, cd))
                << ", \"duty_hours\": " << exporters::format_fixed(driver.duty_hours, 2)
                << ", \"fraction\": " << exporters::format_fixed(driver.fraction, 4)
                << ", \"hours\": " << exporters::format_fixed(driver.hours, 2)
                << ", \"split\": " << exporters::json_quote(driver.split_basis) << "}";
        }
        out << "]}";
    }
    out << "], \"unroled\": [";
    for (size_t i = 0; i < result.unroled.size(); ++i) {
        const UnroledDuty& u = result.unroled[i];
        out << (i ? ", " : "") << "{\"subject\": "
            << exporters::json_quote(channel_duty_subject(index.channel_duties()[u.duty_index]))
            << ", \"hours\": " << exporters::format_fixed(u.hours, 2)
            << ", \"recommended_role\": " << exporters::json_quote(u.recommended_role)
            << ", \"role_exists\": " << (u.recommended_exists ? "true" : "false") << "}";
    }
    out << "], \"unroled_hours\": " << exporters::format_fixed(result.unroled_hours, 2)
        << ", \"unroled_fte\": " << exporters::format_fixed(result.unroled_fte, 2)
        << ", \"rotas\": [";
    for (size_t i = 0; i < result.rotas.size(); ++i) {
        const CareRota& rota = result.rotas[i];
        out << (i ? ", " : "") << "{\"channels\": [";
        for (size_t c = 0; c < rota.channels.size(); ++c)
            out << (c ? ", " : "") << exporters::json_quote(rota.channels[c].str());
        out << "], \"window_hours\": " << exporters::format_fixed(rota.window_hours, 2)
            << ", \"arrival_rate\": " << exporters::format_fixed(rota.arrival_rate, 4)
            << ", \"handling_minutes\": " << exporters::format_fixed(rota.handling_minutes, 2)
            << ", \"traffic\": " << exporters::format_fixed(rota.traffic, 4)
            << ", \"response_minutes\": " << exporters::format_fixed(rota.response_minutes, 2)
            << ", \"service_level\": " << exporters::format_fixed(rota.service_level, 4)
            << ", \"agents\": " << rota.agents << ", \"achieved_service_level\": "
            << exporters::format_fixed(rota.achieved_service_level, 4)
            << ", \"floor_people\": " << rota.floor_people
            << ", \"role\": " << (rota.role ? exporters::json_quote(rota.role->str()) : "null")
            << "}";
    }
    out << "]}\n";
    return out.str();
}

std::string render_text(const PlanIndex& index, const StaffingResult& result) {
    const Plan& plan = index.plan();
    std::ostringstream out;
    out << plan.info.name << ": staff needed per role (FTE; "
        << exporters::format_fixed(result.hours_per_fte, 2) << " h of channel work per FTE)\n";
    out << exporters::render_text_table({{"role"},
                                         {"required", exporters::Align::right},
                                         {"current", exporters::Align::right},
                                         {"planned", exporters::Align::right},
                                         {"gap", exporters::Align::right},
                                         {"hires", exporters::Align::right},
                                         {"floor", exporters::Align::right},
                                         {"reason"}},
                                        table_rows(index, result));
    for (const CareRota& rota : result.rotas) {
        std::string channels;
        for (size_t c = 0; c < rota.channels.size(); ++c)
            channels += (c ? ", " : "") + rota.channels[c].str();
        out << "Care rota " << channels << ": " << exporters::format_fixed(rota.window_hours, 1)
            << " h/week, A = " << exporters::format_fixed(rota.traffic, 2) << " Erlangs, ";
        if (rota.agents > 0)
            out << rota.agents << " at once -> at least " << rota.floor_people << " people";
        else
            out << "no number of agents reaches the target";
        out << (rota.role ? " (" + rota.role->str() + ")"
                          : std::string(" (no role performs engage)"))
            << "\n";
    }
    out << "Explain a role's figures with `planner staff PLAN --explain ROLE`.\n";
    return out.str();
}

int run_staff(const ParsedArgs& args, Streams& io) {
    const std::string format = args.value_or("--format", "text");
    if (format != "text" && format != "json" && format != "csv")
        throw UsageError("unknown format '" + format +
                         "' for `planner staff`; use text, json or csv");
    const PlanFacts facts(load_plan_argument(args.positional[0]).plan);
    const PlanIndex& index = facts.index();
    const StaffingResult result = compute_staffing(facts);

    std::string text;
    if (auto role = args.value("--explain")) {
        if (!index.role(RoleId(*role))) {
            std::vector<std::string> ids;
            for (const Role& r : facts.plan().roles)
                ids.push_back(r.id.str());
            const std::string near = nearest(*role, ids);
            throw UsageError("unknown role '" + *role + "'" +
                             (near.empty() ? std::string() : " (did you mean '" + near + "'?)"));
        }
        const std::vector<std::string> lines = explain_role(index, result, RoleId(*role));
        if (format == "json") {
            text = "{\"role\": " + exporters::json_quote(*role) + ", \"lines\": [";
            for (size_t i = 0; i < lines.size(); ++i)
                text += (i ? ", " : "") + exporters::json_quote(lines[i]);
            text += "]}\n";
        } else {
            for (const std::string& line : lines)
                text += line + "\n";
        }
    } else if (format == "csv") {
        text = exporters::render_csv({"role", "required_fte", "current_fte", "planned_fte", "gap",
                                      "hires", "floor_people", "reason"},
                                     table_rows(index, result));
    } else if (format == "json") {
        text = render_json(index, result);
    } else {
        text = render_text(index, result);
    }
    emit_output(args, io, text);
    return 0;
}
} // namespace

CommandSpec staff_command() {
    return CommandSpec{
        "staff",
        "planner staff PLAN [--explain ROLE] [--format text|json|csv] [-o FILE]",
        "Required vs current FTE per role, care coverage floor, hires",
        "Each channel duty's hours go to the roles that perform it; required FTE is\n"
        "hours / (week.hours x (1 - overhead)), or the Erlang C care-coverage floor when\n"
        "that is higher. gap = required - current; hires = max(0, ceil(gap - 0.2)).\n"
        "--explain ROLE prints every driver and step of the arithmetic for one role.\n"
        "Formulas: docs/staffing.md.",
        {OptionSpec{"--explain", "", "ROLE", "the drivers and arithmetic of one role"},
         format_option(), output_option()},
        1,
        1,
        run_staff};
}

} // namespace planner
