#include "model/team_graph.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>

namespace planner::model {

namespace {

// Every number the graph stores is an index into one of its tables: 4 bytes, so that a plan
// of a million people costs tens of megabytes, not gigabytes (docs/decisions.md).
using Index = std::uint32_t;
constexpr Index k_none = std::numeric_limits<Index>::max();

// The reporting lines: vertex i is person i (plan order), an edge points at the manager.
// Compressed sparse row, both directions: out-edges give the manager, in-edges the reports.
using ReportingGraph =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                       boost::no_property, boost::no_property, Index, Index>;
using Vertex = ReportingGraph::vertex_descriptor;

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

// One assignment on a channel duty: 24 bytes instead of the assignment's ids.
struct Cover {
    Index person = 0;
    Index profile = k_none; // into profile_ids
    double share = 0;
    Raci raci = Raci::R;
    bool has_share = false;
    bool backup = false;
};

// Strings numbered in order of first appearance.
class Numbering {
public:
    Index number(const std::string& text) {
        auto [at, inserted] = m_numbers.emplace(text, static_cast<Index>(m_numbers.size()));
        return at->second;
    }
    Index find(const std::string& text) const {
        auto found = m_numbers.find(text);
        return found == m_numbers.end() ? k_none : found->second;
    }
    std::size_t size() const { return m_numbers.size(); }
    void reserve(std::size_t count) { m_numbers.reserve(count); }

private:
    std::unordered_map<std::string, Index> m_numbers;
};

std::uint64_t duty_key(Index channel, Index duty) {
    return (static_cast<std::uint64_t>(channel) << 32) | duty;
}

} // namespace

struct TeamGraph::Impl {
    std::vector<PersonId> person_ids; // by person index (plan order)
    // Indexes of the people, ids ascending; of several people with one id only the first.
    std::vector<Index> people_by_id;
    ReportingGraph reporting;

    // Role r's holders are role_holders[role_offsets[r] .. role_offsets[r + 1]): person
    // indexes, distinct, ids ascending. Roles numbered in plan order; of two roles with one
    // id the first gets the holders.
    std::unordered_map<std::string, Index> roles;
    std::vector<Index> role_offsets;
    std::vector<Index> role_holders;

    // Channel duties, numbered by (channel, duty) key: "" is the channel of a duty that is not
    // channel-bound. Keys sorted for lookup; covers of duty d are
    // covers[cover_offsets[d] .. cover_offsets[d + 1]), plan order.
    Numbering channels;
    Numbering duties;
    std::vector<std::pair<std::uint64_t, Index>> duty_keys;
    std::vector<Index> cover_offsets;
    std::vector<Cover> covers;
    std::vector<ProfileId> profile_ids;

    // The index of the (first) person with `id`.
    std::optional<Index> person(const PersonId& id) const {
        const std::string& text = id.str();
        auto found = std::lower_bound(people_by_id.begin(), people_by_id.end(), text,
                                      [this](Index person, const std::string& key) {
                                          return person_ids[person].str() < key;
                                      });
        if (found == people_by_id.end() || person_ids[*found].str() != text)
            return std::nullopt;
        return *found;
    }

    bool id_less(Index a, Index b) const { return person_ids[a].str() < person_ids[b].str(); }

    std::vector<PersonId> ids_of(std::vector<Index> people) const {
        std::sort(people.begin(), people.end(), [this](Index a, Index b) { return id_less(a, b); });
        std::vector<PersonId> ids;
        ids.reserve(people.size());
        for (Index person : people)
            ids.push_back(person_ids[person]);
        return ids;
    }

    std::optional<Index> manager_of(Index person) const {
        auto [first, last] = boost::out_edges(person, reporting);
        if (first == last)
            return std::nullopt;
        return boost::target(*first, reporting);
    }

    std::vector<boost::default_color_type> fresh_colors() const {
        return std::vector<boost::default_color_type>(boost::num_vertices(reporting),
                                                      boost::white_color);
    }

