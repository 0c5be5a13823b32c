#pragma once
// The workspace: one SQLite file holding the current plan, quarterly snapshots of it, imported
// metrics with the log of every import, and settings. Every write happens in one transaction;
// on any error nothing changes. Opening a workspace of an older schema upgrades it in place
// after keeping a copy next to it (FILE.vN.bak: written under a temporary name, synced and
// renamed before the upgrade starts).
// Only files that planner made are opened: the SQLite header's application id is planner's
// (PRAGMA application_id; workspaces of planner 0.1 have 0 and a schema_version table), the
// schema version is one planner knows. A new workspace is built under a temporary name and
// linked into place, so a failed or killed first import leaves nothing, and two first imports
// at once cannot delete each other's work. A read command that finds a hot journal (a write
// that was interrupted) rolls it back first when it may write the folder.
// SQLite stays behind this interface; its errors become WorkspaceError.

#include "model/metrics.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace planner::model {

class WorkspaceError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// True when the file starts with the SQLite header.
bool is_workspace_file(const std::string& path);

enum class OpenMode { read_only, read_write, create };

struct ImportLogEntry {
    std::string file_name;
    std::string sha256;
    std::string kind;   // plan, roster, metrics
    std::string format; // e.g. generic-csv, meta-daily
    long long rows_read = 0;
    long long rows_stored = 0;
    long long values_replaced = 0;
    std::string ignored_columns; // "; "-separated
    std::string imported_at;     // ISO 8601 UTC
};

class Workspace {
public:
    static constexpr int k_schema_version = 2;
    // PRAGMA application_id of a planner workspace: "PLNR".
    static constexpr int k_application_id = 0x504C4E52;

    // Creates the workspace `path`, which must not exist yet: built under a temporary name in
    // the same folder, filled by `fill` in one transaction, synced, and then linked into place.
    // False (and nothing changed) when `path` came to exist in the meantime: the caller then
    // writes into that one. Exceptions from `fill` leave nothing behind.
    static bool create_new(const std::string& path, const std::function<void(Workspace&)>& fill);

    // Opens (or with OpenMode::create, creates) the workspace at `path`.
    explicit Workspace(const std::string& path, OpenMode mode);
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    const std::string& path() const { return m_path; }
    int schema_version() const;

    // A transaction that rolls back unless committed. One at a time.
    class Transaction {
    public:
        explicit Transaction(Workspace& workspace);
        ~Transaction();
        void commit();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;

    private:
        Workspace& m_workspace;
        bool m_done = false;
    };

    // The current plan as canonical plan YAML, if one was imported, and its binary model
    // (model/plan_binary.hpp; none in a workspace upgraded from schema 1 until the next import).
    std::optional<std::string> plan_yaml() const;
    std::optional<std::string> plan_model() const;
    void set_plan(const std::string& yaml, const std::string& model, const std::string& source);

    // Snapshots: the plan frozen for a quarter ("2027-Q1"), as YAML and binary model.
    void snapshot_current_plan(const std::string& quarter);
    std::optional<std::string> snapshot(const std::string& quarter) const;
    std::optional<std::string> snapshot_model(const std::string& quarter) const;
    std::vector<std::string> snapshot_quarters() const; // sorted
    struct SnapshotInfo {
        std::string quarter;  // "2026-Q3"
        std::string taken_at; // UTC, as stored
    };
    std::vector<SnapshotInfo> snapshot_list() const; // by quarter

    // Metrics. store_metric returns true when it replaced an earlier value of the same day.
    bool store_metric(const MetricValue& metric, long long import_id);
    // The values of one large import, staged apart until the whole file has been read (in a
    // temporary table, so in bounded memory): begin_metric_staging() empties the stage;
    // stage_metrics() returns, for each value, the source line of an earlier staged value with
    // the same channel, profile, metric and date (that value is not staged), else 0;
    // commit_staged_metrics() moves the staged values into the workspace under `import_id`,
    // empties the stage and returns how many earlier values they replaced.
    void begin_metric_staging();
    std::vector<int> stage_metrics(const std::vector<MetricValue>& values);
    size_t commit_staged_metrics(long long import_id);
    // Every stored value, by channel, profile, metric and date (source_line 0). A row whose
    // date or metric this planner cannot read throws WorkspaceError naming it: nothing is
    // dropped without a word.
    std::vector<MetricValue> metric_values() const;

    // The import log.
    std::optional<ImportLogEntry> find_import(const std::string& sha256) const;
    long long log_import(const ImportLogEntry& entry);
    std::vector<ImportLogEntry> imports() const;

    void set_setting(const std::string& key, const std::string& value);
    std::optional<std::string> setting(const std::string& key) const;

private:
    void open(OpenMode mode);
    std::optional<std::string> read_blob(const char* table, const char* column,
                                         long long rowid) const;
    void exec(const std::string& sql);
    void migrate(OpenMode mode);
    void check_owner() const;
    void recover_hot_journal();

    std::string m_path;
    sqlite3* m_db = nullptr;
};

} // namespace planner::model
