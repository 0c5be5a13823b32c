// Fit checks FIT001-FIT003: does the work suit the person (interests, skills, roles)?

#include "planner/checks/check_functions.hpp"

#include <algorithm>
#include <set>

namespace planner {

using model::PersonId;

namespace {

std::vector<std::string> backticked(const std::vector<std::string>& words) {
    std::vector<std::string> result;
    for (const std::string& word : words)
        result.push_back("`" + word + "`");
    return result;
}

} // namespace

std::vector<Finding> find_work_outside_interests(const CheckContext& context) {
    std::vector<Finding> findings;
    const model::PlanIndex& index = context.index();
    for (const model::Person& person : context.plan().people) {
        if (person.interests.empty())
            continue;
        std::set<std::string> interests(person.interests.begin(), person.interests.end());
        std::vector<model::ChannelId> outside;
        for (size_t a : context.assignments_of(person.id)) {
            const model::Assignment& assignment = index.assignments()[a].assignment;
            if (assignment.raci != model::Raci::R || assignment.backup || !assignment.channel)
                continue;
            const model::Channel* channel = index.channel(*assignment.channel);
            if (channel == nullptr || interests.count(channel->id.str()) != 0 ||
                interests.count(std::string(model::to_string(channel->network))) != 0)
                continue;
            if (std::find(outside.begin(), outside.end(), channel->id) == outside.end())
                outside.push_back(channel->id);
        }
        if (outside.empty())
            continue;
        std::vector<std::string> names;
        for (const model::ChannelId& channel : outside)
            names.push_back(context.channel_name(channel));
        const std::string name = model::display_name(person);
        findings.push_back(make_finding(
            "FIT001", "person:" + person.id.str(),
            name + " works on " + join_words(names) + ", outside the stated interests (" +
                join_list(person.interests) + ").",
            {{"channels", join_list(names)}, {"interests", join_list(person.interests)}},
            "Talk with " + name + " about " + join_words(names) +
                ", or move that work to someone who lists it among their interests."));
    }
    return findings;
}

std::vector<Finding> find_missing_skills(const CheckContext& context) {
    std::vector<Finding> findings;
    const model::PlanIndex& index = context.index();
    for (const model::Person& person : context.plan().people) {
        if (!model::is_active(person))
            continue;
        std::set<std::string> has(person.skills.begin(), person.skills.end());
        std::vector<std::string> missing;
        std::vector<std::string> reasons;
        auto need = [&](const std::string& skill, const std::string& source) {
            if (has.count(skill) != 0 ||
                std::find(missing.begin(), missing.end(), skill) != missing.end())
                return;
            missing.push_back(skill);
            reasons.push_back(skill + " (for " + source + ")");
        };
        for (const model::RoleId& role_id : person.roles)
            if (const model::Role* role = index.role(role_id))
                for (const std::string& skill : role->skills)
                    need(skill, "the role " + model::display_name(*role));
        for (size_t a : context.assignments_of(person.id)) {
            const model::Assignment& assignment = index.assignments()[a].assignment;
            if (assignment.raci != model::Raci::R || assignment.backup)
                continue;
            if (const model::DutyInfo* duty = index.duty(assignment.duty))
                for (const std::string& skill : duty->skills)
                    need(skill, duty->name);
        }
        if (missing.empty())
            continue;
        const std::string name = model::display_name(person);
        findings.push_back(make_finding(
            "FIT002", "person:" + person.id.str(),
            name + " lacks " + (missing.size() == 1 ? "a skill" : "skills") +
                " that the work requires: " + join_words(reasons) + ".",
            {{"missing", join_list(missing)},
             {"skills", person.skills.empty() ? std::string("none") : join_list(person.skills)}},
            "Plan training in " + join_words(missing) + " for " + name +
                ", or move the work to someone who has " +
                (missing.size() == 1 ? "it." : "them.")));
    }
    return findings;
}

std::vector<Finding> find_duties_outside_roles(const CheckContext& context) {
    std::vector<Finding> findings;
    const model::PlanIndex& index = context.index();
    for (const model::Person& person : context.plan().people) {
        if (person.roles.empty())
            continue; // ORG005 reports a person without a role
        std::vector<std::string> duties;
        for (size_t a : context.assignments_of(person.id)) {
            const model::Assignment& assignment = index.assignments()[a].assignment;
            if (assignment.raci != model::Raci::R || assignment.backup)
                continue;
            if (context.performs(person, assignment.duty))
                continue;
            if (std::find(duties.begin(), duties.end(), assignment.duty.str()) == duties.end())
                duties.push_back(assignment.duty.str());
        }
        if (duties.empty())
            continue;
        std::vector<std::string> roles;
        for (const model::RoleId& role_id : person.roles) {
            const model::Role* role = index.role(role_id);
            roles.push_back(role == nullptr ? role_id.str() : model::display_name(*role));
        }
        const std::string name = model::display_name(person);
        const model::DutyId first(duties.front());
        std::string recommendation = "Add " + join_words(backticked(duties)) + " to a role of " +
                                     name + ", or move the work";
        if (auto candidate = context.candidate_for(first, {person.id}))
            recommendation += ": " + context.candidate_clause(*candidate, first) + ".";
        else
            recommendation += " to a role that performs it.";
        findings.push_back(
            make_finding("FIT003", "person:" + person.id.str(),
                         name + " is Responsible for " + join_words(backticked(duties)) +
                             ", which none of their roles (" + join_list(roles) + ") performs.",
                         {{"duties", join_list(duties)}, {"roles", join_list(roles)}},
                         std::move(recommendation)));
    }
    return findings;
}

} // namespace planner
