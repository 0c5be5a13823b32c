#pragma once
// `planner sync A B`: two copies of a workspace brought together. After it both hold the same
// plan (merged three-way against the last version they have in common, found by the versions'
// content hashes), the union of their imported metrics and import logs (overlapping values:
// the later import wins, as for imports), and the union of their snapshots. Conflicts stop the
// sync before anything is written, unless one side is preferred. Each workspace changes in one
// transaction; running it again after an interruption finishes the job and then changes
// nothing.

#include <functional>
#include <string>
#include <vector>

namespace planner {

enum class SyncPreference { none, a, b };

struct SyncOptions {
    SyncPreference prefer = SyncPreference::none;
    // Called after the first workspace is committed and before the second is written (tests
    // interrupt the sync here).
    std::function<void()> between;
};

struct SyncResult {
    std::vector<std::string> conflicts; // when not empty, nothing was written
    std::vector<std::string> lines;     // what changed, per workspace
    bool changed = false;
};

SyncResult sync_workspaces(const std::string& a_path, const std::string& b_path,
                           const SyncOptions& options);

} // namespace planner
