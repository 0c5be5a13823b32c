#pragma once
// Rebalancing (STAFFING.md "Rebalancing"): proposed assignments that carry every channel
// duty's hours at the least cost, by minimum-cost flow over integer minutes with Boost.Graph.
// The result is data: the proposed plan, the before/after utilisation of every person and
// the hours nobody can carry, per role (the hiring need).

#include "model/plan.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/core/workload.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planner {

// Costs per hour of the flow, lowest first (STAFFING.md table). Overtime above the error
// level of LOAD001 (1.25 x thresholds.overload) costs more than ordinary overtime, so that
// overtime spreads before anyone reaches that level.
struct RebalanceCosts {
    int64_t carried_today = 0;
    int64_t new_assignment = 1;
    int64_t outside_interests = 2;
    int64_t missing_skill = 4; // per required skill the person lacks
    int64_t overtime = 20;
    int64_t heavy_overtime = 100; // beyond 1.25 x thresholds.overload
    int64_t unstaffed = 1000;
};

struct PersonBalance {
    model::PersonId person;
    model::PersonStatus status = model::PersonStatus::active;
    double available_hours = 0;
    double load_before = 0;
    std::optional<double> utilisation_before; // empty: infinitely loaded
    double load_after = 0;
    std::optional<double> utilisation_after;
    double overtime_hours = 0; // hours the flow placed beyond available
};

// Hours that no one can carry within their available hours, per role that performs the
// duty ("unroled" when none does): the hiring need.
struct RoleNeed {
    std::string role;
    double unstaffed_hours = 0; // no eligible person with available hours
    double overtime_hours = 0;  // carried only as overtime
};

// One proposed Responsible part of a channel duty.
struct ProposedPart {
    size_t duty_index = 0; // into PlanIndex::channel_duties() of the input plan
    model::PersonId person;
    int64_t minutes = 0; // per week
    double share = 0;    // as written into the proposed plan
};

struct RebalanceResult {
    model::Plan proposed;              // the input plan with the proposed assignments
    std::vector<PersonBalance> people; // plan order
    std::vector<ProposedPart> parts;   // of the duties whose assignments change; duty order,
                                       // then person id
    std::vector<RoleNeed> needs;       // roles in plan order, then "unroled"
    std::vector<size_t> kept_duties;   // duties no eligible person can take: left as they were
    double unstaffed_hours = 0;
    double overtime_hours = 0;
    int overloaded_before = 0; // utilisation above thresholds.overload
    int overloaded_after = 0;
    double cost = 0;     // total cost of the flow, in cost units x hours
    int flow_rounds = 0; // solves of the flow (candidate edges added between rounds)
};

// Vacancies are planned hires: their assignments stay as they are and the flow plans the
// rest of each duty for active and leaving people; leaving people keep (or shed) what they
// carry today but take nothing new. A, C and I assignments and backups are
// kept, and so are the Responsible assignments of a duty whose people keep exactly the
// minutes they carry today. Deterministic: the same plan gives the same result.
RebalanceResult compute_rebalance(const PlanFacts& facts, const RebalanceCosts& costs = {});
// The same for a plan alone (builds its facts): for tests and one-off callers.
RebalanceResult compute_rebalance(const model::Plan& plan, const RebalanceCosts& costs = {});

} // namespace planner
