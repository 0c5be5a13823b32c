// The edit API, request by request: GET/POST /api/plan on a copy of a commented sample file,
// every JSON Patch operation, every error (stale version, invalid value, unknown id, reporting
// cycle, failed test, malformed patch), CSRF and Origin on the new POST endpoints.
#include "planner/server/app.hpp"
#include "planner/server/site.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

using namespace planner::server;
namespace fs = std::filesystem;

namespace {

constexpr int k_port = 8766;

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string header_of(const Response& r, const std::string& name) {
    for (const auto& [key, value] : r.headers)
        if (key == name)
            return value;
    return "";
}

struct EditFixture {
    fs::path dir;
    fs::path plan;
    std::string original;
    std::unique_ptr<Site> site;
    std::unique_ptr<App> app;

    explicit EditFixture(const std::string& sample = "small-team.yaml") {
        dir = fs::temp_directory_path() / ("planner-edit-test-" + std::to_string(::getpid()) + "-" +
                                           std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::create_directories(dir);
        plan = dir / "team.yaml";
        fs::copy_file(std::string(PLANNER_SOURCE_DIR) + "/samples/" + sample, plan);
        original = slurp(plan);
        site = std::make_unique<Site>(plan.string());
        app = std::make_unique<App>(*site, make_config(k_port, "en"));
    }
    ~EditFixture() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }

    Request get(const std::string& target) const {
        Request r;
        r.target = target;
        r.headers = {{"Host", "127.0.0.1:" + std::to_string(k_port)},
                     {"Cookie", "planner_session=" + app->config().session}};
        return r;
    }
    Response post(const std::string& body, const std::string& version, bool csrf = true,
                  const std::string& origin = "http://127.0.0.1:8766",
                  const std::string& target = "/api/plan") const {
        Request r = get(target);
        r.method = "POST";
        r.body = body;
        if (csrf)
            r.headers.emplace_back("X-CSRF-Token", app->config().csrf);
        if (!origin.empty())
            r.headers.emplace_back("Origin", origin);
        if (!version.empty())
            r.headers.emplace_back("If-Match", version);
        return app->handle(r);
    }
    std::string version() const {
        Response r = app->handle(get("/api/plan"));
        REQUIRE(r.status == 200);
        return header_of(r, "ETag");
    }
};

} // namespace

TEST_CASE("GET /api/plan gives the plan as JSON with its version, /api/session the CSRF token",
          "[edit-api]") {
    EditFixture f;
    Response r = f.app->handle(f.get("/api/plan"));
    CHECK(r.status == 200);
    CHECK(header_of(r, "ETag") == "\"1\"");
    CHECK(r.body.find("\"version\":1") != std::string::npos);
    CHECK(r.body.find("{\"id\":\"priya\",\"name\":\"Priya Shah\"") != std::string::npos);
    Response s = f.app->handle(f.get("/api/session"));
    CHECK(s.body == "{\"csrf\":\"" + f.app->config().csrf + "\"}\n");
}

TEST_CASE("POST /api/plan: every operation is applied, saved in place, and versioned",
          "[edit-api]") {
    EditFixture f;
    Response r = f.post(R"([{"op":"replace","path":"/people/priya/fte","value":0.8}])", "\"1\"");
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(header_of(r, "ETag") == "\"2\"");
    CHECK(r.body.find("\"saved\":\"in place\"") != std::string::npos);
    std::string now = slurp(f.plan);
    CHECK(now.size() == f.original.size());
    CHECK(now.find("    fte: 0.8\n") != std::string::npos);

    r = f.post(
        R"([{"op":"add","path":"/people/ilze","value":{"name":"Ilze Kalna","roles":["community"],"capacity_hours":10,"reports_to":"sam"}},
                  {"op":"add","path":"/assignments/ilze:engage:facebook","value":{"person":"ilze","duty":"engage","channel":"facebook"}}])",
        "\"2\"");
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(slurp(f.plan).find("  - id: ilze\n    name: \"Ilze Kalna\"\n") != std::string::npos);

    r = f.post(R"([{"op":"copy","from":"/people/tom/hours","path":"/people/ilze/hours"},
                  {"op":"move","from":"/people/priya/interests","path":"/people/ilze/interests"},
                  {"op":"test","path":"/people/ilze/hours/start","value":"10:00"},
                  {"op":"remove","path":"/assignments/tom:engage:facebook"}])",
               "3");
    INFO(r.body);
    REQUIRE(r.status == 200);
    now = slurp(f.plan);
    CHECK(now.find("tom, duty: engage, channel: facebook") == std::string::npos);
    CHECK(now.find("interests: [instagram]") != std::string::npos);
    // Every comment of the sample is still there.
    CHECK(now.substr(0, 470) == f.original.substr(0, 470));
    CHECK(f.version() == "\"4\"");
}

