#include "planner/staffing/staffing.hpp"

#include "exporters/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace planner {

namespace {

// A role to recommend for hours that no role performs: the role most of whose holders'
// skills match the duty's, else a conventional role name for a standard duty.
std::pair<std::string, bool> recommend_role(const model::PlanIndex& index,
                                            const model::ChannelDuty& duty) {
    static const std::map<std::string, std::string> k_conventional = {
        {"create", "content-creator"},          {"publish", "content-creator"},
        {"approve", "social-media-manager"},    {"engage", "community-manager"},
        {"listen", "social-listening-analyst"}, {"report", "social-media-analyst"},
        {"ads", "paid-social-specialist"}};
    const model::DutyInfo* info = index.duty(duty.duty);
    // A role whose skills cover the most of the duty's skills.
    if (info && !info->skills.empty()) {
        const model::Role* best = nullptr;
        size_t best_count = 0;
        for (const model::Role& role : index.plan().roles) {
            size_t count = 0;
            for (const std::string& skill : info->skills)
                if (std::find(role.skills.begin(), role.skills.end(), skill) != role.skills.end())
                    ++count;
            if (count > best_count) {
                best = &role;
                best_count = count;
            }
        }
        if (best)
            return {best->id.str(), true};
    }
    auto it = k_conventional.find(duty.duty.str());
    const std::string name =
        it != k_conventional.end() ? it->second : duty.duty.str() + "-specialist";
    const bool exists = index.role(model::RoleId(name)) != nullptr;
    return {name, exists};
}

std::string fte_text(double value) {
    return exporters::format_fixed(value, 2);
}

// Two decimals without trailing zeros: 32, 30.4.
std::string trimmed(double value) {
    std::string text = exporters::format_fixed(value, 2);
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    return text;
}

} // namespace

