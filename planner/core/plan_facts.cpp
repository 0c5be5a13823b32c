#include "planner/core/plan_facts.hpp"

#include <algorithm>

namespace planner {

namespace {

std::vector<model::PersonId> distinct_sorted(std::vector<model::PersonId> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

// The key TeamGraph files an assignment's channel duty under: none for a duty that is not
// channel-bound.
bool same_duty_key(const model::PlanIndex& a, const model::PlanIndex& b,
                   const model::DutyId& duty) {
    const model::DutyInfo* in_a = a.duty(duty);
    const model::DutyInfo* in_b = b.duty(duty);
    const bool bound_a = in_a == nullptr || in_a->channel_bound;
    const bool bound_b = in_b == nullptr || in_b->channel_bound;
    return bound_a == bound_b;
}

// True when TeamGraph(a) and TeamGraph(b) are the same graph: they read nothing else.
bool same_graph_inputs(const model::PlanIndex& a, const model::PlanIndex& b) {
    const model::Plan& plan_a = a.plan();
    const model::Plan& plan_b = b.plan();
    if (plan_a.people.size() != plan_b.people.size() ||
        plan_a.roles.size() != plan_b.roles.size() ||
        a.channel_duties().size() != b.channel_duties().size() ||
        a.assignments().size() != b.assignments().size())
        return false;
    for (size_t i = 0; i < plan_a.people.size(); ++i) {
        const model::Person& x = plan_a.people[i];
        const model::Person& y = plan_b.people[i];
        if (!(x.id == y.id) || x.reports_to != y.reports_to || x.roles != y.roles)
            return false;
    }
    for (size_t i = 0; i < plan_a.roles.size(); ++i)
        if (!(plan_a.roles[i].id == plan_b.roles[i].id))
            return false;
    for (size_t i = 0; i < a.channel_duties().size(); ++i) {
        const model::ChannelDuty& x = a.channel_duties()[i];
        const model::ChannelDuty& y = b.channel_duties()[i];
        if (x.channel != y.channel || !(x.duty == y.duty))
            return false;
    }
    for (size_t i = 0; i < a.assignments().size(); ++i) {
        const model::Assignment& x = a.assignments()[i].assignment;
        const model::Assignment& y = b.assignments()[i].assignment;
        if (!(x.person == y.person) || !(x.duty == y.duty) || x.channel != y.channel ||
            x.profile != y.profile || x.raci != y.raci || x.share != y.share ||
            x.backup != y.backup || !same_duty_key(a, b, x.duty))
            return false;
    }
    return true;
}

} // namespace

PlanFacts::PlanFacts(model::Plan plan)
    : m_plan(std::make_unique<const model::Plan>(std::move(plan))),
      m_index(std::make_unique<const model::PlanIndex>(*m_plan)),
      m_workload(compute_workload(*m_index)) {}

PlanFacts::PlanFacts(model::Plan plan, const PlanFacts& previous) : PlanFacts(std::move(plan)) {
    if (same_graph_inputs(*m_index, previous.index())) {
        m_graph = previous.graph_shared();
        m_graph_reused = true;
    }
}

PlanFacts::~PlanFacts() = default;

const model::TeamGraph& PlanFacts::graph() const {
    std::call_once(m_graph_once, [this] { build_graph_facts(); });
    return *m_graph;
}

const DutyCoverage& PlanFacts::coverage(size_t duty_index) const {
    std::call_once(m_graph_once, [this] { build_graph_facts(); });
    return m_coverage.at(duty_index);
}

std::shared_ptr<const model::TeamGraph> PlanFacts::graph_shared() const {
    std::call_once(m_graph_once, [this] { build_graph_facts(); });
    return m_graph;
}

void PlanFacts::build_graph_facts() const {
    if (!m_graph) // else reused from the facts before an edit
        m_graph = std::make_shared<const model::TeamGraph>(*m_index);
    const auto& channel_duties = m_index->channel_duties();

    // Resolved shares by channel duty, from the workload.
    std::vector<std::vector<model::PersonId>> sharing(channel_duties.size());
    for (const DutyLoad& duty : m_workload.duties) {
        if (duty.duty_index >= sharing.size())
            continue;
        for (const DutyResponsible& responsible : duty.responsible)
            if (responsible.share > 1e-9)
                sharing[duty.duty_index].push_back(responsible.person);
    }

    m_coverage.reserve(channel_duties.size());
    for (size_t i = 0; i < channel_duties.size(); ++i) {
        const model::ChannelDuty& duty = channel_duties[i];
        DutyCoverage coverage;
        coverage.covers = m_graph->covers(duty.channel, duty.duty);
        for (const model::DutyCover& cover : coverage.covers) {
            if (cover.backup)
                coverage.backups.push_back(cover.person);
            else if (cover.raci == model::Raci::R)
                coverage.responsible.push_back(cover.person);
            else if (cover.raci == model::Raci::A)
                coverage.accountable.push_back(cover.person);
        }
        coverage.responsible = distinct_sorted(std::move(coverage.responsible));
        coverage.accountable = distinct_sorted(std::move(coverage.accountable));
        coverage.backups = distinct_sorted(std::move(coverage.backups));
        coverage.able = sharing[i];
        coverage.able.insert(coverage.able.end(), coverage.backups.begin(), coverage.backups.end());
        coverage.able = distinct_sorted(std::move(coverage.able));
        m_coverage.push_back(std::move(coverage));
    }
}

void PlanFacts::build_roles_by_duty() const {
    const auto& roles = m_plan->roles;
    for (size_t r = 0; r < roles.size(); ++r)
        for (const model::DutyId& performed : roles[r].duties) {
            std::vector<size_t>& list = m_roles_by_duty[performed.str()];
            if (list.empty() || list.back() != r)
                list.push_back(r);
        }
}

const std::map<std::string, std::vector<size_t>, std::less<>>& PlanFacts::roles_by_duty() const {
    std::call_once(m_roles_once, [this] { build_roles_by_duty(); });
    return m_roles_by_duty;
}

const std::vector<size_t>& PlanFacts::roles_performing(const model::DutyId& duty) const {
    std::call_once(m_roles_once, [this] { build_roles_by_duty(); });
    static const std::vector<size_t> none;
    auto found = m_roles_by_duty.find(duty.str());
    return found == m_roles_by_duty.end() ? none : found->second;
}

std::vector<size_t> PlanFacts::person_roles_performing(const model::Person& person,
                                                       const model::DutyId& duty) const {
    const std::vector<size_t>& performing = roles_performing(duty);
    std::vector<size_t> out;
    for (const model::RoleId& id : person.roles) {
        const model::Role* role = m_index->role(id);
        if (role == nullptr)
            continue;
        const size_t r = static_cast<size_t>(role - m_plan->roles.data());
        if (std::binary_search(performing.begin(), performing.end(), r))
            out.push_back(r);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace planner
