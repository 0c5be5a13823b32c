#include "model/yaml_tree.hpp"

#include <libfyaml.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>

namespace planner::model {

namespace {
struct ParserDeleter {
    void operator()(fy_parser* parser) const { fy_parser_destroy(parser); }
};
struct DiagDeleter {
    void operator()(fy_diag* diag) const { fy_diag_destroy(diag); }
};

// A container being read: its node and where its children start on the shared stack.
struct OpenContainer {
    uint32_t node;
    size_t first_pending;
};

std::string token_text(fy_token* token) {
    if (!token)
        return {};
    size_t length = 0;
    const char* text = fy_token_get_text(token, &length);
    return text ? std::string(text, length) : std::string();
}

// The parser's message without its own position prefix, starting with a lower-case letter.
std::string tidy_message(const char* raw) {
    std::string message = raw ? raw : "syntax error";
    if (!message.empty() && message.back() == '\n')
        message.pop_back();
    return "YAML syntax error: " + message;
}
} // namespace

namespace {
// Offsets of each line's first byte (texts are at most YamlTree::k_max_text bytes).
std::vector<uint32_t> line_starts(std::string_view text) {
    std::vector<uint32_t> starts(1, 0);
    if (!text.empty() && text.size() <= YamlTree::k_max_text)
        for (const char *p = text.data(), *end = p + text.size();
             (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))));)
            starts.push_back(static_cast<uint32_t>(++p - text.data()));
    return starts;
}
} // namespace

std::string_view YamlTextArena::keep(std::string_view text) {
    if (text.empty())
        return {};
    if (text.size() > m_left) {
        const size_t size = std::max(k_chunk, text.size());
        m_chunks.push_back(std::make_unique<char[]>(size));
        m_free = m_chunks.back().get();
        m_left = size;
    }
    std::copy(text.begin(), text.end(), m_free);
    std::string_view kept(m_free, text.size());
    m_free += text.size();
    m_left -= text.size();
    return kept;
}

YamlTree::Packed YamlTree::pack(const YamlNode& node) {
    Packed packed;
    packed.offset = static_cast<uint32_t>(node.offset);
    packed.end = static_cast<uint32_t>(node.end);
    if (node.kind != YamlKind::scalar) {
        packed.set(node.kind, node.plain, false, static_cast<uint32_t>(m_containers.size()));
        m_containers.push_back(Container{
            node.first_child, node.child_count | (node.contiguous ? Container::k_contiguous : 0u)});
        return packed;
    }
    const bool in_text = node.end >= node.offset && node.end <= m_text.size() &&
                         node.text.size() == node.end - node.offset &&
                         (node.text.empty() || node.text.data() == m_text.data() + node.offset);
    if (in_text) {
        packed.set(YamlKind::scalar, node.plain, false, 0);
        return packed;
    }
    // Every caller has the text in the file or in this tree's arena already.
    packed.set(YamlKind::scalar, node.plain, true, static_cast<uint32_t>(m_arena_texts.size()));
    m_arena_texts.push_back(node.text);
    return packed;
}

YamlNode YamlTree::node(uint32_t index) const {
    const Packed& packed = m_nodes[index];
    YamlNode node;
    node.kind = packed.kind();
    node.plain = packed.plain();
    node.offset = packed.offset;
    node.end = packed.end;
    if (node.kind != YamlKind::scalar) {
        const Container& container = m_containers[packed.payload()];
        node.first_child = container.first_child;
        node.child_count = container.child_count & ~Container::k_contiguous;
        node.contiguous = (container.child_count & Container::k_contiguous) != 0;
    } else if (packed.in_arena()) {
        node.text = m_arena_texts[packed.payload()];
    } else {
        node.text = m_text.substr(packed.offset, packed.end - packed.offset);
    }
    return node;
}

size_t YamlTree::text_size(const Packed& node) const {
    return node.in_arena() ? m_arena_texts[node.payload()].size() : node.end - node.offset;
}

const std::vector<uint32_t>& YamlTree::lines() const {
    std::call_once(*m_lines_once, [this] { m_line_starts = line_starts(m_text); });
    return m_line_starts;
}

