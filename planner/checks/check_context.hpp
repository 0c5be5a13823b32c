#pragma once
// What every check reads, computed once per run: the plan's index, the team graph, the
// workload, who covers each channel duty, and the candidates for each duty. Also the wording
// helpers that keep findings consistent ("Community management on Instagram", "11 hours").
// Internal to the checks (planner/check_*.cpp); report builders use planner/checks.hpp.

#include "model/team_graph.hpp"
#include "planner/checks/checks.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/core/texts.hpp"
#include "planner/core/workload.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planner {

class CheckContext;

// The findings a check function makes, used as a vector (push_back, back) and returned as one.
// With the context's finding sink set, all but the last batch of findings are handed to the
// sink as they are made; the function's result holds the rest. Order is kept.
class FindingOutput {
public:
    static constexpr size_t k_batch = 4096;
    explicit FindingOutput(const CheckContext& context) : m_context(context) {}
    void push_back(Finding finding);
    Finding& back() { return m_items.back(); }
    operator std::vector<Finding>() { return std::move(m_items); }

private:
    const CheckContext& m_context;
    std::vector<Finding> m_items;
};

class CheckContext {
public:
    CheckContext(const PlanFacts& facts, const Texts& texts);

    // Wording: templates/LANG.yaml, block check_text. say("COV001.message", {{"duty", ...}}).
    const Texts& texts() const { return m_texts; }
    std::string say(const std::string& key,
                    const std::map<std::string, std::string>& values = {}) const;
    // KEY.one / KEY.other ... by the language's plural rules for `count`.
    std::string say_count(const std::string& key, long long count,
                          const std::map<std::string, std::string>& values = {}) const;
    // The same for hours ("1 free hour", "2.5 free hours"); {count} is the hours.
    std::string say_hours(const std::string& key, double hours,
                          const std::map<std::string, std::string>& values = {}) const;
    // Hours for prose, in the language's number format: "10.5" / "10,5".
    std::string hours(double value) const { return m_texts.hours(value); }
    std::string join(const std::vector<std::string>& words) const { return m_texts.join(words); }

    const PlanFacts& facts() const { return m_facts; }
    const model::Plan& plan() const { return m_facts.plan(); }
    const model::PlanInfo& info() const { return m_facts.plan().info; }
    const model::PlanIndex& index() const { return m_facts.index(); }
    const model::TeamGraph& graph() const { return m_facts.graph(); }
    const Workload& workload() const { return m_facts.workload(); }

    // By index into PlanIndex::channel_duties().
    DutyCoverage coverage(size_t duty_index) const { return m_facts.coverage(duty_index); }

    // The person must be in the plan (ids come from the plan's own lists).
    const model::Person& person(const model::PersonId& id) const;
    std::string name(const model::PersonId& id) const; // display name; the id if unknown
    // "Anna Bērziņa", "Anna Bērziņa and Jānis Kalniņš", "A, B and C"
    std::string names(const std::vector<model::PersonId>& ids) const;

    // Indexes (read as size_t) into a table of the context.
    class IndexRange {
    public:
        IndexRange() = default;
        IndexRange(const std::uint32_t* first, const std::uint32_t* last)
            : m_first(first), m_last(last) {}
        const std::uint32_t* begin() const { return m_first; }
        const std::uint32_t* end() const { return m_last; }
        size_t size() const { return static_cast<size_t>(m_last - m_first); }
        bool empty() const { return m_first == m_last; }
        size_t operator[](size_t n) const { return m_first[n]; }

    private:
        const std::uint32_t* m_first = nullptr;
        const std::uint32_t* m_last = nullptr;
    };

    // The person's expanded assignments, as indexes into PlanIndex::assignments(), in order.
    // Empty for an id that is not in the plan.
    IndexRange assignments_of(const model::PersonId& id) const;

    const PersonLoad* load(const model::PersonId& id) const;
    double free_hours(const model::PersonId& id) const; // available - load; 0 if unknown

