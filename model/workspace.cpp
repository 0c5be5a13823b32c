#include "model/workspace.hpp"

#include "model/content_hash.hpp"

#include <sqlite3.h>
#include <zlib.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <limits>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace planner::model {

namespace {
// Schema migrations: entry i upgrades version i to version i + 1.
const char* const k_migrations[] = {
    R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (0);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE plan (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    yaml TEXT NOT NULL,
    source TEXT NOT NULL,
    updated_at TEXT NOT NULL);
CREATE TABLE snapshots (
    quarter TEXT PRIMARY KEY,
    yaml TEXT NOT NULL,
    taken_at TEXT NOT NULL);
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    kind TEXT NOT NULL,
    format TEXT NOT NULL,
    rows_read INTEGER NOT NULL,
    rows_stored INTEGER NOT NULL,
    values_replaced INTEGER NOT NULL,
    ignored_columns TEXT NOT NULL,
    imported_at TEXT NOT NULL);
CREATE INDEX imports_by_hash ON imports (sha256);
CREATE TABLE metric_values (
    date TEXT NOT NULL,
    channel TEXT NOT NULL,
    profile TEXT NOT NULL,
    metric TEXT NOT NULL,
    value REAL NOT NULL,
    import_id INTEGER NOT NULL REFERENCES imports (id),
    PRIMARY KEY (channel, profile, metric, date));
)sql",
    // 2: the plan's binary model next to its YAML (model/plan_binary.hpp), so analyses of a
    // workspace need not parse YAML again. NULL until the plan is next imported.
    R"sql(
ALTER TABLE plan ADD COLUMN model BLOB;
ALTER TABLE snapshots ADD COLUMN model BLOB;
)sql",
    // 3: history. Every plan stored is kept as a numbered version, its canonical YAML
    // compressed with zlib (`size`: its length uncompressed). The current plan stays in `plan`
    // for fast reading; it is always the last version. An upgraded workspace's plan becomes
    // version 1 (Workspace::seed_history).
    R"sql(
CREATE TABLE plan_versions (
    number INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    command TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    summary TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    yaml_zlib BLOB NOT NULL);
CREATE INDEX plan_versions_by_hash ON plan_versions (content_sha256);
)sql",
};
constexpr int k_migration_count = sizeof(k_migrations) / sizeof(k_migrations[0]);
static_assert(k_migration_count == Workspace::k_schema_version);