bool YamlTree::carry_from(const YamlTree& before, std::string_view text,
                          const std::vector<std::pair<uint32_t, YamlNode>>& replaced,
                          const std::function<bool(size_t&)>& move) {
    m_text = text;
    m_arena = YamlTextArena();
    m_arena_texts.clear();
    // The earlier tree's own texts are copied: it (and its text) may be freed before this one.
    m_arena_texts.reserve(before.m_arena_texts.size());
    for (std::string_view kept : before.m_arena_texts)
        m_arena_texts.push_back(m_arena.keep(kept));
    m_nodes = before.m_nodes;
    m_containers = before.m_containers;
    m_children = before.m_children;
    m_aliases = before.m_aliases;
    m_lines_once = std::make_unique<std::once_flag>();
    m_line_starts.clear();
    std::vector<bool> done(m_nodes.size(), false);
    for (const auto& [index, node] : replaced) {
        YamlNode copy = node;
        copy.text = m_arena.keep(node.text);
        m_nodes[index] = pack(copy);
        done[index] = true;
    }
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (done[i])
            continue;
        // A scalar's text in the file moves with it (its bytes are not among the edits).
        Packed& node = m_nodes[i];
        size_t offset = node.offset, end = node.end;
        if (!move(offset) || !move(end))
            return false;
        node.offset = static_cast<uint32_t>(offset);
        node.end = static_cast<uint32_t>(end);
    }
    return true;
}

void YamlTree::assign(std::string_view text, std::vector<YamlNode> nodes,
                      std::vector<uint32_t> children, YamlTextArena arena) {
    m_text = text;
    m_arena = std::move(arena); // moving keeps the nodes' views into it valid
    m_arena_texts.clear();
    m_nodes.clear();
    m_containers.clear();
    m_nodes.reserve(nodes.size());
    for (const YamlNode& node : nodes)
        m_nodes.push_back(pack(node));
    m_children = std::move(children);
    m_lines_once = std::make_unique<std::once_flag>();
    m_line_starts.clear();
    m_aliases = false;
}

