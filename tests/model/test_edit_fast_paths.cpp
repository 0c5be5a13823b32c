// The edit API's shortcuts give what the full work gives: the YAML tree built together with
// the text (json_to_yaml_tree) is the tree the parser makes of that text; read_plan_json gives
// the same plan and messages with and without the parser; the in-place edit from a kept parse
// gives the same text as from the text alone; yaml_equals_json is yaml_to_json's ==.

#include "model/json_patch.hpp"
#include "model/json_value.hpp"
#include "model/plan_json.hpp"
#include "model/plan_writer.hpp"
#include "model/yaml_surgery.hpp"
#include "model/yaml_tree.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace planner::model;
namespace fs = std::filesystem;

namespace {

std::string samples_dir() {
    return std::string(PLANNER_TEST_DATA) + "/../../samples";
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> sample_plans() {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(samples_dir()))
        if (entry.path().extension() == ".yaml")
            out.push_back(entry.path().string());
    std::sort(out.begin(), out.end());
    REQUIRE(out.size() >= 3);
    return out;
}

Json json_of(const std::string& text) {
    JsonParseError error;
    auto value = parse_json(text, error);
    INFO(error.message);
    REQUIRE(value);
    return *value;
}

Json plan_json_of(const std::string& yaml) {
    YamlError error;
    auto value = plan_text_to_json(yaml, error);
    REQUIRE(value);
    return *value;
}

Json patched(Json doc, const std::string& patch) {
    PatchFailure failure;
    auto ops = parse_patch(json_of(patch), failure);
    REQUIRE(ops);
    auto failed = apply_patch(doc, *ops);
    INFO((failed ? failed->message : std::string()));
    REQUIRE_FALSE(failed);
    return doc;
}

// Node by node: kind, style, text, position and children.
void require_same_tree(const YamlTree& a, uint32_t i, const YamlTree& b, uint32_t j) {
    const YamlNode& x = a.node(i);
    const YamlNode& y = b.node(j);
    INFO("node at offset " << y.offset << " (" << y.text << "), kind " << static_cast<int>(y.kind)
                           << ", plain " << y.plain << ", children " << y.child_count);
    REQUIRE(static_cast<int>(x.kind) == static_cast<int>(y.kind));
    REQUIRE(x.plain == y.plain);
    REQUIRE(x.text == y.text);
    REQUIRE(x.offset == y.offset);
    REQUIRE(x.end == y.end);
    REQUIRE(x.child_count == y.child_count);
    for (uint32_t c = 0; c < x.child_count; ++c)
        require_same_tree(a, a.child(x, c), b, b.child(y, c));
}

void require_tree_as_parsed(const Json& json) {
    std::string text;
    YamlTree built;
    REQUIRE(json_to_yaml_tree(json, text, built));
    CHECK(text == json_to_yaml(json));
    YamlTree parsed;
    YamlError error;
    INFO(text);
    REQUIRE(parsed.parse(text, error));
    REQUIRE_FALSE(parsed.empty());
    require_same_tree(built, built.root(), parsed, parsed.root());
}

// Both ways of checking a plan's JSON agree: the same plan (as canonical YAML) or the same
// messages at the same paths.
void require_same_check(const Json& json) {
    PlanJsonCheck fast = read_plan_json(json);
    PlanJsonCheck slow = read_plan_json(json, true);
    REQUIRE(fast.plan.has_value() == slow.plan.has_value());
    if (fast.plan)
        CHECK(write_plan_yaml(*fast.plan) == write_plan_yaml(*slow.plan));
    REQUIRE(fast.errors.size() == slow.errors.size());
    for (size_t i = 0; i < fast.errors.size(); ++i) {
        CHECK(fast.errors[i].path == slow.errors[i].path);
        CHECK(fast.errors[i].message == slow.errors[i].message);
    }
}

const char* k_odd_plan = R"({
  "\"quoted\" first": {"k": "v"},
  "plain": 1,
  "empty list": [], "empty map": {},
  "nested": {"a": -0.5, "b": null, "c": true, "d": "two words", "e": "line\nbreak\ttab",
             "f": "Rīga, Ķemeri", "g": "2027-01-01", "h": "a: b # c", "i": ""},
  "lists": [[1, 2], [], {}, "x", 3, {"k k": [1, {"deep": "er", "z": []}], "p": "q"},
            {"id": "first"}, [[], [{}], {"a": [1]}]],
  "people": [{"id": "p1", "name": "Ā\"ī\\", "roles": ["a", "b c"]}, {"name": "no id"}]
})";

} // namespace

