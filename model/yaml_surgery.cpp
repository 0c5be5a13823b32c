#include "model/yaml_surgery.hpp"

#include "model/plan_json.hpp"
#include "model/yaml_tree.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>
#include <vector>

namespace planner::model {

namespace {

constexpr uint32_t k_no_node = UINT32_MAX;

struct Edit {
    size_t begin;
    size_t end;
    std::string text;
    uint32_t scalar = k_no_node; // the scalar whose text this is (a value rewritten in place)
    bool in_flow = false;        // ... inside a flow `[...]` or `{...}`
};

struct CannotEdit {};

class Surgeon {
public:
    Surgeon(std::string_view text, const YamlTree& tree) : m_text(text), m_tree(tree) {}

    std::vector<Edit> edits;

    // `old`, when known, is the node's JSON form (yaml_to_json): where it equals the target
    // there is nothing to change, and the subtree is not walked.
    void walk(uint32_t index, const Json& target, const std::string& collection, const Json* old) {
        if (old && *old == target)
            return;
        const YamlNode& node = m_tree.node(index);
        if (node.kind == YamlKind::scalar) {
            if (yaml_scalar_equals_json(node, target))
                return;
            replace_scalar(index, node, target);
            return;
        }
        const int in_flow = flow(node) ? 1 : 0;
        if (node.kind == YamlKind::mapping && target.is_object()) {
            m_flow += in_flow;
            walk_mapping(index, target, old && old->is_object() ? old : nullptr);
            m_flow -= in_flow;
            return;
        }
        if (node.kind == YamlKind::sequence && target.is_array()) {
            m_flow += in_flow;
            walk_sequence(index, target, collection, old && old->is_array() ? old : nullptr);
            m_flow -= in_flow;
            return;
        }
        // Another kind of value: written in flow style where the old one stood.
        edits.push_back({b(node), e(node), yaml_value_text(target)});
    }

private:
    // A quoted scalar's span with its quotes (the parser's marks leave them out).
    size_t b(const YamlNode& node) const {
        if (node.kind == YamlKind::scalar && !node.plain && node.offset > 0 &&
            (m_text[node.offset - 1] == '"' || m_text[node.offset - 1] == '\''))
            return node.offset - 1;
        return node.offset;
    }
    size_t e(const YamlNode& node) const {
        if (node.kind == YamlKind::scalar && !node.plain && node.end < m_text.size() &&
            b(node) < node.offset && m_text[node.end] == m_text[node.offset - 1])
            return node.end + 1;
        return node.end;
    }
    bool flow(const YamlNode& node) const {
        return node.offset < m_text.size() &&
               (m_text[node.offset] == '{' || m_text[node.offset] == '[');
    }
    // The end of a block container: its last descendant's end, quotes included.
    size_t last_end(const YamlNode& node) const {
        YamlNode n = node;
        while (n.kind != YamlKind::scalar && !flow(n) && n.child_count)
            n = m_tree.node(m_tree.child(n, n.child_count - 1));
        return e(n);
    }
    size_t line_start(size_t offset) const {
        size_t p = m_text.rfind('\n', offset == 0 ? 0 : offset - 1);
        if (offset == 0)
            return 0;
        return p == std::string_view::npos ? 0 : p + 1;
    }
    // Just past the newline that ends the line holding `offset` (the end of the text at most).
    size_t line_end(size_t offset) const {
        if (offset > 0 && offset <= m_text.size() && m_text[offset - 1] == '\n')
            return offset; // a block value's end may already be the start of the next line
        size_t p = m_text.find('\n', offset);
        return p == std::string_view::npos ? m_text.size() : p + 1;
    }
    bool only_spaces(size_t from, size_t to) const {
        for (size_t i = from; i < to; ++i)
            if (m_text[i] != ' ')
                return false;
        return true;
    }
    void insert_at(size_t at, std::string text) {
        if (at == m_text.size() && !m_text.empty() && m_text.back() != '\n')
            text = "\n" + text;
        edits.push_back({at, at, std::move(text)});
    }

