// The web app's rules, request by request, without a socket: App::handle over the sample plan.
#include "planner/server/app.hpp"
#include "planner/server/security.hpp"
#include "planner/server/site.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace planner::server;

namespace {

const std::string k_sample = std::string(PLANNER_SOURCE_DIR) + "/samples/latvian-retail.yaml";
constexpr int k_port = 8765;

std::string header_of(const Response& r, const std::string& name) {
    for (const auto& [key, value] : r.headers)
        if (key == name)
            return value;
    return "";
}

struct Fixture {
    Site site{k_sample};
    App app{site, make_config(k_port, "en")};

    Request get(const std::string& target, bool with_cookie = true) const {
        Request r;
        r.target = target;
        r.headers = {{"Host", "127.0.0.1:" + std::to_string(k_port)}};
        if (with_cookie)
            r.headers.emplace_back("Cookie", "other=1; planner_session=" + app.config().session);
        return r;
    }
    Request post(const std::string& target, bool csrf, const std::string& origin) const {
        Request r = get(target);
        r.method = "POST";
        if (csrf)
            r.headers.emplace_back("X-CSRF-Token", app.config().csrf);
        if (!origin.empty())
            r.headers.emplace_back("Origin", origin);
        return r;
    }
};

} // namespace

TEST_CASE("security helpers: Host, Origin, cookies, secrets") {
    CHECK(host_allowed("127.0.0.1:8765", 8765));
    CHECK(host_allowed("localhost:8765", 8765));
    CHECK_FALSE(host_allowed("127.0.0.1", 8765));
    CHECK_FALSE(host_allowed("127.0.0.1:8766", 8765));
    CHECK_FALSE(host_allowed("evil.example:8765", 8765));
    CHECK_FALSE(host_allowed("localhost.evil.example:8765", 8765));
    CHECK_FALSE(host_allowed("", 8765));
    CHECK(origin_allowed("http://127.0.0.1:8765", 8765));
    CHECK_FALSE(origin_allowed("http://127.0.0.1:8765.evil", 8765));
    CHECK_FALSE(origin_allowed("null", 8765));
    CHECK(cookie_value("a=1; planner_session=abc; b=2", "planner_session") == "abc");
    CHECK(cookie_value("xplanner_session=abc", "planner_session").empty());
    CHECK(constant_time_equals("abc", "abc"));
    CHECK_FALSE(constant_time_equals("abc", "abd"));
    CHECK_FALSE(constant_time_equals("abc", "abcd"));
    CHECK_FALSE(constant_time_equals("", "")); // an empty secret never matches
    std::string a = random_hex(16), b = random_hex(16);
    CHECK(a.size() == 32); // 128 bits
    CHECK(a != b);
    CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
    AppConfig config = make_config(1, "en");
    CHECK(config.token.size() >= 32);
    CHECK(config.token != config.session);
    CHECK(config.session != config.csrf);
}

TEST_CASE("serve: without the cookie every request is refused, the token sets it") {
    Fixture f;
    for (const char* target : {"/", "/team", "/team.json", "/assets/app.js", "/api/version",
                               "/download?report=audit&format=pdf"}) {
        Response r = f.app.handle(f.get(target, false));
        INFO(target);
        CHECK(r.status == 403);
    }
    Response wrong = f.app.handle(f.get("/?token=" + std::string(64, '0'), false));
    CHECK(wrong.status == 403);
    CHECK(header_of(wrong, "Set-Cookie").empty());

    Response ok = f.app.handle(f.get("/?token=" + f.app.config().token, false));
    CHECK(ok.status == 303);
    CHECK(header_of(ok, "Location") == "/");
    const std::string cookie = header_of(ok, "Set-Cookie");
    CHECK(cookie.find("planner_session=" + f.app.config().session) == 0);
    CHECK(cookie.find("HttpOnly") != std::string::npos);
    CHECK(cookie.find("SameSite=Strict") != std::string::npos);
    CHECK(f.app.handle(f.get("/team")).status == 200);
    Request stale = f.get("/team", false);
    stale.headers.emplace_back("Cookie", "planner_session=" + std::string(64, 'a'));
    CHECK(f.app.handle(stale).status == 403);
}

TEST_CASE("serve: a Host other than 127.0.0.1:PORT or localhost:PORT is refused") {
    Fixture f;
    for (const std::string host :
         {"evil.example:8765", "127.0.0.1", "127.0.0.1:80", "", "localhost:8765.evil.example"}) {
        Request r = f.get("/team");
        r.headers[0].second = host;
        INFO(host);
        CHECK(f.app.handle(r).status == 403);
    }
    Request local = f.get("/team");
    local.headers[0].second = "localhost:8765";
    CHECK(f.app.handle(local).status == 200);
}

