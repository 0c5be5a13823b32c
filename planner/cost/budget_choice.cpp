#include "planner/cost/budget_choice.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace planner {

namespace {
using namespace model;

bool greater(double a, double b) {
    return a > b + 1e-9 * (1 + std::fabs(b));
}

// One way to hire within a group: which of its candidates.
struct Option {
    double fte = 0;
    double cost = 0;
    double value = 0;
    std::vector<size_t> taken; // candidate indices
};

// The ways worth considering to hire within one group: a Pareto frontier over its candidates,
// taken one at a time, of (cost, FTE counted), where FTE counts only up to what covers the
// group's uncovered hours (more covers nothing). A way is kept only when it counts more FTE
// than every cheaper one, so a group of many candidates (or one with nothing uncovered, whose
// only way is to hire nobody) stays small instead of growing as 2^candidates.
std::vector<Option> options_of(const HireGroup& group, const std::vector<HireCandidate>& candidates,
                               const std::vector<size_t>& members, double hours_per_fte) {
    const double cap = hours_per_fte > 0 ? group.uncovered_hours / hours_per_fte : 0;
    std::vector<Option> options{Option{}};
    for (size_t i : members) {
        std::vector<Option> next = options;
        for (const Option& o : options) {
            Option n = o;
            n.fte = std::min(cap, o.fte + candidates[i].fte);
            n.cost += candidates[i].cost;
            n.taken.push_back(i);
            next.push_back(std::move(n));
        }
        std::stable_sort(next.begin(), next.end(), [](const Option& a, const Option& b) {
            if (a.cost != b.cost)
                return a.cost < b.cost;
            return a.fte > b.fte;
        });
        options.clear();
        for (Option& o : next)
            if (options.empty() || greater(o.fte, options.back().fte))
                options.push_back(std::move(o));
    }
    for (Option& o : options)
        o.value = group.weight * std::min(o.fte * hours_per_fte, group.uncovered_hours);
    return options;
}

struct State {
    double cost = 0;
    double value = 0;
    size_t previous = 0;
    size_t option = 0;
};
} // namespace

double covered_value(const std::vector<HireGroup>& groups,
                     const std::vector<HireCandidate>& candidates, const std::vector<bool>& chosen,
                     double hours_per_fte) {
    std::vector<double> fte(groups.size(), 0);
    for (size_t i = 0; i < candidates.size(); ++i)
        if (chosen[i])
            fte[candidates[i].group] += candidates[i].fte;
    double value = 0;
    for (size_t g = 0; g < groups.size(); ++g)
        value += groups[g].weight * std::min(fte[g] * hours_per_fte, groups[g].uncovered_hours);
    return value;
}

BudgetChoice choose_hires(const std::vector<HireGroup>& groups,
                          const std::vector<HireCandidate>& candidates, double budget,
                          double hours_per_fte) {
    std::vector<std::vector<size_t>> members(groups.size());
    for (size_t i = 0; i < candidates.size(); ++i)
        members.at(candidates[i].group).push_back(i);
    std::vector<std::vector<Option>> options;
    for (size_t g = 0; g < groups.size(); ++g)
        options.push_back(options_of(groups[g], candidates, members[g], hours_per_fte));

    const double limit = budget + 1e-9 * (1 + std::fabs(budget));
    std::vector<std::vector<State>> stages{{State{}}};
    for (size_t g = 0; g < groups.size(); ++g) {
        const std::vector<State>& before = stages.back();
        std::vector<State> after;
        for (size_t s = 0; s < before.size(); ++s)
            for (size_t o = 0; o < options[g].size(); ++o) {
                const double cost = before[s].cost + options[g][o].cost;
                if (cost <= limit)
                    after.push_back({cost, before[s].value + options[g][o].value, s, o});
            }
        // Pareto frontier: by cost ascending, keep a state only when it covers more than
        // every cheaper one (equal cost: the higher value, then the first found).
        std::stable_sort(after.begin(), after.end(), [](const State& a, const State& b) {
            if (a.cost != b.cost)
                return a.cost < b.cost;
            return a.value > b.value;
        });
        std::vector<State> frontier;
        for (const State& state : after)
            if (frontier.empty() || greater(state.value, frontier.back().value))
                frontier.push_back(state);
        stages.push_back(std::move(frontier));
    }

    BudgetChoice choice;
    choice.chosen.assign(candidates.size(), false);
    // The last frontier state covers the most; it is the cheapest that does.
    size_t state = stages.back().size() - 1;
    choice.cost = stages.back()[state].cost;
    choice.value = stages.back()[state].value;
    for (size_t g = groups.size(); g-- > 0;) {
        const State& s = stages[g + 1][state];
        for (size_t i : options[g][s.option].taken)
            choice.chosen[i] = true;
        state = s.previous;
    }
    std::vector<double> fte(groups.size(), 0);
    for (size_t i = 0; i < candidates.size(); ++i)
        if (choice.chosen[i])
            fte[candidates[i].group] += candidates[i].fte;
    for (size_t g = 0; g < groups.size(); ++g) {
        const double covered = std::min(fte[g] * hours_per_fte, groups[g].uncovered_hours);
        choice.covered_hours.push_back(covered);
        choice.left_uncovered.push_back(groups[g].uncovered_hours - covered);
    }
    return choice;
}

