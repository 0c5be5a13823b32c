#include "planner/server/app.hpp"

#include "exporters/csv_renderer.hpp"
#include "exporters/html_renderer.hpp"
#include "exporters/json_renderer.hpp"
#include "exporters/number_format.hpp"
#include "exporters/pdf_renderer.hpp"
#include "model/json_patch.hpp"
#include "model/json_value.hpp"
#include "model/plan_queries.hpp"
#include "planner/core/output_format.hpp"
#include "planner/editing/finding_fixes.hpp"
#include "planner/rebalance/rebalance.hpp"
#include "planner/reports/quarterly_input.hpp"
#include "planner/reports/report_common.hpp"
#include "planner/reports/report_text.hpp"
#include "planner/reports/reports.hpp"
#include "planner/server/scenario.hpp"
#include "planner/server/security.hpp"

#include <optional>

#include <algorithm>

namespace planner::server {

namespace ex = exporters;
using ex::html_escape;

AppConfig make_config(int port, const std::string& language) {
    AppConfig c;
    c.port = port;
    c.token = random_hex(32);
    c.session = random_hex(32);
    c.csrf = random_hex(32);
    c.language = language;
    return c;
}

namespace {

Response text_response(int status, const std::string& body) {
    Response r;
    r.status = status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = body;
    return r;
}

bool is_language(const std::string& l) {
    return l == "en" || l == "lv";
}

std::string nav_key(const std::string& slug) {
    return "web.nav_" + slug;
}

} // namespace

std::string App::language_of(const Request& request) const {
    auto q = request.query();
    auto it = q.find("lang");
    if (it != q.end() && is_language(it->second))
        return it->second;
    return m_config.language;
}

Response App::error_page(int status, const std::string& language, const std::string& key) {
    ReportText text = ReportText::load(language);
    Response r;
    r.status = status;
    r.body = "<!DOCTYPE html><html lang=\"" + language +
             "\"><head><meta charset=\"utf-8\"><title>" + std::to_string(status) +
             "</title><link rel=\"stylesheet\" href=\"/assets/app.css\"></head><body><main><h1>" +
             std::to_string(status) + "</h1><p>" + html_escape(text.get(key)) +
             "</p></main></body></html>\n";
    return r;
}

Response App::handle(const Request& request) {
    Response response;
    const std::string host = request.header("Host");
    if (!host_allowed(host, m_config.port)) {
        response = text_response(403, "403 Forbidden: this server answers only to 127.0.0.1:" +
                                          std::to_string(m_config.port) + " and localhost:" +
                                          std::to_string(m_config.port) + ".\n");
    } else if (request.headers.size() > m_config.max_headers) {
        response = text_response(431, "431: too many request header fields.\n");
    } else if (request.body.size() > m_config.max_body) {
        response = text_response(413, "413: the request body is too large.\n");
    } else {
        auto query = request.query();
        auto token = query.find("token");
        const std::string session = cookie_value(request.header("Cookie"), k_session_cookie);
        // Scripts may send the token with each API request instead of the cookie.
        const bool api = request.path().rfind("/api/", 0) == 0;
        const bool api_token =
            api && token != query.end() && constant_time_equals(token->second, m_config.token);
        if (token != query.end() && request.method == "GET" && !api) {
            if (!constant_time_equals(token->second, m_config.token)) {
                response = error_page(403, language_of(request), "web.forbidden");
            } else {
                // The token is exchanged for the cookie and leaves the address bar.
                response.status = 303;
                response.body = "";
                std::string lang = query.count("lang") && is_language(query["lang"])
                                       ? "?lang=" + query["lang"]
                                       : "";
                response.headers.emplace_back("Location", "/" + lang);
                response.headers.emplace_back(
                    "Set-Cookie", std::string(k_session_cookie) + "=" + m_config.session +
                                      "; Path=/; HttpOnly; SameSite=Strict");
            }
        } else if (!api_token && !constant_time_equals(session, m_config.session)) {
            response = error_page(403, language_of(request), "web.forbidden");
        } else if (changes_state(request.method) &&
                   (!origin_allowed(request.header("Origin"), m_config.port) ||
                    !constant_time_equals(request.header("X-CSRF-Token"), m_config.csrf))) {
            response = text_response(403, "403 Forbidden: a change needs the page's CSRF token "
                                          "and an Origin of this app.\n");
        } else {
            try {
                response = route(request);
            } catch (const std::exception& e) {
                response = text_response(500, std::string("500: ") + e.what() + "\n");
            }
        }
    }
    response.headers.emplace_back("Content-Security-Policy", content_security_policy());
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    response.headers.emplace_back("X-Frame-Options", "DENY");
    response.headers.emplace_back("Referrer-Policy", "no-referrer");
    response.headers.emplace_back("Cache-Control", "no-store");
    response.headers.emplace_back("Cross-Origin-Resource-Policy", "same-origin");
    return response;
}

namespace {
Response json_response(int status, std::string body) {
    Response r;
    r.status = status;
    r.content_type = "application/json";
    r.body = std::move(body);
    if (r.body.empty() || r.body.back() != '\n')
        r.body += '\n';
    return r;
}

// A number for the page's language: "2.5" / "2,5".
std::string page_number(double value, int decimals, const std::string& language) {
    std::string text = ex::format_fixed(value, decimals);
    if (language == "lv")
        std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

// A one-click fix (planner/editing/finding_fixes.hpp) as JSON: the button's words in the
// page's language and the patch; "null" when the recommendation names no concrete change.
std::string fix_json(const SiteState& state, const Finding& f, const ReportText& text,
                     const std::string& language) {
    if (!state.stored)
        return "null";
    auto fix = finding_fix(*state.facts, state.stored->json, f);
    if (!fix)
        return "null";
    std::map<std::string, std::string> values = fix->values;
    if (fix->hours > 0) {
        std::string hours = page_number(fix->hours, 1, language);
        if (hours.size() > 2 &&
            hours.compare(hours.size() - 2, 2, language == "lv" ? ",0" : ".0") == 0)
            hours.resize(hours.size() - 2);
        values["hours"] = hours;
    }
    return "{\"label\":" + model::json_quote(text.get(fix->label_key, values)) +
           ",\"kind\":" + model::json_quote(f.change->kind) +
           ",\"patch\":" + model::write_json(model::patch_to_json(fix->patch)) + "}";
}

// If-Match: "7", W/"7" or 7. Nothing when absent or not a version.
std::optional<std::uint64_t> version_of(const std::string& header) {
    std::string digits;
    for (char c : header)
        if (c >= '0' && c <= '9')
            digits += c;
        else if (c != '"' && c != 'W' && c != '/' && c != ' ')
            return std::nullopt;
    if (digits.empty() || digits.size() > 18)
        return std::nullopt;
    return std::stoull(digits);
}
} // namespace

Response App::route(const Request& request) {
    const std::string path = request.path();
    if (request.method == "POST" && (path == "/api/plan" || path == "/api/plan/preview")) {
        auto version = version_of(request.header("If-Match"));
        if (!version)
            return json_response(428, "{\"error\":\"send the version the change was made "
                                      "against in If-Match, as GET /api/plan gives it in "
                                      "ETag\"}");
        EditAnswer answer =
            m_site.edit(request.body, *version, path == "/api/plan/preview", language_of(request));
        Response r = json_response(answer.status, answer.body);
        r.headers.emplace_back("ETag", "\"" + std::to_string(answer.version) + "\"");
        return r;
    }
    if (request.method == "POST" && path == "/api/scenario")
        return scenario(request);
    if (request.method == "GET" && path == "/api/plan") {
        auto state = m_site.current();
        std::string plan = state->stored ? model::write_json(state->stored->json) : "null";
        // The choices the plan format offers, so that pages never ask to type an id.
        auto list = [](const std::vector<std::string>& items) {
            std::string out = "[";
            for (size_t i = 0; i < items.size(); ++i)
                out += (i ? "," : "") + model::json_quote(items[i]);
            return out + "]";
        };
        const std::string choices = "{\"duties\":" + list(model::standard_duty_ids()) +
                                    ",\"networks\":" +
                                    list({"instagram", "facebook", "linkedin", "x", "youtube",
                                          "tiktok", "pinterest", "threads", "other"}) +
                                    ",\"goal_kinds\":" +
                                    list({"engagement", "customer_care", "reach", "conversion",
                                          "awareness", "roi", "other"}) +
                                    ",\"metrics\":" + list(model::metric_names()) + "}";
        Response r = json_response(200, "{\"version\":" + std::to_string(state->version) +
                                            ",\"plan\":" + plan + ",\"choices\":" + choices + "}");
        r.headers.emplace_back("ETag", "\"" + std::to_string(state->version) + "\"");
        return r;
    }
    if (request.method == "GET" && path == "/api/rebalance")
        return rebalance_json();
    if (path == "/assets/edit.js") {
        Response r;
        r.content_type = "text/javascript; charset=utf-8";
        r.body = asset_edit_js() + asset_scenario_js();
        return r;
    }
    if (path == "/edit")
        return page(request, "edit", false);
    if (request.method == "GET" && path == "/api/session")
        return json_response(200, "{\"csrf\":" + model::json_quote(m_config.csrf) + "}");
    if (request.method == "GET" && path == "/api/findings") {
        auto state = m_site.current();
        const std::string language = language_of(request);
        const ReportText text = ReportText::load(language);
        auto report = state->findings(language);
        // Worded as the pages word them (no markup: `planner staff` reads planner staff).
        const model::PlanIndex& index = state->facts->index();
        std::string out = "{\"version\":" + std::to_string(state->version) + ",\"findings\":[";
        for (size_t i = 0; i < report->findings.size(); ++i) {
            const Finding& f = report->findings[i];
            out += (i ? "," : "") + std::string("{\"check\":") + model::json_quote(f.check) +
                   ",\"severity\":" + model::json_quote(std::string(to_string(f.severity))) +
                   ",\"subject\":" + model::json_quote(f.subject) +
                   ",\"message\":" + model::json_quote(report::clean_text(index, f.message)) +
                   ",\"recommendation\":" +
                   model::json_quote(report::clean_text(index, f.recommendation)) +
                   ",\"fix\":" + fix_json(*state, f, text, language) + "}";
        }
        return json_response(200, out + "]}");
    }
    if (request.method == "POST" && path == "/api/reload") {
        auto state = m_site.reload();
        Response r;
        r.content_type = "application/json";
        r.body = "{\"version\":" + std::to_string(state->version) + "}\n";
        return r;
    }
    if (request.method != "GET" && request.method != "HEAD")
        return text_response(405, "405: method not allowed.\n");
    if (path == "/assets/app.css") {
        Response r;
        r.content_type = "text/css; charset=utf-8";
        r.body = asset_css();
        return r;
    }
    if (path == "/assets/app.js") {
        Response r;
        r.content_type = "text/javascript; charset=utf-8";
        r.body = asset_js();
        return r;
    }
    if (path == "/api/version") {
        auto state = m_site.current();
        Response r;
        r.content_type = "application/json";
        r.body = "{\"version\":" + std::to_string(state->version) + "}\n";
        return r;
    }
    if (path == "/download")
        return download(request);
    if (path == "/" || path == "/index.html")
        return page(request, "overview", false);
    std::string slug = path.substr(1);
    bool json = false;
    if (slug.size() > 5 && slug.compare(slug.size() - 5, 5, ".json") == 0) {
        json = true;
        slug.resize(slug.size() - 5);
    }
    const auto& slugs = page_slugs();
    if (std::find(slugs.begin(), slugs.end(), slug) == slugs.end())
        return error_page(404, language_of(request), "web.not_found");
    return page(request, slug, json);
}

Response App::page(const Request& request, const std::string& slug, bool json) {
    const std::string language = language_of(request);
    auto state = m_site.current();
    auto pages = state->pages(language);
    auto found = pages->pages.find(slug);
    RenderedPage edit_page;
    if (slug == "edit") {
        ReportText t = ReportText::load(language);
        edit_page.slug = "edit";
        edit_page.title = t.get("web.nav_edit");
        edit_page.body_html = editor_shell(t, language);
    } else if (found == pages->pages.end() || (json && found->second.json.empty())) {
        return error_page(404, language, "web.not_found");
    }
    const RenderedPage& page = slug == "edit" ? edit_page : found->second;
    Response r;
    if (json) {
        r.content_type = "application/json";
        r.body = page.json;
        return r;
    }
    ReportText text = ReportText::load(language);
    const std::string other = language == "en" ? "lv" : "en";
    const std::string plan_name = state->facts->plan().info.name;
    std::string& b = r.body;
    b.reserve(page.body_html.size() + 8192);
    b += "<!DOCTYPE html>\n<html lang=\"" + language + "\"><head><meta charset=\"utf-8\">";
    b += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
    b += "<meta name=\"csrf-token\" content=\"" + m_config.csrf + "\">";
    b += "<meta name=\"plan-version\" content=\"" + std::to_string(state->version) + "\">";
    b += "<title>" + html_escape(page.title + " — " + plan_name) + "</title>";
    b += std::string("<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" "
                     "href=\"/assets/app.css\"><script src=\"/assets/app.js\" "
                     "defer></script>") +
         (slug == "edit" ? "<script src=\"/assets/edit.js\" defer></script>" : "") +
         "</head>\n<body data-page=\"" + slug + "\"><header><div class=\"brand\">" +
         html_escape(text.get("web.app_title")) + " <span class=\"plan-name\">" +
         html_escape(plan_name) + "</span></div><nav>";
    for (const std::string& s : page_slugs()) {
        auto p = pages->pages.find(s);
        b += "<a href=\"/" + s + "?lang=" + language + "\"" +
             (s == slug ? " class=\"current\" aria-current=\"page\"" : "") + ">" +
             html_escape(p != pages->pages.end() ? p->second.title : text.get(nav_key(s))) + "</a>";
    }
    b += "<a href=\"/edit?lang=" + language + "\"" +
         (slug == "edit" ? " class=\"current\" aria-current=\"page\"" : "") + ">" +
         html_escape(text.get("web.nav_edit")) + "</a>";
    b += "<a class=\"lang\" href=\"/" + slug + "?lang=" + other + "\" hreflang=\"" + other + "\">" +
         html_escape(text.get("web.other_language")) + "</a></nav></header>\n<main>";
    if (!state->reload_error.empty())
        b += "<div class=\"banner error\" role=\"alert\">" +
             html_escape(text.get("web.reload_failed", {{"error", state->reload_error}})) +
             "</div>";
    else if (state->reloaded)
        b += "<div class=\"banner\" role=\"status\">" +
             html_escape(text.get("web.reloaded", {{"time", state->read_at}})) + "</div>";
    b += "<div class=\"banner changed\" id=\"changed\" hidden>" +
         html_escape(text.get("web.changed_notice")) + " <a href=\"/" + slug + "?lang=" + language +
         "\">" + html_escape(text.get("web.reload_now")) + "</a></div>";
    b += "<h1>" + html_escape(page.title) + "</h1>";
    if (slug == "findings") {
        b += "<div class=\"severity-filter\" role=\"group\"><button type=\"button\" "
             "data-severity=\"\" class=\"active\">" +
             html_escape(text.get("web.show_all")) +
             "</button><button type=\"button\" "
             "data-severity=\"s-red\">" +
             html_escape(text.get("common.severity_error")) +
             "</button><button type=\"button\" data-severity=\"s-amber\">" +
             html_escape(text.get("common.severity_warning")) +
             "</button><button type=\"button\" data-severity=\"s-none\">" +
             html_escape(text.get("common.severity_info")) + "</button></div>";
    }
    if (slug == "reports") {
        b += "<p class=\"p-lead\">" + html_escape(text.get("web.reports_lead")) + "</p>";
        b += "<form class=\"report-form\" method=\"get\" action=\"/download\">";
        b += "<fieldset><legend>" + html_escape(text.get("web.nav_reports")) + "</legend>";
        const char* kinds[] = {"staffing", "audit", "quarterly"};
        for (const char* k : kinds) {
            if (std::string(k) == "quarterly" && !state->from_workspace)
                continue;
            b += std::string("<label><input type=\"radio\" name=\"report\" value=\"") + k + "\"" +
                 (std::string(k) == "staffing" ? " checked" : "") + "> " +
                 html_escape(text.get(std::string("web.report_") + k)) + "</label>";
        }
        b += "</fieldset><fieldset><legend>" + html_escape(text.get("web.format")) +
             "</legend><label><input type=\"radio\" name=\"format\" value=\"pdf\" checked> "
             "PDF</label><label><input type=\"radio\" name=\"format\" value=\"json\"> "
             "JSON</label></fieldset>";
        b += "<fieldset><legend>" + html_escape(text.get("web.language")) +
             "</legend><label><input type=\"radio\" name=\"lang\" value=\"en\"" +
             (language == "en" ? " checked" : "") +
             "> English</label><label><input type=\"radio\" name=\"lang\" value=\"lv\"" +
             (language == "lv" ? " checked" : "") + "> Latviešu</label></fieldset>";
        b += "<fieldset><legend>Brand</legend><label>" + html_escape(text.get("web.client")) +
             " <input type=\"text\" name=\"client\" maxlength=\"120\"></label><label>" +
             html_escape(text.get("web.consultant")) +
             " <input type=\"text\" name=\"consultant\" maxlength=\"120\"></label><label>" +
             html_escape(text.get("web.colour")) +
             " <input type=\"color\" name=\"colour\" value=\"#1f4e79\"></label></fieldset>";
        b += "<button type=\"submit\" class=\"primary\">" + html_escape(text.get("web.download")) +
             "</button></form>";
        // CSV: one table per file, so one link per table.
        b += "<h2>CSV</h2><p>" + html_escape(text.get("web.csv_tables")) + "</p>";
        for (const auto& [kind, doc] :
             {std::pair<const char*, const ex::Document*>{"staffing", &pages->set.staffing},
              {"audit", &pages->set.audit}}) {
            b += "<h3>" + html_escape(text.get(std::string("web.report_") + kind)) +
                 "</h3><ul class=\"csv-links\">";
            for (const ex::Table* t : ex::collect_tables(*doc))
                b += std::string("<li><a href=\"/download?report=") + kind +
                     "&amp;format=csv&amp;lang=" + language + "&amp;table=" + html_escape(t->id) +
                     "\">" + html_escape(t->id) + ".csv</a>" +
                     (t->title.empty() ? "" : " — " + html_escape(t->title)) + "</li>";
            b += "</ul>";
        }
    }
    b += page.body_html;
    b += "</main><footer><span>" +
         html_escape(text.get("web.loaded", {{"file", state->source}, {"time", state->read_at}})) +
         "</span>";
    if (!page.json.empty())
        b += " · <a href=\"/" + slug + ".json?lang=" + language + "\">" +
             html_escape(text.get("web.json_twin")) + "</a>";
    b += "</footer></body></html>\n";
    return r;
}

Response App::rebalance_json() {
    auto state = m_site.current();
    const PlanFacts& facts = *state->facts;
    const RebalanceResult result = compute_rebalance(facts);
    const RebalanceMoves moves = rebalance_moves(facts, state->stored->json, result);
    const model::Plan& plan = facts.plan();
    auto name_of = [&](const model::PersonId& id) -> std::string {
        for (const model::Person& p : plan.people)
            if (p.id == id)
                return model::display_name(p);
        return "";
    };
    auto util = [&](const model::PersonId& id) -> std::string {
        auto text = [](const std::optional<double>& u) {
            return u ? ex::format_fixed(*u * 100, 0) + "%" : std::string("\u221e");
        };
        for (const PersonBalance& b : result.people)
            if (b.person == id)
                return text(b.utilisation_before) + " \u2192 " + text(b.utilisation_after);
        return "";
    };
    // Moves and patch operations grouped by channel duty: each group is accepted or rejected.
    std::vector<std::string> keys;
    std::map<std::string, std::string> titles;
    std::map<std::string, std::vector<std::string>> group_moves;
    std::map<std::string, std::vector<model::PatchOperation>> group_ops;
    for (const RebalanceMove& m : moves.moves) {
        const model::ChannelDuty& d = facts.index().channel_duties()[m.duty_index];
        std::string channel_name = d.channel ? d.channel->str() : "";
        if (d.channel)
            for (const model::Channel& c : plan.channels)
                if (c.id == *d.channel)
                    channel_name = model::display_name(c);
        std::string key = d.duty.str() + ":" + (d.channel ? d.channel->str() : "");
        if (!titles.count(key)) {
            keys.push_back(key);
            titles[key] = d.duty.str() + (channel_name.empty() ? "" : " \u00b7 " + channel_name);
        }
        group_moves[key].push_back(
            "{\"from\":" + model::json_quote(name_of(m.from)) +
            ",\"to\":" + model::json_quote(name_of(m.to)) +
            ",\"hours\":" + model::json_quote(ex::format_fixed(m.hours, 1)) +
            ",\"from_utilisation\":" + model::json_quote(m.from.str().empty() ? "" : util(m.from)) +
            ",\"to_utilisation\":" + model::json_quote(m.to.str().empty() ? "" : util(m.to)) + "}");
    }
    for (const model::PatchOperation& op : moves.patch) {
        // /assignments/PERSON:DUTY:CHANNEL[...]
        std::string rest = op.path.substr(std::string("/assignments/").size());
        rest = rest.substr(0, rest.find('/'));
        auto c1 = rest.find(':');
        std::string key;
        if (c1 != std::string::npos) {
            std::string tail = rest.substr(c1 + 1);
            auto c2 = tail.find(':');
            std::string duty = tail.substr(0, c2);
            std::string channel =
                c2 == std::string::npos ? "" : tail.substr(c2 + 1, tail.find(':', c2 + 1) - c2 - 1);
            key = duty + ":" + channel;
        }
        if (!titles.count(key)) {
            keys.push_back(key);
            titles[key] = key;
        }
        group_ops[key].push_back(op);
    }
    std::string out = "{\"version\":" + std::to_string(state->version) + ",\"groups\":[";
    for (size_t i = 0; i < keys.size(); ++i) {
        const std::string& k = keys[i];
        out += (i ? "," : "") + std::string("{\"key\":") + model::json_quote(k) +
               ",\"title\":" + model::json_quote(titles[k]) + ",\"moves\":[";
        for (size_t j = 0; j < group_moves[k].size(); ++j)
            out += (j ? "," : "") + group_moves[k][j];
        out += "],\"patch\":" + model::write_json(model::patch_to_json(group_ops[k])) + "}";
    }
    return json_response(200, out + "]}");
}

Response App::download(const Request& request) {
    auto q = request.query();
    const std::string kind = q["report"];
    const std::optional<OutputFormat> format =
        parse_output_format(q.count("format") ? q["format"] : "pdf");
    const std::string language = is_language(q["lang"]) ? q["lang"] : m_config.language;
    if (kind != "staffing" && kind != "audit" && kind != "quarterly")
        return text_response(400, "400: report must be staffing, audit or quarterly.\n");
    if (format != OutputFormat::pdf && format != OutputFormat::json && format != OutputFormat::csv)
        return text_response(400, "400: format must be pdf, json or csv.\n");
    auto state = m_site.current();
    ReportOptions options;
    options.language = language;
    bool branded = !q["client"].empty() || !q["consultant"].empty() ||
                   (!q["colour"].empty() && q["colour"] != "#1f4e79");
    if (branded) {
        Brand brand;
        brand.client = q["client"].substr(0, 120);
        brand.consultant = q["consultant"].substr(0, 120);
        if (!q["colour"].empty()) {
            auto colour = ex::parse_hex_colour(q["colour"]);
            if (!colour)
                return text_response(400, "400: colour must be #RRGGBB.\n");
            brand.primary = *colour;
        }
        options.brand = brand;
    }
    ex::Document doc;
    if (kind == "quarterly") {
        if (!state->from_workspace)
            return text_response(400, "400: the quarterly review needs a workspace.\n");
        QuarterlyRun run = load_quarterly_input(state->source);
        const PlanFacts facts(std::move(run.plan));
        doc = build_quarterly_report(facts, run.input, options);
    } else if (!branded) {
        auto pages = state->pages(language);
        doc = kind == "staffing" ? pages->set.staffing : pages->set.audit;
    } else {
        doc = kind == "staffing" ? build_staffing_report(*state->facts, options)
                                 : build_audit_report(*state->facts, options);
    }
    Response r;
    const std::string base = kind + (language == "lv" ? "-lv" : "");
    if (format == OutputFormat::pdf) {
        r.content_type = "application/pdf";
        r.body = ex::render_pdf(doc);
        r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + base + ".pdf\"");
    } else if (format == OutputFormat::json) {
        r.content_type = "application/json";
        r.body = ex::render_json(doc);
        r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + base + ".json\"");
    } else {
        const std::string id = q["table"];
        for (const ex::Table* t : ex::collect_tables(doc))
            if (t->id == id) {
                r.content_type = "text/csv; charset=utf-8";
                r.body = ex::render_csv(*t);
                r.headers.emplace_back("Content-Disposition",
                                       "attachment; filename=\"" + base + "-" + id + ".csv\"");
                return r;
            }
        return text_response(404, "404: the report has no table '" + id + "'.\n");
    }
    return r;
}

// POST /api/scenario: the page's scenario evaluated beside the plan, never saved.
Response App::scenario(const Request& request) {
    auto version = version_of(request.header("If-Match"));
    if (!version)
        return json_response(428, "{\"error\":\"send the version the scenario was made "
                                  "against in If-Match, as GET /api/plan gives it in ETag\"}");
    auto state = m_site.current();
    EditAnswer answer = evaluate_scenario(*state, request.body, *version, language_of(request));
    Response r = json_response(answer.status, answer.body);
    r.headers.emplace_back("ETag", "\"" + std::to_string(answer.version) + "\"");
    return r;
}

} // namespace planner::server