TEST_CASE("the YAML tree built with the text is the tree the parser makes of it", "[plan-json]") {
    for (const std::string& path : sample_plans()) {
        INFO(path);
        Json plan = plan_json_of(slurp(path));
        require_tree_as_parsed(plan);
    }
    require_tree_as_parsed(json_of(k_odd_plan));
    // Strings only the parser may judge are left to it.
    std::string text;
    YamlTree tree;
    CHECK_FALSE(json_to_yaml_tree(json_of(R"({"a": "del \u007f"})"), text, tree));
    CHECK_FALSE(json_to_yaml_tree(json_of(R"({"a": "c1 \u0085"})"), text, tree));
    CHECK_FALSE(json_to_yaml_tree(json_of(R"({"a": "bom \ufeff"})"), text, tree));
    CHECK_FALSE(json_to_yaml_tree(json_of("{\"" + std::string(201, 'k') + "\": 1}"), text, tree));
    CHECK_FALSE(json_to_yaml_tree(json_of("{}"), text, tree));
    CHECK(json_to_yaml_tree(json_of(R"({"a": "ok \u00e9 \ud83d\ude00 \u0001"})"), text, tree));
}

TEST_CASE("a plan's JSON is checked alike with and without the YAML parser", "[plan-json]") {
    const Json small = plan_json_of(slurp(samples_dir() + "/small-team.yaml"));
    require_same_check(small);
    const char* patches[] = {
        R"([{"op":"replace","path":"/people/priya/fte","value":0.8}])",
        R"([{"op":"replace","path":"/people/priya/fte","value":3}])",
        R"([{"op":"replace","path":"/people/priya/fte","value":"much"}])",
        R"([{"op":"replace","path":"/people/priya/reports_to","value":"nobody"}])",
        R"([{"op":"add","path":"/people/-","value":{"id":"priya","name":"Twice"}}])",
        R"([{"op":"add","path":"/people/priya/colour","value":"blue"}])",
        R"([{"op":"replace","path":"/channels/instagram/care/end","value":"25:00"}])",
        R"([{"op":"remove","path":"/people/sam"}])",
        R"([{"op":"add","path":"/people/ilze","value":{"name":"Ilze \"Ī\" Kalna","fte":0.5}}])",
        R"([{"op":"replace","path":"/people/priya/name","value":"del \u007f"}])",
        R"([{"op":"replace","path":"/people/priya/roles","value":[]}])",
        R"([{"op":"replace","path":"/plan","value":{}}])",
    };
    for (const char* patch : patches) {
        INFO(patch);
        require_same_check(patched(small, patch));
    }
    for (const std::string& path : sample_plans()) {
        INFO(path);
        require_same_check(plan_json_of(slurp(path)));
    }
    require_same_check(json_of(k_odd_plan));
    require_same_check(json_of("{}"));
}