    void replace_scalar(uint32_t index, const YamlNode& node, const Json& target) {
        std::string text;
        if (target.is_string()) {
            bool single = !node.plain && b(node) < node.offset && m_text[b(node)] == '\'';
            if (node.plain && yaml_plain_safe(target.text))
                text = target.text;
            else if (single && target.text.find('\'') == std::string::npos &&
                     target.text.find('\n') == std::string::npos)
                text = "'" + target.text + "'";
            else
                text = json_quote(target.text);
        } else {
            text = yaml_value_text(target);
        }
        if (node.end == node.offset && node.offset > 0 && m_text[node.offset - 1] == ':')
            text = " " + text; // `key:` with no value
        edits.push_back({b(node), e(node), std::move(text), index, m_flow > 0});
    }

    void walk_mapping(uint32_t index, const Json& target, const Json* old) {
        const YamlNode& node = m_tree.node(index);
        const uint32_t entries = node.child_count / 2;
        if (old && old->members.size() != entries)
            old = nullptr; // a key given twice: entries and members do not pair up
        std::vector<std::string> present;
        for (uint32_t e = 0; e < entries; ++e) {
            const YamlNode& key = m_tree.node(m_tree.child(node, 2 * e));
            present.emplace_back(key.text);
            const Json* value = target.find(key.text);
            if (!value)
                remove_entry(node, e);
            else
                walk(m_tree.child(node, 2 * e + 1), *value, std::string(key.text),
                     old ? old->find(key.text) : nullptr);
        }
        std::vector<std::pair<std::string, const Json*>> added;
        for (const auto& [k, v] : target.members)
            if (std::find(present.begin(), present.end(), k) == present.end())
                added.emplace_back(k, &v);
        if (added.empty())
            return;
        if (flow(node)) {
            std::string text;
            bool first = entries == 0;
            for (const auto& [k, v] : added) {
                text += (first ? "" : ", ") + key_text(k) + ": " + yaml_value_text(*v);
                first = false;
            }
            edits.push_back({node.end - 1, node.end - 1, text});
            return;
        }
        if (entries == 0)
            throw CannotEdit{};
        const YamlNode& first_key = m_tree.node(m_tree.child(node, 0));
        size_t indent = b(first_key) - line_start(b(first_key));
        std::string text;
        for (const auto& [k, v] : added)
            text += member_text(k, *v, indent);
        insert_at(line_end(last_end(node)), text);
    }

    static std::string key_text(const std::string& key) {
        return yaml_plain_safe(key) ? key : json_quote(key);
    }

    // `key: value` at `indent`, as lines. Short mappings and lists stay on one line (flow), as
    // the samples write them; a list of mappings gets one line per element.
    static std::string member_text(const std::string& key, const Json& value, size_t indent) {
        std::string pad(indent, ' ');
        std::string flow_line = pad + key_text(key) + ": " + yaml_value_text(value);
        if (!value.is_container() || flow_line.size() <= 100) {
            if (!(value.is_array() && !value.items.empty() && value.items[0].is_object()))
                return flow_line + "\n";
        }
        std::string text = pad + key_text(key) + ":\n";
        if (value.is_object()) {
            for (const auto& [k, v] : value.members)
                text += member_text(k, v, indent + 2);
        } else {
            for (const Json& item : value.items)
                text += item_text(item, pad + "  - ", indent + 4, false);
        }
        return text;
    }

    static std::string item_text(const Json& item, const std::string& dash, size_t indent,
                                 bool block) {
        if (!item.is_object() || item.members.empty() ||
            (!block && dash.size() + yaml_value_text(item).size() <= 100))
            return dash + yaml_value_text(item) + "\n";
        std::string text;
        bool first = true;
        for (const auto& [k, v] : item.members) {
            std::string line = member_text(k, v, indent);
            if (first)
                line = dash + line.substr(indent);
            first = false;
            text += line;
        }
        return text;
    }

    void remove_entry(const YamlNode& node, uint32_t entry) {
        const uint32_t entries = node.child_count / 2;
        const YamlNode& key = m_tree.node(m_tree.child(node, 2 * entry));
        const YamlNode& value = m_tree.node(m_tree.child(node, 2 * entry + 1));
        const std::optional<YamlNode> next_key =
            entry + 1 < entries
                ? std::optional<YamlNode>(m_tree.node(m_tree.child(node, 2 * entry + 2)))
                : std::nullopt;
        if (flow(node)) {
            if (next_key)
                edits.push_back({b(key), b(*next_key), ""});
            else if (entry > 0)
                edits.push_back({e(m_tree.node(m_tree.child(node, 2 * entry - 1))), e(value), ""});
            else
                edits.push_back({b(key), e(value), ""});
            return;
        }
        size_t start = line_start(b(key));
        if (only_spaces(start, b(key))) {
            edits.push_back({start, line_end(std::max(e(value), e(key))), ""});
            return;
        }
        // The first key of a list item (`- id: x`): the next key moves up to its place.
        if (!next_key)
            throw CannotEdit{};
        edits.push_back({b(key), b(*next_key), ""});
    }