TEST_CASE("POST /api/plan: a stale version gets 409 with what changed meanwhile", "[edit-api]") {
    EditFixture f;
    REQUIRE(f.post(R"([{"op":"replace","path":"/people/priya/fte","value":0.8}])", "1").status ==
            200);
    Response r =
        f.post(R"([{"op":"replace","path":"/people/tom/capacity_hours","value":20}])", "1");
    CHECK(r.status == 409);
    CHECK(r.body.find("\"changed\":[{\"op\":\"replace\",\"path\":\"/people/priya/fte\","
                      "\"value\":0.8}]") != std::string::npos);
    CHECK(slurp(f.plan).find("capacity_hours: 20") == std::string::npos);
    Response missing = f.post(R"([])", "");
    CHECK(missing.status == 428);
}

TEST_CASE("POST /api/plan: invalid value, unknown id, cycle and malformed patches get 422 and "
          "change nothing",
          "[edit-api]") {
    EditFixture f;
    Response r = f.post(R"([{"op":"replace","path":"/people/priya/fte","value":3}])", "1");
    CHECK(r.status == 422);
    CHECK(r.body.find("\"path\":\"/people/priya/fte\"") != std::string::npos);
    CHECK(r.body.find("fte") != std::string::npos);

    r = f.post(R"([{"op":"replace","path":"/people/zed/fte","value":1}])", "1");
    CHECK(r.status == 422);
    CHECK(r.body.find("there is no person 'zed' in the plan") != std::string::npos);

    r = f.post(R"([{"op":"add","path":"/people/priya/roles/-","value":"no-such-role"}])", "1");
    CHECK(r.status == 422);
    CHECK(r.body.find("no-such-role") != std::string::npos);

    r = f.post(R"([{"op":"add","path":"/people/sam/reports_to","value":"tom"}])", "1");
    CHECK(r.status == 422);
    CHECK(r.body.find("reporting cycle: Sam Taylor \u2192 Tom Hughes \u2192 Sam Taylor") !=
          std::string::npos);
    CHECK(r.body.find("\"path\":\"/people/sam/reports_to\"") != std::string::npos);

    r = f.post(R"([{"op":"test","path":"/people/priya/fte","value":1}])", "1");
    CHECK(r.status == 409);
    CHECK(r.body.find("test failed") != std::string::npos);

    r = f.post(R"({"op":"add"})", "1");
    CHECK(r.status == 422);
    r = f.post(R"([{"op":"add",)", "1");
    CHECK(r.status == 422);
    CHECK(r.body.find("not valid JSON") != std::string::npos);

    CHECK(slurp(f.plan) == f.original);
    CHECK(f.version() == "\"1\"");
}

TEST_CASE("POST /api/plan?lang=lv: the messages of a refused change are in Latvian", "[edit-api]") {
    EditFixture f;
    const std::string origin = "http://127.0.0.1:8766";
    struct Case {
        std::string patch;
        std::string latvian;              // a part of the expected message
        std::vector<std::string> english; // words of the English message that must be gone
    };
    const std::vector<Case> cases = {
        {R"([{"op":"replace","path":"/people/priya/fte","value":3}])",
         "laukam 'fte' jābūt no 0 līdz 1, nevis 3",
         {"must be between", "not 3"}},
        {R"([{"op":"replace","path":"/people/zed/fte","value":1}])",
         "plānā nav cilvēka 'zed'",
         {"there is no", "person", "in the plan"}},
        {R"([{"op":"add","path":"/people/priya/roles/-","value":"no-such-role"}])",
         "plānā nav lomas 'no-such-role'",
         {"unknown", "role "}},
        {R"([{"op":"add","path":"/people/sam/reports_to","value":"tom"}])",
         "tā rastos pakļautības cikls: Sam Taylor \u2192 Tom Hughes \u2192 Sam Taylor",
         {"reporting cycle", "someone", "outside"}},
        {R"([{"op":"add","path":"/people/priya/status","value":"actve"}])",
         "'actve' nav derīga 'status' vērtība (varbūt domājāt 'active'?)",
         {"is not a valid", "did you mean", "choose one of"}},
    };
    for (const Case& c : cases) {
        Response r = f.post(c.patch, "1", true, origin, "/api/plan?lang=lv");
        INFO(r.body);
        CHECK(r.status == 422);
        CHECK(r.body.find(c.latvian) != std::string::npos);
        CHECK(r.body.find("izmaiņa nav derīga; nekas netika mainīts") != std::string::npos);
        for (const std::string& word : c.english)
            CHECK(r.body.find(word) == std::string::npos);
        // The same change without lang is answered in the server's language, English here.
        Response en = f.post(c.patch, "1", true, origin, "/api/plan");
        CHECK(en.body.find(c.latvian) == std::string::npos);
        CHECK(en.body.find(c.english.front()) != std::string::npos);
    }
    // Several operations: the operation's number and the message within it.
    Response r = f.post(R"([{"op":"replace","path":"/people/priya/fte","value":0.5},
                            {"op":"remove","path":"/people/zed"}])",
                        "1", true, origin, "/api/plan/preview?lang=lv");
    INFO(r.body);
    CHECK(r.status == 422);
    CHECK(r.body.find("2. operācija (remove /people/zed): plānā nav cilvēka 'zed'") !=
          std::string::npos);
    CHECK(slurp(f.plan) == f.original);
}