std::string now_utc() {
    std::time_t t = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"))
        t = std::strtoll(epoch, nullptr, 10);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

// "workspace 'FILE': WHAT: SQLite's reason", with what to do when the file is damaged.
WorkspaceError sqlite_error(sqlite3* db, const std::string& what) {
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    int code = db ? sqlite3_errcode(db) & 0xff : SQLITE_ERROR;
    std::string message = "workspace '" + std::string(file && *file ? file : "?") + "': " + what +
                          ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        message += "; the file is damaged (truncated or overwritten): restore it from a copy";
    else if (code == SQLITE_FULL)
        message += "; free some disk space and run the command again (nothing was changed)";
    return WorkspaceError(message);
}

class Statement {
public:
    Statement(sqlite3* db, const char* sql) : m_db(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
            throw sqlite_error(db, "reading failed");
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, const std::string& text) {
        check_size(text.size());
        sqlite3_bind_text(m_stmt, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind_blob(int i, const std::string& bytes) {
        check_size(bytes.size());
        sqlite3_bind_blob(m_stmt, i, bytes.data(), static_cast<int>(bytes.size()),
                          SQLITE_TRANSIENT);
        return *this;
    }
    static void check_size(size_t size) {
        if (size > static_cast<size_t>(std::numeric_limits<int>::max()))
            throw WorkspaceError("workspace write failed: a value of " + std::to_string(size) +
                                 " bytes is larger than a workspace can store (2 GB)");
    }
    Statement& bind(int i, double value) {
        sqlite3_bind_double(m_stmt, i, value);
        return *this;
    }
    Statement& bind(int i, long long value) {
        sqlite3_bind_int64(m_stmt, i, value);
        return *this;
    }
    // True while there is a row.
    bool step() {
        int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        throw sqlite_error(m_db, "reading or writing failed");
    }
    std::string text(int i) const {
        const unsigned char* t = sqlite3_column_text(m_stmt, i);
        return t ? std::string(reinterpret_cast<const char*>(t),
                               static_cast<size_t>(sqlite3_column_bytes(m_stmt, i)))
                 : std::string();
    }
    double real(int i) const { return sqlite3_column_double(m_stmt, i); }
    long long integer(int i) const { return sqlite3_column_int64(m_stmt, i); }
    // Ready to run again with new values.
    void reset() {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};
} // namespace

bool is_workspace_file(const std::string& path) {
    // Only a regular file can be one (and opening a FIFO to look would wait for a writer).
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == 16 && std::string(header, 16) == std::string("SQLite format 3\0", 16);
}

namespace {
namespace fs = std::filesystem;

fs::path folder_of(const fs::path& path) {
    return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

// folder/.NAME.planner-tmp-PID-N, the temporary names planner uses for every file it writes.
fs::path temporary_name(const fs::path& beside) {
    static unsigned counter = 0;
    return folder_of(beside) / ("." + beside.filename().string() + ".planner-tmp-" +
                                std::to_string(::getpid()) + "-" + std::to_string(counter++));
}

// Removes temporary files of `beside` (and their journals) left by processes that no longer
// run (killed during a first import or an upgrade copy).
void remove_stale_temporaries(const fs::path& beside) {
    const std::string prefix = "." + beside.filename().string() + ".planner-tmp-";
    std::error_code ec;
    std::vector<fs::path> stale;
    for (fs::directory_iterator it(folder_of(beside), ec), end; !ec && it != end;
         it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0)
            continue;
        long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        if (pid > 0 && pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 &&
            errno == ESRCH)
            stale.push_back(it->path());
    }
    for (const fs::path& path : stale)
        fs::remove(path, ec);
}

// fsync of a file or folder; 0 or errno (file systems that cannot sync count as synced).
int sync_path(const fs::path& path, bool folder) {
    int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (folder ? O_DIRECTORY : 0));
    if (descriptor < 0)
        return errno;
    int result = ::fsync(descriptor) == 0 ? 0 : errno;
    ::close(descriptor);
    return result == EINVAL || result == EROFS ? 0 : result;
}

// Copies `from` to `to` durably: to a temporary name, synced, renamed, the folder synced.
void copy_durably(const fs::path& from, const fs::path& to) {
    remove_stale_temporaries(to);
    fs::path temporary = temporary_name(to);
    std::error_code ec;
    fs::copy_file(from, temporary, ec);
    int error = ec ? 0 : sync_path(temporary, false);
    if (!ec && !error && ::rename(temporary.c_str(), to.c_str()) != 0)
        error = errno;
    if (ec || error) {
        fs::remove(temporary, ec);
        throw WorkspaceError(
            "cannot keep a copy of workspace '" + from.string() + "' as '" + to.string() +
            "' before upgrading it: " + (error ? std::strerror(error) : ec.message()) +
            "; nothing was changed");
    }
    sync_path(folder_of(to), true);
}
} // namespace

bool Workspace::create_new(const std::string& path, const std::function<void(Workspace&)>& fill) {
    remove_stale_temporaries(path);
    fs::path temporary = temporary_name(path);
    auto discard = [&] {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        fs::remove(temporary.string() + "-journal", ignored);
    };
    try {
        {
            Workspace workspace(temporary.string(), OpenMode::create);
            Transaction transaction(workspace);
            fill(workspace);
            transaction.commit();
        }
        if (int error = sync_path(temporary, false))
            throw WorkspaceError("cannot write workspace '" + path + "': " + std::strerror(error));
        // Into place without replacing: a workspace made meanwhile by another planner wins.
        if (::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) !=
            0) {
            int error = errno;
            if (error == EINVAL || error == ENOSYS) {
                error = ::link(temporary.c_str(), path.c_str()) == 0 ? 0 : errno;
                if (error == 0)
                    ::unlink(temporary.c_str());
            }
            if (error == EEXIST) {
                discard();
                return false;
            }
            if (error)
                throw WorkspaceError("cannot create workspace '" + path +
                                     "': " + std::strerror(error));
        }
        sync_path(folder_of(path), true);
        return true;
    } catch (...) {
        discard();
        throw;
    }
}

void Workspace::recover_hot_journal() {
    // A journal left by an interrupted write is rolled back by the first connection that may
    // write; a read-only one can only fail ("attempt to write a readonly database").
    struct stat st {};
    if (::stat((m_path + "-journal").c_str(), &st) != 0 || st.st_size == 0)
        return;
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(m_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    }
    sqlite3_close(db);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        throw WorkspaceError("workspace '" + m_path +
                             "' was left in the middle of a write (a crash or a full disk), "
                             "and its journal '" +
                             m_path +
                             "-journal' must be rolled back first, which needs permission to "
                             "write the workspace and its folder; run the command once as a "
                             "user who may, and do not delete the journal");
}

void Workspace::check_owner() const {
    auto foreign = [&](const std::string& why) {
        return WorkspaceError("'" + m_path + "' is an SQLite file of another application (" + why +
                              "); planner opens only workspaces it made, and adds nothing to "
                              "other files. Give a workspace made by `planner import`, or a "
                              "new file name");
    };
    Statement id(m_db, "PRAGMA application_id");
    long long application = id.step() ? id.integer(0) : 0;
    if (application == k_application_id)
        return;
    if (application != 0) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "%08llx", application & 0xffffffffLL);
        throw foreign(std::string("application id 0x") + hex);
    }
    // Application id 0: a workspace of planner 0.1 (with its schema_version table) or an empty
    // database to create one in.
    Statement tables(m_db, "SELECT count(*), "
                           "sum(name = 'schema_version') FROM sqlite_master WHERE type = 'table'");
    tables.step();
    if (tables.integer(0) > 0 && tables.integer(1) == 0)
        throw foreign("its tables are not a planner workspace's");
}

