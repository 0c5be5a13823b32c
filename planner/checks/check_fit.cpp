// Fit checks FIT001-FIT003: does the work suit the person (interests, skills, roles)?

#include "planner/checks/check_functions.hpp"

#include <algorithm>
#include <map>
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
    FindingOutput findings(context);
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
        const std::map<std::string, std::string> values = {
            {"person", name},
            {"channels", context.join(names)},
            {"interests", join_list(person.interests)}};
        findings.push_back(make_finding(
            "FIT001", "person:" + person.id.str(), context.say("FIT001.message", values),
            {{"channels", join_list(names)}, {"interests", join_list(person.interests)}},
            context.say("FIT001.do", values)));
    }
    return findings;
}

std::vector<Finding> find_missing_skills(const CheckContext& context) {
    FindingOutput findings(context);
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
            reasons.push_back(context.say("FIT002.reason", {{"skill", skill}, {"source", source}}));
        };
        for (const model::RoleId& role_id : person.roles)
            if (const model::Role* role = index.role(role_id))
                for (const std::string& skill : role->skills)
                    need(skill, context.say("FIT002.role", {{"role", model::display_name(*role)}}));
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
        const std::map<std::string, std::string> values = {{"person", name},
                                                           {"reasons", context.join(reasons)},
                                                           {"skills", context.join(missing)}};
        findings.push_back(make_finding(
            "FIT002", "person:" + person.id.str(),
            context.say_count("FIT002.message", static_cast<long long>(missing.size()), values),
            {{"missing", join_list(missing)},
             {"skills",
              person.skills.empty() ? context.say("FIT002.no_skills") : join_list(person.skills)}},
            context.say_count("FIT002.do", static_cast<long long>(missing.size()), values)));
    }
    return findings;
}

std::vector<Finding> find_duties_outside_roles(const CheckContext& context) {
    FindingOutput findings(context);
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
        std::vector<std::string> duty_names;
        for (const std::string& duty : duties)
            duty_names.push_back(context.duty_name(model::DutyId(duty)));
        std::map<std::string, std::string> values = {{"person", name},
                                                     {"duty_ids", context.join(backticked(duties))},
                                                     {"duties", context.join(duty_names)},
                                                     {"roles", join_list(roles)}};
        std::string recommendation;
        if (auto candidate = context.candidate_for(first, {person.id})) {
            values["candidate"] = context.candidate_clause(*candidate, first);
            recommendation = context.say("FIT003.do_candidate", values);
        } else {
            recommendation = context.say("FIT003.do", values);
        }
        findings.push_back(make_finding(
            "FIT003", "person:" + person.id.str(), context.say("FIT003.message", values),
            {{"duties", join_list(duties)}, {"roles", join_list(roles)}},
            std::move(recommendation)));
    }
    return findings;
}

} // namespace planner
