#include "planner/cost/cost.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace planner {

namespace {
using namespace model;

struct Priced {
    CostBasis basis = CostBasis::unknown;
    double rate = 0;
    std::optional<RoleId> role;
};

// A salaried person's rate: their own cost, else their first role that has one.
Priced price(const PlanIndex& index, const Person& person) {
    Priced p;
    if (!person.roles.empty())
        p.role = person.roles.front();
    if (person.status == PersonStatus::contractor && person.hourly_rate) {
        p.basis = CostBasis::hourly;
        p.rate = *person.hourly_rate;
        return p;
    }
    if (person.cost) {
        p.basis = CostBasis::own_salary;
        p.rate = *person.cost;
        return p;
    }
    for (const RoleId& id : person.roles)
        if (const Role* role = index.role(id); role && role->cost) {
            p.basis = CostBasis::role_salary;
            p.rate = *role->cost;
            p.role = id;
            return p;
        }
    return p;
}

int hires_for_fte(double fte) {
    return std::max(0, static_cast<int>(std::ceil(fte - 0.2 - 1e-9)));
}
} // namespace

std::string format_amount(double amount) {
    const long long whole = std::llround(std::fabs(amount));
    const std::string digits = std::to_string(whole);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return (amount < 0 && whole > 0 ? "-" : "") + out;
}

std::string currency_of(const PlanInfo& info) {
    return info.currency.value_or("EUR");
}

std::string_view to_string(CostGroup group) {
    switch (group) {
    case CostGroup::current:
        return "current";
    case CostGroup::vacancy:
        return "vacancy";
    case CostGroup::hire:
        return "hire";
    }
    return "";
}

std::string_view to_string(CostBasis basis) {
    switch (basis) {
    case CostBasis::own_salary:
        return "own salary";
    case CostBasis::role_salary:
        return "role salary";
    case CostBasis::hourly:
        return "hourly rate";
    case CostBasis::unknown:
        return "no cost given";
    }
    return "";
}

