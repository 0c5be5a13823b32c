#include "planner/server/site.hpp"

#include "exporters/html_renderer.hpp"
#include "exporters/json_renderer.hpp"
#include "model/json_patch.hpp"
#include "model/plan_json.hpp"
#include "model/workspace.hpp"
#include "planner/core/plan_messages.hpp"
#include "planner/reports/report_common.hpp"
#include "planner/reports/report_text.hpp"
#include "planner/staffing/staffing.hpp"

#include <cstdio>
#include <ctime>
#include <future>
#include <sys/stat.h>

namespace planner::server {

namespace {
bool model_is_workspace(const std::string& path) {
    return model::is_workspace_file(path);
}

std::string now_text() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%H:%M:%S UTC", &tm);
    return buffer;
}

std::shared_ptr<const RenderedPages> render(const SiteState& state, const std::string& language) {
    auto rendered = std::make_shared<RenderedPages>();
    rendered->set = build_pages(*state.facts, state.source, state.from_workspace, language);
    ReportText text = ReportText::load(language);
    exporters::HtmlOptions options;
    options.filter_placeholder = text.get("web.filter");
    options.org_search_placeholder = text.get("web.search_name");
    for (const Page& page : rendered->set.pages) {
        RenderedPage out;
        out.slug = page.slug;
        out.title = page.title;
        out.body_html = exporters::render_html(page.sections, options);
        if (page.has_json) {
            exporters::Document doc;
            doc.metadata.title = page.title;
            doc.metadata.subtitle = state.facts->plan().info.name;
            doc.metadata.language = language;
            doc.metadata.created_unix = 0; // the same plan gives the same bytes
            doc.sections = page.sections;
            out.json = exporters::render_json(doc);
        }
        rendered->pages.emplace(page.slug, std::move(out));
    }
    return rendered;
}
// The JSON of a version in the history is read back this deep at most (a patch's value may be
// nested as deep as parse_json allows, inside the plan's own nesting).
constexpr size_t k_history_depth = 1024;

// A state replaced by a newer one may still be read by requests that hold it: its YAML parse,
// kept for the next edit, is dropped (only Site::edit reads it, under Site's lock).
void retire(const std::shared_ptr<const SiteState>& old, const SiteState& now) {
    if (old && old->stored && old->stored != now.stored)
        old->stored->parsed.reset();
}
} // namespace

std::shared_ptr<const RenderedPages> SiteState::pages(const std::string& language) const {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto found = m_pages.find(language);
    if (found != m_pages.end())
        return found->second;
    auto built = render(*this, language);
    m_pages.emplace(language, built);
    return built;
}

Site::Site(std::string path) : m_path(std::move(path)) {
    m_signature = signature();
    m_state = read(false);
}

Site::~Site() {
    {
        std::lock_guard<std::mutex> lock(m_let_go_mutex);
        m_stopping = true;
    }
    m_let_go_wake.notify_one();
    if (m_let_go_thread.joinable())
        m_let_go_thread.join();
}

void Site::let_go(std::shared_ptr<const SiteState> old) {
    {
        std::lock_guard<std::mutex> lock(m_let_go_mutex);
        m_let_go.push_back(std::move(old));
        if (!m_let_go_thread.joinable())
            m_let_go_thread = std::thread([this]() { let_go_loop(); });
    }
    m_let_go_wake.notify_one();
}

void Site::let_go_loop() {
    std::unique_lock<std::mutex> lock(m_let_go_mutex);
    for (;;) {
        m_let_go_wake.wait(lock, [&]() { return m_stopping || !m_let_go.empty(); });
        std::vector<std::shared_ptr<const SiteState>> batch;
        batch.swap(m_let_go);
        lock.unlock();
        batch.clear(); // freed here, unless a request still holds them
        lock.lock();
        if (m_stopping && m_let_go.empty())
            return;
    }
}

Site::Signature Site::signature() const {
    Signature s;
    struct stat info {};
    if (::stat(m_path.c_str(), &info) == 0) {
        s.mtime_ns =
            static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec;
        s.size = static_cast<long long>(info.st_size);
    }
    if (::stat((m_path + "-wal").c_str(), &info) == 0) {
        s.wal_mtime_ns =
            static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec;
        s.wal_size = static_cast<long long>(info.st_size);
    }
    return s;
}

std::shared_ptr<const SiteState> Site::read(bool after_change) {
    auto state = std::make_shared<SiteState>();
    state->version = m_state ? m_state->version + 1 : 1;
    state->read_at = now_text();
    state->reloaded = after_change;
    auto load = [&]() {
        LoadedPlan loaded = load_plan_argument(m_path);
        // A quarter's snapshot (WS@QUARTER) is served but not edited: no stored form then.
        std::shared_ptr<EditablePlan> stored;
        if (loaded.from_workspace ? model_is_workspace(m_path) : true)
            stored = std::make_shared<EditablePlan>(load_editable_plan(m_path));
        state->source = loaded.source;
        state->from_workspace = loaded.from_workspace;
        state->facts = std::make_shared<const PlanFacts>(std::move(loaded.plan));
        state->stored = stored;
    };
    if (!m_state) {
        load();
        return state;
    }
    try {
        load();
    } catch (const std::exception& e) {
        state->facts = m_state->facts;
        state->source = m_state->source;
        state->from_workspace = m_state->from_workspace;
        state->stored = m_state->stored;
        state->reload_error = e.what();
    }
    return state;
}