Workspace::Workspace(const std::string& path, OpenMode mode) : m_path(path) {
    bool exists = fs::exists(path);
    if (!exists && mode != OpenMode::create)
        throw WorkspaceError("workspace '" + path +
                             "' does not exist; create it with "
                             "`planner import " +
                             path + " plan.yaml`");
    if (exists && fs::is_directory(path))
        throw WorkspaceError("'" + path + "' is a folder, not a planner workspace");
    if (exists && !is_workspace_file(path) && fs::file_size(path) > 0)
        throw WorkspaceError("'" + path + "' is not a planner workspace (not an SQLite file)");
    if (exists)
        recover_hot_journal();
    open(mode);
    try {
        check_owner();
        if (mode == OpenMode::read_only && schema_version() > 0 &&
            schema_version() < k_schema_version) {
            // Opening upgrades an older workspace in place, even for reading. Where the file
            // cannot be written (read-only media, no permission) it is read as it is: every
            // older schema reads correctly, only without what later schemas added.
            sqlite3_close(m_db);
            m_db = nullptr;
            try {
                open(OpenMode::read_write);
                migrate(OpenMode::read_write);
            } catch (const WorkspaceError&) {
            }
            sqlite3_close(m_db);
            m_db = nullptr;
            open(mode);
        }
        migrate(mode);
    } catch (...) {
        sqlite3_close(m_db);
        m_db = nullptr;
        throw;
    }
}

void Workspace::open(OpenMode mode) {
    int flags = mode == OpenMode::read_only ? SQLITE_OPEN_READONLY
                                            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(m_path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
        std::string message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw WorkspaceError("cannot open workspace '" + m_path + "': " + message);
    }
    sqlite3_busy_timeout(m_db, 5000);
    try {
        exec("PRAGMA foreign_keys = ON");
    } catch (...) {
        sqlite3_close(m_db);
        m_db = nullptr;
        throw;
    }
}

