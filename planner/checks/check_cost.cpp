// Cost checks COST001-COST003, over the figures of compute_cost (docs/cost.md).

#include "planner/checks/check_functions.hpp"

#include "planner/cost/cost.hpp"
#include "planner/staffing/staffing.hpp"

#include <algorithm>
#include <cmath>

namespace planner {

namespace {
std::string money(double amount, const std::string& currency) {
    return format_amount(amount) + " " + currency;
}
} // namespace

std::vector<Finding> find_team_over_budget(const CheckContext& context) {
    std::vector<Finding> findings;
    if (!context.info().budget)
        return findings;
    const double budget = *context.info().budget;
    const CostResult cost = compute_cost(context.facts(), compute_staffing(context.facts()));
    const double over = cost.planned_total - budget;
    if (over <= 0.5)
        return findings;
    const std::string& c = cost.currency;
    std::string message = "The planned team costs " + money(cost.planned_total, c) + " a year, " +
                          money(over, c) + " over the budget of " + money(budget, c) + ".";
    std::string recommendation =
        cost.current_total > budget
            ? "The current team alone costs " + money(cost.current_total, c) +
                  ", more than the budget: raise the budget or plan fewer hours."
            : "See which hires fit with `planner staff PLAN --budget " +
                  std::to_string(std::llround(budget)) + "`, or raise the budget.";
    findings.push_back(make_finding("COST001", "plan", std::move(message),
                                    {{"planned_total", format_amount(cost.planned_total)},
                                     {"current_team", format_amount(cost.current_total)},
                                     {"vacancies", format_amount(cost.vacancy_total)},
                                     {"further_hires", format_amount(cost.hires_total)},
                                     {"budget", format_amount(budget)},
                                     {"currency", c}},
                                    std::move(recommendation)));
    return findings;
}

std::vector<Finding> find_missing_costs(const CheckContext& context) {
    std::vector<Finding> findings;
    const model::Plan& plan = context.plan();
    bool any = false;
    for (const model::Role& role : plan.roles)
        any = any || role.cost;
    for (const model::Person& person : plan.people)
        any = any || person.cost || person.hourly_rate;
    if (!any)
        return findings;
    // A role without cost matters when someone in the plan would be priced by it.
    for (const model::Role& role : plan.roles) {
        if (role.cost)
            continue;
        std::vector<std::string> unpriced;
        for (const model::Person& person : plan.people) {
            if (person.cost || person.hourly_rate || person.roles.empty() ||
                person.roles.front() != role.id)
                continue;
            bool other_priced_role = false;
            for (const model::RoleId& id : person.roles)
                if (const model::Role* r = context.index().role(id); r && r->cost)
                    other_priced_role = true;
            if (!other_priced_role)
                unpriced.push_back(context.name(person.id));
        }
        findings.push_back(make_finding(
            "COST002", "role:" + role.id.str(),
            "Role " + model::display_name(role) + " has no cost while others have one" +
                (unpriced.empty()
                     ? std::string(".")
                     : ", so " + join_words(unpriced) +
                           (unpriced.size() == 1 ? " counts" : " count") + " as costing nothing."),
            {{"people_without_cost", std::to_string(unpriced.size())}},
            "Add `cost` (a year per FTE) to role " + role.id.str() + "."));
    }
    for (const model::Person& person : plan.people) {
        if (person.cost || person.hourly_rate)
            continue;
        if (person.status == model::PersonStatus::contractor) {
            bool role_priced = false;
            for (const model::RoleId& id : person.roles)
                if (const model::Role* r = context.index().role(id); r && r->cost)
                    role_priced = true;
            if (role_priced)
                continue;
            findings.push_back(make_finding(
                "COST002", "person:" + person.id.str(),
                context.name(person.id) + " is a contractor with no hourly rate or cost.",
                {{"status", "contractor"}}, "Add `hourly_rate` to " + person.id.str() + "."));
            continue;
        }
        if (!person.roles.empty())
            continue; // priced by a role, or named by the role's finding above
        findings.push_back(make_finding("COST002", "person:" + person.id.str(),
                                        context.name(person.id) +
                                            " has no role and no cost, so counts as costing "
                                            "nothing.",
                                        {{"status", std::string(model::to_string(person.status))}},
                                        "Add `cost` (a year per FTE) to " + person.id.str() +
                                            ", or give them a role that has one."));
    }
    return findings;
}

std::vector<Finding> find_contractor_work_for_staff(const CheckContext& context) {
    std::vector<Finding> findings;
    const model::Plan& plan = context.plan();
    const std::string currency = currency_of(plan.info);
    for (const PersonLoad& load : context.workload().people) {
        const model::Person& person = context.person(load.person);
        if (person.status != model::PersonStatus::contractor || !person.hourly_rate)
            continue;
        for (const LoadItem& item : load.items) {
            if (item.hours < 0.05)
                continue;
            const model::DutyId& duty = context.index().channel_duties()[item.duty_index].duty;
            auto candidate = context.candidate_for(duty, {person.id}, [&](const model::Person& p) {
                return p.status == model::PersonStatus::active &&
                       context.free_hours(p.id) + 1e-9 >= item.hours;
            });
            if (!candidate)
                continue;
            const double saved = item.hours * *person.hourly_rate * k_weeks_per_year;
            findings.push_back(make_finding(
                "COST003",
                channel_duty_subject(context.index().channel_duties()[item.duty_index],
                                     item.profile),
                context.name(person.id) + " (contractor) carries " + format_hours(item.hours) +
                    " hours a week of " + context.duty_phrase(item.duty_index) + ", which " +
                    context.name(*candidate) + " has the free hours to take.",
                {{"contractor", person.id.str()},
                 {"hours_per_week", format_hours(item.hours)},
                 {"hourly_rate", format_amount(*person.hourly_rate)},
                 {"contractor_cost_per_year", format_amount(saved)},
                 {"candidate", candidate->str()},
                 {"candidate_free_hours", format_hours(context.free_hours(*candidate))}},
                "Move it: " + context.candidate_clause(*candidate, duty) + "; the contractor's " +
                    money(saved, currency) + " a year for it would be saved."));
        }
    }
    return findings;
}

} // namespace planner
