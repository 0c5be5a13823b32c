// The plan's JSON form, JSON Patch with ids in paths, and saving into the user's YAML file
// changing only what changed.

#include "model/json_patch.hpp"
#include "model/json_value.hpp"
#include "model/plan_json.hpp"
#include "model/yaml_surgery.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace planner::model;

namespace {

std::string read_sample(const std::string& name) {
    std::ifstream in(std::string(PLANNER_TEST_DATA) + "/../../samples/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Json json(const std::string& text) {
    JsonParseError error;
    auto value = parse_json(text, error);
    INFO(error.message);
    REQUIRE(value);
    return *value;
}

Json plan_json(const std::string& yaml) {
    YamlError error;
    auto value = plan_text_to_json(yaml, error);
    REQUIRE(value);
    return *value;
}

// Applies the patch to the YAML's JSON form and saves it in place.
std::string edit(const std::string& yaml, const std::string& patch_text) {
    Json doc = plan_json(yaml);
    PatchFailure failure;
    auto ops = parse_patch(json(patch_text), failure);
    REQUIRE(ops);
    auto failed = apply_patch(doc, *ops);
    INFO((failed ? failed->message : std::string()));
    REQUIRE_FALSE(failed);
    auto out = edit_yaml_in_place(yaml, doc);
    REQUIRE(out);
    return *out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream ss(text);
    for (std::string line; std::getline(ss, line);)
        out.push_back(line);
    return out;
}

// The lines of `a` and `b` that differ, for files of the same number of lines.
std::vector<std::pair<std::string, std::string>> changed_lines(const std::string& a,
                                                               const std::string& b) {
    auto la = lines_of(a), lb = lines_of(b);
    REQUIRE(la.size() == lb.size());
    std::vector<std::pair<std::string, std::string>> out;
    for (size_t i = 0; i < la.size(); ++i)
        if (la[i] != lb[i])
            out.emplace_back(la[i], lb[i]);
    return out;
}

} // namespace

TEST_CASE("JSON parses and writes back, numbers keep their text", "[json]") {
    Json v = json(R"({"a": [1, 2.50, -3e2, true, null, "x\u00e9\n"], "b": {}})");
    CHECK(write_json(v) == R"({"a":[1,2.50,-3e2,true,null,"xé\n"],"b":{}})");
    JsonParseError error;
    CHECK_FALSE(parse_json("{\"a\": 01}", error));
    CHECK_FALSE(parse_json("[1,]", error));
    CHECK_FALSE(parse_json(std::string(100, '['), error));
    CHECK(error.message.find("nested") != std::string::npos);
    CHECK(json("0.5") == json("0.50"));
    CHECK(json(R"({"a":1,"b":2})") == json(R"({"b":2,"a":1})"));
}

TEST_CASE("the plan's JSON names people, channels and assignments by id", "[plan-json]") {
    Json plan = plan_json(read_sample("small-team.yaml"));
    std::string message;
    const Json* fte = resolve_pointer(plan, "/people/priya/fte", message);
    REQUIRE(fte);
    CHECK(fte->text == "0.5");
    const Json* end = resolve_pointer(plan, "/channels/instagram/care/end", message);
    REQUIRE(end);
    CHECK(end->text == "16:00");
    const Json* raci = resolve_pointer(plan, "/assignments/sam:all:instagram/raci", message);
    REQUIRE(raci);
    CHECK(raci->text == "A");
    CHECK(resolve_pointer(plan, "/people/priya/roles/content-creator", message));
    CHECK_FALSE(resolve_pointer(plan, "/people/zed/fte", message));
    CHECK(message == "there is no person 'zed' in the plan");
    CHECK(read_plan_json(plan).plan);
}

TEST_CASE("every JSON Patch operation", "[json-patch]") {
    Json plan = plan_json(read_sample("small-team.yaml"));
    PatchFailure failure;
    auto run = [&](const std::string& patch) {
        auto ops = parse_patch(json(patch), failure);
        REQUIRE(ops);
        return apply_patch(plan, *ops);
    };
    std::string message;
    SECTION("add a person, by id or at the end") {
        CHECK_FALSE(run(R"([{"op":"add","path":"/people/ilze","value":{"name":"Ilze"}}])"));
        const Json* p = resolve_pointer(plan, "/people/ilze/id", message);
        REQUIRE(p);
        CHECK(p->text == "ilze");
        CHECK_FALSE(run(R"([{"op":"add","path":"/people/-","value":{"id":"juris"}}])"));
        CHECK(resolve_pointer(plan, "/people/juris", message));
        auto again = run(R"([{"op":"add","path":"/people/ilze","value":{}}])");
        REQUIRE(again);
        CHECK(again->message.find("already a person 'ilze'") != std::string::npos);
    }
    SECTION("remove") {
        CHECK_FALSE(run(R"([{"op":"remove","path":"/people/priya/interests"}])"));
        CHECK_FALSE(resolve_pointer(plan, "/people/priya/interests", message));
        CHECK_FALSE(run(R"([{"op":"remove","path":"/assignments/tom:engage:facebook"}])"));
        CHECK_FALSE(resolve_pointer(plan, "/assignments/tom:engage:facebook", message));
    }
    SECTION("replace") {
        CHECK_FALSE(run(R"([{"op":"replace","path":"/people/priya/fte","value":0.8}])"));
        CHECK(resolve_pointer(plan, "/people/priya/fte", message)->text == "0.8");
        auto missing = run(R"([{"op":"replace","path":"/people/zed/fte","value":1}])");
        REQUIRE(missing);
        CHECK(missing->message == "there is no person 'zed' in the plan");
    }
    SECTION("move and copy") {
        CHECK_FALSE(
            run(R"([{"op":"move","from":"/people/priya/skills","path":"/people/tom/interests"}])"));
        CHECK_FALSE(resolve_pointer(plan, "/people/priya/skills", message));
        CHECK(resolve_pointer(plan, "/people/tom/interests/photo", message));
        CHECK_FALSE(
            run(R"([{"op":"copy","from":"/people/tom/hours","path":"/people/priya/hours"}])"));
        CHECK(resolve_pointer(plan, "/people/priya/hours/start", message)->text == "10:00");
    }
    SECTION("test, and a failed operation changes nothing") {
        CHECK_FALSE(run(R"([{"op":"test","path":"/people/priya/fte","value":0.50}])"));
        Json before = plan;
        auto failed = run(R"([{"op":"replace","path":"/people/priya/fte","value":0.9},
                              {"op":"test","path":"/people/priya/fte","value":0.5}])");
        REQUIRE(failed);
        CHECK(failed->test_failed);
        CHECK(failed->index == 1);
        CHECK(plan == before);
    }
    SECTION("malformed patches") {
        CHECK_FALSE(parse_patch(json(R"({"op":"add"})"), failure));
        CHECK_FALSE(parse_patch(json(R"([{"op":"frobnicate","path":"/a"}])"), failure));
        CHECK(failure.message.find("unknown operation 'frobnicate'") != std::string::npos);
        CHECK_FALSE(parse_patch(json(R"([{"op":"add","path":"/a"}])"), failure));
        CHECK_FALSE(parse_patch(json(R"([{"op":"move","path":"/a"}])"), failure));
    }
}

