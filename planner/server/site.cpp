#include "planner/server/site.hpp"

#include "exporters/html_renderer.hpp"
#include "exporters/json_renderer.hpp"
#include "planner/reports/report_text.hpp"

#include <ctime>
#include <sys/stat.h>

namespace planner::server {

namespace {
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
        state->source = loaded.source;
        state->from_workspace = loaded.from_workspace;
        state->facts = std::make_shared<const PlanFacts>(std::move(loaded.plan));
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
        state->reload_error = e.what();
    }
    return state;
}

std::shared_ptr<const SiteState> Site::current() {
    std::lock_guard<std::mutex> lock(m_mutex);
    Signature now = signature();
    if (!(now == m_signature)) {
        m_signature = now;
        m_state = read(true);
    }
    return m_state;
}

std::shared_ptr<const SiteState> Site::reload() {
    std::lock_guard<std::mutex> lock(m_mutex);
    Signature now = signature();
    bool changed = !(now == m_signature);
    m_signature = now;
    m_state = read(changed);
    return m_state;
}

} // namespace planner::server
