#pragma once
// What changed between two plans: people, roles, ownership (assignments), drivers (channel
// workload, care and approval), channels, goals and KPIs. Results are data; every renderer
// shows the same list.

#include "model/plan.hpp"

#include <string>
#include <vector>

namespace planner {

enum class ChangeKind { added, removed, changed };

struct PlanChange {
    std::string area; // people, roles, ownership, drivers, channels, goals, plan
    ChangeKind kind = ChangeKind::changed;
    std::string subject; // "person:anna", "channel:instagram/engage", ...
    std::string label;   // the subject in words: "Anna Bērziņa", "Instagram: engage"
    std::string field;   // for `changed`: which field ("fte", "posts_per_week", ...)
    std::string before;
    std::string after;
};

std::string_view to_string(ChangeKind kind);

// Changes in a fixed order: by area (plan, people, roles, channels, drivers, ownership,
// goals), then by subject, then by field.
std::vector<PlanChange> diff_plans(const model::Plan& before, const model::Plan& after);

// One sentence for a change, for people: "Anna Bērziņa: fte 1 → 0.8".
std::string describe(const PlanChange& change);

} // namespace planner
