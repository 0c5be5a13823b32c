#include "model/plan_json.hpp"

#include "model/plan_decoder.hpp"

#include <algorithm>
#include <regex>
#include <set>
#include <string_view>

namespace planner::model {

namespace {

bool is_json_number(std::string_view s) {
    size_t i = 0;
    if (i < s.size() && s[i] == '-')
        ++i;
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
        ++i;
    if (i == start || (s[start] == '0' && i - start > 1))
        return false;
    if (i < s.size() && s[i] == '.') {
        size_t f = ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        if (i == f)
            return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        size_t e = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        if (i == e)
            return false;
    }
    return i == s.size();
}

// What a plain scalar reads as, without building it.
Json::Type plain_type(std::string_view text) {
    // Most texts are words: only these first characters may start a boolean, null or number.
    const char first = text.empty() ? '~' : text[0];
    if (!(first == 't' || first == 'T' || first == 'f' || first == 'F' || first == 'n' ||
          first == 'N' || first == '~' || first == '-' || (first >= '0' && first <= '9')))
        return Json::Type::string;
    if (text == "true" || text == "True" || text == "TRUE" || text == "false" || text == "False" ||
        text == "FALSE")
        return Json::Type::boolean;
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
        return Json::Type::null;
    if (is_json_number(text))
        return Json::Type::number;
    return Json::Type::string;
}

Json classify_plain(std::string_view text) {
    if (text == "true" || text == "True" || text == "TRUE")
        return Json::make_bool(true);
    if (text == "false" || text == "False" || text == "FALSE")
        return Json::make_bool(false);
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
        return Json{};
    if (is_json_number(text))
        return Json::make_number(std::string(text));
    return Json::make_string(std::string(text));
}

// Written plain, the text reads back as the same string (and looks like a plan's ids,
// dates and words); names with spaces and anything with YAML punctuation get quotes.
bool plain_safe(const std::string& s) {
    if (s.empty() || s.size() > 200)
        return false;
    for (char c : s) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '.' || c == '/' || c == '+';
        if (!ok)
            return false;
    }
    if (s[0] == '-' || s[0] == '.' || s[0] == '+')
        return false;
    return plain_type(s) == Json::Type::string;
}

std::string scalar_text(const Json& v) {
    switch (v.type) {
    case Json::Type::null:
        return "null";
    case Json::Type::boolean:
        return v.boolean ? "true" : "false";
    case Json::Type::number:
        return v.text;
    case Json::Type::string:
        return plain_safe(v.text) ? v.text : json_quote(v.text);
    default:
        return v.is_array() ? "[]" : "{}";
    }
}

bool is_scalar(const Json& v) {
    return !v.is_container() || (v.is_array() && v.items.empty()) ||
           (v.is_object() && v.members.empty());
}

std::string key_text(const std::string& key) {
    return plain_safe(key) ? key : json_quote(key);
}

std::string flow_text(const Json& v) {
    if (is_scalar(v))
        return scalar_text(v);
    std::string out;
    if (v.is_array()) {
        out += '[';
        for (size_t i = 0; i < v.items.size(); ++i)
            out += (i ? ", " : "") + flow_text(v.items[i]);
        out += ']';
    } else {
        out += '{';
        for (size_t i = 0; i < v.members.size(); ++i)
            out += (i ? ", " : "") + key_text(v.members[i].first) + ": " +
                   flow_text(v.members[i].second);
        out += '}';
    }
    return out;
}

struct Writer {
    std::string out;
    // The JSON Pointer of each line (0-based), only when asked for: building them costs as
    // much as writing the text, and they are needed only to place error messages.
    bool with_paths = true;
    std::vector<std::string> line_paths;

    void line(const std::string& text, const std::string& path) {
        out += text;
        out += '\n';
        if (with_paths)
            line_paths.push_back(path);
    }
    std::string child_path(const std::string& path, const std::string& segment) const {
        return with_paths ? path + "/" + pointer_escape(segment) : std::string();
    }