CostResult compute_cost(const PlanFacts& facts, const StaffingResult& staffing) {
    const Plan& plan = facts.plan();
    const PlanIndex& index = facts.index();
    const Workload& workload = facts.workload();
    CostResult result;
    result.currency = currency_of(plan.info);
    result.budget = plan.info.budget;
    result.cost_loading = plan.info.cost_loading;
    const double loading = 1 + plan.info.cost_loading;

    result.any_cost = false;
    for (const Role& role : plan.roles)
        result.any_cost = result.any_cost || role.cost.has_value();
    for (const Person& person : plan.people)
        result.any_cost = result.any_cost || person.cost || person.hourly_rate;

    std::unordered_map<std::string, size_t> role_row;
    for (const Role& role : plan.roles) {
        role_row.emplace(role.id.str(), result.roles.size());
        result.roles.push_back({role.id.str(), display_name(role), 0, 0});
    }
    const size_t no_role = result.roles.size();
    result.roles.push_back({"", "", 0, 0});
    std::unordered_map<std::string, size_t> channel_row;
    for (const Channel& channel : plan.channels) {
        channel_row.emplace(channel.id.str(), result.channels.size());
        result.channels.push_back({channel.id.str(), display_name(channel), 0, 0});
    }

    std::map<std::string, int> vacancies_of_role;
    for (size_t i = 0; i < plan.people.size(); ++i) {
        const Person& person = plan.people[i];
        const PersonLoad& load = workload.people[i];
        const Priced priced = price(index, person);
        PersonCost row;
        row.id = person.id.str();
        row.name = display_name(person);
        row.role = priced.role;
        row.status = std::string(model::to_string(person.status));
        row.group =
            person.status == PersonStatus::vacancy ? CostGroup::vacancy : CostGroup::current;
        row.basis = priced.basis;
        row.fte = person.fte;
        row.rate = priced.rate;
        row.hours_per_week = load.load_hours;
        switch (priced.basis) {
        case CostBasis::own_salary:
        case CostBasis::role_salary:
            row.cost_per_year = priced.rate * person.fte * loading;
            break;
        case CostBasis::hourly:
            row.cost_per_year = load.load_hours * priced.rate * k_weeks_per_year;
            break;
        case CostBasis::unknown:
            ++result.unknown_costs;
            break;
        }
        if (row.group == CostGroup::vacancy) {
            result.vacancy_total += row.cost_per_year;
            if (row.role)
                ++vacancies_of_role[row.role->str()];
        } else {
            result.current_total += row.cost_per_year;
        }

        CostShare& role = row.role && role_row.count(row.role->str())
                              ? result.roles[role_row.at(row.role->str())]
                              : result.roles[no_role];
        role.cost_per_year += row.cost_per_year;
        role.hours_per_week += load.load_hours;

        if (load.load_hours <= 0) {
            result.not_carried += row.cost_per_year;
        } else {
            for (const LoadItem& item : load.items) {
                const ChannelDuty& duty = index.channel_duties()[item.duty_index];
                const double part = row.cost_per_year * item.hours / load.load_hours;
                if (duty.channel) {
                    CostShare& channel = result.channels[channel_row.at(duty.channel->str())];
                    channel.cost_per_year += part;
                    channel.hours_per_week += item.hours;
                } else {
                    result.other_duties += part;
                }
            }
        }
        result.people.push_back(std::move(row));
    }

    // Further hires: staff's hires of a role beyond the vacancies already counted under it.
    auto add_hires = [&](const std::optional<RoleId>& role, int count, const std::string& key) {
        const Role* r = role ? index.role(*role) : nullptr;
        for (int n = 1; n <= count; ++n) {
            PersonCost row;
            row.id = "hire-" + key + "-" + std::to_string(n);
            row.name = r ? display_name(*r) : key;
            row.role = r ? std::optional<RoleId>(r->id) : std::nullopt;
            row.status = "hire";
            row.group = CostGroup::hire;
            row.fte = 1;
            if (r && r->cost) {
                row.basis = CostBasis::role_salary;
                row.rate = *r->cost;
                row.cost_per_year = *r->cost * loading;
            } else {
                ++result.unknown_costs;
            }
            result.hires_total += row.cost_per_year;
            result.people.push_back(std::move(row));
        }
    };
    for (const RoleStaffing& role : staffing.roles) {
        auto v = vacancies_of_role.find(role.role.str());
        const int vacancies = v == vacancies_of_role.end() ? 0 : v->second;
        add_hires(role.role, std::max(0, role.hires - vacancies), role.role.str());
    }
    if (!staffing.unroled.empty()) {
        std::optional<RoleId> role;
        std::string key = staffing.unroled.front().recommended_role;
        for (const UnroledDuty& u : staffing.unroled)
            if (u.recommended_exists) {
                role = RoleId(u.recommended_role);
                key = u.recommended_role;
                break;
            }
        add_hires(role, hires_for_fte(staffing.unroled_fte), key);
    }
    result.planned_total = result.current_total + result.vacancy_total + result.hires_total;

    // Goals: each channel's cost split equally among the goals naming it.
    std::unordered_map<std::string, int> goals_of_channel;
    for (const Goal& goal : plan.goals) {
        std::vector<std::string> seen;
        for (const ChannelId& c : goal.channels)
            if (std::find(seen.begin(), seen.end(), c.str()) == seen.end()) {
                seen.push_back(c.str());
                ++goals_of_channel[c.str()];
            }
    }
    for (const Goal& goal : plan.goals) {
        CostShare share{goal.id.str(), display_name(goal), 0, 0};
        std::vector<std::string> seen;
        for (const ChannelId& c : goal.channels) {
            if (std::find(seen.begin(), seen.end(), c.str()) != seen.end() ||
                !channel_row.count(c.str()))
                continue;
            seen.push_back(c.str());
            const CostShare& channel = result.channels[channel_row.at(c.str())];
            const int n = goals_of_channel.at(c.str());
            share.cost_per_year += channel.cost_per_year / n;
            share.hours_per_week += channel.hours_per_week / n;
        }
        result.goals.push_back(std::move(share));
    }
    for (const CostShare& channel : result.channels)
        if (!goals_of_channel.count(channel.id))
            result.no_goal += channel.cost_per_year;
    if (result.roles.back().cost_per_year == 0 && result.roles.back().hours_per_week == 0)
        result.roles.pop_back();
    return result;
}

} // namespace planner