    // "Community management on Instagram"; "Influencer outreach" when not channel-bound.
    std::string duty_phrase(size_t duty_index) const;
    std::string duty_name(const model::DutyId& duty) const;
    std::string channel_name(const model::ChannelId& channel) const;

    // KPIs that measure the channel: those naming it, and those without a channel of goals
    // that list it. Plan order.
    const std::vector<model::KpiId>& kpis_of_channel(const model::ChannelId& channel) const;
    // The head of the team: of the active people without a manager, the one with the largest
    // reporting tree (then smallest id). Empty when there is none.
    std::optional<model::PersonId> team_head() const;

    // Roles whose duties include `duty`, plan order.
    std::vector<model::RoleId> roles_performing(const model::DutyId& duty) const;
    // True when one of the person's roles performs `duty`.
    bool performs(const model::Person& person, const model::DutyId& duty) const;

    // The person best placed to take on `duty`: an active holder of a role that performs it,
    // most free hours first, then smallest id; skipping `exclude` and anyone `acceptable`
    // rejects. Only the first k_candidate_tries people not excluded are put to `acceptable`,
    // so that a search costs the same on a team of ten and of ten thousand. Empty when there
    // is nobody.
    std::optional<model::PersonId>
    candidate_for(const model::DutyId& duty, const std::vector<model::PersonId>& exclude,
                  const std::function<bool(const model::Person&)>& acceptable = {}) const;
    static constexpr size_t k_candidate_tries = 50;

    // "Olga Petrova performs `engage` and has 11 free hours a week" for a candidate.
    std::string candidate_clause(const model::PersonId& candidate, const model::DutyId& duty) const;

    // Where findings go as they are made, in batches (FindingOutput), when set: run_checks keeps
    // them compactly at once instead of holding a large check's findings all as objects.
    using FindingBatchSink = std::function<void(std::vector<Finding>& batch)>;
    void set_finding_sink(const FindingBatchSink* sink) { m_finding_sink = sink; }
    const FindingBatchSink* finding_sink() const { return m_finding_sink; }

private:
    // Index into plan().people of the (first) person with `id`.
    std::optional<size_t> position(const model::PersonId& id) const;

    const FindingBatchSink* m_finding_sink = nullptr;
    const PlanFacts& m_facts;
    const Texts& m_texts;
    // Person p's assignments: m_assignments[m_assignment_offsets[p] ..
    // m_assignment_offsets[p + 1]), indexes into PlanIndex::assignments().
    std::vector<std::uint32_t> m_assignment_offsets;
    std::vector<std::uint32_t> m_assignments;
    std::map<std::string, std::vector<model::KpiId>> m_kpis_by_channel;
    // Indexes into plan().people, most free hours first.
    std::map<std::string, std::vector<std::uint32_t>, std::less<>> m_candidates_by_duty;
    std::optional<model::PersonId> m_team_head;
};

// ---- wording helpers -----------------------------------------------------------------------

// Hours with at most one decimal and no trailing ".0": "11", "10.5".
std::string format_hours(double hours);
// A fraction as a whole percentage: "150%".
std::string format_percent(double fraction);
// A share with up to two decimals: "0.6", "1", "0.25".
std::string format_share(double share);
// Weekdays as ranges: "mon–fri", "mon, wed, fri", "mon–wed, sat".
std::string format_days(model::DaySet days);
// "a, b and c"
std::string join_words(const std::vector<std::string>& words);
// "a, b, c" (for evidence)
std::string join_list(const std::vector<std::string>& words, const std::string& separator = ", ");

// The change a recommendation names about a channel duty (FindingChange, kinds assign, backup,
// accountable, move).
FindingChange duty_change(std::string kind, const model::PersonId& person,
                          const model::ChannelDuty& duty);
// The same for `duty` on `channel`.
FindingChange duty_change(std::string kind, const model::PersonId& person,
                          const model::DutyId& duty, const model::ChannelId& channel);

Finding make_finding(std::string_view check, std::string subject, std::string message,
                     std::vector<std::pair<std::string, std::string>> evidence,
                     std::string recommendation);

} // namespace planner