Workspace::~Workspace() {
    sqlite3_close(m_db);
}

void Workspace::exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw WorkspaceError("workspace '" + m_path + "': " + message);
    }
}

int Workspace::schema_version() const {
    Statement has(m_db, "SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'");
    has.step();
    if (has.integer(0) == 0)
        return 0;
    Statement version(m_db, "SELECT version FROM schema_version");
    if (!version.step())
        throw WorkspaceError("workspace '" + m_path +
                             "' is damaged: its schema version is missing; restore it from a copy");
    long long value = version.integer(0);
    // Versions planner knows, and newer ones up to a bound (a later planner's): anything else
    // is damage, never an index.
    if (value < 1 || value > k_schema_version + 1000)
        throw WorkspaceError("workspace '" + m_path + "' is damaged: its schema version is " +
                             std::to_string(value) +
                             ", which no planner writes; restore it from a copy");
    return static_cast<int>(value);
}

void Workspace::migrate(OpenMode mode) {
    int version = schema_version();
    auto application_id = [&] {
        Statement id(m_db, "PRAGMA application_id");
        return id.step() ? id.integer(0) : 0;
    };
    if (version == k_schema_version &&
        (mode == OpenMode::read_only || application_id() == k_application_id))
        return;
    auto newer = [&](int v) {
        return WorkspaceError("workspace '" + m_path + "' was written by a newer planner (schema " +
                              std::to_string(v) + "); upgrade planner to open it");
    };
    if (version > k_schema_version)
        throw newer(version);
    if (mode == OpenMode::read_only) {
        if (version > 0)
            return; // an older workspace that could not be upgraded: read as it is
        throw WorkspaceError("'" + m_path +
                             "' is an SQLite file but holds no planner workspace; give a "
                             "workspace made by `planner import`, or a plan YAML file");
    }
    // Under the write lock, so that two planners opening the same old workspace do not both
    // upgrade it; the version is read again in case the other one already did.
    Transaction transaction(*this);
    version = schema_version();
    if (version == k_schema_version) {
        if (application_id() != k_application_id) // a workspace of planner 0.1
            exec("PRAGMA application_id = " + std::to_string(k_application_id));
        transaction.commit();
        return;
    }
    if (version > k_schema_version)
        throw newer(version);
    if (version > 0) {
        // Keep a copy before upgrading in place (never over an earlier copy): written under a
        // temporary name, synced and renamed, so that a copy that exists is complete. Nothing
        // is written to the workspace until the commit, so the copy is consistent.
        std::string backup = m_path + ".v" + std::to_string(version) + ".bak";
        std::error_code ec;
        if (!std::filesystem::exists(backup, ec))
            copy_durably(m_path, backup);
    }
    for (int v = version; v < k_schema_version; ++v)
        exec(k_migrations[v]);
    if (version > 0 && version < 3)
        seed_history();
    exec("UPDATE schema_version SET version = " + std::to_string(k_schema_version));
    exec("PRAGMA application_id = " + std::to_string(k_application_id));
    transaction.commit();
}

Workspace::Transaction::Transaction(Workspace& workspace) : m_workspace(workspace) {
    m_workspace.exec("BEGIN IMMEDIATE");
}

