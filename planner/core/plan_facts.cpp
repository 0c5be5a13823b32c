#include "planner/core/plan_facts.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace planner {

namespace {

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

DutyCoverage PlanFacts::coverage(size_t duty_index) const {
    std::call_once(m_graph_once, [this] { build_graph_facts(); });
    if (duty_index >= m_cover_offsets.size() - 1)
        throw std::out_of_range("PlanFacts::coverage: no channel duty " +
                                std::to_string(duty_index));
    const std::uint32_t* people = m_coverage_people.data();
    const std::uint32_t* at = m_coverage_offsets.data() + 4 * duty_index;
    const model::Person* plan_people = m_plan->people.data();
    DutyCoverage coverage;
    coverage.responsible = PersonList(people + at[0], people + at[1], plan_people);
    coverage.accountable = PersonList(people + at[1], people + at[2], plan_people);
    coverage.backups = PersonList(people + at[2], people + at[3], plan_people);
    coverage.able = PersonList(people + at[3], people + at[4], plan_people);
    const size_t source = m_cover_source.empty() ? duty_index : m_cover_source[duty_index];
    coverage.covers =
        CoverList(m_covers.data() + m_cover_offsets[source],
                  m_covers.data() + m_cover_offsets[source + 1], m_index->assignments().data());
    return coverage;
}

std::shared_ptr<const model::TeamGraph> PlanFacts::graph_shared() const {
    std::call_once(m_graph_once, [this] { build_graph_facts(); });
    return m_graph;
}

void PlanFacts::build_graph_facts() const {
    if (!m_graph) // else reused from the facts before an edit
        m_graph = std::make_shared<const model::TeamGraph>(*m_index);
    const model::PlanIndex& index = *m_index;
    const auto& channel_duties = index.channel_duties();
    const auto& assignments = index.assignments();
    const size_t count = channel_duties.size();
    const model::Person* people = m_plan->people.data();

    // The index of a person of the plan (the first with the id), as TeamGraph counts them.
    auto person_index = [&](const model::PersonId& id) -> std::optional<std::uint32_t> {
        const model::Person* person = index.person(id);
        if (person == nullptr)
            return std::nullopt;
        return static_cast<std::uint32_t>(person - people);
    };
    // The channel duty an assignment counts for, as TeamGraph files it: without a channel
    // when the duty is not channel-bound; none when it is not a channel duty of the index.
    auto duty_of = [&](const model::Assignment& assignment) -> std::optional<size_t> {
        const model::DutyInfo* info = index.duty(assignment.duty);
        const bool bound = info == nullptr || info->channel_bound;
        const model::ChannelDuty* found =
            index.channel_duty(bound ? assignment.channel : std::nullopt, assignment.duty);
        if (found == nullptr)
            return std::nullopt;
        return static_cast<size_t>(found - channel_duties.data());
    };

    // Covers: the expanded assignments of people of the plan, grouped by channel duty in plan
    // order (a stable counting sort). A channel duty listed twice shares the covers of the
    // first, as the graph files both under one key.
    std::vector<std::uint32_t> duty_by_assignment(assignments.size(), UINT32_MAX);
    std::vector<std::uint32_t> person_by_assignment(assignments.size(), 0);
    m_cover_offsets.assign(count + 1, 0);
    for (size_t k = 0; k < assignments.size(); ++k) {
        const model::Assignment& assignment = assignments[k].assignment;
        auto person = person_index(assignment.person);
        if (!person)
            continue;
        auto duty = duty_of(assignment);
        if (!duty)
            continue;
        duty_by_assignment[k] = static_cast<std::uint32_t>(*duty);
        person_by_assignment[k] = *person;
        ++m_cover_offsets[*duty + 1];
    }
    for (size_t i = 0; i < count; ++i)
        m_cover_offsets[i + 1] += m_cover_offsets[i];
    m_covers.resize(m_cover_offsets[count]);
    {
        std::vector<std::uint32_t> next(m_cover_offsets.begin(), m_cover_offsets.end() - 1);
        for (size_t k = 0; k < assignments.size(); ++k)
            if (duty_by_assignment[k] != UINT32_MAX)
                m_covers[next[duty_by_assignment[k]]++] = static_cast<std::uint32_t>(k);
    }
    duty_by_assignment = {};
    // A channel duty listed twice (only in a plan the reader would refuse) has the covers of
    // the first: the graph files both under one key.
    m_cover_source.clear();
    for (size_t i = 0; i < count; ++i) {
        const model::ChannelDuty& duty = channel_duties[i];
        const model::ChannelDuty* keyed = index.channel_duty(duty.channel, duty.duty);
        const size_t source =
            keyed == nullptr ? i : static_cast<size_t>(keyed - channel_duties.data());
        if (source != i && m_cover_source.empty()) {
            m_cover_source.resize(count);
            for (size_t j = 0; j < count; ++j)
                m_cover_source[j] = static_cast<std::uint32_t>(j);
        }
        if (!m_cover_source.empty())
            m_cover_source[i] = static_cast<std::uint32_t>(source);
    }

    // Resolved shares by channel duty, from the workload.
    std::vector<std::uint32_t> sharing_offsets(count + 1, 0);
    std::vector<std::uint32_t> sharing;
    {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> shared; // (duty, person)
        for (const DutyLoad& duty : m_workload.duties) {
            if (duty.duty_index >= count)
                continue;
            for (const DutyResponsible& responsible : duty.responsible)
                if (responsible.share > 1e-9)
                    if (auto person = person_index(responsible.person))
                        shared.emplace_back(static_cast<std::uint32_t>(duty.duty_index), *person);
        }
        std::stable_sort(shared.begin(), shared.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        sharing.reserve(shared.size());
        for (const auto& [duty, person] : shared) {
            sharing.push_back(person);
            ++sharing_offsets[duty + 1];
        }
        for (size_t i = 0; i < count; ++i)
            sharing_offsets[i + 1] += sharing_offsets[i];
    }

    auto by_id = [people](std::uint32_t a, std::uint32_t b) {
        return people[a].id.str() < people[b].id.str();
    };
    auto distinct_sorted = [&](std::vector<std::uint32_t>& list) {
        std::sort(list.begin(), list.end(), by_id);
        list.erase(std::unique(list.begin(), list.end()), list.end());
    };

    m_coverage_offsets.clear();
    m_coverage_offsets.reserve(4 * count + 1);
    m_coverage_people.clear();
    m_coverage_people.reserve(m_covers.size() + sharing.size());
    std::vector<std::uint32_t> responsible, accountable, backups, able;
    auto append = [this](const std::vector<std::uint32_t>& list) {
        m_coverage_offsets.push_back(static_cast<std::uint32_t>(m_coverage_people.size()));
        m_coverage_people.insert(m_coverage_people.end(), list.begin(), list.end());
    };
    for (size_t i = 0; i < count; ++i) {
        responsible.clear();
        accountable.clear();
        backups.clear();
        const size_t source = m_cover_source.empty() ? i : m_cover_source[i];
        for (std::uint32_t k = m_cover_offsets[source]; k < m_cover_offsets[source + 1]; ++k) {
            const model::Assignment& cover = assignments[m_covers[k]].assignment;
            const std::uint32_t person = person_by_assignment[m_covers[k]];
            if (cover.backup)
                backups.push_back(person);
            else if (cover.raci == model::Raci::R)
                responsible.push_back(person);
            else if (cover.raci == model::Raci::A)
                accountable.push_back(person);
        }
        distinct_sorted(responsible);
        distinct_sorted(accountable);
        distinct_sorted(backups);
        able.assign(sharing.begin() + sharing_offsets[i], sharing.begin() + sharing_offsets[i + 1]);
        able.insert(able.end(), backups.begin(), backups.end());
        distinct_sorted(able);
        append(responsible);
        append(accountable);
        append(backups);
        append(able);
    }
    m_coverage_offsets.push_back(static_cast<std::uint32_t>(m_coverage_people.size()));
    m_coverage_people.shrink_to_fit();
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
