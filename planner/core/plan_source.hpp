#pragma once
// PLAN arguments: a plan YAML file or a workspace (SQLite file), WORKSPACE@YYYY-Qn (a
// snapshot) or WORKSPACE@vN (a version of its plan). Errors become InputError
// (exit status 2) with FILE:LINE:COLUMN lines.

#include "model/plan.hpp"
#include "model/workspace.hpp"
#include "planner/core/errors.hpp"

#include <optional>

#include <string>

namespace planner {

struct LoadedPlan {
    model::Plan plan;
    std::string source; // the path given
    bool from_workspace = false;
};

LoadedPlan load_plan_argument(const std::string& path);

// A workspace failure as the user should read it: the file named, and a damaged file called
// damaged with what to do about it.
WorkspaceError workspace_failure(const std::string& path, const model::WorkspaceError& error);

// The workspace's current plan (or a snapshot's, given a quarter "2026-Q3"): from its binary
// model when it has a readable one, else from its YAML. Nothing when there is no such plan.
std::optional<model::Plan> stored_plan(const model::Workspace& workspace,
                                       const std::string& quarter = {});

// "v3" (or "V3") as a version number: the N of WORKSPACE@vN.
std::optional<long long> parse_version_reference(const std::string& text);

// Version `number` of the workspace's plan; nothing when there is no such version.
std::optional<model::Plan> stored_plan_version(const model::Workspace& workspace, long long number);

} // namespace planner