Workspace::Transaction::~Transaction() {
    if (!m_done)
        sqlite3_exec(m_workspace.m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Workspace::Transaction::commit() {
    m_workspace.exec("COMMIT");
    m_done = true;
}

std::optional<std::string> Workspace::plan_yaml() const {
    Statement s(m_db, "SELECT yaml FROM plan WHERE id = 1");
    if (!s.step())
        return std::nullopt;
    return s.text(0);
}

std::optional<std::string> Workspace::plan_model() const {
    return read_blob("plan", "model", 1);
}

// A BLOB read straight into one string (a plan's model is tens of megabytes for a large
// organisation: this avoids SQLite's own copy of it). Nothing when the row or value is absent.
std::optional<std::string> Workspace::read_blob(const char* table, const char* column,
                                                long long rowid) const {
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(m_db, "main", table, column, rowid, 0, &blob) != SQLITE_OK) {
        sqlite3_blob_close(blob);
        return std::nullopt; // no such row, or the value is NULL
    }
    std::string bytes(static_cast<size_t>(sqlite3_blob_bytes(blob)), '\0');
    int rc = bytes.empty()
                 ? SQLITE_OK
                 : sqlite3_blob_read(blob, bytes.data(), static_cast<int>(bytes.size()), 0);
    sqlite3_blob_close(blob);
    if (rc != SQLITE_OK)
        throw WorkspaceError("workspace '" + m_path +
                             "': reading the stored plan failed: " + sqlite3_errstr(rc));
    return bytes;
}

namespace {
std::string compress_text(const std::string& text) {
    uLongf size = compressBound(static_cast<uLong>(text.size()));
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                  reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()),
                  Z_BEST_COMPRESSION) != Z_OK)
        throw WorkspaceError("workspace write failed: the plan could not be compressed");
    out.resize(size);
    return out;
}
} // namespace

PlanVersion Workspace::store_plan_version(const std::string& yaml, const std::string& model,
                                          PlanVersion version) {
    Statement last(m_db, "SELECT coalesce(max(number), 0) FROM plan_versions");
    last.step();
    version.number = last.integer(0) + 1;
    version.created_at = now_utc();
    version.content_sha256 = content_hash(yaml);
    Statement plan(m_db, "INSERT INTO plan (id, yaml, model, source, updated_at) "
                         "VALUES (1, ?, ?, ?, ?) "
                         "ON CONFLICT (id) DO UPDATE SET yaml = excluded.yaml, "
                         "model = excluded.model, source = excluded.source, "
                         "updated_at = excluded.updated_at");
    plan.bind(1, yaml).bind_blob(2, model).bind(3, version.file_name);
    plan.bind(4, version.created_at).step();
    Statement s(m_db, "INSERT INTO plan_versions (number, created_at, command, file_name, "
                      "file_sha256, summary, content_sha256, size, yaml_zlib) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, version.number).bind(2, version.created_at).bind(3, version.command);
    s.bind(4, version.file_name).bind(5, version.file_sha256).bind(6, version.summary);
    s.bind(7, version.content_sha256).bind(8, static_cast<long long>(yaml.size()));
    s.bind_blob(9, compress_text(yaml)).step();
    return version;
}

void Workspace::set_plan(const std::string& yaml, const std::string& model,
                         const std::string& source) {
    PlanVersion version;
    version.command = "import";
    version.file_name = source;
    store_plan_version(yaml, model, std::move(version));
}

void Workspace::refresh_plan_model(const std::string& model) {
    Statement s(m_db, "UPDATE plan SET model = ? WHERE id = 1");
    s.bind_blob(1, model).step();
}

void Workspace::seed_history() {
    Statement s(m_db, "SELECT yaml, source, updated_at FROM plan WHERE id = 1");
    if (!s.step())
        return;
    const std::string yaml = s.text(0);
    Statement insert(m_db, "INSERT INTO plan_versions (number, created_at, command, file_name, "
                           "file_sha256, summary, content_sha256, size, yaml_zlib) "
                           "VALUES (1, ?, 'upgrade', ?, '', ?, ?, ?, ?)");
    insert.bind(1, s.text(2)).bind(2, s.text(1));
    insert.bind(3, std::string("the plan stored when history began"));
    insert.bind(4, content_hash(yaml)).bind(5, static_cast<long long>(yaml.size()));
    insert.bind_blob(6, compress_text(yaml)).step();
}

std::vector<PlanVersion> Workspace::plan_versions() const {
    if (schema_version() < 3)
        return {}; // an older workspace on read-only media: no history yet
    Statement s(m_db, "SELECT number, created_at, command, file_name, file_sha256, summary, "
                      "content_sha256 FROM plan_versions ORDER BY number");
    std::vector<PlanVersion> out;
    while (s.step())
        out.push_back(
            {s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)});
    return out;
}