    // A mapping's members at `indent`; the first one after `first_prefix` when given
    // (a sequence item's "- ").
    void mapping(const Json& obj, size_t indent, const std::string& path,
                 const std::string& first_prefix) {
        bool first = true;
        for (const auto& [key, value] : obj.members) {
            std::string prefix =
                first && !first_prefix.empty() ? first_prefix : std::string(indent, ' ');
            first = false;
            std::string child = child_path(path, key);
            if (is_scalar(value)) {
                line(prefix + key_text(key) + ": " + scalar_text(value), child);
            } else if (value.is_object()) {
                line(prefix + key_text(key) + ":", child);
                mapping(value, indent + 2, child, "");
            } else {
                line(prefix + key_text(key) + ":", child);
                sequence(value, indent + 2, child, key);
            }
        }
    }

    void sequence(const Json& list, size_t indent, const std::string& path,
                  const std::string& collection) {
        bool keyed = with_paths && keyed_collection(collection, list);
        for (size_t i = 0; i < list.items.size(); ++i) {
            const Json& item = list.items[i];
            std::string child;
            if (with_paths) {
                std::string name = keyed ? element_key(collection, item) : std::string();
                child = child_path(path, name.empty() ? std::to_string(i) : name);
            }
            std::string dash = std::string(indent, ' ') + "- ";
            if (is_scalar(item)) {
                line(dash + scalar_text(item), child);
            } else if (item.is_object()) {
                mapping(item, indent + 2, child, dash);
            } else {
                line(dash + flow_text(item), child);
            }
        }
    }
};

// The text Writer writes (without paths) and, together with it, the tree the YAML parser
// builds from that text: the same nodes, texts and positions, without parsing. Used only for
// JSON whose every string the parser is known to read back unchanged (yaml_tree_safe).
struct TreeWriter {
    std::string out;
    std::vector<YamlNode> nodes;
    std::vector<uint32_t> children;
    YamlTextArena texts;

    uint32_t add(YamlKind kind, size_t offset) {
        YamlNode node;
        node.kind = kind;
        node.offset = offset;
        nodes.push_back(std::move(node));
        return static_cast<uint32_t>(nodes.size() - 1);
    }
    void close(uint32_t index, const std::vector<uint32_t>& kids, size_t end) {
        YamlNode& node = nodes[index];
        node.first_child = static_cast<uint32_t>(children.size());
        node.child_count = static_cast<uint32_t>(kids.size());
        children.insert(children.end(), kids.begin(), kids.end());
        node.end = end;
    }
    // A string written plain or double-quoted (the parser's marks leave the quotes out).
    uint32_t string_node(const std::string& value, bool plain) {
        size_t start = out.size();
        uint32_t index = add(YamlKind::scalar, plain ? start : start + 1);
        if (plain) {
            out += value;
            nodes[index].end = out.size();
        } else {
            out += json_quote(value);
            nodes[index].end = out.size() - 1;
            nodes[index].plain = false;
        }
        nodes[index].text = texts.keep(value);
        return index;
    }
    uint32_t key_node(const std::string& key) { return string_node(key, plain_safe(key)); }
    // A scalar as scalar_text writes it; an empty list or mapping as `[]` or `{}`.
    uint32_t scalar_node(const Json& v) {
        if (v.is_container()) {
            size_t start = out.size();
            uint32_t index = add(v.is_array() ? YamlKind::sequence : YamlKind::mapping, start);
            out += v.is_array() ? "[]" : "{}";
            close(index, {}, out.size());
            return index;
        }
        if (v.type == Json::Type::string)
            return string_node(v.text, plain_safe(v.text));
        return string_node(scalar_text(v), true);
    }
    // As flow_text.
    uint32_t flow_node(const Json& v) {
        if (is_scalar(v))
            return scalar_node(v);
        size_t start = out.size();
        uint32_t index = add(v.is_array() ? YamlKind::sequence : YamlKind::mapping, start);
        std::vector<uint32_t> kids;
        out += v.is_array() ? '[' : '{';
        if (v.is_array()) {
            for (size_t i = 0; i < v.items.size(); ++i) {
                if (i)
                    out += ", ";
                kids.push_back(flow_node(v.items[i]));
            }
        } else {
            for (size_t i = 0; i < v.members.size(); ++i) {
                if (i)
                    out += ", ";
                kids.push_back(key_node(v.members[i].first));
                out += ": ";
                kids.push_back(flow_node(v.members[i].second));
            }
        }
        out += v.is_array() ? ']' : '}';
        close(index, kids, out.size());
        return index;
    }

