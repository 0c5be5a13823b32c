// The edit API, request by request: GET/POST /api/plan on a copy of a commented sample file,
// every JSON Patch operation, every error (stale version, invalid value, unknown id, reporting
// cycle, failed test, malformed patch), CSRF and Origin on the new POST endpoints.
#include "model/json_patch.hpp"
#include "model/json_value.hpp"
#include "model/plan_writer.hpp"
#include "planner/server/app.hpp"
#include "planner/server/site.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <set>
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

TEST_CASE("POST /api/plan: a stale version's changes are the difference from that version's "
          "JSON, for every kept version",
          "[edit-api]") {
    EditFixture f;
    const char* patches[] = {
        R"([{"op":"replace","path":"/people/priya/fte","value":0.50}])",
        R"([{"op":"replace","path":"/people/sam/name","value":"Sam \"Ā\" \\ line\nbreak \u0001"}])",
        R"([{"op":"add","path":"/people/ilze","value":{"name":"Ilze","fte":0.5,"roles":[]}}])",
        R"([{"op":"remove","path":"/assignments/tom:engage:facebook"}])",
        R"([{"op":"replace","path":"/people/ilze/fte","value":1e-1}])",
    };
    std::vector<planner::model::Json> versions{f.site->current()->stored->json};
    for (const char* patch : patches) {
        INFO(patch);
        EditAnswer answer = f.site->edit(patch, versions.size(), false);
        REQUIRE(answer.status == 200);
        versions.push_back(f.site->current()->stored->json);
    }
    const planner::model::Json& now = versions.back();
    for (size_t v = 0; v + 1 < versions.size(); ++v) {
        INFO("version " << v + 1);
        EditAnswer stale = f.site->edit(R"([])", v + 1, false);
        CHECK(stale.status == 409);
        const std::string expected = planner::model::write_json(
            planner::model::patch_to_json(planner::model::diff_json(versions[v], now)));
        CHECK(stale.body.find("\"changed\":" + expected + "}") != std::string::npos);
    }
    // A version never served: nothing to compare with.
    CHECK(f.site->edit(R"([])", 99, false).body.find("\"changed\":null") != std::string::npos);
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

namespace {

// The findings of GET /api/findings that carry a fix: check, subject, kind and patch.
struct OfferedFix {
    std::string check, subject, kind, patch;
};
std::vector<OfferedFix> offered_fixes(const EditFixture& f) {
    Response r = f.app->handle(f.get("/api/findings"));
    REQUIRE(r.status == 200);
    planner::model::JsonParseError error;
    auto json = planner::model::parse_json(r.body, error);
    REQUIRE(json);
    std::vector<OfferedFix> out;
    for (const auto& finding : json->find("findings")->items) {
        const auto* fix = finding.find("fix");
        if (!fix || !fix->is_object())
            continue;
        out.push_back({finding.find("check")->text, finding.find("subject")->text,
                       fix->find("kind")->text, planner::model::write_json(*fix->find("patch"))});
    }
    return out;
}

bool has_finding(const EditFixture& f, const std::string& check, const std::string& subject) {
    Response r = f.app->handle(f.get("/api/findings"));
    planner::model::JsonParseError error;
    auto json = planner::model::parse_json(r.body, error);
    REQUIRE(json);
    for (const auto& x : json->find("findings")->items)
        if (x.find("check")->text == check && x.find("subject")->text == subject)
            return true;
    return false;
}

} // namespace

// Applies a fix of each check and kind `make()` offers, each on a fresh copy; the finding must
// disappear, except that a share move may leave a person less overloaded but still over.
void apply_every_fix(const std::function<std::unique_ptr<EditFixture>()>& make,
                     std::set<std::string>& kinds, std::set<std::string>& checks) {
    std::vector<OfferedFix> fixes = offered_fixes(*make());
    std::set<std::string> tried; // one fix of each check and kind: a large sample has many
    for (const OfferedFix& fix : fixes) {
        if (!tried.insert(fix.check + " " + fix.kind).second)
            continue;
        auto f = make(); // each fix on a fresh copy of the plan
        const std::string version = f->version();
        INFO(fix.check << " " << fix.subject << " " << fix.patch);
        REQUIRE(has_finding(*f, fix.check, fix.subject));
        const std::string before = f->app->handle(f->get("/workload.json")).body;
        Response r = f->post(fix.patch, version);
        INFO(r.body);
        REQUIRE(r.status == 200);
        if (fix.check == "LOAD001" && fix.kind == "move" && has_finding(*f, fix.check, fix.subject))
            CHECK(f->app->handle(f->get("/workload.json")).body != before); // a part moved
        else
            CHECK_FALSE(has_finding(*f, fix.check, fix.subject));
        kinds.insert(fix.kind);
        checks.insert(fix.check);
    }
}