TEST_CASE("the edit endpoints need the CSRF token and the app's Origin", "[edit-api]") {
    EditFixture f;
    const std::string patch = R"([{"op":"replace","path":"/people/priya/fte","value":0.8}])";
    CHECK(f.post(patch, "1", false).status == 403);
    CHECK(f.post(patch, "1", true, "").status == 403);
    CHECK(f.post(patch, "1", true, "http://evil.example").status == 403);
    CHECK(f.post(patch, "1", false, "http://127.0.0.1:8766", "/api/plan/preview").status == 403);
    CHECK(slurp(f.plan) == f.original);
}

TEST_CASE("preview shows the diff and the findings without saving", "[edit-api]") {
    EditFixture f;
    Response p = f.post(R"([{"op":"replace","path":"/people/priya/fte","value":0.8}])", "1", true,
                        "http://127.0.0.1:8766", "/api/plan/preview");
    INFO(p.body);
    REQUIRE(p.status == 200);
    CHECK(p.body.find("-    fte: 0.5\\n+    fte: 0.8\\n") != std::string::npos);
    // The what-if: key figures now and with the change, side by side.
    CHECK(p.body.find("\"before\":{\"people\":3,") != std::string::npos);
    CHECK(p.body.find("\"after\":{\"people\":3,") != std::string::npos);
    CHECK(slurp(f.plan) == f.original);
}

TEST_CASE("a one-click fix from the findings removes its finding", "[edit-api]") {
    EditFixture f("latvian-retail.yaml");
    Response findings = f.app->handle(f.get("/api/findings"));
    REQUIRE(findings.status == 200);
    auto at = findings.body.find("\"fix\":{\"label\"");
    REQUIRE(at != std::string::npos);
    auto patch_at = findings.body.find("\"patch\":", at) + 8;
    auto patch_end = findings.body.find("]}", patch_at) + 1;
    std::string patch = findings.body.substr(patch_at, patch_end - patch_at);
    Response r = f.post(patch, "1");
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.body.find("\"disappeared\":[{\"check\":\"COV004\"") != std::string::npos);
}

TEST_CASE("a workspace's plan is edited in one transaction", "[edit-api]") {
    EditFixture f;
    const fs::path ws = f.dir / "team.db";
    const std::string command = std::string(PLANNER_EXE) + " import '" + ws.string() + "' '" +
                                f.plan.string() + "' > /dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    {
        Site site(ws.string());
        App app(site, make_config(k_port, "en"));
        Request r = f.get("/api/plan");
        r.headers[1].second = "planner_session=" + app.config().session;
        r.method = "POST";
        r.body = R"([{"op":"replace","path":"/people/priya/fte","value":0.8}])";
        r.headers.emplace_back("X-CSRF-Token", app.config().csrf);
        r.headers.emplace_back("Origin", "http://127.0.0.1:8766");
        r.headers.emplace_back("If-Match", "1");
        Response answer = app.handle(r);
        INFO(answer.body);
        REQUIRE(answer.status == 200);
        CHECK(answer.body.find("\"saved\":\"workspace\"") != std::string::npos);
    }
    // A quarter's snapshot is served, not edited.
    const std::string snapshot = std::string(PLANNER_EXE) + " snapshot '" + ws.string() +
                                 "' --quarter 2027-Q1 > /dev/null 2>&1";
    REQUIRE(std::system(snapshot.c_str()) == 0);
    {
        Site frozen(ws.string() + "@2027-Q1");
        EditAnswer answer =
            frozen.edit(R"([{"op":"replace","path":"/people/priya/fte","value":0.7}])", 1, false);
        CHECK(answer.status == 409);
        CHECK(answer.body.find("snapshot cannot be edited") != std::string::npos);
    }
    Site again(ws.string());
    auto state = again.current();
    REQUIRE(state->facts->plan().people.size() == 3);
    CHECK(state->facts->plan().people[1].fte == Approx(0.8));
}

TEST_CASE("scripts may send the token with each API request instead of the cookie", "[edit-api]") {
    EditFixture f;
    Request r;
    r.target = "/api/plan?token=" + f.app->config().token;
    r.headers = {{"Host", "127.0.0.1:8766"}};
    CHECK(f.app->handle(r).status == 200);
    r.target = "/api/plan?token=" + std::string(64, '0');
    CHECK(f.app->handle(r).status == 403);
    r.target = "/team?token=" + std::string(64, '0');
    CHECK(f.app->handle(r).status == 403);
    // A change still needs the CSRF token and the Origin.
    r.target = "/api/plan?token=" + f.app->config().token;
    r.method = "POST";
    r.body = R"([{"op":"replace","path":"/people/priya/fte","value":0.8}])";
    r.headers.emplace_back("If-Match", "1");
    CHECK(f.app->handle(r).status == 403);
    r.headers.emplace_back("X-CSRF-Token", f.app->config().csrf);
    r.headers.emplace_back("Origin", "http://127.0.0.1:8766");
    CHECK(f.app->handle(r).status == 200);
}
