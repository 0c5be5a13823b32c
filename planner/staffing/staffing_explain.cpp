// The drivers and arithmetic behind staffing figures, line by line (STAFFING.md: a manager
// must be able to defend a hiring request line by line).
#include "planner/staffing/staffing.hpp"

#include "exporters/number_format.hpp"

#include <algorithm>

namespace planner {

namespace {

// A plan figure as written: up to four decimals, trailing zeros dropped.
std::string figure(double value) {
    std::string text = exporters::format_fixed(value, 4);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
    }
    return text;
}

std::string hours(double value) {
    return exporters::format_fixed(value, 2) + " h";
}

std::string percent(double fraction) {
    return exporters::format_fixed(fraction * 100.0, 1) + "%";
}

} // namespace

std::string duty_hours_formula(const model::PlanIndex& index, const model::ChannelDuty& duty) {
    const std::string total = " = " + hours(duty.hours);
    const model::Channel* channel = duty.channel ? index.channel(*duty.channel) : nullptr;
    const std::string& id = duty.duty.str();
    if (channel && model::is_standard_duty(id)) {
        const model::ChannelWorkload& w = channel->workload;
        if (id == "create")
            return figure(w.posts_per_week) + " posts/week x " + figure(w.hours_per_post) +
                   " h/post" + total;
        if (id == "publish")
            return figure(w.posts_per_week) + " posts/week x " + figure(w.minutes_per_publish) +
                   " min/publish / 60" + total;
        if (id == "approve")
            return figure(w.posts_per_week) + " posts/week x " + figure(w.minutes_per_approval) +
                   " min/approval x " + std::to_string(channel->approval.steps) + " steps / 60" +
                   total;
        if (id == "engage")
            return figure(w.inbound_per_day) + " inbound/day x 7 x " +
                   figure(w.minutes_per_inbound) + " min/inbound / 60" + total;
        if (id == "listen")
            return "listening_hours_per_week" + total;
        if (id == "report")
            return "reporting_hours_per_week" + total;
        if (id == "ads")
            return "ads_hours_per_week" + total;
    }
    if (!duty.channel)
        return "hours_per_week (not channel-bound)" + total;
    return "hours_per_week" + total;
}