StaffingResult compute_staffing(const PlanFacts& facts) {
    const model::PlanIndex& index = facts.index();
    const Workload& workload = facts.workload();
    const model::Plan& plan = index.plan();
    const model::PlanInfo& info = plan.info;
    const auto& channel_duties = index.channel_duties();

    StaffingResult result;
    result.hours_per_fte = info.week.hours * (1.0 - info.overhead);
    result.roles.resize(plan.roles.size());
    for (size_t r = 0; r < plan.roles.size(); ++r)
        result.roles[r].role = plan.roles[r].id;

    // Hours each person carries today per channel duty.
    std::vector<std::map<size_t, double>> carried(channel_duties.size()); // person -> hours
    for (size_t p = 0; p < workload.people.size(); ++p)
        for (const LoadItem& item : workload.people[p].items)
            carried[item.duty_index][p] += item.hours;

    // Step 1: each channel duty's hours go to the roles that perform it.
    for (size_t d = 0; d < channel_duties.size(); ++d) {
        const model::ChannelDuty& cd = channel_duties[d];
        const std::vector<size_t>& roles = facts.roles_performing(cd.duty);
        if (roles.empty()) {
            UnroledDuty unroled;
            unroled.duty_index = d;
            unroled.hours = cd.hours;
            std::tie(unroled.recommended_role, unroled.recommended_exists) =
                recommend_role(index, cd);
            result.unroled_hours += cd.hours;
            result.unroled.push_back(std::move(unroled));
            continue;
        }
        std::map<size_t, double> role_hours; // today's hours per role
        double total_today = 0;
        if (roles.size() > 1) {
            for (const auto& [person, hours] : carried[d]) {
                const std::vector<size_t> own =
                    facts.person_roles_performing(plan.people[person], cd.duty);
                for (size_t r : own)
                    role_hours[r] += hours / static_cast<double>(own.size());
                if (!own.empty())
                    total_today += hours;
            }
        }
        for (size_t r : roles) {
            RoleDriver driver;
            driver.duty_index = d;
            driver.duty_hours = cd.hours;
            if (roles.size() == 1) {
                driver.fraction = 1;
                driver.split_basis = "only role";
            } else if (total_today > 0) {
                driver.fraction = role_hours[r] / total_today;
                driver.split_basis = "by hours carried today";
            } else {
                driver.fraction = 1.0 / static_cast<double>(roles.size());
                driver.split_basis = "equally";
            }
            driver.hours = cd.hours * driver.fraction;
            result.roles[r].hours += driver.hours;
            result.roles[r].drivers.push_back(driver);
        }
    }
    if (result.hours_per_fte > 0)
        result.unroled_fte = result.unroled_hours / result.hours_per_fte;

    // Step 2: volume FTE.
    for (RoleStaffing& role : result.roles)
        role.volume_fte = result.hours_per_fte > 0 ? role.hours / result.hours_per_fte : 0;

    // Step 3: the care floor goes to the role that takes the most of the rota's engage hours.
    result.rotas = compute_care_rotas(index);
    std::map<std::string, size_t> rota_of_channel;
    for (size_t k = 0; k < result.rotas.size(); ++k)
        for (const model::ChannelId& id : result.rotas[k].channels)
            rota_of_channel.emplace(id.str(), k);
    std::vector<std::map<size_t, double>> engage_by_role(result.rotas.size()); // role -> hours
    for (size_t r = 0; r < result.roles.size(); ++r) {
        for (const RoleDriver& driver : result.roles[r].drivers) {
            const model::ChannelDuty& cd = channel_duties[driver.duty_index];
            if (cd.duty.str() != "engage" || !cd.channel)
                continue;
            auto it = rota_of_channel.find(cd.channel->str());
            if (it != rota_of_channel.end())
                engage_by_role[it->second][r] += driver.hours;
        }
    }
    for (size_t k = 0; k < result.rotas.size(); ++k) {
        CareRota& rota = result.rotas[k];
        const std::pair<const size_t, double>* best = nullptr;
        for (const auto& entry : engage_by_role[k])
            if (!best || entry.second > best->second)
                best = &entry;
        if (!best)
            continue;
        RoleStaffing& role = result.roles[best->first];
        rota.role = role.role;
        role.floor_people = role.floor_people.value_or(0) + rota.floor_people;
    }

    // Step 4: current and planned FTE by holder.
    for (size_t p = 0; p < plan.people.size(); ++p) {
        const model::Person& person = plan.people[p];
        std::vector<size_t> roles;
        for (const model::RoleId& id : person.roles)
            if (const model::Role* role = index.role(id))
                roles.push_back(static_cast<size_t>(role - plan.roles.data()));
        std::sort(roles.begin(), roles.end());
        roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
        if (roles.empty())
            continue;

        std::map<size_t, double> by_role;
        double total = 0;
        if (roles.size() > 1) {
            for (const LoadItem& item : workload.people[p].items) {
                const std::vector<size_t> own =
                    facts.person_roles_performing(person, channel_duties[item.duty_index].duty);
                for (size_t r : own)
                    by_role[r] += item.hours / static_cast<double>(own.size());
                if (!own.empty())
                    total += item.hours;
            }
        }
        for (size_t r : roles) {
            HolderFte holder;
            holder.person = person.id;
            holder.fte = person.fte;
            holder.fraction = roles.size() == 1 ? 1.0
                              : total > 0       ? by_role[r] / total
                                                : 1.0 / static_cast<double>(roles.size());
            holder.counted = holder.fte * holder.fraction;
            holder.vacancy = !model::is_active(person);
            RoleStaffing& role = result.roles[r];
            (holder.vacancy ? role.planned_fte : role.current_fte) += holder.counted;
            role.holders.push_back(std::move(holder));
        }
    }

    // Step 5: required, gap, hires.
    for (RoleStaffing& role : result.roles) {
        const double floor = role.floor_people ? static_cast<double>(*role.floor_people) : 0.0;
        role.floor_wins = role.floor_people && floor > role.volume_fte + 1e-9;
        role.required_fte = role.floor_wins ? floor : role.volume_fte;
        role.gap = role.required_fte - role.current_fte;
        role.hires = std::max(0, static_cast<int>(std::ceil(role.gap - 0.2 - 1e-9)));
        if (role.floor_wins) {
            // The floor is people at once, so people meet it, not FTE: two half-time people
            // cover a floor of two, as COV006 judges the care window.
            int people = 0;
            for (const HolderFte& holder : role.holders)
                people += holder.vacancy ? 0 : 1;
            role.hires = std::max(0, *role.floor_people - people);
        }
        role.gap_after_planned = role.gap - role.planned_fte;
        if (role.floor_wins) {
            role.reason = "care floor " + std::to_string(*role.floor_people) + " > volume " +
                          fte_text(role.volume_fte) + " FTE";
        } else if (role.drivers.empty()) {
            role.reason = "no channel duty of this role has hours";
        } else {
            role.reason = "volume: " + exporters::format_fixed(role.hours, 2) + " h / " +
                          trimmed(result.hours_per_fte) + " h per FTE";
        }
    }
    return result;
}

} // namespace planner
