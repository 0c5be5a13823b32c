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

// One stored version of the plan: every change to the plan (an import, a restore, a merge, a
// sync, an edit) stores the new plan as the next numbered version, so the plan it replaced
// stays as the version before. The plan's canonical YAML is kept compressed.
struct PlanVersion {
    long long number = 0;
    std::string created_at;     // ISO 8601 UTC
    std::string command;        // import, restore, rebalance, merge, sync, edit, upgrade
    std::string file_name;      // what the change came from (a file, a workspace, "version 3")
    std::string file_sha256;    // of that file's bytes; may be empty
    std::string summary;        // one line: what changed against the version before
    std::string content_sha256; // of the plan's canonical YAML (model/content_hash.hpp)
};

// A metric value as stored, with the import that stored it (for merging two workspaces).
struct StoredMetric {
    std::string date;
    std::string channel;
    std::string profile;
    std::string metric;
    double value = 0;
    long long import_id = 0;
};

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
    static constexpr int k_schema_version = 3;
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
    // Stores `yaml` (canonical plan YAML) and its binary `model` as the current plan and keeps
    // it as the next numbered version, described by `version` (its number, time and content
    // hash are filled in here). The one way the plan changes; call it inside a transaction.
    // Returns the version stored.
    PlanVersion store_plan_version(const std::string& yaml, const std::string& model,
                                   PlanVersion version);
    // store_plan_version with command "import" from `source` and no summary.
    void set_plan(const std::string& yaml, const std::string& model, const std::string& source);
    // Replaces only the binary model of the current plan (same YAML: no new version).
    void refresh_plan_model(const std::string& model);
    // The versions, oldest first, and one version's canonical YAML.
    std::vector<PlanVersion> plan_versions() const;
    std::optional<std::string> plan_version_yaml(long long number) const;
    // The bytes a version takes in the file (compressed), for the benchmark.
    long long plan_versions_stored_bytes() const;

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
    // Stores a snapshot as given (sync copies one from another workspace).
    void put_snapshot(const std::string& quarter, const std::string& yaml,
                      const std::optional<std::string>& model, const std::string& taken_at);

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

    // Every stored value as stored, by channel, profile, metric and date; and one written as
    // given (sync copies them between workspaces).
    std::vector<StoredMetric> stored_metrics() const;
    void put_stored_metric(const StoredMetric& metric);

    // The import log (with ids: import_ids()[i] is the id of imports()[i]).
    std::optional<ImportLogEntry> find_import(const std::string& sha256) const;
    long long log_import(const ImportLogEntry& entry);
    std::vector<ImportLogEntry> imports() const;
    std::vector<long long> import_ids() const;

    void set_setting(const std::string& key, const std::string& value);
    std::optional<std::string> setting(const std::string& key) const;
    std::vector<std::pair<std::string, std::string>> settings() const; // by key

private:
    void open(OpenMode mode);
    std::optional<std::string> read_blob(const char* table, const char* column,
                                         long long rowid) const;
    void exec(const std::string& sql);
    void migrate(OpenMode mode);
    void check_owner() const;
    void recover_hot_journal();
    void seed_history();

    std::string m_path;
    sqlite3* m_db = nullptr;
};

} // namespace planner::model