std::vector<std::string> explain_role(const model::PlanIndex& index, const StaffingResult& result,
                                      const model::RoleId& role_id) {
    std::vector<std::string> lines;
    auto it = std::find_if(result.roles.begin(), result.roles.end(),
                           [&](const RoleStaffing& r) { return r.role == role_id; });
    if (it == result.roles.end())
        return lines;
    const RoleStaffing& role = *it;
    const model::Plan& plan = index.plan();
    const model::Role* plan_role = index.role(role_id);
    const auto& duties = index.channel_duties();

    lines.push_back("Role " + role.role.str() +
                    (plan_role ? " (" + model::display_name(*plan_role) + ")" : std::string()));
    lines.push_back("1. Hours of the channel duties this role performs:");
    std::vector<std::string> terms;
    for (const RoleDriver& driver : role.drivers) {
        const model::ChannelDuty& cd = duties[driver.duty_index];
        lines.push_back("   " + model::channel_duty_subject(cd) + ": " +
                        duty_hours_formula(index, cd));
        if (driver.split_basis != "only role")
            lines.push_back("      split " + driver.split_basis + ": " + percent(driver.fraction) +
                            " -> " + hours(driver.hours));
        terms.push_back(exporters::format_fixed(driver.hours, 2));
    }
    if (role.drivers.empty())
        lines.push_back("   (none with hours above 0)");
    std::string sum;
    for (size_t i = 0; i < terms.size(); ++i)
        sum += (i ? " + " : "") + terms[i];
    if (terms.size() > 1)
        lines.push_back("   total: " + sum + " = " + hours(role.hours) + "/week");
    else
        lines.push_back("   total: " + hours(role.hours) + "/week");

    lines.push_back("2. Hours per FTE: week.hours " + figure(plan.info.week.hours) +
                    " x (1 - overhead " + figure(plan.info.overhead) +
                    ") = " + hours(result.hours_per_fte));
    lines.push_back("   volume FTE: " + exporters::format_fixed(role.hours, 2) + " / " +
                    exporters::format_fixed(result.hours_per_fte, 2) + " = " +
                    exporters::format_fixed(role.volume_fte, 2));

    bool any_rota = false;
    for (const CareRota& rota : result.rotas) {
        if (!rota.role || *rota.role != role.role)
            continue;
        if (!any_rota)
            lines.push_back("3. Care coverage floor (Erlang C):");
        any_rota = true;
        std::string channels;
        for (size_t i = 0; i < rota.channels.size(); ++i)
            channels += (i ? ", " : "") + rota.channels[i].str();
        lines.push_back("   rota " + channels +
                        ": W = " + exporters::format_fixed(rota.window_hours, 2) +
                        " h/week (union of care windows, UTC)");
        lines.push_back("   lambda = " + figure(rota.inbound_per_week) + " inbound/week / " +
                        exporters::format_fixed(rota.window_hours, 2) +
                        " h = " + exporters::format_fixed(rota.arrival_rate, 3) +
                        " per hour; h = " + figure(rota.handling_minutes) + " min");
        lines.push_back("   A = lambda x h / 60 = " + exporters::format_fixed(rota.traffic, 3) +
                        " Erlangs; target " + percent(rota.service_level) + " within " +
                        figure(rota.response_minutes) + " min");
        if (rota.agents > 0) {
            lines.push_back(
                "   N = " + std::to_string(rota.agents) +
                ": the smallest N > A with SL = 1 - C(N, A) exp(-(N - A) T / h) >= target");
            lines.push_back(
                "       C(N, A) = " + exporters::format_fixed(rota.wait_probability, 4) +
                ", SL = " + percent(rota.achieved_service_level));
            lines.push_back("   floor = ceil(W x N / week.hours) = ceil(" +
                            exporters::format_fixed(rota.window_hours, 2) + " x " +
                            std::to_string(rota.agents) + " / " + figure(plan.info.week.hours) +
                            ") = " + std::to_string(rota.floor_people) + " people");
        } else {
            lines.push_back("   no number of agents reaches the target service level");
        }
    }
    if (!any_rota)
        lines.push_back("3. Care coverage floor: none (this role serves no care window)");

    lines.push_back("   required FTE: " +
                    (role.floor_people
                         ? "max(volume " + exporters::format_fixed(role.volume_fte, 2) +
                               ", floor " + std::to_string(*role.floor_people) + ")"
                         : std::string("volume")) +
                    " = " + exporters::format_fixed(role.required_fte, 2) +
                    (role.floor_wins ? " (the care floor wins)" : ""));

    auto holder_lines = [&](bool vacancy) {
        std::vector<std::string> parts;
        for (const HolderFte& holder : role.holders) {
            if (holder.vacancy != vacancy)
                continue;
            std::string part = holder.person.str() + " " + figure(holder.fte);
            if (holder.fraction != 1.0)
                part += " x " + percent(holder.fraction) + " of load";
            parts.push_back(part + " = " + exporters::format_fixed(holder.counted, 2));
        }
        if (parts.empty())
            parts.push_back("(none)");
        return parts;
    };
    lines.push_back("4. Current FTE (active and leaving holders):");
    for (const std::string& part : holder_lines(false))
        lines.push_back("   " + part);
    lines.push_back("   current FTE = " + exporters::format_fixed(role.current_fte, 2));
    lines.push_back("   planned FTE (vacancies):");
    for (const std::string& part : holder_lines(true))
        lines.push_back("   " + part);
    lines.push_back("   planned FTE = " + exporters::format_fixed(role.planned_fte, 2));
    lines.push_back("5. gap = " + exporters::format_fixed(role.required_fte, 2) + " - " +
                    exporters::format_fixed(role.current_fte, 2) + " = " +
                    exporters::format_fixed(role.gap, 2));
    if (role.floor_wins && role.floor_people) {
        int people = 0;
        for (const HolderFte& holder : role.holders)
            people += holder.vacancy ? 0 : 1;
        lines.push_back("   hires = max(0, floor - people in place) = max(0, " +
                        std::to_string(*role.floor_people) + " - " + std::to_string(people) +
                        ") = " + std::to_string(role.hires) + " (the floor counts people)");
    } else {
        lines.push_back("   hires = max(0, ceil(" + exporters::format_fixed(role.gap, 2) +
                        " - 0.2)) = " + std::to_string(role.hires));
    }
    lines.push_back("   gap after planned vacancies = " + exporters::format_fixed(role.gap, 2) +
                    " - " + exporters::format_fixed(role.planned_fte, 2) + " = " +
                    exporters::format_fixed(role.gap_after_planned, 2));
    return lines;
}

} // namespace planner
