#pragma once
// Importing one file into a workspace inside the caller's transaction: plan YAML, roster CSV,
// or an analytics export. Errors throw InputError / UsageError; the caller rolls back.

#include "model/workspace.hpp"

#include <optional>
#include <string>

namespace planner {

struct ImportOptions {
    std::optional<std::string> channel;
    std::optional<std::string> profile;
    std::optional<int> year;
    bool store_chart_data = false;      // --chart-data
    std::optional<std::string> columns; // --columns "HEADER=FIELD,..." for a roster
    // A plan imported with a roster: goal and KPI owners may be people the roster brings.
    // The caller then checks the stored plan with check_plan_after_import().
    bool owners_later = false;
    // The workspace as the user named it, for messages (a new workspace is built under a
    // temporary name); empty: its path.
    std::string workspace_name;
};

struct ImportFile {
    std::string path;
    std::string bytes;
};

enum class ImportKind { plan, roster, raci, metrics };

// What the file is, from its name and content (and --columns: a roster).
ImportKind detect_import_kind(const ImportFile& file, const ImportOptions& options = {});

// Imports the file; returns a one-paragraph summary for the user.
std::string import_file(model::Workspace& workspace, const ImportFile& file,
                        const ImportOptions& options);

std::string import_plan(model::Workspace& workspace, const ImportFile& file,
                        const ImportOptions& options = {});

// The stored plan read strictly: after a plan and the rosters that bring its goals' owners.
void check_plan_after_import(model::Workspace& workspace);
std::string import_roster(model::Workspace& workspace, const ImportFile& file,
                          const ImportOptions& options = {});
std::string import_raci(model::Workspace& workspace, const ImportFile& file,
                        const ImportOptions& options = {});
std::string import_metrics(model::Workspace& workspace, const ImportFile& file,
                           const ImportOptions& options);

} // namespace planner
