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

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace planner {

// People of a channel duty as indexes into the plan's people (4 bytes each), read as their
// ids: it iterates as `const PersonId&`, and converts to std::vector<PersonId> where a list
// is wanted. Valid as long as the PlanFacts that handed it out.
class PersonList {
public:
    class iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = model::PersonId;
        using difference_type = std::ptrdiff_t;
        using pointer = const model::PersonId*;
        using reference = const model::PersonId&;

        iterator() = default;
        iterator(const std::uint32_t* at, const model::Person* people)
            : m_at(at), m_people(people) {}
        reference operator*() const { return m_people[*m_at].id; }
        pointer operator->() const { return &m_people[*m_at].id; }
        reference operator[](difference_type n) const { return m_people[m_at[n]].id; }
        iterator& operator++() {
            ++m_at;
            return *this;
        }
        iterator operator++(int) {
            iterator old = *this;
            ++m_at;
            return old;
        }
        iterator& operator--() {
            --m_at;
            return *this;
        }
        iterator operator--(int) {
            iterator old = *this;
            --m_at;
            return old;
        }
        iterator& operator+=(difference_type n) {
            m_at += n;
            return *this;
        }
        iterator& operator-=(difference_type n) {
            m_at -= n;
            return *this;
        }
        friend iterator operator+(iterator it, difference_type n) { return it += n; }
        friend iterator operator+(difference_type n, iterator it) { return it += n; }
        friend iterator operator-(iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const iterator& a, const iterator& b) {
            return a.m_at - b.m_at;
        }
        friend bool operator==(const iterator& a, const iterator& b) { return a.m_at == b.m_at; }
        friend bool operator!=(const iterator& a, const iterator& b) { return a.m_at != b.m_at; }
        friend bool operator<(const iterator& a, const iterator& b) { return a.m_at < b.m_at; }
        friend bool operator>(const iterator& a, const iterator& b) { return a.m_at > b.m_at; }
        friend bool operator<=(const iterator& a, const iterator& b) { return a.m_at <= b.m_at; }
        friend bool operator>=(const iterator& a, const iterator& b) { return a.m_at >= b.m_at; }

    private:
        const std::uint32_t* m_at = nullptr;
        const model::Person* m_people = nullptr;
    };
    using const_iterator = iterator;
    using value_type = model::PersonId;

    PersonList() = default;
    PersonList(const std::uint32_t* first, const std::uint32_t* last, const model::Person* people)
        : m_first(first), m_last(last), m_people(people) {}

    iterator begin() const { return iterator(m_first, m_people); }
    iterator end() const { return iterator(m_last, m_people); }
    size_t size() const { return static_cast<size_t>(m_last - m_first); }
    bool empty() const { return m_first == m_last; }
    const model::PersonId& front() const { return m_people[*m_first].id; }
    const model::PersonId& operator[](size_t n) const { return m_people[m_first[n]].id; }
    // The people's indexes into plan().people.
    const std::uint32_t* indexes() const { return m_first; }

    std::vector<model::PersonId> ids() const {
        return std::vector<model::PersonId>(begin(), end());
    }
    operator std::vector<model::PersonId>() const { return ids(); }

private:
    const std::uint32_t* m_first = nullptr;
    const std::uint32_t* m_last = nullptr;
    const model::Person* m_people = nullptr;
};

// The assignments on a channel duty, read as model::DutyCover (made on the fly from the
// expanded assignments, indexes of which it holds).
class CoverList {
public:
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = model::DutyCover;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = model::DutyCover;

        iterator() = default;
        iterator(const std::uint32_t* at, const model::PlanIndex::Expanded* assignments)
            : m_at(at), m_assignments(assignments) {}
        model::DutyCover operator*() const {
            const model::Assignment& a = m_assignments[*m_at].assignment;
            return model::DutyCover{a.person, a.raci, a.share, a.backup, a.profile};
        }
        iterator& operator++() {
            ++m_at;
            return *this;
        }
        iterator operator++(int) {
            iterator old = *this;
            ++m_at;
            return old;
        }
        friend bool operator==(const iterator& a, const iterator& b) { return a.m_at == b.m_at; }
        friend bool operator!=(const iterator& a, const iterator& b) { return a.m_at != b.m_at; }

    private:
        const std::uint32_t* m_at = nullptr;
        const model::PlanIndex::Expanded* m_assignments = nullptr;
    };

    CoverList() = default;
    CoverList(const std::uint32_t* first, const std::uint32_t* last,
              const model::PlanIndex::Expanded* assignments)
        : m_first(first), m_last(last), m_assignments(assignments) {}

    iterator begin() const { return iterator(m_first, m_assignments); }
    iterator end() const { return iterator(m_last, m_assignments); }
    size_t size() const { return static_cast<size_t>(m_last - m_first); }
    bool empty() const { return m_first == m_last; }
    // Indexes into PlanIndex::assignments().
    const std::uint32_t* indexes() const { return m_first; }

private:
    const std::uint32_t* m_first = nullptr;
    const std::uint32_t* m_last = nullptr;
    const model::PlanIndex::Expanded* m_assignments = nullptr;
};

// Who is on one channel duty. Each list holds distinct people, ids ascending. A view into
// the PlanFacts that made it.
struct DutyCoverage {
    PersonList responsible; // raci R, not backup (share may be 0)
    PersonList accountable; // raci A, not backup
    PersonList backups;     // backup: true
    // Responsible people with a resolved share above 0 (per the workload), and backups: the
    // people able to do the work, as COV004 counts them.
    PersonList able;
    CoverList covers; // every assignment of a person of the plan, plan order
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

    // By index into PlanIndex::channel_duties(); out_of_range for another index.
    DutyCoverage coverage(size_t duty_index) const;

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
    // Coverage of channel duty i: its lists are m_coverage_people[m_coverage_offsets[5i + k]
    // .. m_coverage_offsets[5i + k + 1]) for k = responsible, accountable, backups, able, and
    // its covers m_covers[m_cover_offsets[i] .. m_cover_offsets[i + 1]).
    mutable std::vector<std::uint32_t> m_coverage_offsets;
    mutable std::vector<std::uint32_t> m_coverage_people;
    mutable std::vector<std::uint32_t> m_cover_offsets;
    mutable std::vector<std::uint32_t> m_covers;       // indexes into index().assignments()
    mutable std::vector<std::uint32_t> m_cover_source; // empty, or whose covers duty i has
    mutable std::once_flag m_roles_once;
    mutable std::map<std::string, std::vector<size_t>, std::less<>> m_roles_by_duty;
};

} // namespace planner