    Index channel_duty(const std::optional<ChannelId>& channel, const DutyId& duty) const {
        const Index c = channels.find(channel ? channel->str() : std::string());
        const Index d = duties.find(duty.str());
        if (c == k_none || d == k_none)
            return k_none;
        const std::uint64_t key = duty_key(c, d);
        auto found = std::lower_bound(duty_keys.begin(), duty_keys.end(), key,
                                      [](const std::pair<std::uint64_t, Index>& entry,
                                         std::uint64_t k) { return entry.first < k; });
        if (found == duty_keys.end() || found->first != key)
            return k_none;
        return found->second;
    }
};

namespace {

const std::string& duty_channel_key(const PlanIndex& index, const std::optional<ChannelId>& channel,
                                    const DutyId& duty) {
    static const std::string none;
    const DutyInfo* info = index.duty(duty);
    if (info != nullptr && !info->channel_bound)
        return none;
    return channel ? channel->str() : none;
}

} // namespace

TeamGraph::TeamGraph(const PlanIndex& index) : m_impl(std::make_unique<Impl>()) {
    const Plan& plan = index.plan();
    Impl& impl = *m_impl;
    const Index people = static_cast<Index>(plan.people.size());

    impl.person_ids.reserve(people);
    for (const Person& person : plan.people)
        impl.person_ids.push_back(person.id);
    impl.people_by_id.resize(people);
    for (Index i = 0; i < people; ++i)
        impl.people_by_id[i] = i;
    std::stable_sort(impl.people_by_id.begin(), impl.people_by_id.end(),
                     [&impl](Index a, Index b) { return impl.id_less(a, b); });
    impl.people_by_id.erase(std::unique(impl.people_by_id.begin(), impl.people_by_id.end(),
                                        [&impl](Index a, Index b) {
                                            return impl.person_ids[a].str() ==
                                                   impl.person_ids[b].str();
                                        }),
                            impl.people_by_id.end());
    impl.people_by_id.shrink_to_fit();

    // Reporting lines.
    {
        std::vector<std::pair<Index, Index>> lines;
        lines.reserve(people);
        for (Index i = 0; i < people; ++i) {
            const Person& person = plan.people[i];
            if (!person.reports_to)
                continue;
            if (auto manager = impl.person(*person.reports_to))
                lines.emplace_back(i, *manager);
        }
        impl.reporting = ReportingGraph(boost::edges_are_unsorted_multi_pass, lines.begin(),
                                        lines.end(), people);
    }

    // Role holders.
    {
        const Index roles = static_cast<Index>(plan.roles.size());
        impl.roles.reserve(roles);
        for (Index r = 0; r < roles; ++r)
            impl.roles.emplace(plan.roles[r].id.str(), r);
        std::vector<std::pair<Index, Index>> held; // (role, person)
        for (Index i = 0; i < people; ++i)
            for (const RoleId& role : plan.people[i].roles) {
                auto found = impl.roles.find(role.str());
                if (found != impl.roles.end())
                    held.emplace_back(found->second, i);
            }
        std::sort(held.begin(), held.end(), [&impl](const auto& a, const auto& b) {
            if (a.first != b.first)
                return a.first < b.first;
            return impl.id_less(a.second, b.second);
        });
        impl.role_offsets.assign(roles + 1, 0);
        impl.role_holders.reserve(held.size());
        for (std::size_t k = 0; k < held.size(); ++k) {
            const auto& [role, person] = held[k];
            // Distinct ids: people with one id count once.
            if (k > 0 && held[k - 1].first == role &&
                impl.person_ids[held[k - 1].second].str() == impl.person_ids[person].str())
                continue;
            impl.role_holders.push_back(person);
            ++impl.role_offsets[role + 1];
        }
        for (Index r = 0; r < roles; ++r)
            impl.role_offsets[r + 1] += impl.role_offsets[r];
        impl.role_holders.shrink_to_fit();
    }

    // Channel duties and their covers.
    {
        std::unordered_map<std::uint64_t, Index> numbers;
        numbers.reserve(index.channel_duties().size());
        impl.channels.reserve(plan.channels.size() + 1);
        auto number = [&](const std::string& channel, const DutyId& duty) {
            const std::uint64_t key =
                duty_key(impl.channels.number(channel), impl.duties.number(duty.str()));
            return numbers.emplace(key, static_cast<Index>(numbers.size())).first->second;
        };
        static const std::string none;
        for (const ChannelDuty& duty : index.channel_duties())
            number(duty.channel ? duty.channel->str() : none, duty.duty);

        Numbering profiles;
        std::vector<Index> duty_of; // by cover, before sorting
        std::vector<Cover> covers;
        duty_of.reserve(index.assignments().size());
        covers.reserve(index.assignments().size());
        for (const PlanIndex::Expanded& expanded : index.assignments()) {
            const Assignment& assignment = expanded.assignment;
            auto from = impl.person(assignment.person);
            if (!from)
                continue;
            duty_of.push_back(number(duty_channel_key(index, assignment.channel, assignment.duty),
                                     assignment.duty));
            Cover cover;
            cover.person = *from;
            cover.raci = assignment.raci;
            cover.has_share = assignment.share.has_value();
            cover.share = assignment.share.value_or(0);
            cover.backup = assignment.backup;
            if (assignment.profile) {
                cover.profile = profiles.number(assignment.profile->str());
                if (cover.profile == impl.profile_ids.size())
                    impl.profile_ids.push_back(*assignment.profile);
            }
            covers.push_back(cover);
        }

        // Covers grouped by channel duty, plan order within each (a stable counting sort).
        const std::size_t duty_count = numbers.size();
        impl.cover_offsets.assign(duty_count + 1, 0);
        for (Index d : duty_of)
            ++impl.cover_offsets[d + 1];
        for (std::size_t d = 0; d < duty_count; ++d)
            impl.cover_offsets[d + 1] += impl.cover_offsets[d];
        impl.covers.resize(covers.size());
        std::vector<Index> next(impl.cover_offsets.begin(), impl.cover_offsets.end() - 1);
        for (std::size_t k = 0; k < covers.size(); ++k)
            impl.covers[next[duty_of[k]]++] = covers[k];

        impl.duty_keys.assign(numbers.begin(), numbers.end());
        std::sort(impl.duty_keys.begin(), impl.duty_keys.end());
    }
}

TeamGraph::~TeamGraph() = default;
TeamGraph::TeamGraph(TeamGraph&&) noexcept = default;
TeamGraph& TeamGraph::operator=(TeamGraph&&) noexcept = default;

std::vector<std::vector<PersonId>> TeamGraph::reporting_cycles() const {
    const Impl& impl = *m_impl;
    const ReportingGraph& reporting = impl.reporting;
    std::vector<Index> component(boost::num_vertices(reporting));
    const std::size_t count = boost::strong_components(
        reporting, boost::make_iterator_property_map(component.begin(),
                                                     boost::get(boost::vertex_index, reporting)));

    // Members of each component; a component is a cycle when it has two or more people, or
    // one person who reports to themselves.
    std::vector<Index> sizes(count, 0);
    std::vector<Index> first(count, k_none); // the member with the smallest id
    for (Index person : impl.people_by_id) {
        const Index c = component[person];
        if (sizes[c]++ == 0)
            first[c] = person;
    }

    std::vector<std::vector<PersonId>> cycles;
    for (std::size_t c = 0; c < count; ++c) {
        if (sizes[c] == 0)
            continue;
        const Index start = first[c];
        if (sizes[c] == 1 && impl.manager_of(start) != std::optional<Index>(start))
            continue;
        // Each person has at most one reporting line, so a strong component of the reporting
        // graph is exactly one cycle: follow it from the smallest id.
        std::vector<PersonId> cycle;
        Index current = start;
        do {
            cycle.push_back(impl.person_ids[current]);
            auto manager = impl.manager_of(current);
            if (!manager)
                break; // cannot happen inside a cycle; guards against a malformed graph
            current = *manager;
        } while (current != start && cycle.size() <= sizes[c]);
        cycles.push_back(std::move(cycle));
    }
    std::sort(cycles.begin(), cycles.end(),
              [](const std::vector<PersonId>& a, const std::vector<PersonId>& b) {
                  return a.front().str() < b.front().str();
              });
    return cycles;
}

std::optional<PersonId> TeamGraph::manager(const PersonId& person) const {
    auto vertex = m_impl->person(person);
    if (!vertex)
        return std::nullopt;
    auto manager = m_impl->manager_of(*vertex);
    if (!manager)
        return std::nullopt;
    return m_impl->person_ids[*manager];
}

std::vector<PersonId> TeamGraph::direct_reports(const PersonId& manager) const {
    auto vertex = m_impl->person(manager);
    if (!vertex)
        return {};
    const ReportingGraph& reporting = m_impl->reporting;
    std::vector<Index> reports;
    for (auto [first, last] = boost::in_edges(*vertex, reporting); first != last; ++first)
        reports.push_back(boost::source(*first, reporting));
    return m_impl->ids_of(std::move(reports));
}

std::vector<PersonId> TeamGraph::people_without_manager() const {
    std::vector<PersonId> result;
    for (Index person : m_impl->people_by_id)
        if (!m_impl->manager_of(person))
            result.push_back(m_impl->person_ids[person]);
    return result;
}

bool TeamGraph::reports_up_to(const PersonId& person, const PersonId& manager) const {
    auto from = m_impl->person(person);
    auto goal = m_impl->person(manager);
    if (!from || !goal)
        return false;
    const ReportingGraph& reporting = m_impl->reporting;
    std::vector<boost::default_color_type> colors = m_impl->fresh_colors();
    bool found = false;
    boost::breadth_first_search(
        reporting, *from,
        boost::visitor(ReachVisitor(*goal, found))
            .color_map(boost::make_iterator_property_map(
                colors.begin(), boost::get(boost::vertex_index, reporting))));
    return found;
}

std::size_t TeamGraph::reporting_tree_size(const PersonId& manager) const {
    auto root = m_impl->person(manager);
    if (!root)
        return 0;
    const ReportingGraph& reporting = m_impl->reporting;
    auto reversed = boost::make_reverse_graph(reporting);
    std::vector<boost::default_color_type> colors = m_impl->fresh_colors();
    std::size_t discovered = 0;
    boost::breadth_first_search(
        reversed, *root,
        boost::visitor(CountVisitor(discovered))
            .color_map(boost::make_iterator_property_map(
                colors.begin(), boost::get(boost::vertex_index, reporting))));
    return discovered - 1; // the root itself
}

std::vector<std::pair<PersonId, std::size_t>> TeamGraph::reporting_tree_sizes() const {
    const ReportingGraph& reporting = m_impl->reporting;
    auto reversed = boost::make_reverse_graph(reporting);
    // One color map for every root: trees are disjoint, so the searches together visit each
    // vertex once (breadth_first_visit leaves colors as they are).
    std::vector<boost::default_color_type> colors = m_impl->fresh_colors();
    auto color_map = boost::make_iterator_property_map(colors.begin(),
                                                       boost::get(boost::vertex_index, reporting));
    std::vector<std::pair<PersonId, std::size_t>> sizes;
    for (Index root : m_impl->people_by_id) {
        if (m_impl->manager_of(root))
            continue;
        std::size_t discovered = 0;
        boost::breadth_first_visit(reversed, root,
                                   boost::visitor(CountVisitor(discovered)).color_map(color_map));
        sizes.emplace_back(m_impl->person_ids[root], discovered - 1);
    }
    return sizes;
}

std::vector<PersonId> TeamGraph::role_holders(const RoleId& role) const {
    auto found = m_impl->roles.find(role.str());
    if (found == m_impl->roles.end())
        return {};
    const Index r = found->second;
    std::vector<PersonId> holders;
    holders.reserve(m_impl->role_offsets[r + 1] - m_impl->role_offsets[r]);
    for (Index k = m_impl->role_offsets[r]; k < m_impl->role_offsets[r + 1]; ++k)
        holders.push_back(m_impl->person_ids[m_impl->role_holders[k]]);
    return holders;
}

std::vector<DutyCover> TeamGraph::covers(const std::optional<ChannelId>& channel,
                                         const DutyId& duty) const {
    const Index d = m_impl->channel_duty(channel, duty);
    if (d == k_none)
        return {};
    std::vector<DutyCover> result;
    result.reserve(m_impl->cover_offsets[d + 1] - m_impl->cover_offsets[d]);
    for (Index k = m_impl->cover_offsets[d]; k < m_impl->cover_offsets[d + 1]; ++k) {
        const Cover& cover = m_impl->covers[k];
        DutyCover out;
        out.person = m_impl->person_ids[cover.person];
        out.raci = cover.raci;
        if (cover.has_share)
            out.share = cover.share;
        out.backup = cover.backup;
        if (cover.profile != k_none)
            out.profile = m_impl->profile_ids[cover.profile];
        result.push_back(std::move(out));
    }
    return result;
}

std::size_t TeamGraph::person_count() const {
    return m_impl->people_by_id.size();
}

} // namespace planner::model
