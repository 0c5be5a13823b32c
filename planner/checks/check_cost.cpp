// Cost checks COST001-COST003, over the figures of compute_cost (docs/cost.md).

#include "planner/checks/check_functions.hpp"

#include "exporters/number_format.hpp"

#include "planner/cost/cost.hpp"
#include "planner/staffing/staffing.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace planner {

namespace {
// "332,803 EUR" / "332 803 EUR": whole units in the language's number format.
std::string money(const CheckContext& context, double amount, const std::string& currency) {
    return context.texts().number(std::round(amount), 0) + " " + currency;
}
// An amount as evidence: a plain number (JSON writes it as one; text in the language's format),
// in whole units; a rate keeps its cents when it has any.
std::string evidence_amount(double amount, bool rate = false) {
    const double cents = std::round(amount * 100) / 100;
    return !rate || cents == std::round(cents) ? std::to_string(std::llround(amount))
                                               : exporters::format_fixed(cents, 2);
}
} // namespace

std::vector<Finding> find_team_over_budget(const CheckContext& context) {
    FindingOutput findings(context);
    if (!context.info().budget)
        return findings;
    const double budget = *context.info().budget;
    const CostResult cost = compute_cost(context.facts(), compute_staffing(context.facts()));
    const double over = cost.planned_total - budget;
    if (over <= 0.5)
        return findings;
    const std::string& c = cost.currency;
    const std::map<std::string, std::string> values = {
        {"planned", money(context, cost.planned_total, c)},
        {"over", money(context, over, c)},
        {"budget", money(context, budget, c)},
        {"current", money(context, cost.current_total, c)},
        {"budget_plain", std::to_string(std::llround(budget))}};
    std::string message = context.say("COST001.message", values);
    std::string recommendation = cost.current_total > budget
                                     ? context.say("COST001.do_current", values)
                                     : context.say("COST001.do", values);
    findings.push_back(make_finding("COST001", "plan", std::move(message),
                                    {{"planned_total", evidence_amount(cost.planned_total)},
                                     {"current_team", evidence_amount(cost.current_total)},
                                     {"vacancies", evidence_amount(cost.vacancy_total)},
                                     {"further_hires", evidence_amount(cost.hires_total)},
                                     {"budget", evidence_amount(budget)},
                                     {"currency", c}},
                                    std::move(recommendation)));
    return findings;
}

std::vector<Finding> find_missing_costs(const CheckContext& context) {
    FindingOutput findings(context);
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
        const std::map<std::string, std::string> values = {{"role", model::display_name(role)},
                                                           {"id", role.id.str()},
                                                           {"people", context.join(unpriced)}};
        findings.push_back(make_finding(
            "COST002", "role:" + role.id.str(),
            unpriced.empty() ? context.say("COST002.role", values)
                             : context.say_count("COST002.role_people",
                                                 static_cast<long long>(unpriced.size()), values),
            {{"people_without_cost", std::to_string(unpriced.size())}},
            context.say("COST002.do_role", values)));
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
            const std::map<std::string, std::string> values = {{"person", context.name(person.id)},
                                                               {"id", person.id.str()}};
            findings.push_back(make_finding(
                "COST002", "person:" + person.id.str(), context.say("COST002.contractor", values),
                {{"status", "contractor"}}, context.say("COST002.do_contractor", values)));
            continue;
        }
        if (!person.roles.empty())
            continue; // priced by a role, or named by the role's finding above
        const std::map<std::string, std::string> values = {{"person", context.name(person.id)},
                                                           {"id", person.id.str()}};
        findings.push_back(make_finding("COST002", "person:" + person.id.str(),
                                        context.say("COST002.no_role", values),
                                        {{"status", std::string(model::to_string(person.status))}},
                                        context.say("COST002.do_no_role", values)));
    }
    return findings;
}

std::vector<Finding> find_contractor_work_for_staff(const CheckContext& context) {
    FindingOutput findings(context);
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
                context.say("COST003.message", {{"person", context.name(person.id)},
                                                {"hours", context.hours(item.hours)},
                                                {"duty", context.duty_phrase(item.duty_index)},
                                                {"candidate", context.name(*candidate)}}),
                {{"contractor", person.id.str()},
                 {"hours_per_week", format_hours(item.hours)},
                 {"hourly_rate", evidence_amount(*person.hourly_rate, true)},
                 {"contractor_cost_per_year", evidence_amount(saved)},
                 {"candidate", candidate->str()},
                 {"candidate_free_hours", format_hours(context.free_hours(*candidate))}},
                context.say("COST003.do", {{"clause", context.candidate_clause(*candidate, duty)},
                                           {"saved", money(context, saved, currency)}})));
            if (!item.profile) { // a profile's share is not the duty's
                FindingChange change = duty_change(
                    "move", *candidate, context.index().channel_duties()[item.duty_index]);
                change.from = person.id.str();
                change.hours = item.hours;
                findings.back().change = std::move(change);
            }
        }
    }
    return findings;
}

} // namespace planner
