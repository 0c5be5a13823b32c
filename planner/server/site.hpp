#pragma once
// The plan being served and everything computed from it, kept in memory between requests:
// the plan is read once, each language's pages are built once (HTML and JSON), and both are
// rebuilt only when the file changes on disk. Thread-safe: requests share immutable states.

#include "planner/checks/checks.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/editing/plan_edit.hpp"
#include "planner/server/pages.hpp"

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace planner::server {

// Findings as the edit API answers them: [{check, severity, subject, message,
// recommendation}, ...], worded as the pages word them (duty ids in backticks become names;
// no markup) with the plan `index` they were found in.
std::string findings_json(const std::vector<Finding>& findings, const model::PlanIndex& index);

// One page, rendered: the HTML body (the document sections) and its JSON twin.
struct RenderedPage {
    std::string slug;
    std::string title;
    std::string body_html;
    std::string json; // empty: no JSON twin
};

struct RenderedPages {
    PageSet set;
    std::map<std::string, RenderedPage> pages; // by slug
};

// One version of the plan as read from disk.
struct SiteState {
    std::uint64_t version = 0;
    std::shared_ptr<const PlanFacts> facts; // the plan and its computed facts
    std::string source;                     // the path served
    bool from_workspace = false;
    std::string read_at;      // "14:03:12" (UTC)
    bool reloaded = false;    // read again after a change on disk
    std::string reload_error; // the change could not be read: the previous plan stays
    std::shared_ptr<const EditablePlan> stored; // the plan's text and JSON form, for editing

    // The findings of this version worded in `language` (en, lv), computed on first use.
    std::shared_ptr<const CheckReport> findings(const std::string& language = "en") const;

    // The pages in `language`, built on first use.
    std::shared_ptr<const RenderedPages> pages(const std::string& language) const;

private:
    friend class Site;
    mutable std::mutex m_mutex;
    mutable std::map<std::string, std::shared_ptr<const RenderedPages>> m_pages;
    mutable std::map<std::string, std::shared_ptr<const CheckReport>> m_findings;
};

// The answer to an edit: an HTTP status and a JSON body.
struct EditAnswer {
    int status = 200;
    std::string body;
    std::uint64_t version = 0;
};

class Site {
public:
    // Reads the plan (InputError/UsageError as `planner check` gives them).
    explicit Site(std::string path);
    ~Site();
    Site(const Site&) = delete;
    Site& operator=(const Site&) = delete;

    const std::string& path() const { return m_path; }
    // The current state, after re-reading the file when it changed on disk since last asked.
    std::shared_ptr<const SiteState> current();
    // Re-reads the file now, changed or not.
    std::shared_ptr<const SiteState> reload();

    // POST /api/plan: applies a JSON Patch made against version `if_match` and saves it at
    // once (409 stale, 422 invalid). With `preview`, nothing is saved: the answer has the
    // diff of the file and the findings that would appear and disappear. The messages of an
    // invalid patch are in `language` (en or lv: planner/core/plan_messages.hpp).
    EditAnswer edit(const std::string& patch, std::uint64_t if_match, bool preview,
                    const std::string& language = "en");

private:
    struct Signature {
        long long mtime_ns = 0;
        long long size = -1;
        long long wal_mtime_ns = 0;
        long long wal_size = -1;
        bool operator==(const Signature& o) const {
            return mtime_ns == o.mtime_ns && size == o.size && wal_mtime_ns == o.wal_mtime_ns &&
                   wal_size == o.wal_size;
        }
    };
    Signature signature() const;
    std::shared_ptr<const SiteState> read(bool after_change);

    // A version an edit replaced is let go on a thread of its own: freeing a large plan's
    // facts, findings and JSON takes a while, and the answer need not wait for it.
    void let_go(std::shared_ptr<const SiteState> old);
    void let_go_loop();

    std::string m_path;
    std::mutex m_mutex;
    Signature m_signature;
    std::shared_ptr<const SiteState> m_state;
    // The JSON of recent versions, as text (write_json): for the changes a stale edit missed.
    // Text, not the JSON tree, which is ten times larger and, kept for 64 versions, made every
    // edit of a large plan work in fresh memory.
    std::map<std::uint64_t, std::shared_ptr<const std::string>> m_history;

    std::mutex m_let_go_mutex;
    std::condition_variable m_let_go_wake;
    std::vector<std::shared_ptr<const SiteState>> m_let_go;
    bool m_stopping = false;
    std::thread m_let_go_thread; // started by the first edit
};

} // namespace planner::server
