#pragma once
// One-click fixes: the JSON Patch that makes the change a finding's recommendation names
// (Finding::change: a backup, an approver, a care-window cover, an owner, a manager, a role,
// a share move). Applying it through the edit API makes the finding disappear when the change
// fixes it. The web app's findings list offers it as a button.

#include "model/json_patch.hpp"
#include "model/json_value.hpp"
#include "planner/checks/checks.hpp"
#include "planner/core/plan_facts.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planner {

struct FindingFix {
    // The button's words: templates/LANG.yaml key (web.fix_*) and the values it names
    // (display names; "hours" as a number, for the page's number format).
    std::string label_key;
    std::map<std::string, std::string> values;
    double hours = 0;
    std::vector<model::PatchOperation> patch;
};

// The fix for `finding` against the plan `facts` was computed from and its JSON form, or
// nothing when the recommendation names no concrete change or the change cannot be written
// as a patch of this plan (a share that comes from a `duty: all` assignment, for example).
std::optional<FindingFix> finding_fix(const PlanFacts& facts, const model::Json& plan_json,
                                      const Finding& finding);

} // namespace planner