std::optional<std::string> Workspace::plan_version_yaml(long long number) const {
    if (schema_version() < 3)
        return std::nullopt;
    Statement s(m_db, "SELECT size, rowid FROM plan_versions WHERE number = ?");
    s.bind(1, number);
    if (!s.step())
        return std::nullopt;
    long long size = s.integer(0);
    std::optional<std::string> packed = read_blob("plan_versions", "yaml_zlib", s.integer(1));
    // zlib expands at most about 1,032 times: a larger size is damage, not a reason to
    // allocate gigabytes.
    if (!packed || size < 0 || size > (1LL << 31) ||
        size > static_cast<long long>(packed->size()) * 1100 + 1024)
        throw WorkspaceError("workspace '" + m_path + "': version " + std::to_string(number) +
                             " of the plan is damaged; restore the workspace from a copy");
    std::string yaml(static_cast<size_t>(size), '\0');
    uLongf length = static_cast<uLongf>(size);
    if (uncompress(reinterpret_cast<Bytef*>(yaml.data()), &length,
                   reinterpret_cast<const Bytef*>(packed->data()),
                   static_cast<uLong>(packed->size())) != Z_OK ||
        length != static_cast<uLongf>(size))
        throw WorkspaceError("workspace '" + m_path + "': version " + std::to_string(number) +
                             " of the plan is damaged; restore the workspace from a copy");
    return yaml;
}

long long Workspace::plan_versions_stored_bytes() const {
    Statement s(m_db, "SELECT coalesce(sum(length(yaml_zlib)), 0) FROM plan_versions");
    s.step();
    return s.integer(0);
}

void Workspace::put_snapshot(const std::string& quarter, const std::string& yaml,
                             const std::optional<std::string>& model, const std::string& taken_at) {
    Statement s(m_db, "INSERT INTO snapshots (quarter, yaml, model, taken_at) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT (quarter) DO UPDATE SET yaml = excluded.yaml, "
                      "model = excluded.model, taken_at = excluded.taken_at");
    s.bind(1, quarter).bind(2, yaml);
    if (model)
        s.bind_blob(3, *model);
    s.bind(4, taken_at).step();
}

std::vector<StoredMetric> Workspace::stored_metrics() const {
    Statement s(m_db, "SELECT date, channel, profile, metric, value, import_id FROM metric_values "
                      "ORDER BY channel, profile, metric, date");
    std::vector<StoredMetric> out;
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.real(4), s.integer(5)});
    return out;
}

void Workspace::put_stored_metric(const StoredMetric& m) {
    Statement s(m_db,
                "INSERT INTO metric_values (date, channel, profile, metric, value, import_id) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (channel, profile, metric, date) "
                "DO UPDATE SET value = excluded.value, import_id = excluded.import_id");
    s.bind(1, m.date).bind(2, m.channel).bind(3, m.profile).bind(4, m.metric).bind(5, m.value);
    s.bind(6, m.import_id).step();
}

void Workspace::snapshot_current_plan(const std::string& quarter) {
    Statement s(m_db, "INSERT INTO snapshots (quarter, yaml, model, taken_at) "
                      "SELECT ?, yaml, model, ? FROM plan WHERE id = 1 "
                      "ON CONFLICT (quarter) DO UPDATE SET yaml = excluded.yaml, "
                      "model = excluded.model, taken_at = excluded.taken_at");
    s.bind(1, quarter).bind(2, now_utc()).step();
}

std::optional<std::string> Workspace::snapshot(const std::string& quarter) const {
    Statement s(m_db, "SELECT yaml FROM snapshots WHERE quarter = ?");
    s.bind(1, quarter);
    if (!s.step())
        return std::nullopt;
    return s.text(0);
}

