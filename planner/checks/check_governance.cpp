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
    FindingOutput findings(context);
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
        std::map<std::string, std::string> values = {{"channel", name}};
        std::string recommendation;
        FindingChange change;
        if (auto candidate = context.candidate_for(approve, creators)) {
            change = duty_change("assign", *candidate, approve, channel.id);
            values["candidate"] = context.candidate_clause(*candidate, approve);
            recommendation = context.say("GOV001.do_candidate", values);
        } else {
            recommendation = context.say("GOV001.do", values);
        }
        findings.push_back(
            make_finding("GOV001", "channel:" + channel.id.str() + "/approve",
                         context.say("GOV001.message", values),
                         {{"approval_steps", std::to_string(channel.approval.steps)},
                          {"posts_per_week", format_hours(channel.workload.posts_per_week)}},
                         std::move(recommendation)));
        findings.back().change = std::move(change);
    }
    return findings;
}

std::vector<Finding> find_self_approval(const CheckContext& context) {
    FindingOutput findings(context);
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
        std::map<std::string, std::string> values = {{"channel", name}, {"approver", approver}};
        std::string recommendation;
        FindingChange change;
        if (auto candidate = context.candidate_for(approve, creators)) {
            change = duty_change("assign", *candidate, approve, channel.id);
            values["candidate"] = context.candidate_clause(*candidate, approve);
            recommendation = context.say("GOV002.do_candidate", values);
        } else {
            recommendation = context.say("GOV002.do", values);
        }
        findings.push_back(
            make_finding("GOV002", "channel:" + channel.id.str() + "/approve",
                         context.say("GOV002.message", values),
                         {{"approver", approver}, {"creators", context.names(creators)}},
                         std::move(recommendation)));
        findings.back().change = std::move(change);
    }
    return findings;
}

std::vector<Finding> find_long_approval_chains(const CheckContext& context) {
    FindingOutput findings(context);
    const int limit = context.info().thresholds.approval_steps;
    for (const model::Channel& channel : context.plan().channels) {
        if (!channel.approval.required || channel.approval.steps <= limit)
            continue;
        const std::map<std::string, std::string> values = {
            {"channel", model::display_name(channel)},
            {"steps", std::to_string(channel.approval.steps)},
            {"limit", std::to_string(limit)}};
        findings.push_back(
            make_finding("GOV003", "channel:" + channel.id.str(),
                         context.say_count("GOV003.message", channel.approval.steps, values),
                         {{"approval_steps", std::to_string(channel.approval.steps)},
                          {"threshold", std::to_string(limit)},
                          {"approval_hours_per_week",
                           format_hours(model::standard_duty_hours(channel, "approve"))}},
                         context.say_count("GOV003.do", limit, values)));
    }
    return findings;
}

std::vector<Finding> find_exclusive_duty_collisions(const CheckContext& context) {
    FindingOutput findings(context);
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
            const std::map<std::string, std::string> values = {{"duty", phrase},
                                                               {"people", context.names(people)}};
            findings.push_back(make_finding(
                "COL001", model::channel_duty_subject(duties[i], profile),
                context.say_count("COL001.message", static_cast<long long>(people.size()), values),
                {{"responsible", std::to_string(people.size())}, {"people", context.names(people)}},
                context.say("COL001.do", values)));
        }
    }
    return findings;
}

std::vector<Finding> find_profile_overlaps(const CheckContext& context) {
    FindingOutput findings(context);
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
            std::map<std::string, std::string> values = {{"duty", phrase},
                                                         {"profile", label},
                                                         {"whole_people", context.names(whole)},
                                                         {"extra_people", context.names(extra)}};
            values["whole"] =
                context.say_count("COL002.whole", static_cast<long long>(whole.size()), values);
            values["extra"] =
                context.say_count("COL002.extra", static_cast<long long>(extra.size()), values);
            findings.push_back(make_finding(
                "COL002", model::channel_duty_subject(duties[i], profile),
                context.say("COL002.message", values),
                {{"whole_channel", context.names(whole)}, {"profile", context.names(extra)}},
                context.say("COL002.do", values)));
        }
    }
    return findings;
}

} // namespace planner