    void walk_sequence(uint32_t index, const Json& target, const std::string& collection,
                       const Json* old_list) {
        const YamlNode& node = m_tree.node(index);
        if (old_list && old_list->items.size() != node.child_count)
            old_list = nullptr;
        auto old_item = [&](size_t i) { return old_list ? &old_list->items[i] : nullptr; };
        // The same elements in the same order (a value changed): each walked against its own.
        if (old_list && old_list->items.size() == target.items.size()) {
            bool keyed = keyed_collection(collection, target);
            bool same = true;
            for (size_t i = 0; i < target.items.size() && same; ++i) {
                const YamlNode& item = m_tree.node(m_tree.child(node, static_cast<uint32_t>(i)));
                if (keyed && item.kind == YamlKind::mapping && target.items[i].is_object())
                    same = element_key(collection, old_list->items[i]) ==
                           element_key(collection, target.items[i]);
                else
                    same = !keyed;
            }
            if (same) {
                for (size_t i = 0; i < target.items.size(); ++i)
                    walk(m_tree.child(node, static_cast<uint32_t>(i)), target.items[i], "",
                         &old_list->items[i]);
                return;
            }
        }
        // Keys straight from the YAML (converting 10,000 people to JSON to key them is slow).
        bool keyed = keyed_collection(collection, target);
        std::vector<std::string> old_keys(node.child_count);
        for (uint32_t i = 0; i < node.child_count; ++i) {
            const YamlNode& item = m_tree.node(m_tree.child(node, i));
            if (item.kind != YamlKind::mapping) {
                if (keyed && !target.items.empty())
                    keyed = false; // a plain list after all
                continue;
            }
            Json shallow = Json::make_object();
            for (uint32_t e = 0; e + 1 < item.child_count; e += 2) {
                const YamlNode& k = m_tree.node(m_tree.child(item, e));
                const YamlNode& v = m_tree.node(m_tree.child(item, e + 1));
                if (v.kind == YamlKind::scalar)
                    shallow.set(std::string(k.text), yaml_scalar_to_json(v));
            }
            old_keys[i] = element_key(collection, shallow);
        }
        std::vector<const Json*> appended;
        if (keyed) {
            size_t last_matched = 0;
            bool any = false;
            const size_t count = old_keys.size();
            std::vector<bool> kept(count, false);
            // Old elements by key (a list of 10,000 people is matched in linear time).
            std::unordered_map<std::string, std::vector<size_t>> by_key;
            for (size_t i = count; i-- > 0;)
                by_key[old_keys[i]].push_back(i);
            for (size_t t = 0; t < target.items.size(); ++t) {
                std::string key = element_key(collection, target.items[t]);
                size_t found = count;
                auto candidates = by_key.find(key);
                if (candidates != by_key.end() && !candidates->second.empty()) {
                    found = candidates->second.back();
                    candidates->second.pop_back();
                }
                if (found == count) {
                    appended.push_back(&target.items[t]);
                    continue;
                }
                if (!appended.empty() || (any && found < last_matched))
                    throw CannotEdit{}; // reordered, or new elements between old ones
                kept[found] = true;
                last_matched = found;
                any = true;
                walk(m_tree.child(node, static_cast<uint32_t>(found)), target.items[t], "",
                     old_item(found));
            }
            for (size_t i = 0; i < count; ++i)
                if (!kept[i])
                    remove_item(node, static_cast<uint32_t>(i));
        } else {
            const size_t count = node.child_count;
            size_t common = std::min(count, target.items.size());
            for (size_t i = 0; i < common; ++i)
                walk(m_tree.child(node, static_cast<uint32_t>(i)), target.items[i], "",
                     old_item(i));
            for (size_t i = common; i < count; ++i)
                remove_item(node, static_cast<uint32_t>(i));
            for (size_t i = common; i < target.items.size(); ++i)
                appended.push_back(&target.items[i]);
        }
        if (appended.empty())
            return;
        if (flow(node)) {
            std::string text;
            bool first = node.child_count == 0;
            for (const Json* item : appended) {
                text += (first ? "" : ", ") + yaml_value_text(*item);
                first = false;
            }
            edits.push_back({node.end - 1, node.end - 1, text});
            return;
        }
        if (node.child_count == 0)
            throw CannotEdit{};
        const YamlNode& first_item = m_tree.node(m_tree.child(node, 0));
        const YamlNode& last_item = m_tree.node(m_tree.child(node, node.child_count - 1));
        size_t start = line_start(b(first_item));
        std::string dash(m_text.substr(start, b(first_item) - start));
        size_t d = dash.find('-');
        if (d == std::string::npos || !only_spaces(start, start + d) ||
            dash.find_first_not_of(' ', d + 1) != std::string::npos)
            throw CannotEdit{};
        bool block_items = last_item.kind == YamlKind::mapping && !flow(last_item);
        std::string text;
        for (const Json* item : appended)
            text += item_text(*item, dash, dash.size(), block_items);
        insert_at(line_end(last_end(last_item)), text);
    }