TEST_CASE("an edit from the kept parse gives the text an edit from the text gives",
          "[yaml-surgery]") {
    const std::string original = slurp(samples_dir() + "/small-team.yaml");
    const char* patches[] = {
        R"([{"op":"replace","path":"/people/priya/fte","value":0.8}])",
        R"([{"op":"replace","path":"/people/sam/name","value":"Sam: the owner"}])",
        R"([{"op":"remove","path":"/assignments/tom:engage:facebook"}])",
        R"([{"op":"add","path":"/people/ilze","value":{"name":"Ilze","fte":0.5}}])",
        R"([{"op":"remove","path":"/people/priya/interests"}])",
    };
    YamlError error;
    std::shared_ptr<const ParsedYaml> kept = ParsedYaml::parse(original, error);
    REQUIRE(kept);
    std::string text = original;
    Json doc = plan_json_of(original);
    // Edits one after another, each from the parse the previous one left.
    for (const char* patch : patches) {
        INFO(patch);
        const Json previous = doc;
        doc = patched(doc, patch);
        auto from_text = edit_yaml_in_place(text, doc);
        auto from_kept = edit_yaml_in_place(*kept, doc);
        auto from_hint = edit_yaml_in_place(*kept, doc, &previous); // walks only the change
        REQUIRE(from_text);
        REQUIRE(from_kept);
        REQUIRE(from_hint);
        CHECK(from_kept->text() == *from_text);
        CHECK(from_hint->text() == *from_text);
        CHECK(plan_json_of(from_kept->text()) == doc);
        // A hint that is not the text's JSON form cannot make a wrong file: here nothing is
        // walked, and the read-back refuses the unchanged text.
        CHECK_FALSE(edit_yaml_in_place(*kept, doc, &doc));
        text = *from_text;
        kept = from_hint;
    }
    // A target the text cannot be made into in place: both say so.
    Json reordered = doc;
    std::swap(reordered.find("people")->items[0], reordered.find("people")->items[1]);
    CHECK_FALSE(edit_yaml_in_place(text, reordered));
    CHECK_FALSE(edit_yaml_in_place(*kept, reordered));
}

TEST_CASE("a YAML tree compares with JSON as its JSON form does", "[plan-json]") {
    const std::string yamls[] = {
        "a: 1\nb: [x, \"y\"]\nc: {d: null}\n",
        "a: 1\na: 2\n",            // a key given twice: the last counts
        "a: 0.50\nb: '0.5'\n",     // a number by value; a quoted one is a string
        "l: [1, 2, 3]\nm: {}\n",   //
        "k: v\nk2: [a, {b: c}]\n", //
    };
    const std::string jsons[] = {
        R"({"a":1,"b":["x","y"],"c":{"d":null}})",
        R"({"a":2})",
        R"({"a":1,"a":2})",
        R"({"a":0.5,"b":"0.5"})",
        R"({"a":0.5,"b":0.5})",
        R"({"l":[1,2,3],"m":{}})",
        R"({"l":[1,2],"m":{}})",
        R"({"m":{},"l":[1,2,3]})",
        R"({"k":"v","k2":["a",{"b":"c"}]})",
        R"({"k":"v","k2":["a",{"b":"c"}],"extra":1})",
        R"({"k":"v"})",
        R"([1])",
        R"("k")",
    };
    int equal = 0;
    for (const std::string& yaml : yamls) {
        YamlTree tree;
        YamlError error;
        REQUIRE(tree.parse(yaml, error));
        for (const std::string& j : jsons) {
            INFO(yaml << " vs " << j);
            Json json = json_of(j);
            bool expected = yaml_to_json(tree, tree.root()) == json;
            CHECK(yaml_equals_json(tree, tree.root(), json) == expected);
            equal += expected;
        }
    }
    CHECK(equal >= 5); // the cases hold matches, not only differences
}

