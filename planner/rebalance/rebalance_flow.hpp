#pragma once
// The minimum-cost flow behind `planner rebalance`, on Boost.Graph. Kept apart from the plan
// so that it can be tested on small networks: nodes are numbers, arcs carry integer
// capacities and integer weights (cost per unit of flow).

#include <cstdint>
#include <vector>

namespace planner {

struct FlowArc {
    int from = 0;
    int to = 0;
    int64_t capacity = 0;
    int64_t weight = 0; // >= 0
};

struct FlowNetwork {
    int nodes = 0;
    int source = 0;
    int sink = 1;
    std::vector<FlowArc> arcs; // in insertion order; the order decides ties
};

// A maximum flow of least total weight, by successive shortest paths with Dijkstra
// (boost::successive_shortest_path_nonnegative_weights). Returns the flow on each arc, in
// `arcs` order. Weights must be non-negative and every path weight must stay below 2^53
// (the solver works in doubles, which are exact on such integers).
std::vector<int64_t> solve_min_cost_flow(const FlowNetwork& network);

// Node potentials for the residual network of `flow` (forward arcs with capacity left, and
// reverse arcs with -weight where flow runs): shortest distances from a virtual root joined
// to every node by 0-weight arcs, so that every residual arc has weight + p(from) - p(to)
// >= 0 when `flow` is of least cost. An arc that would have a negative reduced cost under
// these potentials may lower the cost if added.
std::vector<int64_t> residual_potentials(const FlowNetwork& network,
                                         const std::vector<int64_t>& flow);

} // namespace planner