namespace {
// The templates of `language`, read once per process (an edit must not parse them again).
const Texts& texts_for(const std::string& language) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<const Texts>> loaded;
    std::lock_guard<std::mutex> lock(mutex);
    std::unique_ptr<const Texts>& texts = loaded[language];
    if (!texts)
        texts = std::make_unique<const Texts>(Texts::load(language));
    return *texts;
}
} // namespace

std::shared_ptr<const CheckReport> SiteState::findings(const std::string& language) const {
    std::lock_guard<std::mutex> lock(m_mutex);
    std::shared_ptr<const CheckReport>& found = m_findings[language];
    if (!found)
        found = std::make_shared<const CheckReport>(run_checks(*facts, texts_for(language)));
    return found;
}

std::shared_ptr<const SiteState> Site::current() {
    std::lock_guard<std::mutex> lock(m_mutex);
    Signature now = signature();
    if (!(now == m_signature)) {
        m_signature = now;
        auto previous = m_state;
        m_state = read(true);
        retire(previous, *m_state);
    }
    if (m_state->stored && !m_history.count(m_state->version)) {
        m_history[m_state->version] =
            std::make_shared<const std::string>(model::write_json(m_state->stored->json));
        while (m_history.size() > 64)
            m_history.erase(m_history.begin());
    }
    return m_state;
}

std::string findings_json(const std::vector<Finding>& findings, const model::PlanIndex& index) {
    std::string out = "[";
    for (size_t i = 0; i < findings.size(); ++i) {
        const Finding& f = findings[i];
        out += (i ? "," : "") + std::string("{\"check\":") + model::json_quote(f.check) +
               ",\"severity\":" + model::json_quote(std::string(to_string(f.severity))) +
               ",\"subject\":" + model::json_quote(f.subject) +
               ",\"message\":" + model::json_quote(report::clean_text(index, f.message)) +
               ",\"recommendation\":" +
               model::json_quote(report::clean_text(index, f.recommendation)) + "}";
    }
    return out + "]";
}

namespace {

// The plan in key figures, for the what-if comparison beside a change.
std::string summary_json(const PlanFacts& facts, const CheckReport& report) {
    StaffingResult staffing = compute_staffing(facts);
    double required = 0, current = 0;
    int hires = 0;
    for (const RoleStaffing& r : staffing.roles) {
        required += r.required_fte;
        current += r.current_fte;
        hires += r.hires;
    }
    int overloaded = 0;
    const double limit = facts.plan().info.thresholds.overload;
    for (const PersonLoad& p : facts.workload().people)
        if (!p.utilisation || *p.utilisation > limit)
            ++overloaded;
    auto fixed = [](double v) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.1f", v);
        return std::string(buffer);
    };
    return "{\"people\":" + std::to_string(facts.plan().people.size()) +
           ",\"fte_required\":" + fixed(required + staffing.unroled_fte) +
           ",\"fte_current\":" + fixed(current) + ",\"hires\":" + std::to_string(hires) +
           ",\"overloaded\":" + std::to_string(overloaded) +
           ",\"errors\":" + std::to_string(report.counts.error) +
           ",\"warnings\":" + std::to_string(report.counts.warning) + "}";
}

std::string messages_json(const std::vector<EditMessage>& messages, const Texts& texts) {
    std::string out = "[";
    for (size_t i = 0; i < messages.size(); ++i)
        out += (i ? "," : "") + std::string("{\"path\":") + model::json_quote(messages[i].path) +
               ",\"message\":" +
               model::json_quote(translate_plan_message(texts, messages[i].message)) + "}";
    return out + "]";
}
} // namespace

