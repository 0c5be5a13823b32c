#include "planner/core/plan_facts.hpp"

#include <algorithm>

namespace planner {

namespace {

std::vector<model::PersonId> distinct_sorted(std::vector<model::PersonId> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

} // namespace

PlanFacts::PlanFacts(model::Plan plan)
    : m_plan(std::make_unique<const model::Plan>(std::move(plan))),
      m_index(std::make_unique<const model::PlanIndex>(*m_plan)),
      m_workload(compute_workload(*m_index)) {}

PlanFacts::~PlanFacts() = default;

const model::TeamGraph& PlanFacts::graph() const {
    std::call_once(m_graph_once, [this] { build_graph_facts(); });
    return *m_graph;
}

const DutyCoverage& PlanFacts::coverage(size_t duty_index) const {
    std::call_once(m_graph_once, [this] { build_graph_facts(); });
    return m_coverage.at(duty_index);
}

void PlanFacts::build_graph_facts() const {
    m_graph = std::make_unique<model::TeamGraph>(*m_index);
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