bool YamlTree::parse(std::string_view text, YamlError& error) {
    m_text = text;
    m_arena = YamlTextArena();
    m_arena_texts.clear();
    m_nodes.clear();
    m_containers.clear();
    m_children.clear();
    m_aliases = false;
    m_lines_once = std::make_unique<std::once_flag>();
    m_line_starts.clear();
    if (text.size() > k_max_text) {
        error = YamlError{0, YamlPosition{1, 1},
                          "the file is larger than 4 GB; a plan file is far smaller: check that "
                          "this is the plan"};
        return false;
    }
    // Roughly one node per eight bytes in typical plans; reserving avoids moving the arena
    // while it grows (a 33 MB plan has about 4.2 million nodes).
    m_nodes.reserve(text.size() / 8 + 16);
    m_containers.reserve(text.size() / 32 + 16);
    m_children.reserve(text.size() / 16 + 16);

    fy_diag_cfg diag_cfg;
    fy_diag_cfg_default(&diag_cfg);
    diag_cfg.fp = nullptr;
    diag_cfg.output_fn = [](fy_diag*, void*, const char*, size_t) {};
    diag_cfg.level = FYET_ERROR;
    std::unique_ptr<fy_diag, DiagDeleter> diag(fy_diag_create(&diag_cfg));
    if (diag)
        fy_diag_set_collect_errors(diag.get(), true);

    fy_parse_cfg cfg{};
    cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_COLLECT_DIAG);
    cfg.diag = diag.get();
    std::unique_ptr<fy_parser, ParserDeleter> parser(fy_parser_create(&cfg));
    if (!parser || fy_parser_set_string(parser.get(), text.data(), text.size()) != 0) {
        error = YamlError{0, std::nullopt, "could not start the YAML parser"};
        return false;
    }

    std::vector<OpenContainer> stack;
    std::vector<uint32_t> pending; // children of the open containers, innermost last
    std::map<std::string, uint32_t> anchors;
    // Alias expansion is bounded (a "billion laughs" file): `expanded` counts the bytes and
    // nodes of the document as the decoder will see it, every alias counted with the size of
    // what it names. An anchored node's size is the growth of `expanded` over its span.
    uint64_t expanded = 0, aliases = 0;
    const uint64_t expanded_limit = k_alias_expansion_factor * text.size() + k_alias_expansion_base;
    std::map<uint32_t, uint64_t> anchored_start; // open anchored containers
    std::map<uint32_t, uint64_t> anchored_size;  // closed anchored nodes
    int documents = 0;
    bool failed = false;

    auto attach = [&](uint32_t index) {
        if (!stack.empty())
            pending.push_back(index);
    };
    auto remember_anchor = [&](fy_event* event, uint32_t index) {
        fy_token* anchor = fy_event_get_anchor_token(event);
        if (!anchor)
            return;
        anchors[token_text(anchor)] = index;
        if (m_nodes[index].kind() == YamlKind::scalar)
            anchored_size[index] = text_size(m_nodes[index]) + 1;
        else
            anchored_start[index] = expanded;
    };

    while (fy_event* event = fy_parser_parse(parser.get())) {
        const fy_mark* mark = fy_event_start_mark(event);
        size_t offset = mark ? mark->input_pos : 0;
        const fy_mark* end_mark = fy_event_end_mark(event);
        size_t end_offset = end_mark ? end_mark->input_pos : offset;
        switch (event->type) {
        case FYET_DOCUMENT_START:
            ++documents;
            if (documents > 1) {
                error = YamlError{offset, std::nullopt,
                                  "a plan file holds one YAML document; remove the second `---`"};
                failed = true;
            }
            break;
        case FYET_MAPPING_START:
        case FYET_SEQUENCE_START: {
            YamlNode node;
            node.kind = event->type == FYET_MAPPING_START ? YamlKind::mapping : YamlKind::sequence;
            node.offset = offset;
            auto index = static_cast<uint32_t>(m_nodes.size());
            m_nodes.push_back(pack(node));
            ++expanded;
            remember_anchor(event, index);
            attach(index);
            stack.push_back(OpenContainer{index, pending.size()});
            break;
        }
        case FYET_MAPPING_END:
        case FYET_SEQUENCE_END: {
            OpenContainer done = stack.back();
            stack.pop_back();
            Packed& node = m_nodes[done.node];
            Container& container = m_containers[node.payload()];
            const size_t first = done.first_pending;
            const size_t count = pending.size() - first;
            const uint32_t last = count ? pending.back() : 0;
            if (count >= Container::k_contiguous) {
                error = YamlError{node.offset, std::nullopt,
                                  "a list or mapping has more than two billion entries; a plan "
                                  "has far fewer: check that this is the plan"};
                return false;
            }
            bool contiguous = count > 0;
            for (size_t k = 1; k < count && contiguous; ++k)
                contiguous = pending[first + k] == pending[first] + k;
            if (contiguous) {
                container.first_child = pending[first];
                container.child_count = static_cast<uint32_t>(count) | Container::k_contiguous;
            } else {
                container.first_child = static_cast<uint32_t>(m_children.size());
                container.child_count = static_cast<uint32_t>(count);
                m_children.insert(m_children.end(),
                                  pending.begin() + static_cast<std::ptrdiff_t>(first),
                                  pending.end());
            }
            pending.resize(first);
            // A flow collection ends at its bracket; a block one with its last child.
            if (node.offset < text.size() && (text[node.offset] == '{' || text[node.offset] == '['))
                node.end = static_cast<uint32_t>(std::max<size_t>(end_offset, node.offset));
            else
                node.end = count ? m_nodes[last].end : node.offset;
            if (auto open = anchored_start.find(done.node); open != anchored_start.end()) {
                anchored_size[done.node] = expanded - open->second;
                anchored_start.erase(open);
            }
            break;
        }
        case FYET_SCALAR: {
            YamlNode node;
            node.kind = YamlKind::scalar;
            node.offset = offset;
            node.end = std::max(end_offset, offset);
            fy_token* value = event->scalar.value;
            if (value) {
                size_t length = 0;
                const char* chars = fy_token_get_text(value, &length);
                // libfyaml gives a view into the text for most scalars; others (escapes,
                // folded lines) are kept in the arena.
                const std::less_equal<const char*> at_or_before;
                if (chars != nullptr && at_or_before(text.data(), chars) &&
                    at_or_before(chars + length, text.data() + text.size()))
                    node.text = std::string_view(chars, length);
                else if (chars != nullptr)
                    node.text = m_arena.keep(std::string_view(chars, length));
            }
            node.plain = !value || fy_token_scalar_style(value) == FYSS_PLAIN;
            expanded += node.text.size() + 1;
            auto index = static_cast<uint32_t>(m_nodes.size());
            m_nodes.push_back(pack(node));
            remember_anchor(event, index);
            attach(index);
            break;
        }
        case FYET_ALIAS: {
            m_aliases = true;
            std::string name = token_text(event->alias.anchor);
            auto found = anchors.find(name);
            auto size =
                found == anchors.end() ? anchored_size.end() : anchored_size.find(found->second);
            if (found == anchors.end()) {
                error = YamlError{offset, std::nullopt,
                                  "unknown alias *" + name + "; define the anchor &" + name +
                                      " before using it"};
                failed = true;
            } else if (size == anchored_size.end()) {
                error = YamlError{offset, std::nullopt,
                                  "the alias *" + name + " is inside the node it names (a loop)"};
                failed = true;
            } else if (++aliases > k_alias_limit) {
                error = YamlError{offset, std::nullopt,
                                  "more than " + std::to_string(k_alias_limit) +
                                      " aliases; a plan needs far fewer: write the values out"};
                failed = true;
            } else if ((expanded += size->second) > expanded_limit) {
                error = YamlError{offset, std::nullopt,
                                  "the aliases expand the plan to more than " +
                                      std::to_string(expanded_limit / 1000000 + 1) +
                                      " MB (the alias *" + name + " here names " +
                                      std::to_string(size->second / 1000 + 1) +
                                      " kB); a plan's aliases may expand it to at most " +
                                      std::to_string(k_alias_expansion_factor) +
                                      " times its size: write fewer or smaller aliases"};
                failed = true;
            } else {
                // A copy of the named node at the alias's position: messages about the node
                // itself point at the alias (its children are shared with the anchor).
                Packed copy = m_nodes[found->second];
                if (copy.kind() == YamlKind::scalar && !copy.in_arena()) {
                    // Its text stays the anchored one's, not the alias's bytes.
                    copy.set(YamlKind::scalar, copy.plain(), true,
                             static_cast<uint32_t>(m_arena_texts.size()));
                    m_arena_texts.push_back(text.substr(copy.offset, copy.end - copy.offset));
                }
                copy.offset = static_cast<uint32_t>(offset);
                copy.end = static_cast<uint32_t>(std::max(end_offset, offset));
                auto index = static_cast<uint32_t>(m_nodes.size());
                m_nodes.push_back(std::move(copy));
                attach(index);
            }
            break;
        }
        default:
            break;
        }
        if (!failed && (m_containers.size() > Packed::k_payload_limit ||
                        m_arena_texts.size() > Packed::k_payload_limit)) {
            error = YamlError{offset, std::nullopt,
                              "the file has more than " + std::to_string(Packed::k_payload_limit) +
                                  " lists and mappings or quoted texts; a plan has far fewer: "
                                  "check that this is the plan"};
            failed = true;
        }
        fy_parser_event_free(parser.get(), event);
        if (failed)
            return false;
    }

    if (fy_parser_get_stream_error(parser.get())) {
        error = YamlError{0, std::nullopt, "YAML syntax error"};
        if (diag) {
            void* iter = nullptr;
            if (fy_diag_error* first = fy_diag_errors_iterate(diag.get(), &iter)) {
                error.message = tidy_message(first->msg);
                // The parser may point past the end of the file (at the end-of-input token):
                // then the end of the file is the place.
                // libfyaml's collected errors count lines and columns from 1.
                YamlPosition at{first->line, first->column};
                YamlPosition end = position(text.size());
                if (at.line < 1 || at.column < 1 || at.line > end.line ||
                    (at.line == end.line && at.column > end.column))
                    at = end;
                error.position = at;
            }
        }
        return false;
    }
    return true;
}