TEST_CASE("serve: a change needs the CSRF token and the app's Origin") {
    Fixture f;
    const std::string origin = "http://127.0.0.1:8765";
    CHECK(f.app.handle(f.post("/api/reload", false, "")).status == 403);
    CHECK(f.app.handle(f.post("/api/reload", true, "")).status == 403);
    CHECK(f.app.handle(f.post("/api/reload", false, origin)).status == 403);
    CHECK(f.app.handle(f.post("/api/reload", true, "http://evil.example")).status == 403);
    Request forged = f.post("/api/reload", false, origin);
    forged.headers.emplace_back("X-CSRF-Token", std::string(64, 'f'));
    CHECK(f.app.handle(forged).status == 403);
    CHECK(f.app.handle(f.post("/api/reload", true, origin)).status == 200);
    CHECK(f.app.handle(f.post("/api/reload", true, "http://localhost:8765")).status == 200);
}

TEST_CASE("serve: every response carries the security headers, refusals too") {
    Fixture f;
    for (const Response& r : {f.app.handle(f.get("/team")), f.app.handle(f.get("/team", false)),
                              f.app.handle(f.get("/no-such-page"))}) {
        const std::string csp = header_of(r, "Content-Security-Policy");
        CHECK(csp.find("script-src 'self'") != std::string::npos);
        CHECK(csp.find("unsafe-inline") == std::string::npos);
        CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
        CHECK(header_of(r, "X-Content-Type-Options") == "nosniff");
        CHECK(header_of(r, "X-Frame-Options") == "DENY");
    }
    CHECK(f.app.handle(f.get("/no-such-page")).status == 404);
}

TEST_CASE("serve: limits on header count and body size") {
    Fixture f;
    Request many = f.get("/team");
    for (int i = 0; i < 70; ++i)
        many.headers.emplace_back("X-Filler-" + std::to_string(i), "1");
    CHECK(f.app.handle(many).status == 431);
    Request big = f.post("/api/reload", true, "http://127.0.0.1:8765");
    big.body.assign(f.app.config().max_body + 1, 'x');
    CHECK(f.app.handle(big).status == 413);
}

TEST_CASE("serve: every page in both languages, by name, no inline script, with a JSON twin") {
    Fixture f;
    for (const std::string lang : {"en", "lv"}) {
        for (const std::string& slug : page_slugs()) {
            Response r = f.app.handle(f.get("/" + slug + "?lang=" + lang));
            INFO(lang << " " << slug);
            REQUIRE(r.status == 200);
            CHECK(r.body.find("<html lang=\"" + lang + "\"") != std::string::npos);
            CHECK(r.body.find("<script>") == std::string::npos);
            CHECK(r.body.find(" style=") == std::string::npos);
            CHECK(r.body.find(" onclick=") == std::string::npos);
            // Subjects by name: no "person:anna" or "channel:facebook/approve" on a page.
            CHECK(r.body.find("person:") == std::string::npos);
            CHECK(r.body.find("channel:") == std::string::npos);
            if (slug != "reports" && slug != "quarter" && slug != "channels")
                CHECK((r.body.find("Kalniņa") != std::string::npos ||
                       r.body.find("Bērziņa") != std::string::npos)); // names, not ids
            Response json = f.app.handle(f.get("/" + slug + ".json?lang=" + lang));
            if (slug == "reports") {
                CHECK(json.status == 404);
            } else {
                CHECK(json.status == 200);
                CHECK(json.content_type == "application/json");
                CHECK(json.body.find("\"sections\"") != std::string::npos);
            }
        }
    }
    Response team = f.app.handle(f.get("/team"));
    CHECK(team.body.find("class=\"org-svg\"") != std::string::npos);
    CHECK(team.body.find("id=\"t-people\"") != std::string::npos);
    CHECK(team.body.find("person:") == std::string::npos);
    Response lv = f.app.handle(f.get("/team?lang=lv"));
    CHECK(lv.body.find("Organizācijas shēma") != std::string::npos);
    Response care = f.app.handle(f.get("/care"));
    CHECK(care.body.find("id=\"t-heatmap-1\"") != std::string::npos);
}

TEST_CASE("serve: downloads are the reports, as PDF, JSON and CSV") {
    Fixture f;
    Response pdf = f.app.handle(f.get("/download?report=staffing&format=pdf&lang=lv"));
    REQUIRE(pdf.status == 200);
    CHECK(pdf.content_type == "application/pdf");
    CHECK(pdf.body.rfind("%PDF-", 0) == 0);
    CHECK(pdf.body.find("%%EOF", pdf.body.size() - 64) != std::string::npos);
    Response json = f.app.handle(f.get("/download?report=audit&format=json&client=Acme"));
    CHECK(json.status == 200);
    CHECK(json.body.find("Acme") != std::string::npos);
    Response csv = f.app.handle(f.get("/download?report=staffing&format=csv&table=raci"));
    CHECK((csv.status == 200 || csv.status == 404));
    Response bad = f.app.handle(f.get("/download?report=payroll&format=pdf"));
    CHECK(bad.status == 400);
    Response colour = f.app.handle(f.get("/download?report=audit&format=pdf&colour=red"));
    CHECK(colour.status == 400);
    Response quarterly = f.app.handle(f.get("/download?report=quarterly&format=pdf"));
    CHECK(quarterly.status == 400); // a YAML plan has no metrics
}

