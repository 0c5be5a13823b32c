#pragma once
// The history of a workspace's plan: every change stores the new plan as a numbered version
// (model::Workspace::store_plan_version) with what made it and a one-line summary of the
// change, so the plan it replaced is never lost. Imports, restores, merges, syncs and (later)
// edits in the web app all store a plan through commit_plan().

#include "model/plan.hpp"
#include "model/workspace.hpp"

#include <optional>
#include <string>

namespace planner {

// What a change came from.
struct PlanOrigin {
    std::string command;     // import, restore, rebalance, merge, sync, edit
    std::string file_name;   // the file (or workspace, or "version 3") it came from
    std::string file_sha256; // of the file's bytes; may be empty
};

struct CommittedPlan {
    bool changed = false;           // false: the workspace held this plan already
    long long number = 0;           // the version stored (when changed)
    long long previous = 0;         // the version it replaced; 0 when there was none
    size_t people_removed = 0;      // people of the replaced plan that the new one lacks
    size_t assignments_removed = 0; // assignments likewise
    std::string summary;
};

// One line of what changed from `before` (none: the first plan) to `after`, e.g.
// "people: 2 added, 1 changed; ownership: 3 added, 1 removed".
std::string summarize_change(const model::Plan* before, const model::Plan& after);

// Stores `plan` as the workspace's current plan and as its next version, inside the caller's
// transaction. Nothing is stored when the workspace holds the same plan already.
CommittedPlan commit_plan(model::Workspace& workspace, const model::Plan& plan,
                          const PlanOrigin& origin);

// "it removed 2 people and 5 assignments; `planner restore team.db 3` brings them back", or
// "" when nothing was removed.
std::string removal_notice(const CommittedPlan& committed, const std::string& workspace_path);

// `planner restore`: makes version `number` the current plan (as a new version). Throws
// UsageError when there is no such version.
CommittedPlan restore_version(model::Workspace& workspace, long long number);

} // namespace planner
