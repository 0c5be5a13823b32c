#pragma once
// What the team costs (docs/cost.md): each person's yearly cost from the plan's money fields,
// shared out over roles, channels and goals by the hours they carry; the vacancies and the
// further hires `staff` recommends; the total against the budget. Results are data: `planner
// cost`, the checks and the reports render these values.

#include "planner/core/plan_facts.hpp"
#include "planner/staffing/staffing.hpp"

#include <optional>
#include <string>
#include <vector>

namespace planner {

// Weeks a year a contractor's weekly hours are paid for.
inline constexpr double k_weeks_per_year = 52;

// Who a row of the cost table is.
enum class CostGroup {
    current, // active, leaving and contractors: the team today
    vacancy, // status: vacancy, a planned hire already in the plan
    hire,    // a further hire `staff` recommends beyond the vacancies of its role
};

// Where a row's cost per year comes from.
enum class CostBasis {
    own_salary,  // the person's `cost` x fte x (1 + cost_loading)
    role_salary, // their first role with a `cost` x fte x (1 + cost_loading)
    hourly,      // a contractor: hours carried a week x hourly_rate x 52
    unknown,     // neither: counted as 0 and named by check COST002
};

struct PersonCost {
    std::string id;                    // the person's id; for a recommended hire "hire-ROLE-N"
    std::string name;                  // display name; for a hire the role's name
    std::optional<model::RoleId> role; // the role the cost is counted under (first role)
    std::string status;                // active, leaving, contractor, vacancy or hire
    CostGroup group = CostGroup::current;
    CostBasis basis = CostBasis::unknown;
    double fte = 0;
    double rate = 0;           // salary per FTE-year, or a contractor's hourly rate
    double hours_per_week = 0; // channel-duty hours carried (0 for a hire)
    double cost_per_year = 0;  // 0 when the basis is unknown
};

// The cost of one role, channel or goal.
struct CostShare {
    std::string id;
    std::string name;
    double hours_per_week = 0; // hours carried there (roles: of their people)
    double cost_per_year = 0;
};

struct CostResult {
    std::string currency;         // ISO 4217, "EUR" when the plan names none
    std::optional<double> budget; // a year
    double cost_loading = 0;
    std::vector<PersonCost> people;  // the plan's people in plan order, then the hires
    std::vector<CostShare> roles;    // plan order; a last row with id "" for people without a role
    std::vector<CostShare> channels; // plan order, every channel
    std::vector<CostShare> goals;    // plan order, every goal
    double other_duties = 0;         // cost of duties not bound to a channel
    double not_carried = 0;          // cost of people in the plan who carry no channel-duty hours
    double no_goal = 0;              // cost of channels that no goal names
    double current_total = 0;
    double vacancy_total = 0;
    double hires_total = 0;
    double planned_total = 0; // current + vacancies + hires
    int unknown_costs = 0;    // rows whose basis is unknown
    bool any_cost = false;    // the plan gives some cost at all
};

// Costs of the plan behind `facts`; `staffing` is compute_staffing(facts). Per role, channel
// and goal cover the people in the plan (current team and vacancies): a recommended hire has
// no assignments yet. A person's cost goes to the channel duties they carry in proportion to
// their hours there; a channel's cost is split equally among the goals that name it.
CostResult compute_cost(const PlanFacts& facts, const StaffingResult& staffing);

// The plan's currency: its `currency`, else EUR.
std::string currency_of(const model::PlanInfo& info);

// Whole currency units with thousands separators, for text output and findings: "41,292".
// Reports format money with ICU for their language instead.
std::string format_amount(double amount);

std::string_view to_string(CostGroup group);
std::string_view to_string(CostBasis basis);

} // namespace planner
