// The drivers and arithmetic behind staffing figures, line by line (STAFFING.md: a manager
// must be able to defend a hiring request line by line).
#include "planner/staffing/staffing.hpp"

#include "exporters/number_format.hpp"
#include "planner/core/texts.hpp"

#include <algorithm>
#include <map>

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

// Figures as the language writes them: English as the CSV does ("1234.50"), others by ICU.
struct Say {
    const Texts& texts;
    bool english() const { return texts.language() == "en"; }
    std::string fixed(double value, int decimals) const {
        return english() ? exporters::format_fixed(value, decimals) : texts.number(value, decimals);
    }
    std::string figure(double value) const {
        if (english())
            return planner::figure(value);
        const std::string plain = planner::figure(value);
        const size_t dot = plain.find('.');
        return texts.number(
            value, dot == std::string::npos ? 0 : static_cast<int>(plain.size() - dot - 1));
    }
    std::string hours(double value) const { return fixed(value, 2) + " h"; }
    std::string percent(double fraction) const { return fixed(fraction * 100.0, 1) + "%"; }
    std::string operator()(const std::string& key,
                           const std::map<std::string, std::string>& values = {}) const {
        return texts.get("explain." + key, values);
    }
};

const Texts& english_texts() {
    static const Texts english = Texts::load("en");
    return english;
}

} // namespace

std::string duty_hours_formula(const model::PlanIndex& index, const model::ChannelDuty& duty) {
    return duty_hours_formula(index, duty, english_texts());
}

std::string split_basis_text(const std::string& basis, const Texts& texts) {
    const Say say{texts};
    return basis == "by hours carried today" ? say("split_by_hours")
           : basis == "equally"              ? say("split_equally")
           : basis == "only role"            ? say("split_only_role")
                                             : basis;
}

std::string duty_hours_formula(const model::PlanIndex& index, const model::ChannelDuty& duty,
                               const Texts& texts) {
    const Say say{texts};
    const std::string total = " = " + say.hours(duty.hours);
    const model::Channel* channel = duty.channel ? index.channel(*duty.channel) : nullptr;
    const std::string& id = duty.duty.str();
    if (channel && model::is_standard_duty(id)) {
        const model::ChannelWorkload& w = channel->workload;
        const std::string posts = say.figure(w.posts_per_week);
        if (id == "create")
            return say("create", {{"posts", posts}, {"hours", say.figure(w.hours_per_post)}}) +
                   total;
        if (id == "publish")
            return say("publish",
                       {{"posts", posts}, {"minutes", say.figure(w.minutes_per_publish)}}) +
                   total;
        if (id == "approve")
            return say("approve", {{"posts", posts},
                                   {"minutes", say.figure(w.minutes_per_approval)},
                                   {"steps", std::to_string(channel->approval.steps)}}) +
                   total;
        if (id == "engage")
            return say("engage", {{"inbound", say.figure(w.inbound_per_day)},
                                  {"minutes", say.figure(w.minutes_per_inbound)}}) +
                   total;
        if (id == "listen")
            return say("listen") + total;
        if (id == "report")
            return say("report") + total;
        if (id == "ads")
            return say("ads") + total;
    }
    if (!duty.channel)
        return say("own_unbound") + total;
    return say("own") + total;
}

std::vector<std::string> explain_role(const model::PlanIndex& index, const StaffingResult& result,
                                      const model::RoleId& role_id) {
    return explain_role(index, result, role_id, english_texts());
}

