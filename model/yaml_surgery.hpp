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

    ParsedYaml(const ParsedYaml&) = delete;
    ParsedYaml& operator=(const ParsedYaml&) = delete;

private:
    explicit ParsedYaml(std::string text) : m_text(std::move(text)) {}
    std::string m_text;
    YamlTree m_tree;
};

// As above, starting from a parsed text; the result comes parsed (it was read back).
// `before_json`, when given, is the JSON form of `before` (plan_text_to_json of its text): only
// where it differs from `target` is the text walked. (A wrong one cannot corrupt the file: the
// read-back still compares the whole result with `target`.)
std::shared_ptr<const ParsedYaml> edit_yaml_in_place(const ParsedYaml& before, const Json& target,
                                                     const Json* before_json = nullptr);

} // namespace planner::model