TEST_CASE("a patched plan is checked with the plan file's rules, messages tied to paths",
          "[plan-json]") {
    Json plan = plan_json(read_sample("small-team.yaml"));
    plan.find("people")->items[1].set("fte", Json::make_number("3"));
    auto check = read_plan_json(plan);
    REQUIRE_FALSE(check.plan);
    REQUIRE(check.errors.size() == 1);
    CHECK(check.errors[0].path == "/people/priya/fte");
    CHECK(check.errors[0].message.find("fte") != std::string::npos);
}

TEST_CASE("saving an edit into a commented plan file changes exactly that line", "[yaml-surgery]") {
    const std::string original = read_sample("small-team.yaml");
    std::string out =
        edit(original, R"([{"op":"replace","path":"/people/priya/fte","value":0.8}])");
    auto changed = changed_lines(original, out);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].first == "    fte: 0.5");
    CHECK(changed[0].second == "    fte: 0.8");

    out = edit(original,
               R"([{"op":"replace","path":"/channels/instagram/care/end","value":"17:30"}])");
    changed = changed_lines(original, out);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].second.find("end: \"17:30\", response_minutes: 120") != std::string::npos);

    out =
        edit(original, R"([{"op":"replace","path":"/people/sam/name","value":"Sam: the owner"}])");
    changed = changed_lines(original, out);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].second == "    name: \"Sam: the owner\"");

    out = edit(
        original,
        R"([{"op":"replace","path":"/assignments/priya:engage:instagram/backup","value":false}])");
    changed = changed_lines(original, out);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].second ==
          "  - {person: priya, duty: engage, channel: instagram, backup: false}");
}

TEST_CASE("added and removed entries are written in their siblings' style", "[yaml-surgery]") {
    const std::string original = read_sample("small-team.yaml");
    std::string out = edit(
        original,
        R"([{"op":"add","path":"/assignments/-","value":{"person":"tom","duty":"engage","channel":"instagram","raci":"C"}}])");
    CHECK(out.find("  - {person: sam, duty: report, channel: facebook}\n  - {person: tom, duty: "
                   "engage, channel: instagram, raci: C}\n") != std::string::npos);
    CHECK(out.substr(0, original.size() - 1) == original.substr(0, original.size() - 1));

    out = edit(
        original,
        R"([{"op":"add","path":"/people/ilze","value":{"name":"Ilze Kalna","roles":["community"],"fte":0.5,"reports_to":"sam"}}])");
    CHECK(
        out.find("    skills: [customer_care]\n  - id: ilze\n    name: \"Ilze Kalna\"\n    roles: "
                 "[community]\n    fte: 0.5\n    reports_to: sam\n\nassignments:") !=
        std::string::npos);

    out = edit(original, R"([{"op":"remove","path":"/assignments/tom:engage:facebook"}])");
    CHECK(out.find("tom, duty: engage, channel: facebook") == std::string::npos);
    CHECK(lines_of(out).size() + 1 == lines_of(original).size());

    out = edit(original, R"([{"op":"remove","path":"/people/priya/interests"},
                             {"op":"add","path":"/people/tom/interests","value":["facebook"]}])");
    CHECK(out.find("interests: [instagram]") == std::string::npos);
    CHECK(out.find("    skills: [customer_care]\n    interests: [facebook]\n") !=
          std::string::npos);
    // Every comment is still there.
    CHECK(out.substr(0, 500) == original.substr(0, 500));
}
