// Governance checks GOV001-GOV003 (approval) and collision checks COL001-COL002 (two
// people on the same exclusive work, a profile covered twice).

#include "planner/checks/check_functions.hpp"

#include <algorithm>
#include <map>

namespace planner {

using model::PersonId;

namespace {

std::vector<PersonId> responsible_people(const std::vector<model::DutyCover>& covers) {
    std::vector<PersonId> people;
    for (const model::DutyCover& cover : covers)
        if (cover.raci == model::Raci::R && !cover.backup)
            people.push_back(cover.person);
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    return people;
}

std::string profile_label(const model::Channel* channel, const model::ProfileId& profile) {
    if (channel != nullptr) {
        for (const model::Profile& each : channel->profiles) {
            if (each.id != profile)
                continue;
            if (each.handle)
                return *each.handle;
            if (each.name)
                return *each.name;
        }
    }
    return profile.str();
}

} // namespace

std::vector<Finding> find_channels_without_approver(const CheckContext& context) {
    std::vector<Finding> findings;
    const model::DutyId approve("approve");
    const model::DutyId create("create");
    for (const model::Channel& channel : context.plan().channels) {
        if (!channel.approval.required)
            continue;
        if (!responsible_people(context.graph().covers(channel.id, approve)).empty())
            continue;
        std::string name = model::display_name(channel);
        std::vector<PersonId> creators =
            responsible_people(context.graph().covers(channel.id, create));
        std::string recommendation;
        if (auto candidate = context.candidate_for(approve, creators))
            recommendation = "Make someone who does not create the posts Responsible for "
                             "`approve` on " +
                             name + ": " + context.candidate_clause(*candidate, approve) + ".";
        else
            recommendation = "Make someone who does not create the posts Responsible for "
                             "`approve` on " +
                             name + ", or drop `approval.required`.";
        findings.push_back(make_finding(
            "GOV001", "channel:" + channel.id.str() + "/approve",
            name + " requires approval but nobody is Responsible for approving its posts.",
            {{"approval_steps", std::to_string(channel.approval.steps)},
             {"posts_per_week", format_hours(channel.workload.posts_per_week)}},
            std::move(recommendation)));
    }
    return findings;
}

std::vector<Finding> find_self_approval(const CheckContext& context) {
    std::vector<Finding> findings;
    const model::DutyId approve("approve");
    const model::DutyId create("create");
    for (const model::Channel& channel : context.plan().channels) {
        if (!channel.approval.required)
            continue;
        std::vector<PersonId> approvers =
            responsible_people(context.graph().covers(channel.id, approve));
        if (approvers.size() != 1)
            continue;
        std::vector<PersonId> creators =
            responsible_people(context.graph().covers(channel.id, create));
        if (!std::binary_search(creators.begin(), creators.end(), approvers.front()))
            continue;
        std::string name = model::display_name(channel);
        std::string approver = context.name(approvers.front());
        std::string recommendation;
        if (auto candidate = context.candidate_for(approve, creators))
            recommendation = "Add an approver on " + name + " who does not create its posts: " +
                             context.candidate_clause(*candidate, approve) + ".";
        else
            recommendation = "Add an approver on " + name +
                             " who does not create its posts, for example the team lead.";
        findings.push_back(
            make_finding("GOV002", "channel:" + channel.id.str() + "/approve",
                         approver + " is the only approver on " + name +
                             " and also creates its posts, so posts are approved by their author.",
                         {{"approver", approver}, {"creators", context.names(creators)}},
                         std::move(recommendation)));
    }
    return findings;
}

std::vector<Finding> find_long_approval_chains(const CheckContext& context) {
    std::vector<Finding> findings;
    const int limit = context.info().thresholds.approval_steps;
    for (const model::Channel& channel : context.plan().channels) {
        if (!channel.approval.required || channel.approval.steps <= limit)
            continue;
        std::string name = model::display_name(channel);
        findings.push_back(make_finding(
            "GOV003", "channel:" + channel.id.str(),
            "Posts on " + name + " pass " + std::to_string(channel.approval.steps) +
                " approval steps, more than the " + std::to_string(limit) + " the plan accepts.",
            {{"approval_steps", std::to_string(channel.approval.steps)},
             {"threshold", std::to_string(limit)},
             {"approval_hours_per_week",
              format_hours(model::standard_duty_hours(channel, "approve"))}},
            "Shorten the approval chain of " + name + " to " + std::to_string(limit) +
                " steps or fewer, for example by merging reviews that check the same thing."));
    }
    return findings;
}

std::vector<Finding> find_exclusive_duty_collisions(const CheckContext& context) {
    std::vector<Finding> findings;
    const auto& duties = context.index().channel_duties();
    for (size_t i = 0; i < duties.size(); ++i) {
        const model::DutyInfo* info = context.index().duty(duties[i].duty);
        if (info == nullptr || !info->exclusive)
            continue;
        // Responsible people by scope: the whole channel (empty) or one profile.
        std::map<std::string, std::vector<PersonId>> by_scope;
        std::map<std::string, std::optional<model::ProfileId>> scope_profile;
        for (const model::DutyCover& cover : context.coverage(i).covers) {
            if (cover.raci != model::Raci::R || cover.backup)
                continue;
            std::string key = cover.profile ? cover.profile->str() : "";
            std::vector<PersonId>& people = by_scope[key];
            if (std::find(people.begin(), people.end(), cover.person) == people.end())
                people.push_back(cover.person);
            scope_profile[key] = cover.profile;
        }
        const model::Channel* channel =
            duties[i].channel ? context.index().channel(*duties[i].channel) : nullptr;
        for (auto& [key, people] : by_scope) {
            if (people.size() < 2)
                continue;
            std::sort(people.begin(), people.end());
            const std::optional<model::ProfileId>& profile = scope_profile[key];
            std::string phrase = context.duty_phrase(i);
            if (profile)
                phrase += " (" + profile_label(channel, *profile) + ")";
            findings.push_back(make_finding(
                "COL001", model::channel_duty_subject(duties[i], profile),
                std::to_string(people.size()) + " people are Responsible for " + phrase + ": " +
                    context.names(people) + "; they may publish or answer the same thing twice.",
                {{"responsible", std::to_string(people.size())}, {"people", context.names(people)}},
                "Make one person Responsible for " + phrase +
                    " and the others backups (`backup: true`), or split the work by profile."));
        }
    }
    return findings;
}

std::vector<Finding> find_profile_overlaps(const CheckContext& context) {
    std::vector<Finding> findings;
    const auto& duties = context.index().channel_duties();
    for (size_t i = 0; i < duties.size(); ++i) {
        if (!duties[i].channel)
            continue;
        std::vector<PersonId> whole;
        std::map<std::string, std::vector<PersonId>> by_profile;
        std::map<std::string, model::ProfileId> profile_ids;
        for (const model::DutyCover& cover : context.coverage(i).covers) {
            if (cover.raci != model::Raci::R || cover.backup)
                continue;
            if (!cover.profile) {
                whole.push_back(cover.person);
                continue;
            }
            by_profile[cover.profile->str()].push_back(cover.person);
            profile_ids.emplace(cover.profile->str(), *cover.profile);
        }
        if (whole.empty())
            continue;
        std::sort(whole.begin(), whole.end());
        whole.erase(std::unique(whole.begin(), whole.end()), whole.end());
        const model::Channel* channel = context.index().channel(*duties[i].channel);
        for (auto& [key, people] : by_profile) {
            std::sort(people.begin(), people.end());
            people.erase(std::unique(people.begin(), people.end()), people.end());
            std::vector<PersonId> extra;
            std::set_difference(people.begin(), people.end(), whole.begin(), whole.end(),
                                std::back_inserter(extra));
            if (extra.empty())
                continue;
            const model::ProfileId& profile = profile_ids.at(key);
            std::string label = profile_label(channel, profile);
            std::string phrase = context.duty_phrase(i);
            findings.push_back(make_finding(
                "COL002", model::channel_duty_subject(duties[i], profile),
                phrase + " on the profile " + label + " is covered twice: " + context.names(whole) +
                    (whole.size() == 1 ? " has" : " have") + " the whole channel and " +
                    context.names(extra) + (extra.size() == 1 ? " has" : " have") +
                    " this profile.",
                {{"whole_channel", context.names(whole)}, {"profile", context.names(extra)}},
                "Limit the whole-channel assignment of " + context.names(whole) +
                    " to the other profiles, or drop the profile assignment of " +
                    context.names(extra) + "."));
        }
    }
    return findings;
}

} // namespace planner