bool YamlTree::is_null(uint32_t index) const {
    const YamlNode n = node(index);
    return n.kind == YamlKind::scalar && n.plain &&
           (n.text.empty() || n.text == "~" || n.text == "null" || n.text == "Null" ||
            n.text == "NULL");
}

YamlPosition YamlTree::position(size_t offset) const {
    const std::vector<uint32_t>& starts = lines();
    auto it = std::upper_bound(starts.begin(), starts.end(), offset);
    size_t line_index = static_cast<size_t>(it - starts.begin()) - 1;
    size_t start = starts[line_index];
    size_t end = std::min(offset, m_text.size());
    return YamlPosition{static_cast<int>(line_index + 1),
                        static_cast<int>(utf8_length(m_text.substr(start, end - start)) + 1)};
}

size_t utf8_length(std::string_view text) {
    size_t count = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80)
            ++count;
    return count;
}

std::optional<Utf8Problem> find_invalid_utf8(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        auto c = static_cast<unsigned char>(text[i]);
        size_t length = 0;
        uint32_t minimum = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2;
            minimum = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            minimum = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            minimum = 0x10000;
        } else {
            char buffer[48];
            std::snprintf(buffer, sizeof buffer, "byte 0x%02X", c);
            return Utf8Problem{i, buffer};
        }
        if (i + length > text.size())
            return Utf8Problem{i, "a character cut off at the end"};
        uint32_t code = c & (0xFF >> (length + 1));
        for (size_t k = 1; k < length; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                char buffer[48];
                std::snprintf(buffer, sizeof buffer, "byte 0x%02X", c);
                return Utf8Problem{i, buffer};
            }
            code = (code << 6) | (next & 0x3F);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            char buffer[48];
            std::snprintf(buffer, sizeof buffer, "byte 0x%02X", c);
            return Utf8Problem{i, buffer};
        }
        i += length;
    }
    return std::nullopt;
}

} // namespace planner::model