    void remove_item(const YamlNode& node, uint32_t i) {
        const YamlNode& item = m_tree.node(m_tree.child(node, i));
        if (flow(node)) {
            if (i + 1 < node.child_count)
                edits.push_back({b(item), b(m_tree.node(m_tree.child(node, i + 1))), ""});
            else if (i > 0)
                edits.push_back({e(m_tree.node(m_tree.child(node, i - 1))), e(item), ""});
            else
                edits.push_back({b(item), e(item), ""});
            return;
        }
        size_t start = line_start(b(item));
        std::string_view prefix = m_text.substr(start, b(item) - start);
        size_t d = prefix.find('-');
        if (d == std::string_view::npos || !only_spaces(start, start + d))
            throw CannotEdit{};
        edits.push_back({start, line_end(e(item)), ""});
    }

    std::string_view m_text;
    const YamlTree& m_tree;
    int m_flow = 0; // flow collections around the node being walked
};

// The tree of `text` (`before`'s text with `edits` made, in the order of the text) made from
// `before`'s tree when every edit rewrote one single-line scalar with one single-line scalar:
// each new scalar is parsed in its context (a flow list, or a block value with the rest of its
// line), and every other node keeps its parse, its positions moved by the edits before them.
// Nothing when that cannot be vouched for: then the caller parses the whole text.
struct Moved {
    size_t begin, end; // the edit's span in the old text
    long long shift;   // what the edits up to this one add to positions after `end`
    size_t old_end;    // the scalar's old end, and its new end and start
    size_t new_end;
    size_t new_offset;
};

bool carry_over(const std::string& old_text, const YamlTree& before, const std::vector<Edit>& edits,
                const std::string& text, YamlTree& tree) {
    if (edits.empty() || before.has_aliases())
        return false;
    std::vector<Moved> moved;
    std::vector<std::pair<uint32_t, YamlNode>> rewritten;
    std::deque<std::string> texts; // the rewritten nodes' texts (their parses are gone)
    long long shift = 0;
    for (const Edit& edit : edits) {
        if (edit.scalar == k_no_node || edit.text.empty() || edit.begin == 0 ||
            old_text[edit.begin - 1] == '\n' || edit.text.find('\n') != std::string::npos ||
            edit.text.front() == ' ' || old_text.find('\n', edit.begin) < edit.end)
            return false;
        const YamlNode& old = before.node(edit.scalar);
        const bool quoted = edit.text.front() == '"' || edit.text.front() == '\'';
        // A plain value where a quoted one was might take in the next line: parse it all.
        if (old.kind != YamlKind::scalar || old.end <= old.offset || (!quoted && !old.plain))
            return false;
        // The new value in its context, parsed.
        std::string context;
        size_t at = 0;
        if (edit.in_flow) {
            context = "[" + edit.text + "]";
            at = 1;
        } else {
            size_t line_end = old_text.find('\n', edit.end);
            if (line_end == std::string::npos)
                line_end = old_text.size();
            context = "k: " + edit.text + old_text.substr(edit.end, line_end - edit.end) + "\n";
            at = 3;
        }
        YamlTree small;
        YamlError error;
        if (!small.parse(context, error) || small.empty())
            return false;
        const YamlNode& root = small.node(small.root());
        const bool shape = edit.in_flow ? root.kind == YamlKind::sequence && root.child_count == 1
                                        : root.kind == YamlKind::mapping && root.child_count == 2;
        if (!shape)
            return false;
        YamlNode scalar = small.node(small.child(root, edit.in_flow ? 0 : 1));
        const size_t length = edit.text.size();
        if (scalar.kind != YamlKind::scalar || scalar.plain == quoted ||
            scalar.offset != at + (quoted ? 1 : 0) || scalar.end != at + length - (quoted ? 1 : 0))
            return false;
        const long long start = static_cast<long long>(edit.begin) + shift;
        scalar.offset = static_cast<size_t>(start) + (scalar.offset - at);
        scalar.end = static_cast<size_t>(start) + (scalar.end - at);
        shift += static_cast<long long>(length) - static_cast<long long>(edit.end - edit.begin);
        moved.push_back({edit.begin, edit.end, shift, old.end, scalar.end, scalar.offset});
        texts.emplace_back(scalar.text);
        scalar.text = texts.back();
        rewritten.emplace_back(edit.scalar, std::move(scalar));
    }
    // A position of the old text in the new one; false inside a rewritten span (except at the
    // scalar's end, where a block container ending with it ends: the new scalar's end).
    auto move = [&](size_t& p) {
        auto next = std::upper_bound(moved.begin(), moved.end(), p,
                                     [](size_t v, const Moved& m) { return v < m.begin; });
        if (next == moved.begin())
            return true;
        const Moved& m = *(next - 1);
        if (p == m.old_end) { // (a plain scalar's end is its span's: it may become quoted)
            p = m.new_end;
            return true;
        }
        if (p >= m.end) {
            p = static_cast<size_t>(static_cast<long long>(p) + m.shift);
            return true;
        }
        return false;
    };
    return tree.carry_from(before, text, rewritten, move);
}

} // namespace

std::shared_ptr<const ParsedYaml> ParsedYaml::parse(std::string text, YamlError& error) {
    std::shared_ptr<ParsedYaml> parsed(new ParsedYaml(std::move(text)));
    if (!parsed->m_tree.parse(parsed->m_text, error))
        return nullptr;
    return parsed;
}

std::shared_ptr<const ParsedYaml> edit_yaml_in_place(const ParsedYaml& before, const Json& target,
                                                     const Json* before_json) {
    const YamlTree& tree = before.tree();
    const std::string& text = before.text();
    if (tree.empty())
        return nullptr;
    Surgeon surgeon(text, tree);
    try {
        surgeon.walk(tree.root(), target, "", before_json);
    } catch (const CannotEdit&) {
        return nullptr;
    }
    auto& edits = surgeon.edits;
    std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
        if (a.begin != b.begin)
            return a.begin > b.begin;
        return a.end > b.end;
    });
    std::string out(text);
    size_t limit = out.size();
    for (const Edit& e : edits) {
        if (e.end > limit || e.begin > e.end)
            return nullptr; // overlapping edits
        out.replace(e.begin, e.end - e.begin, e.text);
        limit = e.begin;
    }
    // Read back: the new text's tree (carried over, or the whole text parsed), equal to the
    // target.
    std::shared_ptr<ParsedYaml> after(new ParsedYaml(std::move(out)));
    std::reverse(edits.begin(), edits.end()); // in the order of the text
    after->m_carried_over = carry_over(text, tree, edits, after->m_text, after->m_tree);
    YamlError error;
    if (!after->m_carried_over && !after->m_tree.parse(after->m_text, error))
        return nullptr;
    if (after->tree().empty() || !yaml_equals_json(after->tree(), after->tree().root(), target))
        return nullptr;
    return after;
}

std::optional<std::string> edit_yaml_in_place(std::string_view text, const Json& target) {
    YamlError error;
    auto before = ParsedYaml::parse(std::string(text), error);
    if (!before)
        return std::nullopt;
    auto after = edit_yaml_in_place(*before, target);
    if (!after)
        return std::nullopt;
    return after->text();
}

} // namespace planner::model
