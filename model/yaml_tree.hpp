#pragma once
// A compact read-only YAML tree with source positions, built from the parser's event stream.
// Nodes live in one arena; a container's children are contiguous indices (for a mapping:
// key, value, key, value, ...). Positions are byte offsets; line and column (1-based, the
// column counted in characters) are computed only when a message needs them.
// The parser library stays behind this interface.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner::model {

enum class YamlKind : uint8_t { scalar, mapping, sequence };

struct YamlNode {
    YamlKind kind = YamlKind::scalar;
    bool plain = true;        // a plain (unquoted) scalar
    uint32_t first_child = 0; // into YamlTree::children
    uint32_t child_count = 0; // for a mapping: 2 x entries
    size_t offset = 0;        // byte offset of the node's start in the text
    size_t end = 0;           // byte offset just past the node (quotes, brackets included)
    std::string text;         // scalar text
};

struct YamlPosition {
    int line = 1;
    int column = 1;
};

struct YamlError {
    size_t offset = 0;
    std::optional<YamlPosition> position; // when the parser gave one directly
    std::string message;
};

// Bounds of alias expansion: at most this many aliases, and the document as the decoder sees
// it (aliases expanded) at most factor x the text's size + base bytes.
inline constexpr uint64_t k_alias_limit = 100000;
inline constexpr uint64_t k_alias_expansion_factor = 10;
inline constexpr uint64_t k_alias_expansion_base = 1000000;

class YamlTree {
public:
    // Parses one document. On a syntax error returns false and sets `error`.
    bool parse(std::string_view text, YamlError& error);

    // A tree built without the parser, for YAML text this program wrote together with the
    // nodes the parser would make of it (model/plan_json.cpp): positions as the parser gives
    // them; `children` as the nodes' first_child and child_count index it.
    void assign(std::string_view text, std::vector<YamlNode> nodes, std::vector<uint32_t> children);

    bool empty() const { return m_nodes.empty(); }
    uint32_t root() const { return 0; }
    const YamlNode& node(uint32_t index) const { return m_nodes[index]; }
    uint32_t child(const YamlNode& parent, uint32_t i) const {
        return m_children[parent.first_child + i];
    }
    // A null value: an empty plain scalar, `~` or `null`.
    bool is_null(uint32_t index) const;

    YamlPosition position(size_t offset) const;

    // True when the text has an alias (`*name`): its node is a copy of the anchored one.
    bool has_aliases() const { return m_aliases; }
    // The arena, for a tree made from another (model/yaml_surgery.cpp).
    const std::vector<YamlNode>& nodes() const { return m_nodes; }
    const std::vector<uint32_t>& children() const { return m_children; }

private:
    std::string_view m_text;
    std::vector<YamlNode> m_nodes;
    std::vector<uint32_t> m_children;
    std::vector<size_t> m_line_starts;
    bool m_aliases = false;
};

// Offset and description of the first invalid UTF-8 sequence, if any.
struct Utf8Problem {
    size_t offset = 0;
    std::string description;
};
std::optional<Utf8Problem> find_invalid_utf8(std::string_view text);

// Number of code points in `text` (valid UTF-8).
size_t utf8_length(std::string_view text);

} // namespace planner::model