    // As Writer::mapping; the node starts at the first key.
    uint32_t mapping(const Json& obj, size_t indent, const std::string& first_prefix) {
        uint32_t index = 0;
        std::vector<uint32_t> kids;
        bool first = true;
        for (const auto& [key, value] : obj.members) {
            if (first && !first_prefix.empty())
                out += first_prefix;
            else
                out.append(indent, ' ');
            if (first)
                index = add(YamlKind::mapping, out.size()); // at the key, quote included
            first = false;
            kids.push_back(key_node(key));
            if (is_scalar(value)) {
                out += ": ";
                kids.push_back(scalar_node(value));
                out += '\n';
            } else if (value.is_object()) {
                out += ":\n";
                kids.push_back(mapping(value, indent + 2, ""));
            } else {
                out += ":\n";
                kids.push_back(sequence(value, indent + 2));
            }
        }
        close(index, kids, nodes[kids.back()].end);
        return index;
    }

    // As Writer::sequence (never empty: an empty list is written `[]`); the node starts at
    // the first dash.
    uint32_t sequence(const Json& list, size_t indent) {
        uint32_t index = add(YamlKind::sequence, out.size() + indent);
        std::vector<uint32_t> kids;
        for (const Json& item : list.items) {
            std::string dash = std::string(indent, ' ') + "- ";
            if (is_scalar(item)) {
                out += dash;
                kids.push_back(scalar_node(item));
                out += '\n';
            } else if (item.is_object()) {
                kids.push_back(mapping(item, indent + 2, dash));
            } else {
                out += dash;
                kids.push_back(flow_node(item));
                out += '\n';
            }
        }
        close(index, kids, nodes[kids.back()].end);
        return index;
    }
};

// True when every string of `v` (keys too) is one the parser reads back from TreeWriter's
// text unchanged and without complaint: valid UTF-8 of YAML's printable characters (control
// characters are escaped by json_quote), keys of at most 200 bytes.
bool yaml_safe_string(const std::string& s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (c < 0x80) {
            if (c == 0x7F)
                return false;
            ++i;
            continue;
        }
        size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
        if (len == 0 || c > 0xF4 || i + len > n)
            return false;
        unsigned cp = c & (0x7F >> len);
        for (size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        const unsigned min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
        bool printable = (cp >= 0xA0 && cp <= 0xD7FF) ||
                         (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF) ||
                         (cp >= 0x10000 && cp <= 0x10FFFF);
        if (cp < min || !printable)
            return false;
        i += len;
    }
    return true;
}

// Also counts what TreeWriter will make of `v` (`sizes`: nodes, children, bytes roughly),
// so that it can reserve its arrays once instead of growing them (fresh pages every edit).
struct TreeSizes {
    size_t nodes = 0;
    size_t children = 0;
    size_t bytes = 0;
};
bool yaml_tree_safe(const Json& v, TreeSizes& sizes) {
    ++sizes.nodes;
    sizes.bytes += v.text.size() + 8;
    if (v.type == Json::Type::string)
        return yaml_safe_string(v.text);
    sizes.children += v.items.size() + 2 * v.members.size();
    for (const Json& item : v.items)
        if (!yaml_tree_safe(item, sizes))
            return false;
    for (const auto& [key, value] : v.members) {
        ++sizes.nodes;
        sizes.bytes += key.size() + 8;
        if (key.size() > 200 || !yaml_safe_string(key) || !yaml_tree_safe(value, sizes))
            return false;
    }
    return true;
}

} // namespace

