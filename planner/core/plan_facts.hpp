#pragma once
// PlanFacts: what every analysis reads about one plan, computed once. Commands build one per
// plan they read and hand it to checks, staffing, rebalance, review and the report builders;
// the web server keeps one per plan in memory between requests and builds a new one when the
// plan changes. It owns its plan, so nothing it hands out can dangle.
//
// The index and the workload are built with the facts; the team graph, the duty coverage and
// the roles per duty on first use (thread-safe), so a command that needs only the workload does
// not pay for the graph. Every accessor is const and safe to call from several threads.

#include "model/plan.hpp"
#include "model/plan_queries.hpp"
#include "model/team_graph.hpp"
#include "planner/core/workload.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace planner {

// Who is on one channel duty. Each list holds distinct people, ids ascending.
struct DutyCoverage {
    std::vector<model::PersonId> responsible; // raci R, not backup (share may be 0)
    std::vector<model::PersonId> accountable; // raci A, not backup
    std::vector<model::PersonId> backups;     // backup: true
    // Responsible people with a resolved share above 0 (per the workload), and backups: the
    // people able to do the work, as COV004 counts them.
    std::vector<model::PersonId> able;
    std::vector<model::DutyCover> covers; // every assignment, plan order
};

class PlanFacts {
public:
    explicit PlanFacts(model::Plan plan);
    // The same facts, with the team graph of `previous` (a plan before an edit) reused when
    // what the graph is made of did not change: every person's id, reporting line and roles,
    // the roles' ids, the channel duties and the expanded assignments, all in the same order.
    // Otherwise as PlanFacts(plan). The result is the same either way.
    PlanFacts(model::Plan plan, const PlanFacts& previous);
    // True when this facts' graph is the one of the `previous` it was made from.
    bool graph_reused() const { return m_graph_reused; }
    PlanFacts(const PlanFacts&) = delete;
    PlanFacts& operator=(const PlanFacts&) = delete;
    ~PlanFacts();

    const model::Plan& plan() const { return *m_plan; }
    const model::PlanIndex& index() const { return *m_index; }
    const Workload& workload() const { return m_workload; }
    const model::TeamGraph& graph() const;

    // By index into PlanIndex::channel_duties().
    const DutyCoverage& coverage(size_t duty_index) const;

    // Indexes into plan().roles of the roles whose duties include `duty`, ascending.
    const std::vector<size_t>& roles_performing(const model::DutyId& duty) const;
    // Every duty id that some role performs, with roles_performing() of it; duty ids ascending.
    const std::map<std::string, std::vector<size_t>, std::less<>>& roles_by_duty() const;
    // Indexes into plan().roles of the person's own roles that perform `duty`, ascending.
    std::vector<size_t> person_roles_performing(const model::Person& person,
                                                const model::DutyId& duty) const;

private:
    std::shared_ptr<const model::TeamGraph> graph_shared() const;
    void build_graph_facts() const;
    void build_roles_by_duty() const;

    std::unique_ptr<const model::Plan> m_plan; // never moves: the index views into it
    std::unique_ptr<const model::PlanIndex> m_index;
    Workload m_workload;

    mutable std::once_flag m_graph_once;
    mutable std::shared_ptr<const model::TeamGraph> m_graph; // shared with the next facts
    bool m_graph_reused = false;
    mutable std::vector<DutyCoverage> m_coverage;
    mutable std::once_flag m_roles_once;
    mutable std::map<std::string, std::vector<size_t>, std::less<>> m_roles_by_duty;
};

} // namespace planner
