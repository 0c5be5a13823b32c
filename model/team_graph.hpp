#pragma once
// TeamGraph: the team as a directed graph. The one class that holds the Boost.Graph view of a
// plan; vertex descriptors stay inside it and the interface speaks in ids.
//
// Vertices: people, roles and channel duties (every channel duty of the PlanIndex, plus any
// (channel, duty) pair that an assignment names even when its weekly hours are 0).
// Edges, all pointing away from the person:
//   person -> manager        a reporting line (`reports_to`)
//   person -> role           the person holds the role
//   person -> channel duty   an assignment (`duty: all` already expanded), with RACI, share,
//                            backup and profile
// Every list returned is in a deterministic order (ids ascending unless stated otherwise).
// Stored as index tables (4-byte indexes, each id once), the reporting lines as a compressed
// sparse row graph: a few tens of bytes per person and per assignment (docs/decisions.md).

#include "model/plan_queries.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace planner::model {

// One assignment edge as seen from the channel duty it points at.
struct DutyCover {
    PersonId person;
    Raci raci = Raci::R;
    std::optional<double> share; // as written in the plan
    bool backup = false;
    std::optional<ProfileId> profile;
};

class TeamGraph {
public:
    // Copies the ids it needs: `index` and its plan may be destroyed afterwards.
    explicit TeamGraph(const PlanIndex& index);
    ~TeamGraph();
    TeamGraph(TeamGraph&&) noexcept;
    TeamGraph& operator=(TeamGraph&&) noexcept;
    TeamGraph(const TeamGraph&) = delete;
    TeamGraph& operator=(const TeamGraph&) = delete;

    // ---- reporting lines ---------------------------------------------------------------

    // Every cycle of reporting lines, each as the people in order of `reports_to`, starting
    // at the smallest id and not repeating it at the end (a person who reports to
    // themselves is a cycle of one). Cycles are sorted by their first id.
    // Found with strong_components over the reporting edges: O(V + E).
    std::vector<std::vector<PersonId>> reporting_cycles() const;

    // The person's manager, if `reports_to` names a person of the plan.
    std::optional<PersonId> manager(const PersonId& person) const;

    // People whose `reports_to` is `manager`, ids ascending. Empty for an unknown id.
    std::vector<PersonId> direct_reports(const PersonId& manager) const;

    // People with no manager, ids ascending.
    std::vector<PersonId> people_without_manager() const;

    // True when `manager` is reached from `person` by following reporting lines upwards
    // (breadth-first search). A person does not reach themselves unless they are on a
    // cycle. False for unknown ids.
    bool reports_up_to(const PersonId& person, const PersonId& manager) const;

    // Number of people whose reporting lines lead up to `manager`, directly or indirectly,
    // not counting `manager` (breadth-first search over the reversed reporting edges).
    std::size_t reporting_tree_size(const PersonId& manager) const;

    // Every person without a manager with the size of their reporting tree (as
    // reporting_tree_size), ids ascending. One breadth-first pass over the whole graph.
    std::vector<std::pair<PersonId, std::size_t>> reporting_tree_sizes() const;

    // ---- roles -------------------------------------------------------------------------

    // Holders of the role, ids ascending. Empty for an unknown role.
    std::vector<PersonId> role_holders(const RoleId& role) const;

    // ---- ownership ---------------------------------------------------------------------

    // Every assignment on the channel duty, in plan order (of the expanded assignments).
    // `channel` is empty for a duty that is not channel-bound. Empty when nobody is
    // assigned or the pair is unknown.
    std::vector<DutyCover> covers(const std::optional<ChannelId>& channel,
                                  const DutyId& duty) const;

    std::size_t person_count() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace planner::model