Json yaml_scalar_to_json(const YamlNode& node) {
    if (!node.plain)
        return Json::make_string(std::string(node.text));
    return classify_plain(node.text);
}

Json yaml_to_json(const YamlTree& tree, uint32_t index) {
    const YamlNode& node = tree.node(index);
    if (node.kind == YamlKind::scalar)
        return yaml_scalar_to_json(node);
    if (node.kind == YamlKind::sequence) {
        Json out = Json::make_array();
        out.items.reserve(node.child_count);
        for (uint32_t i = 0; i < node.child_count; ++i)
            out.items.push_back(yaml_to_json(tree, tree.child(node, i)));
        return out;
    }
    Json out = Json::make_object();
    out.members.reserve(node.child_count / 2);
    for (uint32_t i = 0; i + 1 < node.child_count; i += 2) {
        const YamlNode& key = tree.node(tree.child(node, i));
        out.set(std::string(key.text), yaml_to_json(tree, tree.child(node, i + 1)));
    }
    return out;
}

bool yaml_scalar_equals_json(const YamlNode& node, const Json& json) {
    if (json.is_container())
        return false;
    if (!node.plain)
        return json.type == Json::Type::string && json.text == node.text;
    const Json::Type type = plain_type(node.text);
    if (type != json.type)
        return false;
    if (type == Json::Type::string || (type == Json::Type::number && json.text == node.text))
        return json.text == node.text;
    return classify_plain(node.text) == json; // booleans, null, numbers written otherwise
}

bool yaml_equals_json(const YamlTree& tree, uint32_t index, const Json& json) {
    const YamlNode& node = tree.node(index);
    if (node.kind == YamlKind::scalar)
        return yaml_scalar_equals_json(node, json);
    if (node.kind == YamlKind::sequence) {
        if (!json.is_array() || json.items.size() != node.child_count)
            return false;
        for (uint32_t i = 0; i < node.child_count; ++i)
            if (!yaml_equals_json(tree, tree.child(node, i), json.items[i]))
                return false;
        return true;
    }
    if (!json.is_object())
        return false;
    const uint32_t entries = node.child_count / 2;
    auto key = [&](uint32_t e) -> std::string_view {
        return tree.node(tree.child(node, 2 * e)).text;
    };
    bool twice = false;
    if (entries <= 16) {
        for (uint32_t e = 0; e < entries && !twice; ++e)
            for (uint32_t f = e + 1; f < entries && !twice; ++f)
                twice = key(e) == key(f);
    } else {
        std::set<std::string_view> keys;
        for (uint32_t e = 0; e < entries && !twice; ++e)
            twice = !keys.insert(key(e)).second;
    }
    if (twice)
        return yaml_to_json(tree, index) == json; // a key given twice: the last one counts
    if (json.members.size() != entries)
        return false;
    for (uint32_t e = 0; e < entries; ++e) {
        const Json* value = json.find(key(e));
        if (!value || !yaml_equals_json(tree, tree.child(node, 2 * e + 1), *value))
            return false;
    }
    return true;
}

std::optional<Json> plan_text_to_json(std::string_view text, YamlError& error) {
    YamlTree tree;
    if (!tree.parse(text, error))
        return std::nullopt;
    if (tree.empty())
        return Json::make_object();
    return yaml_to_json(tree, tree.root());
}