namespace {

// The scalars of `json`, in document order.
void scalars_of(Json& json, std::vector<Json*>& out) {
    if (!json.is_container()) {
        out.push_back(&json);
        return;
    }
    for (Json& item : json.items)
        scalars_of(item, out);
    for (auto& member : json.members)
        scalars_of(member.second, out);
}

// Another value for a scalar, by turns one that is written plain, one that must be quoted, a
// number where a string was and back, an empty string, a longer and a shorter one.
Json changed(const Json& value, size_t turn) {
    switch (turn % 7) {
    case 0:
        return value.type == Json::Type::number ? Json::make_number(value.text + "5")
                                                : Json::make_string(value.text + "x");
    case 1:
        return Json::make_string("a: b, [c] # d \"e\" \u0100");
    case 2:
        return Json::make_number("12.5");
    case 3:
        return Json::make_string("");
    case 4:
        return Json::make_string(value.text.empty() ? "v" : value.text.substr(1));
    case 5:
        return Json::make_string("true");
    default:
        return Json::make_bool(true);
    }
}

// Edits of values one after another, each from the parse the previous one left: every result
// that kept its parse has the tree a parse of its text gives, and the text an edit of the text
// alone gives. Returns how many kept their parse.
int edit_values(const std::string& original, size_t step) {
    YamlError error;
    std::shared_ptr<const ParsedYaml> kept = ParsedYaml::parse(original, error);
    REQUIRE(kept);
    Json doc = plan_json_of(original);
    int carried = 0;
    std::vector<Json*> probe;
    scalars_of(doc, probe);
    const size_t count = probe.size();
    for (size_t i = 0, turn = 0; i < count; i += step, ++turn) {
        Json next = doc;
        std::vector<Json*> scalars;
        scalars_of(next, scalars);
        REQUIRE(scalars.size() == count);
        const std::string was = write_json(*scalars[i]);
        *scalars[i] = changed(*scalars[i], turn);
        INFO(was << " -> " << write_json(*scalars[i]));
        if (turn % 3 == 2 && i + step / 2 < count) // two values at once, now and then
            *scalars[i + step / 2] = changed(*scalars[i + step / 2], turn + 1);
        INFO("scalar " << i << " of " << count << ", turn " << turn);
        auto after = edit_yaml_in_place(*kept, next, &doc);
        auto from_text = edit_yaml_in_place(kept->text(), next);
        REQUIRE(static_cast<bool>(after) == from_text.has_value());
        if (!after)
            continue; // (a key, say, that became a number: a new plan is written then)
        CHECK(after->text() == *from_text);
        YamlTree parsed;
        REQUIRE(parsed.parse(after->text(), error));
        require_same_tree(after->tree(), after->tree().root(), parsed, parsed.root());
        CHECK(plan_json_of(after->text()) == next);
        carried += after->carried_over();
        kept = after;
        doc = next;
    }
    return carried;
}

} // namespace

TEST_CASE("an edit of values only keeps the parse, moved, as a full parse would make it",
          "[yaml-surgery]") {
    int carried = 0;
    for (const std::string& path : sample_plans()) {
        INFO(path);
        carried += edit_values(slurp(path), 7);
    }
    CHECK(carried > 50);
    // Flow lists and mappings, quotes of both kinds, comments after values, a value with no
    // text, a value over two lines, and Latvian letters.
    const std::string odd = "version: 1\n"
                            "plan: {name: \"Plāns\", quarter: 2027-Q1}  # flow\n"
                            "people:\n"
                            "  - {id: anna, name: 'Anna Bērziņa', fte: 0.5, roles: [a, b]}\n"
                            "  - id: \"ben\"   # quoted id\n"
                            "    name: Ben\n"
                            "    fte:\n"
                            "    note: a note that goes\n"
                            "      on the next line\n"
                            "    roles:\n"
                            "      - \"editor\"\n"
                            "      - writer # comment\n"
                            "list: [1,2,  3 ]\n";
    CHECK(edit_values(odd, 1) > 5);
}

TEST_CASE("an edit of a text with aliases parses it again", "[yaml-surgery]") {
    const std::string text = "a: &x 1\nb: *x\nc: 2\n";
    YamlError error;
    auto kept = ParsedYaml::parse(text, error);
    REQUIRE(kept);
    CHECK(kept->tree().has_aliases());
    Json target = plan_json_of(text);
    const Json before = target;
    target.find("c")->text = "3";
    auto after = edit_yaml_in_place(*kept, target, &before);
    REQUIRE(after);
    CHECK(after->text() == "a: &x 1\nb: *x\nc: 3\n");
    CHECK_FALSE(after->carried_over());
    // The anchored value changed: the alias would change with it, so not in place.
    target = before;
    target.find("a")->text = "5";
    CHECK_FALSE(edit_yaml_in_place(*kept, target, &before));
    // Without aliases the same edit keeps the parse.
    auto plain = ParsedYaml::parse("a: 1\nb: 1\nc: 2\n", error);
    REQUIRE(plain);
    CHECK_FALSE(plain->tree().has_aliases());
    target = plan_json_of("a: 1\nb: 1\nc: 3\n");
    auto moved = edit_yaml_in_place(*plain, target, &before);
    REQUIRE(moved);
    CHECK(moved->carried_over());
    CHECK(moved->text() == "a: 1\nb: 1\nc: 3\n");
}
