#pragma once
// Workload of a plan (STAFFING.md): the hours of every channel duty, who carries which share,
// each person's capacity, available hours (quarter presence and absences included), load and
// utilisation. Results are data; every renderer shows the same values.

#include "model/plan_queries.hpp"

#include <optional>
#include <vector>

namespace planner {

// One person's part of one channel duty.
struct LoadItem {
    size_t duty_index = 0;                   // into PlanIndex::channel_duties()
    std::optional<model::ProfileId> profile; // set for a profile-level assignment
    double share = 0;                        // resolved share of the duty's (or profile's) hours
    double hours = 0;                        // share x hours
};

struct PersonLoad {
    model::PersonId person;
    double capacity_hours = 0;  // capacity_hours, default week.hours x fte
    double presence = 1;        // share of working days in the quarter not absent (1: no quarter)
    double available_hours = 0; // capacity x (1 - overhead) x presence
    double load_hours = 0;      // sum of items' hours
    // load / available; empty when available is 0 and load above 0 (infinitely loaded);
    // 0 when both are 0.
    std::optional<double> utilisation;
    std::vector<LoadItem> items;
};

struct DutyResponsible {
    model::PersonId person;
    std::optional<model::ProfileId> profile;
    std::optional<double> explicit_share; // as written in the plan
    double share = 0;                     // resolved
};

struct DutyLoad {
    size_t duty_index = 0;        // into PlanIndex::channel_duties()
    double hours = 0;             // weekly hours of the channel duty
    double responsible_share = 0; // sum of resolved shares (per profile, averaged over profiles)
    std::vector<DutyResponsible> responsible;
    std::vector<model::PersonId> backups;
};

struct Workload {
    std::vector<PersonLoad> people; // plan order
    std::vector<DutyLoad> duties;   // PlanIndex::channel_duties() order
};

// O(n log n) in the size of the plan. Profile-level assignments: when a channel duty has
// Responsibles for one of the channel's profiles, each profile carries hours / profiles; a
// channel-level Responsible then works in every profile's group beside that profile's own
// Responsibles, and shares are resolved within each group (explicit as written, the others
// splitting what is left). A channel-level item's share is of the whole duty, a profile-level
// item's of its profile's hours.
Workload compute_workload(const model::PlanIndex& index);

// Share of the person's working days in the plan's quarter on which they are not absent;
// 1 when the plan has no quarter or the person has no working day in it.
double presence_in_quarter(const model::PlanInfo& info, const model::Person& person);

// load / available; empty (infinitely loaded) when available is 0 and load above 0; 0 when
// both are 0.
std::optional<double> utilisation_of(double load_hours, double available_hours);

} // namespace planner