std::optional<std::string> Workspace::snapshot_model(const std::string& quarter) const {
    Statement s(m_db, "SELECT rowid FROM snapshots WHERE quarter = ?");
    s.bind(1, quarter);
    if (!s.step())
        return std::nullopt;
    return read_blob("snapshots", "model", s.integer(0));
}

std::vector<std::string> Workspace::snapshot_quarters() const {
    Statement s(m_db, "SELECT quarter FROM snapshots ORDER BY quarter");
    std::vector<std::string> out;
    while (s.step())
        out.push_back(s.text(0));
    return out;
}

std::vector<Workspace::SnapshotInfo> Workspace::snapshot_list() const {
    Statement s(m_db, "SELECT quarter, taken_at FROM snapshots ORDER BY quarter");
    std::vector<SnapshotInfo> out;
    while (s.step())
        out.push_back({s.text(0), s.text(1)});
    return out;
}

bool Workspace::store_metric(const MetricValue& m, long long import_id) {
    const std::string date = format_date(m.date);
    const std::string metric(metric_name(m.metric));
    Statement old(m_db, "SELECT value FROM metric_values WHERE channel = ? AND profile = ? AND "
                        "metric = ? AND date = ?");
    old.bind(1, m.channel).bind(2, m.profile).bind(3, metric).bind(4, date);
    bool replaced = old.step();
    Statement s(m_db,
                "INSERT INTO metric_values (date, channel, profile, metric, value, import_id) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (channel, profile, metric, date) "
                "DO UPDATE SET value = excluded.value, import_id = excluded.import_id");
    s.bind(1, date).bind(2, m.channel).bind(3, m.profile).bind(4, metric).bind(5, m.value);
    s.bind(6, import_id).step();
    return replaced;
}

void Workspace::begin_metric_staging() {
    // A temporary table lives in its own file (SQLite's temp store), outside the workspace,
    // and only as long as this connection.
    exec("CREATE TEMP TABLE IF NOT EXISTS metric_stage (date TEXT NOT NULL, channel TEXT NOT NULL, "
         "profile TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL, line INTEGER NOT "
         "NULL, PRIMARY KEY (channel, profile, metric, date)) WITHOUT ROWID");
    exec("DELETE FROM temp.metric_stage");
}

std::vector<int> Workspace::stage_metrics(const std::vector<MetricValue>& values) {
    std::vector<int> earlier(values.size(), 0);
    Statement insert(m_db, "INSERT INTO temp.metric_stage (date, channel, profile, metric, value, "
                           "line) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    Statement first(m_db, "SELECT line FROM temp.metric_stage WHERE channel = ? AND profile = ? "
                          "AND metric = ? AND date = ?");
    for (size_t i = 0; i < values.size(); ++i) {
        const MetricValue& m = values[i];
        const std::string date = format_date(m.date);
        const std::string metric(metric_name(m.metric));
        insert.bind(1, date).bind(2, m.channel).bind(3, m.profile).bind(4, metric);
        insert.bind(5, m.value).bind(6, static_cast<long long>(m.source_line));
        insert.step();
        insert.reset();
        if (sqlite3_changes(m_db) == 0) {
            first.bind(1, m.channel).bind(2, m.profile).bind(3, metric).bind(4, date);
            if (first.step())
                earlier[i] = static_cast<int>(first.integer(0));
            first.reset();
        }
    }
    return earlier;
}

size_t Workspace::commit_staged_metrics(long long import_id) {
    Statement replaced(m_db, "SELECT count(*) FROM temp.metric_stage s JOIN metric_values v ON "
                             "v.channel = s.channel AND v.profile = s.profile AND v.metric = "
                             "s.metric AND v.date = s.date");
    replaced.step();
    const auto count = static_cast<size_t>(replaced.integer(0));
    Statement move(m_db,
                   "INSERT INTO metric_values (date, channel, profile, metric, value, import_id) "
                   "SELECT date, channel, profile, metric, value, ? FROM temp.metric_stage "
                   "WHERE true ON CONFLICT (channel, profile, metric, date) DO UPDATE SET "
                   "value = excluded.value, import_id = excluded.import_id");
    move.bind(1, import_id).step();
    exec("DELETE FROM temp.metric_stage");
    return count;
}