EditAnswer Site::edit(const std::string& patch, std::uint64_t if_match, bool preview,
                      const std::string& language) {
    auto state = current();
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_state != state) // changed on disk between the two locks: judge against the newest
        state = m_state;
    EditAnswer answer;
    answer.version = state->version;
    if (!state->stored) {
        answer.status = 409;
        answer.body = "{\"error\":" +
                      model::json_quote("a quarter's snapshot cannot be edited; serve the "
                                        "workspace itself to change its current plan") +
                      ",\"version\":" + std::to_string(state->version) + "}";
        return answer;
    }
    if (!state->reload_error.empty()) {
        answer.status = 409;
        answer.body = "{\"error\":" +
                      model::json_quote("the plan on disk cannot be read: " + state->reload_error +
                                        "; fix the file first") +
                      ",\"version\":" + std::to_string(state->version) + "}";
        return answer;
    }
    if (if_match != state->version) {
        answer.status = 409;
        std::string changed = "null";
        auto old = m_history.find(if_match);
        model::JsonParseError error;
        if (old != m_history.end())
            if (auto old_json = model::parse_json(*old->second, error, k_history_depth))
                changed = model::write_json(
                    model::patch_to_json(model::diff_json(*old_json, state->stored->json)));
        answer.body =
            "{\"error\":" +
            model::json_quote("the plan changed since version " + std::to_string(if_match) +
                              "; it is now version " + std::to_string(state->version) +
                              ": read it again and redo the change") +
            ",\"version\":" + std::to_string(state->version) + ",\"changed\":" + changed + "}";
        return answer;
    }
    EditResult result = apply_edit_text(state->stored->json, state->facts->plan(), patch);
    if (result.status != EditStatus::applied) {
        answer.status = result.status == EditStatus::test_failed ? 409 : 422;
        const Texts& texts = texts_for(language);
        answer.body = "{\"error\":" +
                      model::json_quote(translate_plan_message(
                          texts, result.status == EditStatus::test_failed
                                     ? "a test operation failed; nothing was changed"
                                     : "the change is not valid; nothing was changed")) +
                      ",\"version\":" + std::to_string(state->version) +
                      ",\"errors\":" + messages_json(result.messages, texts) + "}";
        return answer;
    }
    auto facts = std::make_shared<const PlanFacts>(std::move(*result.plan), *state->facts);
    std::shared_ptr<const CheckReport> before, after;
    std::string findings;
    auto run_the_checks = [&]() {
        // In the page's language: the review lists the findings that appear and disappear.
        before = state->findings(language);
        after = std::make_shared<const CheckReport>(run_checks(*facts, texts_for(language)));
        FindingChanges changes = compare_findings(*before, *after);
        findings = "\"appeared\":" + findings_json(changes.appeared, facts->index()) +
                   ",\"disappeared\":" + findings_json(changes.disappeared, state->facts->index());
    };
    if (preview) {
        run_the_checks();
        SavedText text = text_after_edit(*state->stored, result.json, facts->plan());
        answer.body =
            "{\"version\":" + std::to_string(state->version) + ",\"diff\":" +
            model::json_quote(unified_diff(state->stored->text, text.text, state->source)) +
            ",\"in_place\":" + (text.in_place ? "true" : "false") + "," + findings +
            ",\"before\":" + summary_json(*state->facts, *before) +
            ",\"after\":" + summary_json(*facts, *after) + "}";
        return answer;
    }
    // The new stored form: the old one's text (and its parse), the patched JSON moved in.
    auto stored = std::make_shared<EditablePlan>();
    stored->path = state->stored->path;
    stored->workspace = state->stored->workspace;
    stored->text = state->stored->text;
    stored->parsed = state->stored->parsed;
    // The save (the in-place edit and its read-back, then fsync and rename) and the undo patch
    // run on a second thread while this one runs the checks. The answer waits for both: an
    // accepted patch is saved before it is answered, and a failed save fails the request.
    struct Saved {
        bool in_place = false;
        std::string undo;
        std::shared_ptr<const std::string> history;
    };
    std::future<Saved> saving = std::async(std::launch::async, [&]() {
        Saved out;
        out.in_place = save_edit(*stored, std::move(result.json), facts->plan());
        out.undo = model::write_json(
            model::patch_to_json(model::diff_json(stored->json, state->stored->json)));
        out.history = std::make_shared<const std::string>(model::write_json(stored->json));
        return out;
    });
    run_the_checks();
    Saved saved = saving.get();
    const bool in_place = saved.in_place;
    auto next = std::make_shared<SiteState>();
    next->version = state->version + 1;
    next->facts = facts;
    next->source = state->source;
    next->from_workspace = state->from_workspace;
    next->read_at = now_text();
    next->stored = stored;
    next->m_findings[language] = after;
    m_signature = signature();
    m_state = next;
    retire(state, *next);
    m_history[next->version] = saved.history;
    while (m_history.size() > 64)
        m_history.erase(m_history.begin());
    answer.version = next->version;
    const std::string& undo = saved.undo;
    answer.body = "{\"version\":" + std::to_string(next->version) + ",\"saved\":" +
                  (state->from_workspace ? "\"workspace\""
                   : in_place            ? "\"in place\""
                                         : "\"canonical\"") +
                  ",\"undo\":" + undo + "," + findings +
                  ",\"findings\":" + std::to_string(after->findings.size()) + "}";
    before.reset();
    let_go(std::move(state));
    return answer;
}

std::shared_ptr<const SiteState> Site::reload() {
    std::lock_guard<std::mutex> lock(m_mutex);
    Signature now = signature();
    bool changed = !(now == m_signature);
    m_signature = now;
    auto previous = m_state;
    m_state = read(changed);
    retire(previous, *m_state);
    return m_state;
}

} // namespace planner::server