TEST_CASE("each kind of one-click fix the samples offer is accepted and removes its finding",
          "[edit-api][fixes]") {
    std::set<std::string> kinds;
    std::set<std::string> checks;
    for (const char* sample :
         {"small-team.yaml", "latvian-retail.yaml", "checks-coverage.yaml",
          "checks-organisation.yaml", "checks-workload.yaml", "audit-group.yaml"}) {
        INFO(sample);
        apply_every_fix([&] { return std::make_unique<EditFixture>(sample); }, kinds, checks);
    }
    // What no sample shows: a person managing themselves (ORG001), a person without a role
    // (ORG005), a channel nobody is Accountable for whose people share a manager (COV002),
    // posts nobody approves (GOV001), KPIs nobody reports on (GOAL005).
    auto broken = [] {
        auto f = std::make_unique<EditFixture>("small-team.yaml");
        std::string text = f->original;
        auto cut = [&](const std::string& what, const std::string& with) {
            auto at = text.find(what);
            REQUIRE(at != std::string::npos);
            text.replace(at, what.size(), with);
        };
        cut("    capacity_hours: 10\n", "    capacity_hours: 10\n    reports_to: sam\n");
        cut("    roles: [content-creator]\n", "");
        cut("  - {person: sam, duty: all, channel: facebook, raci: A}\n", "");
        cut("  - {person: sam, duty: approve, channel: instagram}\n", ""); // GOV001
        cut("  - {person: sam, duty: report, channel: facebook}\n", "");   // GOAL005
        std::ofstream(f->plan, std::ios::binary | std::ios::trunc) << text;
        f->site->reload();
        return f;
    };
    apply_every_fix(broken, kinds, checks);
    std::string seen;
    for (const std::string& k : kinds)
        seen += k + " ";
    std::string seen_checks;
    for (const std::string& c : checks)
        seen_checks += c + " ";
    INFO("kinds: " << seen << "checks: " << seen_checks);
    for (const char* kind :
         {"assign", "backup", "accountable", "move", "owner", "reports_to", "no_manager", "role"})
        CHECK(kinds.count(kind) == 1);
    for (const char* check :
         {"COV001", "COV002", "COV004", "COV005", "COV007", "GOAL005", "GOAL006", "GOV001",
          "LOAD001", "LOAD003", "ORG001", "ORG003", "ORG005"})
        CHECK(checks.count(check) == 1);
}

TEST_CASE("a what-if scenario is evaluated beside the plan and never saved",
          "[edit-api][scenario]") {
    EditFixture f;
    // A hire and a new channel: staffing, findings and overload on both sides.
    const std::string patch =
        R"([{"op":"add","path":"/people/nina","value":{"id":"nina","name":"Nina Ozola",)"
        R"("roles":["community"],"capacity_hours":20}},)"
        R"({"op":"add","path":"/channels/tiktok","value":{"id":"tiktok","network":"tiktok",)"
        R"("name":"TikTok","workload":{"posts_per_week":4,"hours_per_post":2}}}])";
    Response r = f.post(patch, "1", true, "http://127.0.0.1:8766", "/api/scenario");
    INFO(r.body);
    REQUIRE(r.status == 200);
    planner::model::JsonParseError error;
    auto json = planner::model::parse_json(r.body, error);
    REQUIRE(json);
    const auto* now = json->find("now");
    const auto* scenario = json->find("scenario");
    REQUIRE(now);
    REQUIRE(scenario);
    // Nobody creates or publishes on the new channel: COV001 appears there.
    bool tiktok = false;
    for (const auto& x : json->find("appeared")->items)
        tiktok = tiktok || (x.find("check")->text == "COV001" &&
                            x.find("subject")->text.rfind("channel:tiktok/", 0) == 0);
    CHECK(tiktok);
    CHECK(planner::model::write_json(*now->find("findings")) !=
          planner::model::write_json(*scenario->find("findings")));
    // The hire adds FTE in place for the community role.
    auto in_place = [](const planner::model::Json* side, const std::string& role) {
        for (const auto& x : side->find("roles")->items)
            if (x.find("id")->text == role)
                return x.find("in_place")->text;
        return std::string("?");
    };
    CHECK(in_place(now, "community") != in_place(scenario, "community"));
    CHECK(now->find("overloaded")->is_array());
    // Nothing saved, the version unchanged.
    CHECK(slurp(f.plan) == f.original);
    CHECK(f.version() == "\"1\"");
    // Keeping it is an ordinary POST /api/plan of the same patch.
    Response keep = f.post(patch, "1");
    REQUIRE(keep.status == 200);
    CHECK(slurp(f.plan).find("Nina Ozola") != std::string::npos);
}

