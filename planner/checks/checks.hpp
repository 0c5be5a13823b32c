#pragma once
// The check catalogue (CHECKS.md) and running it over a plan. Results are data: findings with
// their evidence and recommendation, suppressed findings with the reason, and counts. The
// terminal, CSV, JSON and the reports are renderings of the same CheckReport.

#include "model/plan.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planner {

// In order of seriousness: findings sort error first.
enum class Severity { error, warning, info };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

// The concrete change a recommendation names, as data: planner/editing/finding_fixes.hpp turns
// it into a JSON Patch for a one-click fix. Empty `kind`: the recommendation names none.
//   assign      make `person` Responsible for `duty` on `channel` (no channel: not bound)
//   backup      make `person` a backup for it
//   accountable make `person` Accountable for it
//   move        move `hours` a week of it from `from` to `person` (`from` empty: hours
//               nobody carries)
//   owner       make `person` the owner of the goal `target` (of its KPI `kpi` when set)
//   reports_to  set the manager of each of `people` to `person`
//   no_manager  remove the `reports_to` of `person`
//   role        give `person` the role `target`
struct FindingChange {
    std::string kind;
    std::string person;
    std::string from;
    std::string duty;
    std::string channel;
    std::string target;
    std::string kpi;
    std::vector<std::string> people;
    double hours = 0;
};

// A finding's change, kept out of line: most findings name none, and a large plan has more
// than a million findings. Reads as a FindingChange (an empty one when there is none);
// assigning an empty change (no kind) stores nothing.
class FindingChangeRef {
public:
    FindingChangeRef() = default;
    FindingChangeRef& operator=(FindingChange change) {
        m_change = change.kind.empty() ? nullptr
                                       : std::make_shared<const FindingChange>(std::move(change));
        return *this;
    }
    const FindingChange& get() const {
        static const FindingChange none;
        return m_change ? *m_change : none;
    }
    const FindingChange* operator->() const { return &get(); }
    explicit operator bool() const { return m_change != nullptr; }

private:
    std::shared_ptr<const FindingChange> m_change; // shared by copies; never changed in place
};

struct Finding {
    std::string check; // "COV004"
    Severity severity = Severity::warning;
    std::string subject; // "channel:instagram/engage", "person:anna", "plan"
    std::string message; // one sentence for people: display names, not ids
    std::vector<std::pair<std::string, std::string>> evidence; // figures, in a fixed order
    std::string recommendation;
    FindingChangeRef change; // the change `recommendation` names, when it names one
};

// One entry of the catalogue. Ids are stable forever.
struct CheckInfo {
    std::string_view id;
    Severity severity;            // default; a finding may be milder or harsher (LOAD001, ORG004)
    std::string_view area;        // "Coverage", "Goals and measurement", ...
    std::string_view title;       // a short line for lists
    std::string_view description; // the rule, as CHECKS.md states it
};

// The catalogue in its fixed order (by area, then id). The one source of `check --list`,
// docs/checks.md and the appendix of the audit report.
const std::vector<CheckInfo>& check_catalogue();
const CheckInfo* find_check(std::string_view id);

// The catalogue as the Markdown section of docs/checks.md (areas as `###` headings, one
// table per area). A test fails when the docs and this text disagree.
std::string catalogue_markdown();

struct SuppressedFinding {
    Finding finding;
    std::string reason;
};

struct CheckCounts {
    int error = 0; // open findings by severity
    int warning = 0;
    int info = 0;
    int suppressed = 0;
};

struct CheckReport {
    std::string plan_name;
    std::vector<Finding> findings;             // open; by severity, then check id, then subject
    std::vector<SuppressedFinding> suppressed; // same order
    // `suppress` entries of the plan that matched no finding (a typo must not pass silently).
    std::vector<model::Suppression> unused_suppressions;
    CheckCounts counts;
};

// Runs every check of the catalogue, applies the plan's suppressions and sorts. Deterministic:
// the same plan gives the same report. Roughly O(n log n) in the size of the plan.
class PlanFacts;
class Texts;

// Every check of the catalogue over the plan's facts, messages and recommendations worded in
// the language of `texts` (templates/LANG.yaml, block check_text); English without it.
CheckReport run_checks(const PlanFacts& facts);
CheckReport run_checks(const PlanFacts& facts, const Texts& texts);
// The same for a plan alone (builds its facts): for tests and one-off callers.
CheckReport run_checks(const model::Plan& plan);

// Sorts findings by severity, then check id, then subject; ties keep their order.
void sort_findings(std::vector<Finding>& findings);

// `--fail-on`: the mildest severity of an open finding that fails a run.
enum class FailOn { error, warning, info, never };
std::optional<FailOn> parse_fail_on(std::string_view text);

// True when an open finding is at or above `fail_on`. Suppressed findings never fail a run.
bool fails(const CheckReport& report, FailOn fail_on);
bool fails(const CheckCounts& counts, FailOn fail_on);

} // namespace planner
