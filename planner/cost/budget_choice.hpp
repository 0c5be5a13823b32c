#pragma once
// Which planned hires fit a budget (docs/staffing.md "Hires within a budget"): an exact
// choice, by dynamic programming over the Pareto frontier of (cost, covered work), that
// covers the most uncovered work weighted by goal priority for at most the budget.

#include "planner/cost/cost.hpp"

#include <string>
#include <vector>

namespace planner {

// Work that hires of one role would cover.
struct HireGroup {
    std::string role;           // role id (or the recommended role of unroled work)
    std::string name;           // display name
    double uncovered_hours = 0; // hours a week the current team does not cover
    double weight = 1;          // priority weight of the work: 3, 2 or 1 (goal priority 1..3)
};

// One hire that may be chosen: a vacancy of the plan or a further recommended hire.
struct HireCandidate {
    size_t group = 0; // into the groups
    std::string id;   // person id or "hire-ROLE-N"
    std::string name;
    double fte = 1;
    double cost = 0; // a year
};

struct BudgetChoice {
    std::vector<bool> chosen; // per candidate
    double cost = 0;
    double value = 0;                   // weighted hours a week covered
    std::vector<double> covered_hours;  // per group
    std::vector<double> left_uncovered; // per group: uncovered - covered
};

// Weighted hours a set of candidates covers: the sum over groups of
// weight x min(chosen fte x hours_per_fte, uncovered_hours).
double covered_value(const std::vector<HireGroup>& groups,
                     const std::vector<HireCandidate>& candidates, const std::vector<bool>& chosen,
                     double hours_per_fte);

// The subset of candidates with the highest covered_value whose cost is at most `budget`;
// among equal values the cheapest. Exact. Within a group the ways to hire are a Pareto
// frontier of (cost, FTE up to what the uncovered hours need); across groups a frontier of
// (cost, value); each holds at most one state per distinct cost.
BudgetChoice choose_hires(const std::vector<HireGroup>& groups,
                          const std::vector<HireCandidate>& candidates, double budget,
                          double hours_per_fte);

// The groups and candidates of a plan: every role (and unroled work) with uncovered hours,
// weighted by the priority of the goals whose channels its work serves (a channel's weight is
// 4 - the highest priority of the goals naming it, 1 when none does; a role's is the mean of
// its channels' weights by hours); every vacancy and further hire of `cost` with a known cost.
void hire_candidates(const PlanFacts& facts, const StaffingResult& staffing, const CostResult& cost,
                     std::vector<HireGroup>& groups, std::vector<HireCandidate>& candidates);

} // namespace planner
