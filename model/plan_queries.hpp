#pragma once
// Derived facts of a plan that every analysis needs: resolved defaults, the standard duties,
// the channel duties and their weekly hours, assignments with `duty: all` expanded, and
// lookups by id. Pure functions of the plan; no I/O.

#include "model/plan.hpp"

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace planner::model {

// ---- duties ----------------------------------------------------------------------------

// The standard duties in their fixed order: create publish approve engage listen report ads.
const std::vector<std::string>& standard_duty_ids();
bool is_standard_duty(std::string_view id);

// A duty as the analyses see it, standard or custom.
struct DutyInfo {
    DutyId id;
    std::string name; // "Community management"
    bool standard = true;
    bool channel_bound = true;
    bool exclusive = false;    // publish and approve are exclusive by default
    double hours_per_week = 0; // custom duties only
    std::vector<std::string> skills;
};

// Weekly hours of a standard duty on a channel (STAFFING.md); 0 for an unknown id.
double standard_duty_hours(const Channel& channel, std::string_view duty);

// A channel duty: a (channel, duty) pair with hours above 0, or a custom duty assigned on a
// channel, or a custom duty that is not channel-bound (then `channel` is empty).
struct ChannelDuty {
    std::optional<ChannelId> channel;
    DutyId duty;
    double hours = 0;
};

// Subject text of a channel duty as findings write it: "channel:instagram/engage", with
// "@PROFILE" when given; "duty:ID" for a duty that is not channel-bound.
std::string channel_duty_subject(const ChannelDuty& duty,
                                 const std::optional<ProfileId>& profile = std::nullopt);

// ---- the index ---------------------------------------------------------------------------

// Lookups by id over a plan that must outlive the index. Built once: O(n log n).
class PlanIndex {
public:
    explicit PlanIndex(const Plan& plan);
    // Its keys view strings inside it and the plan: a copy would point into the original.
    PlanIndex(const PlanIndex&) = delete;
    PlanIndex& operator=(const PlanIndex&) = delete;

    const Plan& plan() const { return m_plan; }
    const Person* person(const PersonId& id) const;
    const Channel* channel(const ChannelId& id) const;
    const Role* role(const RoleId& id) const;
    const Goal* goal(const GoalId& id) const;
    const DutyInfo* duty(const DutyId& id) const; // standard or custom

    // Every duty: standard ones first in their order, then custom ones in plan order.
    const std::vector<DutyInfo>& duties() const { return m_duties; }

    // Channel duties in a deterministic order: channels in plan order, for each its standard
    // duties in standard order and then its custom duties in plan order; then duties that
    // are not channel-bound.
    const std::vector<ChannelDuty>& channel_duties() const { return m_channel_duties; }
    const ChannelDuty* channel_duty(const std::optional<ChannelId>& channel,
                                    const DutyId& duty) const;
    // The channel duties of one channel: [first, last) indices into channel_duties().
    std::pair<size_t, size_t> channel_duty_range(const ChannelId& channel) const;

    // Assignments with `duty: all` expanded into one assignment per duty of the channel,
    // in plan order. Each remembers the index of the assignment it came from.
    // 16 bytes: the plan's own assignment, or for `duty: all` a copy with the duty filled in
    // (kept by the index); a plan of a million people expands to nearly four million.
    struct Expanded {
        const Assignment& assignment;
        size_t source_index = 0;
    };
    const std::vector<Expanded>& assignments() const { return m_expanded; }

private:
    // Keys view the plan's ids (or m_duties' and m_channel_duties'), which outlive the index.
    using Index = std::unordered_map<std::string_view, size_t>;
    struct PairHash {
        size_t operator()(const std::pair<std::string_view, std::string_view>& p) const noexcept {
            size_t h = std::hash<std::string_view>()(p.first);
            return h ^ (std::hash<std::string_view>()(p.second) + 0x9e3779b97f4a7c15ULL + (h << 6) +
                        (h >> 2));
        }
    };
    const Plan& m_plan;
    Index m_people, m_channels, m_roles, m_goals, m_duty_index;
    std::vector<DutyInfo> m_duties;
    std::vector<ChannelDuty> m_channel_duties;
    std::unordered_map<std::pair<std::string_view, std::string_view>, size_t, PairHash>
        m_channel_duty_index;
    std::unordered_map<std::string_view, std::pair<size_t, size_t>> m_duties_of_channel;
    std::vector<Expanded> m_expanded;
    std::deque<Assignment> m_expanded_all; // the copies for `duty: all` (addresses stay put)
};

// ---- resolved defaults -------------------------------------------------------------------

const std::string& display_name(const Person& person);
const std::string& display_name(const Channel& channel);
const std::string& display_name(const Role& role);
const std::string& display_name(const Goal& goal);

double capacity_hours(const PlanInfo& info, const Person& person);
const std::string& time_zone(const PlanInfo& info, const Person& person);
bool is_active(const Person& person); // active or leaving

struct ResolvedHours {
    DaySet days;
    TimeOfDay start;
    TimeOfDay end;
};
ResolvedHours working_hours(const PlanInfo& info, const Person& person);

struct ResolvedCare {
    DaySet days;
    TimeOfDay start;
    TimeOfDay end;
    std::string timezone;
    double response_minutes = 60;
    double service_level = 0.8;
};
ResolvedCare resolve_care(const PlanInfo& info, const CareWindow& care);

// Default direction of a metric: down for response times, up otherwise.
Direction default_direction(std::string_view metric);

// The metric names of METRICS.md that a KPI may use.
const std::vector<std::string>& metric_names();

} // namespace planner::model
