#include "planner/core/workload.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <utility>

namespace planner {

namespace {

using model::Assignment;
using model::Person;
using model::PlanIndex;

// Working days of `days` in the civil-day range [first, last] (days since the epoch).
int64_t count_working_days(model::DaySet days, int64_t first, int64_t last) {
    if (last < first)
        return 0;
    const int64_t total = last - first + 1;
    int64_t count = (total / 7) * days.count();
    // 1970-01-01 was a Thursday: weekday index (mon = 0) of day n is (n + 3) mod 7.
    int64_t weekday = ((first + 3) % 7 + 7) % 7;
    for (int64_t i = 0; i < total % 7; ++i) {
        if (days.contains(static_cast<model::Weekday>((weekday + i) % 7)))
            ++count;
    }
    return count;
}

// One Responsible assignment within one group of a channel duty (the whole channel, or one
// profile when the duty has profile-level assignments).
struct GroupEntry {
    size_t person = 0; // index into plan.people
    std::optional<model::ProfileId> profile;
    std::optional<double> explicit_share;
    double share = 0;
};

// Resolves the shares of one group: explicit shares as written; Responsibles without one
// split what the explicit shares leave, equally, 0 each when nothing is left.
void resolve_shares(std::vector<GroupEntry>& group) {
    double explicit_sum = 0;
    size_t implicit_count = 0;
    for (const GroupEntry& entry : group) {
        if (entry.explicit_share)
            explicit_sum += *entry.explicit_share;
        else
            ++implicit_count;
    }
    const double left = std::max(0.0, 1.0 - explicit_sum);
    for (GroupEntry& entry : group) {
        entry.share = entry.explicit_share
                          ? *entry.explicit_share
                          : (implicit_count > 0 ? left / static_cast<double>(implicit_count) : 0.0);
    }
}

// Merges entries of the same person (and profile) in a group: an explicit share overrides
// an implicit one (a specific assignment next to `duty: all`); explicit shares add up.
std::vector<GroupEntry> merge_same_person(std::vector<GroupEntry> entries) {
    std::vector<GroupEntry> merged;
    std::map<std::pair<size_t, std::string>, size_t> seen;
    for (GroupEntry& entry : entries) {
        auto key = std::make_pair(entry.person, entry.profile ? entry.profile->str() : "");
        auto it = seen.find(key);
        if (it == seen.end()) {
            seen.emplace(key, merged.size());
            merged.push_back(std::move(entry));
            continue;
        }
        GroupEntry& into = merged[it->second];
        if (entry.explicit_share)
            into.explicit_share = into.explicit_share ? *into.explicit_share + *entry.explicit_share
                                                      : *entry.explicit_share;
    }
    return merged;
}

} // namespace

double presence_in_quarter(const model::PlanInfo& info, const model::Person& person) {
    if (!info.quarter)
        return 1.0;
    const int64_t first = model::days_since_epoch(info.quarter->first_day());
    const int64_t last = model::days_since_epoch(info.quarter->last_day());
    const model::DaySet days = model::working_hours(info, person).days;
    const int64_t working = count_working_days(days, first, last);
    if (working == 0)
        return 1.0;

    std::vector<std::pair<int64_t, int64_t>> spans;
    spans.reserve(person.absences.size());
    for (const model::Absence& absence : person.absences) {
        int64_t from = std::max(first, model::days_since_epoch(absence.from));
        int64_t to = std::min(last, model::days_since_epoch(absence.to));
        if (from <= to)
            spans.emplace_back(from, to);
    }
    std::sort(spans.begin(), spans.end());
    int64_t absent = 0;
    int64_t covered_to = first - 1; // last day already counted
    for (const auto& [from, to] : spans) {
        const int64_t start = std::max(from, covered_to + 1);
        if (start <= to)
            absent += count_working_days(days, start, to);
        covered_to = std::max(covered_to, to);
    }
    return static_cast<double>(working - absent) / static_cast<double>(working);
}

std::optional<double> utilisation_of(double load_hours, double available_hours) {
    if (available_hours > 0)
        return load_hours / available_hours;
    if (load_hours > 0)
        return std::nullopt;
    return 0.0;
}

Workload compute_workload(const model::PlanIndex& index) {
    const model::Plan& plan = index.plan();
    const model::PlanInfo& info = plan.info;
    const std::vector<model::ChannelDuty>& channel_duties = index.channel_duties();

    Workload result;
    result.people.reserve(plan.people.size());
    for (const Person& person : plan.people) {
        PersonLoad load;
        load.person = person.id;
        load.capacity_hours = model::capacity_hours(info, person);
        load.presence = presence_in_quarter(info, person);
        load.available_hours = load.capacity_hours * (1.0 - info.overhead) * load.presence;
        result.people.push_back(std::move(load));
    }

    // Responsible and backup assignments per channel duty, in plan order.
    std::vector<std::vector<GroupEntry>> responsible(channel_duties.size());
    std::vector<std::vector<model::PersonId>> backups(channel_duties.size());
    for (const PlanIndex::Expanded& expanded : index.assignments()) {
        const Assignment& a = expanded.assignment;
        const model::ChannelDuty* cd = index.channel_duty(a.channel, a.duty);
        const Person* person = index.person(a.person);
        if (!cd || !person)
            continue;
        const size_t duty_index = static_cast<size_t>(cd - channel_duties.data());
        if (a.backup) {
            backups[duty_index].push_back(a.person);
            continue;
        }
        if (a.raci != model::Raci::R)
            continue;
        GroupEntry entry;
        entry.person = static_cast<size_t>(person - plan.people.data());
        entry.profile = a.profile;
        entry.explicit_share = a.share;
        responsible[duty_index].push_back(std::move(entry));
    }

    result.duties.reserve(channel_duties.size());
    for (size_t d = 0; d < channel_duties.size(); ++d) {
        const model::ChannelDuty& cd = channel_duties[d];
        DutyLoad duty;
        duty.duty_index = d;
        duty.hours = cd.hours;
        duty.backups = std::move(backups[d]);

        std::vector<GroupEntry> entries = merge_same_person(std::move(responsible[d]));
        const model::Channel* channel = cd.channel ? index.channel(*cd.channel) : nullptr;

        // Profiles of the channel that profile-level assignments name.
        bool profiled = false;
        std::vector<model::ProfileId> profiles;
        if (channel && !channel->profiles.empty()) {
            for (const GroupEntry& entry : entries) {
                if (!entry.profile)
                    continue;
                for (const model::Profile& p : channel->profiles)
                    if (p.id == *entry.profile)
                        profiled = true;
            }
            if (profiled)
                for (const model::Profile& p : channel->profiles)
                    profiles.push_back(p.id);
        }

        // Hours per person (index) and effective share of the whole duty.
        std::map<size_t, double> person_hours;
        if (!profiled) {
            // Profile-level entries naming an unknown profile count as channel-level.
            resolve_shares(entries);
            for (const GroupEntry& entry : entries) {
                duty.responsible.push_back(DutyResponsible{plan.people[entry.person].id,
                                                           entry.profile, entry.explicit_share,
                                                           entry.share});
                duty.responsible_share += entry.share;
                result.people[entry.person].items.push_back(
                    LoadItem{d, entry.profile, entry.share, entry.share * cd.hours});
            }
        } else {
            // Each profile carries hours / profiles. A channel-level Responsible works in
            // every profile's group next to that profile's own Responsibles; shares are
            // resolved within each profile's group.
            const double part = cd.hours / static_cast<double>(profiles.size());
            const double profile_count = static_cast<double>(profiles.size());
            std::vector<bool> channel_level(entries.size(), true);
            for (size_t i = 0; i < entries.size(); ++i) {
                if (!entries[i].profile)
                    continue;
                for (const model::ProfileId& p : profiles)
                    if (p == *entries[i].profile)
                        channel_level[i] = false;
            }
            std::vector<double> share_of_duty(entries.size(), 0.0);
            for (const model::ProfileId& profile : profiles) {
                std::vector<GroupEntry> group;
                std::vector<size_t> origin;
                for (size_t i = 0; i < entries.size(); ++i) {
                    if (channel_level[i] || *entries[i].profile == profile) {
                        group.push_back(entries[i]);
                        origin.push_back(i);
                    }
                }
                resolve_shares(group);
                for (size_t g = 0; g < group.size(); ++g) {
                    duty.responsible_share += group[g].share / profile_count;
                    // A profile-level entry's share is its share of its profile's hours; a
                    // channel-level entry's is its share of the whole duty.
                    share_of_duty[origin[g]] +=
                        channel_level[origin[g]] ? group[g].share / profile_count : group[g].share;
                }
            }
            for (size_t i = 0; i < entries.size(); ++i) {
                const GroupEntry& entry = entries[i];
                const double share = share_of_duty[i];
                const std::optional<model::ProfileId> profile =
                    channel_level[i] ? std::nullopt : entry.profile;
                const double hours = channel_level[i] ? share * cd.hours : share * part;
                duty.responsible.push_back(DutyResponsible{plan.people[entry.person].id, profile,
                                                           entry.explicit_share, share});
                result.people[entry.person].items.push_back(LoadItem{d, profile, share, hours});
            }
        }
        result.duties.push_back(std::move(duty));
    }

    for (PersonLoad& load : result.people) {
        double sum = 0;
        for (const LoadItem& item : load.items)
            sum += item.hours;
        load.load_hours = sum;
        load.utilisation = utilisation_of(load.load_hours, load.available_hours);
    }
    return result;
}

} // namespace planner