void hire_candidates(const PlanFacts& facts, const StaffingResult& staffing, const CostResult& cost,
                     std::vector<HireGroup>& groups, std::vector<HireCandidate>& candidates) {
    const Plan& plan = facts.plan();
    const PlanIndex& index = facts.index();
    std::unordered_map<std::string, double> channel_weight;
    for (const Goal& goal : plan.goals)
        for (const ChannelId& c : goal.channels) {
            double& w = channel_weight[c.str()];
            w = std::max(w, static_cast<double>(4 - goal.priority));
        }
    auto weight_of = [&](const ChannelDuty& duty) {
        if (!duty.channel)
            return 1.0;
        auto it = channel_weight.find(duty.channel->str());
        return it == channel_weight.end() ? 1.0 : it->second;
    };
    auto mean_weight = [](double weighted, double hours) {
        return hours > 0 ? weighted / hours : 1.0;
    };

    std::map<std::string, size_t> group_of_role;
    for (const RoleStaffing& role : staffing.roles) {
        const double uncovered =
            std::max(0.0, role.required_fte - role.current_fte) * staffing.hours_per_fte;
        if (uncovered <= 0)
            continue;
        double weighted = 0, hours = 0;
        for (const RoleDriver& d : role.drivers) {
            weighted += d.hours * weight_of(index.channel_duties()[d.duty_index]);
            hours += d.hours;
        }
        const Role* r = index.role(role.role);
        group_of_role.emplace(role.role.str(), groups.size());
        groups.push_back({role.role.str(), r ? display_name(*r) : role.role.str(), uncovered,
                          mean_weight(weighted, hours)});
    }
    if (staffing.unroled_hours > 0) {
        double weighted = 0;
        for (const UnroledDuty& u : staffing.unroled)
            weighted += u.hours * weight_of(index.channel_duties()[u.duty_index]);
        // Unroled hires go to the role compute_cost counts them under.
        std::string role = staffing.unroled.front().recommended_role;
        for (const UnroledDuty& u : staffing.unroled)
            if (u.recommended_exists) {
                role = u.recommended_role;
                break;
            }
        if (!group_of_role.count(role)) {
            group_of_role.emplace(role, groups.size());
            groups.push_back({role, role, staffing.unroled_hours,
                              mean_weight(weighted, staffing.unroled_hours)});
        } else {
            HireGroup& g = groups[group_of_role.at(role)];
            const double all = g.uncovered_hours + staffing.unroled_hours;
            g.weight = (g.weight * g.uncovered_hours + weighted) / all;
            g.uncovered_hours = all;
        }
    }
    for (const PersonCost& p : cost.people) {
        if (p.group == CostGroup::current || p.basis == CostBasis::unknown)
            continue;
        std::string role = p.role ? p.role->str() : std::string();
        if (p.group == CostGroup::hire && !p.role)
            role = p.id.substr(5, p.id.rfind('-') - 5);
        auto g = group_of_role.find(role);
        if (g == group_of_role.end()) {
            // A vacancy of a role with nothing uncovered: a candidate that covers nothing, so
            // it is shown as not chosen rather than silently left out.
            const Role* r = index.role(RoleId(role));
            g = group_of_role.emplace(role, groups.size()).first;
            groups.push_back({role, r ? display_name(*r) : role, 0, 1});
        }
        candidates.push_back({g->second, p.id, p.name, p.fte, p.cost_per_year});
    }
}

} // namespace planner
