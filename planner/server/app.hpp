#pragma once
// The web app's request handling: security rules first (Host, token and cookie, CSRF and
// Origin, limits), then thin handlers that ask the Site for pages and the report builders for
// downloads. No Poco here: the transport (server_poco.cpp) hands in plain Requests.
//
// Routes (every one needs the session cookie, which GET /?token=TOKEN sets):
//   GET  /  /overview  /team  /channels  /raci  /care  /workload  /findings  /quarter
//        /reports                         pages; ?lang=en|lv chooses the language
//   GET  /PAGE.json                       the page's JSON twin (render_json of its sections)
//   GET  /download?report=staffing|audit|quarterly&format=pdf|json|csv[&table=ID]
//        [&lang=][&client=][&consultant=][&colour=%23RRGGBB]
//   GET  /assets/app.css  /assets/app.js  built into the executable
//   GET  /api/version                     {"version": N}: the page polls it to notice changes
//   POST /api/reload                      re-read the plan now (CSRF token and Origin needed)
//   GET  /edit                            the editor (assets/edit.js)
//   GET  /api/plan  /api/session  /api/findings  /api/rebalance
//   POST /api/plan  /api/plan/preview     JSON Patch edits (docs/serve.md "Edit API")
//   POST /api/scenario[?lang=]            a what-if patch evaluated beside the plan, not saved

#include "planner/reports/report_text.hpp"
#include "planner/server/http.hpp"
#include "planner/server/site.hpp"

#include <cstddef>
#include <string>

namespace planner::server {

struct AppConfig {
    int port = 0;        // the port the server listens on (the Host and Origin checks)
    std::string token;   // in the address printed at start
    std::string session; // the cookie's value
    std::string csrf;    // X-CSRF-Token of state-changing requests
    std::string language = "en";
    std::size_t max_headers = 64;     // more: 431
    std::size_t max_body = 64 * 1024; // more: 413
};

// A config with fresh random secrets (128 bits of token, session and CSRF token each... 256).
AppConfig make_config(int port, const std::string& language);

inline constexpr const char* k_session_cookie = "planner_session";

class App {
public:
    App(Site& site, AppConfig config) : m_site(site), m_config(std::move(config)) {}
    const AppConfig& config() const { return m_config; }

    // Every response carries the security headers (CSP, nosniff, frame denial, no caching).
    Response handle(const Request& request);

private:
    Response route(const Request& request);
    Response page(const Request& request, const std::string& slug, bool json);
    Response download(const Request& request);
    Response rebalance_json();
    Response scenario(const Request& request);
    Response error_page(int status, const std::string& language, const std::string& key);
    std::string language_of(const Request& request) const;

    Site& m_site;
    AppConfig m_config;
};

// The embedded assets (assets.cpp).
const std::string& asset_css();
const std::string& asset_js();
const std::string& asset_edit_js();
// The editor page's markup (assets_edit.cpp): an empty frame that edit.js fills from the API,
// with the page's words in a data attribute (no inline script).
std::string editor_shell(const ReportText& text, const std::string& language);
// The what-if scenario's frame and script (assets_scenario.cpp), part of the editor page.
std::string scenario_shell(const ReportText& text);
const std::string& asset_scenario_js();

} // namespace planner::server
