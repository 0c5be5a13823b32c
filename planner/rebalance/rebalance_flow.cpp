#include "planner/rebalance/rebalance_flow.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>

#include <deque>
#include <stdexcept>

namespace planner {

namespace {

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using Graph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<
        boost::edge_capacity_t, int64_t,
        boost::property<boost::edge_residual_capacity_t, int64_t,
                        boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                        boost::property<boost::edge_weight_t, double>>>>>;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

} // namespace

std::vector<int64_t> solve_min_cost_flow(const FlowNetwork& network) {
    Graph graph(static_cast<size_t>(network.nodes));
    auto capacity = boost::get(boost::edge_capacity, graph);
    auto reverse = boost::get(boost::edge_reverse, graph);
    auto weight = boost::get(boost::edge_weight, graph);

    // Every arc gets a reverse edge of capacity 0 and weight -w, as the algorithm requires.
    std::vector<Edge> forward;
    forward.reserve(network.arcs.size());
    for (const FlowArc& arc : network.arcs) {
        if (arc.weight < 0)
            throw std::invalid_argument("flow arc with a negative weight");
        Edge e = boost::add_edge(static_cast<size_t>(arc.from), static_cast<size_t>(arc.to), graph)
                     .first;
        Edge r = boost::add_edge(static_cast<size_t>(arc.to), static_cast<size_t>(arc.from), graph)
                     .first;
        capacity[e] = arc.capacity;
        capacity[r] = 0;
        weight[e] = static_cast<double>(arc.weight);
        weight[r] = -static_cast<double>(arc.weight);
        reverse[e] = r;
        reverse[r] = e;
        forward.push_back(e);
    }

    boost::successive_shortest_path_nonnegative_weights(graph, static_cast<size_t>(network.source),
                                                        static_cast<size_t>(network.sink));

    auto residual = boost::get(boost::edge_residual_capacity, graph);
    std::vector<int64_t> flow;
    flow.reserve(forward.size());
    for (const Edge& e : forward)
        flow.push_back(capacity[e] - residual[e]);
    return flow;
}

std::vector<int64_t> residual_potentials(const FlowNetwork& network,
                                         const std::vector<int64_t>& flow) {
    // Residual arcs by tail node.
    struct Residual {
        int to;
        int64_t weight;
    };
    std::vector<std::vector<Residual>> out(static_cast<size_t>(network.nodes));
    for (size_t i = 0; i < network.arcs.size(); ++i) {
        const FlowArc& arc = network.arcs[i];
        if (flow[i] < arc.capacity)
            out[static_cast<size_t>(arc.from)].push_back({arc.to, arc.weight});
        if (flow[i] > 0)
            out[static_cast<size_t>(arc.to)].push_back({arc.from, -arc.weight});
    }
    // Bellman-Ford with a queue (SPFA) from the virtual root: every node starts at 0.
    std::vector<int64_t> potential(static_cast<size_t>(network.nodes), 0);
    std::vector<char> queued(static_cast<size_t>(network.nodes), 1);
    std::vector<int> passes(static_cast<size_t>(network.nodes), 0);
    std::deque<int> queue;
    for (int v = 0; v < network.nodes; ++v)
        queue.push_back(v);
    while (!queue.empty()) {
        const int u = queue.front();
        queue.pop_front();
        queued[static_cast<size_t>(u)] = 0;
        for (const Residual& r : out[static_cast<size_t>(u)]) {
            const int64_t candidate = potential[static_cast<size_t>(u)] + r.weight;
            if (candidate < potential[static_cast<size_t>(r.to)]) {
                potential[static_cast<size_t>(r.to)] = candidate;
                if (!queued[static_cast<size_t>(r.to)]) {
                    if (++passes[static_cast<size_t>(r.to)] > network.nodes)
                        throw std::logic_error("negative cycle in a least-cost residual network");
                    queued[static_cast<size_t>(r.to)] = 1;
                    queue.push_back(r.to);
                }
            }
        }
    }
    return potential;
}

} // namespace planner