TEST_CASE("a scenario against a stale version or with an invalid change is refused",
          "[edit-api][scenario]") {
    EditFixture f;
    const std::string hire = R"([{"op":"replace","path":"/people/priya/fte","value":0.8}])";
    REQUIRE(f.post(hire, "1").status == 200);
    Response stale = f.post(hire, "1", true, "http://127.0.0.1:8766", "/api/scenario");
    CHECK(stale.status == 409);
    Response invalid = f.post(R"([{"op":"replace","path":"/people/priya/fte","value":"x"}])", "2",
                              true, "http://127.0.0.1:8766", "/api/scenario");
    CHECK(invalid.status == 422);
    CHECK(invalid.body.find("\"errors\":[{\"path\":\"/people/priya/fte\"") != std::string::npos);
    Response no_csrf = f.post(hire, "2", false, "http://127.0.0.1:8766", "/api/scenario");
    CHECK(no_csrf.status == 403);
}

TEST_CASE("accepting one rebalance move changes only that move's assignments",
          "[edit-api][rebalance]") {
    for (const char* sample : {"checks-workload.yaml", "latvian-retail.yaml", "audit-group.yaml"}) {
        INFO(sample);
        planner::model::JsonParseError error;
        std::vector<std::pair<std::string, std::string>> groups; // key, patch
        {
            EditFixture f(sample);
            Response r = f.app->handle(f.get("/api/rebalance"));
            REQUIRE(r.status == 200);
            auto json = planner::model::parse_json(r.body, error);
            REQUIRE(json);
            for (const auto& g : json->find("groups")->items)
                if (!g.find("patch")->items.empty())
                    groups.emplace_back(g.find("key")->text,
                                        planner::model::write_json(*g.find("patch")));
        }
        for (const auto& [key, patch] : groups) {
            EditFixture f(sample);
            INFO(key << " " << patch);
            auto plan_of = [&] {
                auto j = planner::model::parse_json(f.app->handle(f.get("/api/plan")).body, error);
                REQUIRE(j);
                return *j->find("plan");
            };
            const planner::model::Json before = plan_of();
            Response r = f.post(patch, "1");
            INFO(r.body);
            REQUIRE(r.status == 200);
            const planner::model::Json after = plan_of();
            // What changed: assignments of this duty on this channel, nothing else.
            const auto changed = planner::model::diff_json(before, after);
            CHECK_FALSE(changed.empty());
            const std::string duty = key.substr(0, key.find(':'));
            const std::string channel = key.substr(key.find(':') + 1);
            for (const auto& op : changed) {
                INFO(op.op << " " << op.path);
                REQUIRE(op.path.rfind("/assignments/", 0) == 0);
                std::string element = op.path.substr(13, op.path.find('/', 13) - 13);
                // PERSON:DUTY:CHANNEL[:PROFILE]
                std::string rest = element.substr(element.find(':') + 1);
                CHECK((rest == duty + ":" + channel ||
                       rest.rfind(duty + ":" + channel + ":", 0) == 0));
            }
            // And the patch names no value it leaves as it was.
            auto ops = planner::model::parse_json(patch, error);
            CHECK(ops->items.size() == changed.size());
        }
    }
}