bool keyed_collection(const std::string& collection, const Json& list) {
    if (list.is_array())
        for (const Json& item : list.items)
            if (!item.is_object())
                return false;
    static const char* known[] = {"people", "channels", "roles",  "goals",
                                  "kpis",   "profiles", "duties", "assignments"};
    for (const char* k : known)
        if (collection == k)
            return true;
    if (!list.is_array() || list.items.empty())
        return false;
    for (const Json& item : list.items) {
        const Json* id = item.find("id");
        if (!id || (id->type != Json::Type::string && id->type != Json::Type::number))
            return false;
    }
    return true;
}

std::string element_key(const std::string& collection, const Json& element) {
    if (!element.is_object())
        return {};
    if (collection == "assignments") {
        auto part = [&](const char* key) -> std::string {
            const Json* v = element.find(key);
            return v && (v->type == Json::Type::string || v->type == Json::Type::number) ? v->text
                                                                                         : "";
        };
        std::string key = part("person") + ":" + part("duty");
        if (!part("channel").empty())
            key += ":" + part("channel");
        if (!part("profile").empty())
            key += ":" + part("profile");
        return key;
    }
    const Json* id = element.find("id");
    if (id && (id->type == Json::Type::string || id->type == Json::Type::number))
        return id->text;
    return {};
}

bool json_to_yaml_tree(const Json& json, std::string& text, YamlTree& tree) {
    TreeSizes sizes;
    if (!json.is_object() || json.members.empty() || !yaml_tree_safe(json, sizes))
        return false;
    TreeWriter w;
    w.nodes.reserve(sizes.nodes);
    w.children.reserve(sizes.children);
    w.out.reserve(sizes.bytes);
    w.mapping(json, 0, "");
    text = std::move(w.out);
    tree.assign(text, std::move(w.nodes), std::move(w.children), std::move(w.texts));
    return true;
}

std::string json_to_yaml(const Json& json) {
    Writer w;
    w.with_paths = false;
    if (json.is_object())
        w.mapping(json, 0, "", "");
    else
        w.line(flow_text(json), "");
    return w.out;
}

std::string yaml_value_text(const Json& value) {
    return flow_text(value);
}
bool yaml_plain_safe(const std::string& text) {
    return plain_safe(text);
}

PlanJsonCheck read_plan_json(const Json& json, bool parse_text) {
    PlanJsonCheck result;
    if (!json.is_object()) {
        result.errors.push_back({"", "the plan must be a JSON object"});
        return result;
    }
    PlanReadResult read;
    std::string text;
    YamlTree tree;
    if (!parse_text && json_to_yaml_tree(json, text, tree)) {
        // As read_plan_text does after parsing (the text is valid UTF-8 without NUL bytes, and
        // its root is a mapping with entries).
        PlanDecoder decoder(tree, "plan", read.errors);
        read.plan = decoder.decode();
        std::stable_sort(read.errors.begin(), read.errors.end(),
                         [](const Diagnostic& a, const Diagnostic& b) {
                             return a.line != b.line ? a.line < b.line : a.column < b.column;
                         });
    } else {
        Writer w;
        w.with_paths = false;
        w.mapping(json, 0, "", "");
        read = read_plan_text("plan", w.out);
    }
    if (read.ok()) {
        result.plan = std::move(read.plan);
        return result;
    }
    // The same text again, with the path of each line, to place the messages.
    Writer w;
    w.mapping(json, 0, "", "");
    static const std::regex at_line(R"(at line (\d+))");
    auto path_of = [&](int line) -> std::string {
        if (line >= 1 && static_cast<size_t>(line) <= w.line_paths.size())
            return w.line_paths[static_cast<size_t>(line) - 1];
        return "";
    };
    for (const Diagnostic& d : read.errors) {
        std::string message = d.message;
        std::smatch m;
        if (std::regex_search(message, m, at_line)) {
            std::string where = path_of(std::stoi(m[1].str()));
            message = m.prefix().str() + "at " + (where.empty() ? "/" : where) + m.suffix().str();
        }
        result.errors.push_back({path_of(d.line), message});
    }
    return result;
}

} // namespace planner::model
