#pragma once
// Internals of compute_rebalance (planner/rebalance.hpp), shared by rebalance.cpp (the
// network and the flow) and rebalance_output.cpp (from minutes to the proposed plan).

#include "planner/core/plan_facts.hpp"
#include "planner/rebalance/rebalance.hpp"
#include "planner/rebalance/rebalance_flow.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace planner::rebalance_detail {

// Shares are written with nine decimals: fine enough that rounding them moves no one's
// utilisation by as much as the checks' tolerance (1e-6).
inline constexpr int64_t k_share_units = 1000000000;
inline constexpr int k_max_rounds = 12;

inline int64_t to_minutes(double hours) {
    return static_cast<int64_t>(std::llround(hours * 60.0));
}

// As LOAD001 judges it (the same tolerance).
inline bool overloaded(const std::optional<double>& utilisation, double threshold) {
    return !utilisation || *utilisation > threshold + 1e-6;
}

inline bool contains(const std::vector<std::string>& items, const std::string& value) {
    return std::find(items.begin(), items.end(), value) != items.end();
}

// What the flow knows about one channel duty.
struct DutyNode {
    int64_t minutes = 0;         // the duty's weekly minutes
    int64_t vacancy_minutes = 0; // carried by vacancies, left as planned
    double vacancy_share = 0;    // their part of the duty's hours
    int64_t supply = 0;          // minutes - vacancy minutes, what the flow places
    int node = 0;
    int channel_rank = 0;
};

// What the flow knows about one active or leaving person who can take some duty.
struct PersonNode {
    size_t person = 0; // index into plan.people
    int node = 0;
    int rank = 0;          // by id
    int64_t available = 0; // minutes
    int64_t committed = 0; // minutes committed before the flow (carried today, fitting)
    bool leaving = false;  // keeps what they carry today, takes nothing new
};

// Arc kinds, to read the flow back.
enum class ArcKind {
    supply,
    keep,
    assign,
    release,
    available,
    overtime,
    heavy_overtime,
    unstaffed
};
struct ArcInfo {
    ArcKind kind;
    size_t duty = 0;   // channel duty index
    size_t person = 0; // index into people nodes
};

// Minutes per week placed per (channel duty, people node).
using Minutes = std::map<std::pair<size_t, size_t>, int64_t>;

// Plans the work of one plan: builds the flow network, solves it (with rounds of pricing
// for arcs left out of the first network), and writes the proposal.
class Rebalancer {
public:
    Rebalancer(const PlanFacts& facts, const RebalanceCosts& costs)
        : m_plan(facts.plan()), m_index(facts.index()), m_costs(costs), m_before(facts.workload()) {
    }

    RebalanceResult run();

private:
    void build_nodes();
    int64_t real_cost(size_t person_node, size_t duty) const;
    int64_t tie_break(size_t person_node, size_t duty) const;
    void choose_initial_candidates();
    FlowNetwork build_network(std::vector<ArcInfo>& infos) const;
    bool price(const FlowNetwork& network, const std::vector<int64_t>& flow);
    // rebalance_output.cpp: from the flow's minutes to the proposed plan.
    void consolidate_exclusive(Minutes& minutes, std::vector<int64_t>& placed_on) const;
    void fold_small_parts(Minutes& minutes, std::vector<int64_t>& placed_on) const;
    model::Plan write_plan(const Minutes& minutes, const std::set<size_t>& rebalanced,
                           RebalanceResult& result) const;

    const model::Plan& m_plan;
    const model::PlanIndex& m_index;
    RebalanceCosts m_costs;
    const Workload& m_before;

    std::vector<DutyNode> m_duties;
    std::vector<PersonNode> m_people;
    std::vector<int> m_person_node_of;                     // plan person index -> people node or -1
    std::map<std::string, std::vector<size_t>> m_eligible; // duty id -> people nodes by rank
    std::vector<std::map<size_t, int64_t>> m_carried;      // duty -> people node -> minutes today
    std::vector<std::map<size_t, int64_t>>
        m_current;                                // duty -> plan person -> minutes today (active)
    std::vector<std::set<size_t>> m_rounded_down; // duty -> people nodes whose minutes
                                                  // today were rounded down
    std::vector<std::map<size_t, int64_t>> m_committed; // duty -> people node -> committed
    std::vector<std::set<size_t>> m_candidates;         // duty -> people nodes with an arc
    int64_t m_scale = 1; // real cost multiplier above every tie-break sum
    int64_t m_channel_count = 1;
    bool m_tie_by_channel = true;
    int64_t m_infinite = 0;
};

} // namespace planner::rebalance_detail