TEST_CASE("findings and their fixes in the page's language", "[edit-api][fixes]") {
    EditFixture f("latvian-retail.yaml");
    Response en = f.app->handle(f.get("/api/findings"));
    Response lv = f.app->handle(f.get("/api/findings?lang=lv"));
    REQUIRE(lv.status == 200);
    CHECK(en.body.find(" as backup\"") != std::string::npos);
    CHECK(lv.body.find(" kā aizvietotājs\"") != std::string::npos);
    CHECK(lv.body.find("nobody covers it") == std::string::npos);
    CHECK(en.body.find("nobody covers it") != std::string::npos);
}

TEST_CASE("a change's findings that appear are worded in the page's language", "[edit-api]") {
    EditFixture f;
    // Priya at a tenth of her time is overloaded: LOAD001 appears.
    const std::string patch = R"([{"op":"replace","path":"/people/priya/fte","value":0.1}])";
    const std::string origin = "http://127.0.0.1:8766";
    Response lv = f.post(patch, "1", true, origin, "/api/plan/preview?lang=lv");
    Response en = f.post(patch, "1", true, origin, "/api/plan/preview");
    INFO(lv.body);
    REQUIRE(lv.status == 200);
    REQUIRE(en.status == 200);
    const auto appeared = [](const std::string& body) {
        const auto at = body.find("\"appeared\":");
        return body.substr(at, body.find("\"disappeared\":") - at);
    };
    CHECK(appeared(en.body).find("is overloaded") != std::string::npos);
    CHECK(appeared(lv.body).find("ir pārslogot") != std::string::npos);
    CHECK(appeared(lv.body).find("overloaded") == std::string::npos);
    // Saved from a Latvian page, the answer's lists are Latvian too.
    Response saved = f.post(patch, "1", true, origin, "/api/plan?lang=lv");
    REQUIRE(saved.status == 200);
    CHECK(appeared(saved.body).find("ir pārslogot") != std::string::npos);
}

TEST_CASE("the editor's findings are worded as the pages word them, without markup", "[edit-api]") {
    EditFixture f("latvian-retail.yaml");
    for (const char* path : {"/api/findings", "/api/findings?lang=lv"}) {
        Response r = f.app->handle(f.get(path));
        REQUIRE(r.status == 200);
        INFO(path);
        // COST001 names a command in backticks in the check's own text.
        CHECK(r.body.find("planner staff") != std::string::npos);
        CHECK(r.body.find('`') == std::string::npos);
    }
}
TEST_CASE("after each edit the served state is what reading the saved file gives", "[edit-api]") {
    EditFixture f;
    const char* patches[] = {
        R"([{"op":"replace","path":"/people/priya/fte","value":0.8}])",
        R"([{"op":"remove","path":"/assignments/tom:engage:facebook"}])",
        R"([{"op":"add","path":"/people/ilze","value":{"name":"Ilze","fte":0.5,"reports_to":"sam"}}])",
        R"([{"op":"replace","path":"/people/priya/fte","value":0.5}])",
        R"([{"op":"remove","path":"/people/priya/interests"}])",
    };
    auto key = [](const planner::Finding& x) {
        return x.check + " " + x.subject + " " + x.message;
    };
    for (const char* patch : patches) {
        INFO(patch);
        auto before = f.site->current();
        EditAnswer answer = f.site->edit(patch, before->version, false);
        INFO(answer.body);
        REQUIRE(answer.status == 200);
        auto state = f.site->current();
        REQUIRE(state->version == before->version + 1); // not re-read from disk
        CHECK_FALSE(before->stored->parsed);            // the old version keeps its JSON only
        Site fresh(f.plan.string());
        auto read = fresh.current();
        CHECK(state->stored->text == slurp(f.plan));
        REQUIRE(state->stored->parsed);
        CHECK(state->stored->parsed->text() == state->stored->text);
        CHECK(state->stored->json == read->stored->json);
        CHECK(planner::model::write_plan_yaml(state->facts->plan()) ==
              planner::model::write_plan_yaml(read->facts->plan()));
        auto kept = state->findings();
        auto again = read->findings();
        REQUIRE(kept->findings.size() == again->findings.size());
        for (size_t i = 0; i < kept->findings.size(); ++i)
            CHECK(key(kept->findings[i]) == key(again->findings[i]));
    }
}
