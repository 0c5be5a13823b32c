#pragma once
// A compact read-only YAML tree with source positions, built from the parser's event stream.
// Nodes live in one arena; a container's children are contiguous indices (for a mapping:
// key, value, key, value, ...). Positions are byte offsets; line and column (1-based, the
// column counted in characters) are computed only when a message needs them.
// The parser library stays behind this interface.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planner::model {

enum class YamlKind : uint8_t { scalar, mapping, sequence };

// Where the scalar texts of a tree live when they are not a slice of the parsed text: chunks
// that never move, so that views into them stay valid while the arena lives (moving the arena
// keeps them valid too).
class YamlTextArena {
public:
    std::string_view keep(std::string_view text);

private:
    static constexpr size_t k_chunk = size_t{1} << 20;
    std::vector<std::unique_ptr<char[]>> m_chunks;
    char* m_free = nullptr; // the free bytes at the end of the last chunk
    size_t m_left = 0;
};

struct YamlNode {
    YamlKind kind = YamlKind::scalar;
    bool plain = true;        // a plain (unquoted) scalar
    uint32_t first_child = 0; // into YamlTree::children, or the first child (contiguous)
    bool contiguous = false;  // the children are nodes first_child, first_child + 1, ...
    uint32_t child_count = 0; // for a mapping: 2 x entries
    size_t offset = 0;        // byte offset of the node's start in the text
    size_t end = 0;           // byte offset just past the node (quotes, brackets included)
    // Scalar text: a view into the parsed text or into the tree's arena. A tree of a large
    // plan has millions of nodes, and a string per node took 12 times the file's size.
    std::string_view text;
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

    YamlTree() = default;
    // Nodes view the tree's arena: a copy would view the original's.
    YamlTree(const YamlTree&) = delete;
    YamlTree& operator=(const YamlTree&) = delete;
    YamlTree(YamlTree&&) = default;
    YamlTree& operator=(YamlTree&&) = default;

    // A tree built without the parser, for YAML text this program wrote together with the
    // nodes the parser would make of it (model/plan_json.cpp): positions as the parser gives
    // them; `children` as the nodes' first_child and child_count index it; node texts view
    // `text` or `arena`.
    void assign(std::string_view text, std::vector<YamlNode> nodes, std::vector<uint32_t> children,
                YamlTextArena arena);

    bool empty() const { return m_nodes.empty(); }
    uint32_t root() const { return 0; }
    // The node, made from its packed form (nodes are kept in 20 bytes each).
    YamlNode node(uint32_t index) const;
    uint32_t child(const YamlNode& parent, uint32_t i) const {
        return parent.contiguous ? parent.first_child + i : m_children[parent.first_child + i];
    }
    // A null value: an empty plain scalar, `~` or `null`.
    bool is_null(uint32_t index) const;

    YamlPosition position(size_t offset) const;

    // Texts longer than this are refused by parse (offsets are kept in 32 bits).
    static constexpr size_t k_max_text = 0xFFFFFFF0u;
    // True when the text has an alias (`*name`): its node is a copy of the anchored one.
    bool has_aliases() const { return m_aliases; }

    // The tree of `text`, an edit of the text of `before`, made from `before` without parsing
    // (model/yaml_surgery.cpp): `replaced` gives the new nodes (scalars, positions in `text`;
    // their texts are copied) at some indexes, and `move` maps every other position of the
    // earlier text into `text`, or says it cannot. False when a position cannot be moved.
    bool carry_from(const YamlTree& before, std::string_view text,
                    const std::vector<std::pair<uint32_t, YamlNode>>& replaced,
                    const std::function<bool(size_t&)>& move);

private:
    // A node in 12 bytes: a large plan has tens of millions. A scalar's text is the file's
    // bytes from offset to end (as the parser marks a plain or quoted scalar without escapes),
    // or else (in_arena) m_arena_texts[payload]; a container's children are
    // m_containers[payload]. Payloads have 28 bits: parse refuses a file with more containers.
    struct Packed {
        static constexpr uint32_t k_payload_limit = (1u << 28) - 1;
        uint32_t offset = 0;
        uint32_t end = 0;
        uint32_t bits = 0; // payload (28 bits), kind (2), plain (1), in_arena (1)
        uint32_t payload() const { return bits & k_payload_limit; }
        YamlKind kind() const { return static_cast<YamlKind>((bits >> 28) & 3u); }
        bool plain() const { return ((bits >> 30) & 1u) != 0; }
        bool in_arena() const { return ((bits >> 31) & 1u) != 0; }
        void set(YamlKind kind, bool plain, bool in_arena, uint32_t payload) {
            bits = (payload & k_payload_limit) | (static_cast<uint32_t>(kind) << 28) |
                   (static_cast<uint32_t>(plain) << 30) | (static_cast<uint32_t>(in_arena) << 31);
        }
    };
    // A container whose children are all scalars (a flow list of ids, an assignment) has them
    // next to each other: then first_child is the first child node and m_children is not used.
    struct Container {
        uint32_t first_child = 0; // into m_children, or the first child node (contiguous)
        uint32_t child_count = 0; // the top bit: contiguous
        static constexpr uint32_t k_contiguous = 1u << 31;
    };
    Packed pack(const YamlNode& node);
    size_t text_size(const Packed& node) const;

    std::string_view m_text;
    YamlTextArena m_arena;
    std::vector<std::string_view> m_arena_texts;
    const std::vector<uint32_t>& lines() const;

    std::vector<Packed> m_nodes;
    std::vector<Container> m_containers;
    std::vector<uint32_t> m_children;
    // Line starts, made when a position is first asked for (a message): thread-safe.
    mutable std::unique_ptr<std::once_flag> m_lines_once = std::make_unique<std::once_flag>();
    mutable std::vector<uint32_t> m_line_starts;
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
