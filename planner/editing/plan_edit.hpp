#pragma once
// Editing a plan: JSON Patch on its JSON form (model/json_patch.hpp), checked with the plan
// file's rules and for reporting cycles, saved into the plan YAML changing only what changed
// (model/yaml_surgery.hpp) or into the workspace in one transaction. One engine for
// `planner apply`, `planner rebalance --patch` and the web app's POST /api/plan.

#include "model/json_patch.hpp"
#include "model/json_value.hpp"
#include "model/plan.hpp"
#include "model/yaml_surgery.hpp"
#include "planner/checks/checks.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/rebalance/rebalance.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace planner {

// The plan as stored: a plan YAML file (its bytes) or a workspace (its canonical YAML).
struct EditablePlan {
    std::string path;
    bool workspace = false;
    std::string text;
    model::Json json;
    // `text` parsed, kept so that the next edit need not parse it again (used only while its
    // text is `text`); empty for a workspace. Mutable so that the server can drop it from the
    // versions it keeps only for their JSON (the parse is as large as the JSON).
    mutable std::shared_ptr<const model::ParsedYaml> parsed;
};

// Reads PLAN (a YAML file or a workspace). InputError/UsageError/WorkspaceError as
// load_plan_argument gives them.
EditablePlan load_editable_plan(const std::string& path);

struct EditMessage {
    std::string path;    // JSON Pointer of the value the message is about
    std::string message; // in the words of `planner check`
};

enum class EditStatus {
    applied,     // valid: `json` and `plan` are the result
    invalid,     // a malformed patch, an unknown id, a value the plan format refuses, a cycle
    test_failed, // a `test` operation found another value
};

struct EditResult {
    EditStatus status = EditStatus::invalid;
    std::vector<EditMessage> messages;
    model::Json json;
    std::optional<model::Plan> plan;
};

// Applies `patch` to `current` and checks the result. `before` (the plan before) decides which
// reporting cycles are new: a patch may not make one.
EditResult apply_edit(const model::Json& current, const model::Plan& before,
                      const std::vector<model::PatchOperation>& patch);
// Parses the patch text first (messages as for an invalid patch).
EditResult apply_edit_text(const model::Json& current, const model::Plan& before,
                           const std::string& patch_text);

// The text the plan file will hold: the old text changed in place, or (when that cannot be
// done: see edit_yaml_in_place) the canonical YAML of the plan. `in_place` says which.
struct SavedText {
    std::string text;
    bool in_place = true;
    std::shared_ptr<const model::ParsedYaml> parsed; // `text` parsed, when in place
};
SavedText text_after_edit(const EditablePlan& stored, const model::Json& json,
                          const model::Plan& plan);

// Writes the edit: the YAML file atomically, or the workspace's plan in one transaction.
// Updates `stored`. Returns whether the file was changed in place.
bool save_edit(EditablePlan& stored, model::Json json, const model::Plan& plan);

// Findings by check and subject: those of `after` that `before` did not have, and back.
struct FindingChanges {
    std::vector<Finding> appeared;
    std::vector<Finding> disappeared;
};
FindingChanges compare_findings(const CheckReport& before, const CheckReport& after);

// A line-by-line diff of two texts (unified style, 2 lines of context), for showing a change
// before it is written.
std::string unified_diff(const std::string& before, const std::string& after,
                         const std::string& name);

// One move of a rebalance proposal: `from` gives `hours` a week of a channel duty to `to`.
struct RebalanceMove {
    size_t duty_index = 0; // into PlanIndex::channel_duties()
    model::PersonId from;  // empty: hours nobody carried
    model::PersonId to;    // empty: hours that stay unassigned
    double hours = 0;
};
struct RebalanceMoves {
    std::vector<RebalanceMove> moves;
    // The patch that turns the plan's assignments into the proposed ones.
    std::vector<model::PatchOperation> patch;
};
RebalanceMoves rebalance_moves(const PlanFacts& facts, const model::Json& plan_json,
                               const RebalanceResult& result);

} // namespace planner
