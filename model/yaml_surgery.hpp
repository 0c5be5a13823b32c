#pragma once
// Saving an edited plan into the YAML file the user wrote, changing only what changed: a
// changed value is rewritten where it stands (in its quoting style), a removed entry's lines
// are cut out, a new entry is written after its siblings in their style (flow `{...}` lines
// stay flow lines). Comments, key order, blank lines and every unchanged byte stay.

#include "model/json_value.hpp"
#include "model/yaml_tree.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace planner::model {

// `text` changed so that it reads as `target` (the plan's JSON form, model/plan_json.hpp).
// Nothing when the change cannot be made in place (a reordered list, an edit through a YAML
// alias, ...): the result is read back and compared with `target` before it is returned.
std::optional<std::string> edit_yaml_in_place(std::string_view text, const Json& target);

// A YAML text with its parse tree, kept between edits so that an edit parses only the text it
// writes (the read-back): the tree of one edit's result is the starting point of the next.
// Never copied or moved: the tree points into `text`.
class ParsedYaml {
public:
    // Nothing when `text` is not one YAML document (`error` set).
    static std::shared_ptr<const ParsedYaml> parse(std::string text, YamlError& error);

    const std::string& text() const { return m_text; }
    const YamlTree& tree() const { return m_tree; }
    // True when the tree was made from the edited text's tree instead of by parsing the
    // whole text again (an edit that changed only single-line values: see below).
    bool carried_over() const { return m_carried_over; }

    ParsedYaml(const ParsedYaml&) = delete;
    ParsedYaml& operator=(const ParsedYaml&) = delete;

private:
    friend std::shared_ptr<const ParsedYaml>
    edit_yaml_in_place(const ParsedYaml& before, const Json& target, const Json* before_json);
    explicit ParsedYaml(std::string text) : m_text(std::move(text)) {}
    std::string m_text;
    YamlTree m_tree;
    bool m_carried_over = false;
};

// As above, starting from a parsed text; the result comes parsed (it was read back).
// `before_json`, when given, is the JSON form of `before` (plan_text_to_json of its text): only
// where it differs from `target` is the text walked. (A wrong one cannot corrupt the file: the
// read-back still compares the whole result with `target`.)
// When the edit only rewrote values that stand on one line each (the usual change of a
// number, a name, a date), the whole text is not parsed again: each new value is parsed in its
// place's context (the rest of its line), the other nodes keep their parse moved by the bytes
// the values grew or shrank, and the result is compared with `target` as after a full parse.
// A text with aliases, or any other edit, is parsed again whole.
std::shared_ptr<const ParsedYaml> edit_yaml_in_place(const ParsedYaml& before, const Json& target,
                                                     const Json* before_json = nullptr);

} // namespace planner::model
