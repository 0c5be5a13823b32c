#include "model/team_graph.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

namespace planner::model {

namespace {

enum class VertexKind { person, role, channel_duty };
enum class EdgeKind { reports_to, holds_role, owns };

struct VertexData {
    VertexKind kind = VertexKind::person;
    std::string id; // person or role id; for a channel duty the channel id ("" if none)
    std::string duty;
};

struct EdgeData {
    EdgeKind kind = EdgeKind::reports_to;
    Raci raci = Raci::R;
    std::optional<double> share;
    bool backup = false;
    std::optional<ProfileId> profile;
};

// bidirectionalS: in-edges give direct reports, role holders and the people on a duty.
using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData, EdgeData>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

// Keeps only reporting lines. Default-constructible as filtered_graph requires.
struct ReportingEdge {
    const Graph* graph = nullptr;
    bool operator()(const Edge& edge) const { return (*graph)[edge].kind == EdgeKind::reports_to; }
};
using ReportingGraph = boost::filtered_graph<Graph, ReportingEdge>;

// Records whether `goal` is the target of an examined edge.
class ReachVisitor : public boost::default_bfs_visitor {
public:
    ReachVisitor(Vertex goal, bool& found) : m_goal(goal), m_found(&found) {}
    template <class E, class G> void examine_edge(E edge, const G& graph) {
        if (boost::target(edge, graph) == m_goal)
            *m_found = true;
    }

private:
    Vertex m_goal;
    bool* m_found;
};

class CountVisitor : public boost::default_bfs_visitor {
public:
    explicit CountVisitor(std::size_t& count) : m_count(&count) {}
    template <class V, class G> void discover_vertex(V, const G&) { ++*m_count; }

private:
    std::size_t* m_count;
};

std::vector<PersonId> sorted_ids(std::vector<PersonId> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

struct TeamGraph::Impl {
    Graph graph;
    std::unordered_map<std::string, Vertex> people;
    std::unordered_map<std::string, Vertex> roles;
    std::map<std::pair<std::string, std::string>, Vertex> channel_duties;

    ReportingGraph reporting() const { return ReportingGraph(graph, ReportingEdge{&graph}); }

    std::optional<Vertex> person(const PersonId& id) const {
        auto found = people.find(id.str());
        if (found == people.end())
            return std::nullopt;
        return found->second;
    }

    PersonId person_id(Vertex vertex) const { return PersonId(graph[vertex].id); }

    std::vector<boost::default_color_type> fresh_colors() const {
        return std::vector<boost::default_color_type>(boost::num_vertices(graph),
                                                      boost::white_color);
    }

    Vertex channel_duty_vertex(const std::string& channel, const std::string& duty) {
        auto key = std::make_pair(channel, duty);
        auto found = channel_duties.find(key);
        if (found != channel_duties.end())
            return found->second;
        Vertex vertex =
            boost::add_vertex(VertexData{VertexKind::channel_duty, channel, duty}, graph);
        channel_duties.emplace(std::move(key), vertex);
        return vertex;
    }
};

namespace {

std::string duty_channel_key(const PlanIndex& index, const std::optional<ChannelId>& channel,
                             const DutyId& duty) {
    const DutyInfo* info = index.duty(duty);
    if (info != nullptr && !info->channel_bound)
        return "";
    return channel ? channel->str() : "";
}

} // namespace

TeamGraph::TeamGraph(const PlanIndex& index) : m_impl(std::make_unique<Impl>()) {
    const Plan& plan = index.plan();
    Graph& graph = m_impl->graph;
    for (const Person& person : plan.people) {
        Vertex vertex =
            boost::add_vertex(VertexData{VertexKind::person, person.id.str(), ""}, graph);
        m_impl->people.emplace(person.id.str(), vertex);
    }
    for (const Role& role : plan.roles) {
        Vertex vertex = boost::add_vertex(VertexData{VertexKind::role, role.id.str(), ""}, graph);
        m_impl->roles.emplace(role.id.str(), vertex);
    }
    for (const ChannelDuty& duty : index.channel_duties())
        m_impl->channel_duty_vertex(duty.channel ? duty.channel->str() : "", duty.duty.str());

    for (const Person& person : plan.people) {
        Vertex from = m_impl->people.at(person.id.str());
        if (person.reports_to) {
            if (auto manager = m_impl->person(*person.reports_to))
                boost::add_edge(from, *manager,
                                EdgeData{EdgeKind::reports_to, Raci::R, {}, false, {}}, graph);
        }
        for (const RoleId& role : person.roles) {
            auto found = m_impl->roles.find(role.str());
            if (found != m_impl->roles.end())
                boost::add_edge(from, found->second,
                                EdgeData{EdgeKind::holds_role, Raci::R, {}, false, {}}, graph);
        }
    }
    for (const PlanIndex::Expanded& expanded : index.assignments()) {
        const Assignment& assignment = expanded.assignment;
        auto from = m_impl->person(assignment.person);
        if (!from)
            continue;
        Vertex to = m_impl->channel_duty_vertex(
            duty_channel_key(index, assignment.channel, assignment.duty), assignment.duty.str());
        boost::add_edge(*from, to,
                        EdgeData{EdgeKind::owns, assignment.raci, assignment.share,
                                 assignment.backup, assignment.profile},
                        graph);
    }
}

TeamGraph::~TeamGraph() = default;
TeamGraph::TeamGraph(TeamGraph&&) noexcept = default;
TeamGraph& TeamGraph::operator=(TeamGraph&&) noexcept = default;

std::vector<std::vector<PersonId>> TeamGraph::reporting_cycles() const {
    const Graph& graph = m_impl->graph;
    ReportingGraph reporting = m_impl->reporting();
    std::vector<std::size_t> component(boost::num_vertices(graph));
    std::size_t count = boost::strong_components(
        reporting, boost::make_iterator_property_map(component.begin(),
                                                     boost::get(boost::vertex_index, graph)));

    // Members of each component; a component is a cycle when it has two or more people, or
    // one person who reports to themselves.
    std::vector<std::vector<Vertex>> members(count);
    for (const auto& [id, vertex] : m_impl->people)
        members[component[vertex]].push_back(vertex);

    std::vector<std::vector<PersonId>> cycles;
    for (const std::vector<Vertex>& group : members) {
        if (group.empty())
            continue;
        if (group.size() == 1 && !boost::edge(group.front(), group.front(), reporting).second)
            continue;
        Vertex start = *std::min_element(group.begin(), group.end(), [&](Vertex a, Vertex b) {
            return graph[a].id < graph[b].id;
        });
        // Each person has at most one reporting line, so a strong component of the reporting
        // graph is exactly one cycle: follow it from the smallest id.
        std::vector<PersonId> cycle;
        Vertex current = start;
        do {
            cycle.push_back(m_impl->person_id(current));
            auto [first, last] = boost::out_edges(current, reporting);
            if (first == last)
                break; // cannot happen inside a cycle; guards against a malformed graph
            current = boost::target(*first, reporting);
        } while (current != start && cycle.size() <= group.size());
        cycles.push_back(std::move(cycle));
    }
    std::sort(cycles.begin(), cycles.end(),
              [](const std::vector<PersonId>& a, const std::vector<PersonId>& b) {
                  return a.front() < b.front();
              });
    return cycles;
}

std::optional<PersonId> TeamGraph::manager(const PersonId& person) const {
    auto vertex = m_impl->person(person);
    if (!vertex)
        return std::nullopt;
    ReportingGraph reporting = m_impl->reporting();
    auto [first, last] = boost::out_edges(*vertex, reporting);
    if (first == last)
        return std::nullopt;
    return m_impl->person_id(boost::target(*first, reporting));
}

std::vector<PersonId> TeamGraph::direct_reports(const PersonId& manager) const {
    auto vertex = m_impl->person(manager);
    if (!vertex)
        return {};
    ReportingGraph reporting = m_impl->reporting();
    std::vector<PersonId> reports;
    for (auto [first, last] = boost::in_edges(*vertex, reporting); first != last; ++first)
        reports.push_back(m_impl->person_id(boost::source(*first, reporting)));
    return sorted_ids(std::move(reports));
}

std::vector<PersonId> TeamGraph::people_without_manager() const {
    ReportingGraph reporting = m_impl->reporting();
    std::vector<PersonId> result;
    for (const auto& [id, vertex] : m_impl->people) {
        auto [first, last] = boost::out_edges(vertex, reporting);
        if (first == last)
            result.push_back(PersonId(id));
    }
    return sorted_ids(std::move(result));
}

bool TeamGraph::reports_up_to(const PersonId& person, const PersonId& manager) const {
    auto from = m_impl->person(person);
    auto goal = m_impl->person(manager);
    if (!from || !goal)
        return false;
    const Graph& graph = m_impl->graph;
    ReportingGraph reporting = m_impl->reporting();
    std::vector<boost::default_color_type> colors = m_impl->fresh_colors();
    bool found = false;
    boost::breadth_first_search(reporting, *from,
                                boost::visitor(ReachVisitor(*goal, found))
                                    .color_map(boost::make_iterator_property_map(
                                        colors.begin(), boost::get(boost::vertex_index, graph))));
    return found;
}

std::size_t TeamGraph::reporting_tree_size(const PersonId& manager) const {
    auto root = m_impl->person(manager);
    if (!root)
        return 0;
    const Graph& graph = m_impl->graph;
    ReportingGraph reporting = m_impl->reporting();
    auto reversed = boost::make_reverse_graph(reporting);
    std::vector<boost::default_color_type> colors = m_impl->fresh_colors();
    std::size_t discovered = 0;
    boost::breadth_first_search(reversed, *root,
                                boost::visitor(CountVisitor(discovered))
                                    .color_map(boost::make_iterator_property_map(
                                        colors.begin(), boost::get(boost::vertex_index, graph))));
    return discovered - 1; // the root itself
}

std::vector<std::pair<PersonId, std::size_t>> TeamGraph::reporting_tree_sizes() const {
    const Graph& graph = m_impl->graph;
    ReportingGraph reporting = m_impl->reporting();
    auto reversed = boost::make_reverse_graph(reporting);
    // One color map for every root: trees are disjoint, so the searches together visit each
    // vertex once (breadth_first_visit leaves colors as they are).
    std::vector<boost::default_color_type> colors = m_impl->fresh_colors();
    auto color_map =
        boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, graph));
    std::vector<std::pair<PersonId, std::size_t>> sizes;
    for (const PersonId& root : people_without_manager()) {
        std::size_t discovered = 0;
        boost::breadth_first_visit(reversed, *m_impl->person(root),
                                   boost::visitor(CountVisitor(discovered)).color_map(color_map));
        sizes.emplace_back(root, discovered - 1);
    }
    return sizes;
}

std::vector<PersonId> TeamGraph::role_holders(const RoleId& role) const {
    auto found = m_impl->roles.find(role.str());
    if (found == m_impl->roles.end())
        return {};
    const Graph& graph = m_impl->graph;
    std::vector<PersonId> holders;
    for (auto [first, last] = boost::in_edges(found->second, graph); first != last; ++first)
        if (graph[*first].kind == EdgeKind::holds_role)
            holders.push_back(m_impl->person_id(boost::source(*first, graph)));
    holders = sorted_ids(std::move(holders));
    holders.erase(std::unique(holders.begin(), holders.end()), holders.end());
    return holders;
}

std::vector<DutyCover> TeamGraph::covers(const std::optional<ChannelId>& channel,
                                         const DutyId& duty) const {
    auto found = m_impl->channel_duties.find(
        std::make_pair(channel ? channel->str() : std::string(), duty.str()));
    if (found == m_impl->channel_duties.end())
        return {};
    const Graph& graph = m_impl->graph;
    std::vector<DutyCover> result;
    // in-edges of a vecS adjacency_list keep insertion order, which is plan order.
    for (auto [first, last] = boost::in_edges(found->second, graph); first != last; ++first) {
        const EdgeData& data = graph[*first];
        if (data.kind != EdgeKind::owns)
            continue;
        result.push_back(DutyCover{m_impl->person_id(boost::source(*first, graph)), data.raci,
                                   data.share, data.backup, data.profile});
    }
    return result;
}

std::size_t TeamGraph::person_count() const {
    return m_impl->people.size();
}

} // namespace planner::model