std::vector<MetricValue> Workspace::metric_values() const {
    Statement s(m_db, "SELECT date, channel, profile, metric, value FROM metric_values "
                      "ORDER BY channel, profile, metric, date");
    std::vector<MetricValue> out;
    while (s.step()) {
        const std::string date_text = s.text(0);
        const std::string metric_text = s.text(3);
        const std::optional<Date> date = parse_date(date_text);
        const std::optional<Metric> metric = metric_from_name(metric_text);
        if (!date || !metric)
            throw WorkspaceError(
                "workspace '" + m_path + "' holds a stored value that cannot be read (" +
                (date ? "metric '" + metric_text + "'" : "date '" + date_text + "'") +
                " of channel '" + s.text(1) +
                "'); it was written by another program or a newer planner");
        out.push_back({*date, s.text(1), s.text(2), *metric, s.real(4), 0});
    }
    return out;
}

namespace {
ImportLogEntry read_import(const Statement& s) {
    return ImportLogEntry{s.text(0),    s.text(1),    s.text(2), s.text(3), s.integer(4),
                          s.integer(5), s.integer(6), s.text(7), s.text(8)};
}
constexpr const char* k_import_columns =
    "file_name, sha256, kind, format, rows_read, rows_stored, values_replaced, ignored_columns, "
    "imported_at";
} // namespace

std::optional<ImportLogEntry> Workspace::find_import(const std::string& sha256) const {
    Statement s(m_db, (std::string("SELECT ") + k_import_columns +
                       " FROM imports WHERE sha256 = ? ORDER BY id LIMIT 1")
                          .c_str());
    s.bind(1, sha256);
    if (!s.step())
        return std::nullopt;
    return read_import(s);
}

long long Workspace::log_import(const ImportLogEntry& e) {
    Statement s(m_db, (std::string("INSERT INTO imports (") + k_import_columns +
                       ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                          .c_str());
    s.bind(1, e.file_name).bind(2, e.sha256).bind(3, e.kind).bind(4, e.format);
    s.bind(5, e.rows_read).bind(6, e.rows_stored).bind(7, e.values_replaced);
    s.bind(8, e.ignored_columns).bind(9, e.imported_at.empty() ? now_utc() : e.imported_at);
    s.step();
    return sqlite3_last_insert_rowid(m_db);
}

std::vector<long long> Workspace::import_ids() const {
    Statement s(m_db, "SELECT id FROM imports ORDER BY id");
    std::vector<long long> out;
    while (s.step())
        out.push_back(s.integer(0));
    return out;
}

std::vector<ImportLogEntry> Workspace::imports() const {
    Statement s(m_db,
                (std::string("SELECT ") + k_import_columns + " FROM imports ORDER BY id").c_str());
    std::vector<ImportLogEntry> out;
    while (s.step())
        out.push_back(read_import(s));
    return out;
}

void Workspace::set_setting(const std::string& key, const std::string& value) {
    Statement s(m_db, "INSERT INTO settings (key, value) VALUES (?, ?) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    s.bind(1, key).bind(2, value).step();
}

std::optional<std::string> Workspace::setting(const std::string& key) const {
    Statement s(m_db, "SELECT value FROM settings WHERE key = ?");
    s.bind(1, key);
    if (!s.step())
        return std::nullopt;
    return s.text(0);
}

std::vector<std::pair<std::string, std::string>> Workspace::settings() const {
    Statement s(m_db, "SELECT key, value FROM settings ORDER BY key");
    std::vector<std::pair<std::string, std::string>> out;
    while (s.step())
        out.emplace_back(s.text(0), s.text(1));
    return out;
}

} // namespace planner::model
