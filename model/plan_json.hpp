#pragma once
// The plan as JSON, for the edit API: the YAML document as the user wrote it (no defaults
// filled in), converted value by value, so any field the plan format has, now or later, is
// there without code here knowing it. Validation goes back the other way: the JSON is written
// as YAML and read by the same PlanDecoder as a plan file, and each message is tied to the
// JSON Pointer of the value it is about.
//
// Collections are addressed by id: in a list of mappings that have an `id`, a path segment is
// the element's id (`/people/anna/fte`); an assignment is named `PERSON:DUTY[:CHANNEL[:PROFILE]]`
// (`/assignments/anna:engage:instagram`); other lists by position, and a list of plain values
// also by the value itself (`/people/anna/roles/editor`).

#include "model/json_value.hpp"
#include "model/plan.hpp"
#include "model/plan_reader.hpp"
#include "model/yaml_tree.hpp"

#include <optional>
#include <string>
#include <vector>

namespace planner::model {

// A plain YAML scalar as JSON: true/false, null/~/empty, a JSON number, else a string.
// Quoted scalars are always strings.
Json yaml_scalar_to_json(const YamlNode& node);
Json yaml_to_json(const YamlTree& tree, uint32_t node);
// yaml_scalar_to_json(node) == json and yaml_to_json(tree, node) == json, without building the
// JSON.
bool yaml_scalar_equals_json(const YamlNode& node, const Json& json);
bool yaml_equals_json(const YamlTree& tree, uint32_t node, const Json& json);

// Parses plan YAML text into its JSON form; nothing on a syntax error (`error` set).
std::optional<Json> plan_text_to_json(std::string_view text, YamlError& error);

// The key that names `element` of the list `collection` (the list's key in its parent), or ""
// when its elements are named by position.
std::string element_key(const std::string& collection, const Json& element);
// True when the list `collection` with these elements is addressed by key.
bool keyed_collection(const std::string& collection, const Json& list);

// What a message is about, in the edit API's words.
struct PlanMessage {
    std::string path;    // JSON Pointer of the value ("" for the whole plan)
    std::string message; // as `planner check` says it, without file and position
};

struct PlanJsonCheck {
    std::optional<Plan> plan;
    std::vector<PlanMessage> errors;
};

// Writes `json` as block YAML (each value on its own line), reads it with the plan file's
// rules, and ties each error to the JSON Pointer of the line it is about. The YAML parser is
// skipped when json_to_yaml_tree can build its tree; `parse_text` parses the text always
// (the same result, slower: for tests that compare the two).
PlanJsonCheck read_plan_json(const Json& json, bool parse_text = false);

// json_to_yaml's text of a plan's JSON (a non-empty object) and, made together with it, the
// tree the YAML parser builds from that text (the same nodes, texts and positions). False,
// and nothing made, when the JSON holds a string the parser alone may judge (not printable
// in YAML, invalid UTF-8, a key over 200 bytes) or no members: then parse the text. `tree`
// points into `text`: keep it, unmoved, while the tree is used.
bool json_to_yaml_tree(const Json& json, std::string& text, YamlTree& tree);

// The JSON as block YAML, plain where safe, double-quoted otherwise: readable, and read back
// by plan_text_to_json as the same JSON.
std::string json_to_yaml(const Json& json);

// One value as YAML text: a scalar plain where that reads back the same, else double-quoted;
// a list or mapping in flow style (`[a, b]`, `{from: 2027-02-01, to: 2027-02-14}`).
std::string yaml_value_text(const Json& value);
// True when the string may be written without quotes and reads back as the same string.
bool yaml_plain_safe(const std::string& text);

} // namespace planner::model