TEST_CASE("serve: a plan changed on disk is read again and the page says so") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("planner-serve-test-" + random_hex(6));
    fs::create_directories(dir);
    fs::path plan = dir / "plan.yaml";
    fs::copy_file(k_sample, plan);
    Site site(plan.string());
    App app(site, make_config(k_port, "en"));
    auto get = [&](const std::string& target) {
        Request r;
        r.target = target;
        r.headers = {{"Host", "127.0.0.1:8765"},
                     {"Cookie", "planner_session=" + app.config().session}};
        return app.handle(r);
    };
    Response before = get("/overview");
    CHECK(before.body.find("was read again") == std::string::npos);
    const auto version_before = site.current()->version;

    std::string text;
    {
        std::ifstream in(plan);
        std::stringstream s;
        s << in.rdbuf();
        text = s.str();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    {
        std::ofstream out(plan, std::ios::trunc);
        out << text << "\n# edited\n";
    }
    Response after = get("/overview");
    CHECK(after.body.find("was read again") != std::string::npos);
    CHECK(site.current()->version > version_before);

    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    {
        std::ofstream out(plan, std::ios::trunc);
        out << "plan: [unclosed\n";
    }
    Response broken = get("/team");
    CHECK(broken.status == 200);
    CHECK(broken.body.find("could not be read") != std::string::npos);
    CHECK(broken.body.find("Kalniņa") != std::string::npos); // the last good plan stays
    fs::remove_all(dir);
}

TEST_CASE("serve: a workspace's quarter page is the quarterly review, in both languages") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "planner-serve-quarter";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string samples = std::string(PLANNER_SOURCE_DIR) + "/samples/";
    const std::string ws = (dir / "team.db").string();
    const std::string build = std::string("cd '") + dir.string() + "' && '" + PLANNER_EXE +
                              "' import team.db '" + samples +
                              "latvian-retail-2026-q3.yaml' >/dev/null && '" + PLANNER_EXE +
                              "' snapshot team.db --quarter 2026-Q3 >/dev/null && '" + PLANNER_EXE +
                              "' import team.db '" + samples + "latvian-retail.yaml' '" + samples +
                              "metrics/metrics-2026.csv' >/dev/null";
    REQUIRE(std::system(build.c_str()) == 0);
    {
        Site site{ws};
        App app{site, make_config(k_port, "en")};
        Fixture f; // for its request helpers; the cookie must be this app's
        const auto get = [&](const std::string& target) {
            Request r = f.get(target, false);
            r.headers.emplace_back("Cookie", "planner_session=" + app.config().session);
            return app.handle(r);
        };
        const Response en = get("/quarter");
        REQUIRE(en.status == 200);
        INFO(en.body.substr(0, 3000));
        // The review itself, not the "serve a workspace" note or a failure.
        CHECK(en.body.find("could not be built") == std::string::npos);
        CHECK(en.body.find("Serve a workspace") == std::string::npos);
        CHECK(en.body.find("2026-Q3") != std::string::npos); // compared with the snapshot
        CHECK(en.body.find("<table") != std::string::npos);
        CHECK(en.body.find("person:") == std::string::npos);
        CHECK(en.body.find("kpi:") == std::string::npos);
        const Response lv = get("/quarter?lang=lv");
        REQUIRE(lv.status == 200);
        CHECK(lv.body.find("<html lang=\"lv\"") != std::string::npos);
        CHECK(lv.body.find("nevarēja izveidot") == std::string::npos);
        CHECK(lv.body.find("could not be built") == std::string::npos);
        const Response pdf = get("/download?report=quarterly&format=pdf");
        CHECK(pdf.status == 200);
        CHECK(pdf.body.rfind("%PDF-", 0) == 0);
    }
    fs::remove_all(dir);
}

TEST_CASE("serve: Latvian pages name the standard duties in Latvian, findings included") {
    Fixture f;
    for (const std::string slug : {"findings", "overview", "channels"}) {
        INFO(slug);
        const Response lv = f.app.handle(f.get("/" + slug + "?lang=lv"));
        REQUIRE(lv.status == 200);
        for (const char* english :
             {"Community management", "Post approval", "Content creation",
              "Scheduling and publishing", "Social listening", "Analytics and reporting"})
            CHECK(lv.body.find(english) == std::string::npos);
        const Response en = f.app.handle(f.get("/" + slug + "?lang=en"));
        CHECK((en.body.find("Community management") != std::string::npos ||
               en.body.find("Content creation") != std::string::npos));
    }
    const Response findings = f.app.handle(f.get("/findings?lang=lv"));
    CHECK(findings.body.find("Kopienas pārvaldība") != std::string::npos);
    // The role explanations and duty formulas too.
    const Response workload = f.app.handle(f.get("/workload?lang=lv"));
    CHECK(workload.body.find("Hours of the channel duties") == std::string::npos);
    CHECK(workload.body.find("Kanālu pienākumu stundas") != std::string::npos);
    const Response channels = f.app.handle(f.get("/channels?lang=lv"));
    CHECK(channels.body.find("posts/week") == std::string::npos);
    CHECK(channels.body.find("ieraksti/ned.") != std::string::npos);
}
