#include "model/json_patch.hpp"

#include "model/plan_json.hpp"

#include <unordered_map>
#include <unordered_set>

namespace planner::model {

std::string collection_noun(const std::string& collection) {
    static const std::pair<const char*, const char*> nouns[] = {
        {"people", "person"},    {"channels", "channel"},
        {"roles", "role"},       {"goals", "goal"},
        {"kpis", "KPI"},         {"profiles", "profile"},
        {"duties", "duty"},      {"assignments", "assignment"},
        {"absences", "absence"}, {"suppress", "suppression"}};
    for (const auto& [k, v] : nouns)
        if (collection == k)
            return v;
    return "element of '" + collection + "'";
}

namespace {

struct PointerError {
    std::string message;
};

std::optional<std::vector<std::string>> split_pointer(const std::string& path,
                                                      std::string& message) {
    std::vector<std::string> segments;
    if (path.empty())
        return segments;
    if (path[0] != '/') {
        message = "a path starts with '/', as in /people/anna/fte";
        return std::nullopt;
    }
    size_t start = 1;
    for (;;) {
        size_t slash = path.find('/', start);
        segments.push_back(pointer_unescape(path.substr(start, slash - start)));
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return segments;
}

bool is_index(const std::string& s) {
    if (s.empty() || s.size() > 9 || (s.size() > 1 && s[0] == '0'))
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

// The position of the element `segment` names in `list`, or nothing with `message`.
std::optional<size_t> locate(const Json& list, const std::string& collection,
                             const std::string& segment, std::string& message) {
    if (keyed_collection(collection, list)) {
        for (size_t i = 0; i < list.items.size(); ++i)
            if (element_key(collection, list.items[i]) == segment)
                return i;
        message = "there is no " + collection_noun(collection) + " '" + segment + "' in the plan";
        return std::nullopt;
    }
    if (is_index(segment)) {
        size_t i = std::stoul(segment);
        if (i < list.items.size())
            return i;
        message = "'" + collection + "' has " + std::to_string(list.items.size()) +
                  " entries; there is no entry " + segment;
        return std::nullopt;
    }
    for (size_t i = 0; i < list.items.size(); ++i)
        if (list.items[i].is_string() && list.items[i].text == segment)
            return i;
    message = "'" + collection + "' has no entry '" + segment + "'";
    return std::nullopt;
}

struct Location {
    Json* parent = nullptr; // the container holding the target
    std::string collection; // the parent's key in its own parent (for lists)
    std::string last;       // the last segment
};

// Walks all but the last segment.
std::optional<Location> walk(Json& document, const std::string& path, std::string& message) {
    auto segments = split_pointer(path, message);
    if (!segments)
        return std::nullopt;
    if (segments->empty()) {
        message = "the whole plan cannot be the target; name a value inside it";
        return std::nullopt;
    }
    Json* node = &document;
    std::string collection;
    std::string walked;
    for (size_t i = 0; i + 1 < segments->size(); ++i) {
        const std::string& s = (*segments)[i];
        if (node->is_object()) {
            Json* child = node->find(s);
            if (!child) {
                message =
                    walked.empty() ? "the plan has no '" + s + "'" : walked + " has no '" + s + "'";
                return std::nullopt;
            }
            collection = s;
            node = child;
        } else if (node->is_array()) {
            auto index = locate(*node, collection, s, message);
            if (!index)
                return std::nullopt;
            node = &node->items[*index];
        } else {
            message = (walked.empty() ? std::string("/") : walked) +
                      " is a single value; it has no '" + s + "'";
            return std::nullopt;
        }
        walked += "/" + pointer_escape(s);
    }
    if (!node->is_container()) {
        message = (walked.empty() ? std::string("/") : walked) + " is a single value; it has no '" +
                  segments->back() + "'";
        return std::nullopt;
    }
    return Location{node, collection, segments->back()};
}

const Json* get(Json& document, const std::string& path, std::string& message) {
    if (path.empty())
        return &document;
    auto at = walk(document, path, message);
    if (!at)
        return nullptr;
    if (at->parent->is_object()) {
        const Json* v = at->parent->find(at->last);
        if (!v)
            message = path + " is not set";
        return v;
    }
    auto index = locate(*at->parent, at->collection, at->last, message);
    return index ? &at->parent->items[*index] : nullptr;
}

bool add(Json& document, const std::string& path, Json value, std::string& message) {
    auto at = walk(document, path, message);
    if (!at)
        return false;
    if (at->parent->is_object()) {
        at->parent->set(at->last, std::move(value));
        return true;
    }
    Json& list = *at->parent;
    if (at->last == "-") {
        list.items.push_back(std::move(value));
        return true;
    }
    if (keyed_collection(at->collection, list) && value.is_object()) {
        std::string ignored;
        if (locate(list, at->collection, at->last, ignored)) {
            message = "there is already a " + collection_noun(at->collection) + " '" + at->last +
                      "'; use replace to change it";
            return false;
        }
        if (at->collection != "assignments" && value.is_object() && !value.find("id")) {
            Json with_id = Json::make_object();
            with_id.set("id", Json::make_string(at->last));
            for (auto& m : value.members)
                with_id.members.push_back(std::move(m));
            value = std::move(with_id);
        }
        std::string key = element_key(at->collection, value);
        if (key != at->last) {
            message = "the new " + collection_noun(at->collection) + " is named '" + key +
                      "' but the path names '" + at->last + "'";
            return false;
        }
        list.items.push_back(std::move(value));
        return true;
    }
    if (!is_index(at->last) || std::stoul(at->last) > list.items.size()) {
        message = "to add to '" + at->collection + "' name a position from 0 to " +
                  std::to_string(list.items.size()) + ", or '-' for the end";
        return false;
    }
    list.items.insert(list.items.begin() + static_cast<std::ptrdiff_t>(std::stoul(at->last)),
                      std::move(value));
    return true;
}

bool remove(Json& document, const std::string& path, std::string& message) {
    auto at = walk(document, path, message);
    if (!at)
        return false;
    if (at->parent->is_object()) {
        if (!at->parent->erase(at->last)) {
            message = path + " is not set, so it cannot be removed";
            return false;
        }
        return true;
    }
    auto index = locate(*at->parent, at->collection, at->last, message);
    if (!index)
        return false;
    at->parent->items.erase(at->parent->items.begin() + static_cast<std::ptrdiff_t>(*index));
    return true;
}

bool replace(Json& document, const std::string& path, Json value, std::string& message) {
    if (path.empty()) {
        document = std::move(value);
        return true;
    }
    std::string ignored;
    Json* target = const_cast<Json*>(get(document, path, message));
    if (!target)
        return false;
    *target = std::move(value);
    return true;
}

} // namespace

std::optional<std::vector<PatchOperation>> parse_patch(const Json& patch, PatchFailure& failure) {
    if (!patch.is_array()) {
        failure.message = "a patch is a JSON array of operations, as in "
                          "[{\"op\": \"replace\", \"path\": \"/people/anna/fte\", \"value\": 0.8}]";
        return std::nullopt;
    }
    std::vector<PatchOperation> ops;
    for (size_t i = 0; i < patch.items.size(); ++i) {
        const Json& item = patch.items[i];
        failure.index = i;
        if (!item.is_object()) {
            failure.message = "operation " + std::to_string(i + 1) + " is not a JSON object";
            return std::nullopt;
        }
        PatchOperation op;
        const Json* o = item.find("op");
        const Json* p = item.find("path");
        if (!o || !o->is_string() || !p || !p->is_string()) {
            failure.message =
                "operation " + std::to_string(i + 1) + " needs \"op\" and \"path\" as strings";
            return std::nullopt;
        }
        op.op = o->text;
        op.path = p->text;
        failure.path = op.path;
        if (op.op != "add" && op.op != "remove" && op.op != "replace" && op.op != "move" &&
            op.op != "copy" && op.op != "test") {
            failure.message =
                "unknown operation '" + op.op + "'; use add, remove, replace, move, copy or test";
            return std::nullopt;
        }
        if (op.op == "add" || op.op == "replace" || op.op == "test") {
            const Json* v = item.find("value");
            if (!v) {
                failure.message = "'" + op.op + "' needs a \"value\"";
                return std::nullopt;
            }
            op.value = *v;
        }
        if (op.op == "move" || op.op == "copy") {
            const Json* f = item.find("from");
            if (!f || !f->is_string()) {
                failure.message = "'" + op.op + "' needs \"from\", the path to take the value from";
                return std::nullopt;
            }
            op.from = f->text;
        }
        ops.push_back(std::move(op));
    }
    return ops;
}

Json patch_to_json(const std::vector<PatchOperation>& patch) {
    Json out = Json::make_array();
    for (const PatchOperation& op : patch) {
        Json item = Json::make_object();
        item.set("op", Json::make_string(op.op));
        if (!op.from.empty() || op.op == "move" || op.op == "copy")
            item.set("from", Json::make_string(op.from));
        item.set("path", Json::make_string(op.path));
        if (op.value)
            item.set("value", *op.value);
        out.items.push_back(std::move(item));
    }
    return out;
}

const Json* resolve_pointer(const Json& document, const std::string& path, std::string& message) {
    return get(const_cast<Json&>(document), path, message);
}

std::optional<PatchFailure> apply_patch(Json& document, const std::vector<PatchOperation>& patch) {
    Json work = document;
    for (size_t i = 0; i < patch.size(); ++i) {
        const PatchOperation& op = patch[i];
        std::string message;
        bool ok = true;
        bool test_failed = false;
        if (op.op == "add") {
            ok = add(work, op.path, *op.value, message);
        } else if (op.op == "remove") {
            ok = remove(work, op.path, message);
        } else if (op.op == "replace") {
            ok = replace(work, op.path, *op.value, message);
        } else if (op.op == "test") {
            const Json* v = get(work, op.path, message);
            if (!v) {
                ok = false;
            } else if (!(*v == *op.value)) {
                ok = false;
                test_failed = true;
                message = "test failed: " + op.path + " is " + write_json(*v) + ", not " +
                          write_json(*op.value);
            }
        } else { // move, copy
            const Json* v = get(work, op.from, message);
            if (!v) {
                ok = false;
            } else if (op.op == "move" &&
                       (op.path == op.from ||
                        op.path.compare(0, op.from.size() + 1, op.from + "/") == 0)) {
                if (op.path != op.from) {
                    ok = false;
                    message = "a value cannot be moved into itself";
                }
            } else {
                Json value = *v;
                if (op.op == "move")
                    ok = remove(work, op.from, message);
                if (ok)
                    ok = add(work, op.path, std::move(value), message);
            }
        }
        if (!ok)
            return PatchFailure{i, op.path, message, test_failed};
    }
    document = std::move(work);
    return std::nullopt;
}

namespace {
void diff(const Json& a, const Json& b, const std::string& path, const std::string& collection,
          std::vector<PatchOperation>& out) {
    if (a.is_object() && b.is_object()) {
        for (const auto& [k, v] : a.members) {
            const Json* other = b.find(k);
            std::string child = path + "/" + pointer_escape(k);
            if (!other)
                out.push_back({"remove", child, "", std::nullopt});
            else
                diff(v, *other, child, k, out);
        }
        for (const auto& [k, v] : b.members)
            if (!a.find(k))
                out.push_back({"add", path + "/" + pointer_escape(k), "", v});
        return;
    }
    if (a.is_array() && b.is_array() && !(a == b) &&
        (keyed_collection(collection, a) || keyed_collection(collection, b))) {
        std::unordered_map<std::string, const Json*> in_b;
        std::unordered_set<std::string> in_a;
        for (const Json& y : b.items)
            in_b.emplace(element_key(collection, y), &y);
        for (const Json& x : a.items) {
            std::string key = element_key(collection, x);
            in_a.insert(key);
            auto match = in_b.find(key);
            std::string child = path + "/" + pointer_escape(key);
            if (match == in_b.end())
                out.push_back({"remove", child, "", std::nullopt});
            else
                diff(x, *match->second, child, "", out);
        }
        for (const Json& y : b.items) {
            std::string key = element_key(collection, y);
            if (!in_a.count(key))
                out.push_back({"add", path + "/" + pointer_escape(key), "", y});
        }
        return;
    }
    if (!(a == b))
        out.push_back({"replace", path, "", b});
}
} // namespace

std::vector<PatchOperation> diff_json(const Json& from, const Json& to) {
    std::vector<PatchOperation> out;
    diff(from, to, "", "", out);
    return out;
}

} // namespace planner::model