std::vector<std::string> explain_role(const model::PlanIndex& index, const StaffingResult& result,
                                      const model::RoleId& role_id, const Texts& texts) {
    const Say say{texts};
    std::vector<std::string> lines;
    auto it = std::find_if(result.roles.begin(), result.roles.end(),
                           [&](const RoleStaffing& r) { return r.role == role_id; });
    if (it == result.roles.end())
        return lines;
    const RoleStaffing& role = *it;
    const model::Plan& plan = index.plan();
    const model::Role* plan_role = index.role(role_id);
    const auto& duties = index.channel_duties();

    lines.push_back(plan_role ? say("role_named", {{"id", role.role.str()},
                                                   {"name", model::display_name(*plan_role)}})
                              : say("role", {{"id", role.role.str()}}));
    lines.push_back(say("step1"));
    std::vector<std::string> terms;
    for (const RoleDriver& driver : role.drivers) {
        const model::ChannelDuty& cd = duties[driver.duty_index];
        lines.push_back("   " + model::channel_duty_subject(cd) + ": " +
                        duty_hours_formula(index, cd, texts));
        if (driver.split_basis != "only role") {
            lines.push_back(say("split", {{"basis", split_basis_text(driver.split_basis, texts)},
                                          {"percent", say.percent(driver.fraction)},
                                          {"hours", say.hours(driver.hours)}}));
        }
        terms.push_back(say.fixed(driver.hours, 2));
    }
    if (role.drivers.empty())
        lines.push_back(say("none_above_zero"));
    std::string sum;
    for (size_t i = 0; i < terms.size(); ++i)
        sum += (i ? " + " : "") + terms[i];
    if (terms.size() > 1)
        lines.push_back(say("total_sum", {{"sum", sum}, {"hours", say.hours(role.hours)}}));
    else
        lines.push_back(say("total", {{"hours", say.hours(role.hours)}}));

    lines.push_back(say("step2", {{"week", say.figure(plan.info.week.hours)},
                                  {"overhead", say.figure(plan.info.overhead)},
                                  {"hours", say.hours(result.hours_per_fte)}}));
    lines.push_back(say("volume", {{"hours", say.fixed(role.hours, 2)},
                                   {"per_fte", say.fixed(result.hours_per_fte, 2)},
                                   {"fte", say.fixed(role.volume_fte, 2)}}));

    bool any_rota = false;
    for (const CareRota& rota : result.rotas) {
        if (!rota.role || *rota.role != role.role)
            continue;
        if (!any_rota)
            lines.push_back(say("step3"));
        any_rota = true;
        std::string channels;
        for (size_t i = 0; i < rota.channels.size(); ++i)
            channels += (i ? ", " : "") + rota.channels[i].str();
        const std::string window = say.fixed(rota.window_hours, 2);
        lines.push_back(say("rota", {{"channels", channels}, {"window", window}}));
        lines.push_back(say("lambda", {{"inbound", say.figure(rota.inbound_per_week)},
                                       {"window", window},
                                       {"rate", say.fixed(rota.arrival_rate, 3)},
                                       {"handling", say.figure(rota.handling_minutes)}}));
        lines.push_back(say("traffic", {{"traffic", say.fixed(rota.traffic, 3)},
                                        {"level", say.percent(rota.service_level)},
                                        {"minutes", say.figure(rota.response_minutes)}}));
        if (rota.agents > 0) {
            lines.push_back(say("agents", {{"agents", std::to_string(rota.agents)}}));
            lines.push_back(say("wait", {{"wait", say.fixed(rota.wait_probability, 4)},
                                         {"achieved", say.percent(rota.achieved_service_level)}}));
            lines.push_back(say("floor", {{"window", window},
                                          {"agents", std::to_string(rota.agents)},
                                          {"week", say.figure(plan.info.week.hours)},
                                          {"floor", std::to_string(rota.floor_people)}}));
        } else {
            lines.push_back(say("no_agents"));
        }
    }
    if (!any_rota)
        lines.push_back(say("no_floor"));

    const std::map<std::string, std::string> required = {
        {"volume", say.fixed(role.volume_fte, 2)},
        {"floor", role.floor_people ? std::to_string(*role.floor_people) : std::string()},
        {"required", say.fixed(role.required_fte, 2)}};
    lines.push_back(
        (role.floor_people ? say("required_floor", required) : say("required", required)) +
        (role.floor_wins ? say("floor_wins") : std::string()));

    auto holder_lines = [&](bool vacancy) {
        std::vector<std::string> parts;
        for (const HolderFte& holder : role.holders) {
            if (holder.vacancy != vacancy)
                continue;
            std::string part = holder.person.str() + " " + say.figure(holder.fte);
            if (holder.fraction != 1.0)
                part += say("holder_share", {{"percent", say.percent(holder.fraction)}});
            parts.push_back(part + " = " + say.fixed(holder.counted, 2));
        }
        if (parts.empty())
            parts.push_back(say("none"));
        return parts;
    };
    lines.push_back(say("step4"));
    for (const std::string& part : holder_lines(false))
        lines.push_back("   " + part);
    lines.push_back(say("current", {{"fte", say.fixed(role.current_fte, 2)}}));
    lines.push_back(say("planned_head"));
    for (const std::string& part : holder_lines(true))
        lines.push_back("   " + part);
    lines.push_back(say("planned", {{"fte", say.fixed(role.planned_fte, 2)}}));
    lines.push_back(say("gap", {{"required", say.fixed(role.required_fte, 2)},
                                {"current", say.fixed(role.current_fte, 2)},
                                {"gap", say.fixed(role.gap, 2)}}));
    if (role.floor_wins && role.floor_people) {
        int people = 0;
        for (const HolderFte& holder : role.holders)
            people += holder.vacancy ? 0 : 1;
        lines.push_back(say("hires_floor", {{"floor", std::to_string(*role.floor_people)},
                                            {"people", std::to_string(people)},
                                            {"hires", std::to_string(role.hires)}}));
    } else {
        lines.push_back(
            say("hires", {{"gap", say.fixed(role.gap, 2)}, {"hires", std::to_string(role.hires)}}));
    }
    lines.push_back(say("gap_after", {{"gap", say.fixed(role.gap, 2)},
                                      {"planned", say.fixed(role.planned_fte, 2)},
                                      {"after", say.fixed(role.gap_after_planned, 2)}}));
    return lines;
}

} // namespace planner
