#pragma once
// Importing one file into a workspace inside the caller's transaction: plan YAML, roster CSV,
// or an analytics export. Errors throw InputError / UsageError; the caller rolls back.

#include "model/workspace.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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
    // A generic analytics CSV read from `path` a piece at a time as it is imported, so that its
    // size does not matter: `bytes` then holds only its first lines (enough to recognise it and
    // to show the rows of errors near its top). See read_import_file().
    bool streamed = false;
};

// The largest CSV read whole (network exports, rosters, ownership sheets): 64 MB.
inline constexpr uintmax_t k_whole_import_limit = uintmax_t{64} << 20;

// The file at `path` for import: whole, or, for a generic analytics CSV, its first lines with
// `streamed` set. Throws UsageError when it cannot be read (a folder, a missing file) and when
// a CSV to be read whole is larger than k_whole_import_limit.
ImportFile read_import_file(const std::string& path);

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

// A file found in a folder the user named (`planner import WS FOLDER/`). Imported like
// import_file, except that an analytics export imported without --channel is placed on one of
// the workspace's channels by place_export() (what the file names, the folders it is in, its
// network), and a file that planner does not read, or that cannot be placed, is skipped.
struct FoundFileImport {
    bool imported = false;
    std::string summary; // the import's summary, or why the file was skipped
};
FoundFileImport import_found_file(model::Workspace& workspace, const ImportFile& file,
                                  std::string_view relative_path, const ImportOptions& options);

} // namespace planner
