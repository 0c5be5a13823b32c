#include "planner/history/plan_merge.hpp"

#include "model/plan_queries.hpp"
#include "model/plan_reader.hpp"
#include "model/plan_writer.hpp"
#include "model/team_graph.hpp"
#include "model/yaml_tree.hpp"
#include "planner/core/errors.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

namespace planner {

namespace {
using model::YamlKind;

// The canonical YAML as a plain tree.
struct Node {
    YamlKind kind = YamlKind::scalar;
    bool plain = true;
    std::string text;
    std::vector<std::pair<std::string, Node>> entries; // a mapping
    std::vector<Node> items;                           // a sequence
};

Node to_node(const model::YamlTree& tree, uint32_t index) {
    const model::YamlNode& yaml = tree.node(index);
    Node node;
    node.kind = yaml.kind;
    node.plain = yaml.plain;
    node.text = yaml.text;
    if (yaml.kind == YamlKind::mapping)
        for (uint32_t i = 0; i + 1 < yaml.child_count; i += 2)
            node.entries.emplace_back(tree.node(tree.child(yaml, i)).text,
                                      to_node(tree, tree.child(yaml, i + 1)));
    else if (yaml.kind == YamlKind::sequence)
        for (uint32_t i = 0; i < yaml.child_count; ++i)
            node.items.push_back(to_node(tree, tree.child(yaml, i)));
    return node;
}

// The node as one line of flow YAML: the value a field is compared by and written back as.
std::string flow(const Node& node) {
    if (node.kind == YamlKind::scalar)
        return node.plain ? (node.text.empty() ? "~" : node.text) : model::yaml_quote(node.text);
    std::string out;
    if (node.kind == YamlKind::sequence) {
        for (const Node& item : node.items)
            out += (out.empty() ? "" : ", ") + flow(item);
        return "[" + out + "]";
    }
    for (const auto& [key, value] : node.entries)
        out += (out.empty() ? "" : ", ") + key + ": " + flow(value);
    return "{" + out + "}";
}

const Node* find(const Node& mapping, const std::string& key) {
    for (const auto& [k, v] : mapping.entries)
        if (k == key)
            return &v;
    return nullptr;
}

std::string scalar(const Node& mapping, const std::string& key) {
    const Node* node = find(mapping, key);
    return node && node->kind == YamlKind::scalar ? node->text : std::string();
}

using Fields = std::vector<std::pair<std::string, std::string>>;

// One thing with an identity: the plan's settings, a person, a KPI of a goal, an assignment.
struct Entity {
    std::string container; // the list it is in: "people", or "goals/g1/kpis"
    std::string parent;    // the key of the entity it belongs to ("" at the top)
    std::string field;     // the field of the parent that lists it ("kpis")
    std::string kind;      // the list's name: "people", "kpis", "plan"
    std::string id;        // its id as shown ("anna", "anna|instagram||engage")
    Fields fields;         // path ("week.hours") -> value as flow YAML, in document order
    const std::string* get(const std::string& path) const {
        for (const auto& [p, v] : fields)
            if (p == path)
                return &v;
        return nullptr;
    }
};

struct Document {
    std::map<std::string, Entity> entities;
    std::vector<std::string> order;    // entity keys in document order
    std::vector<std::string> sections; // top-level keys in document order
    std::set<std::string> list_sections;
    // Keys that more than one item of a list has (an A and an R of one person for one duty),
    // and those to tell apart by their RACI letter in every plan of the merge.
    std::set<std::string> repeated;
    std::set<std::string> split;
};

const std::string k_document = "(document)";

bool is_id_list(const Node& node) {
    if (node.kind != YamlKind::sequence || node.items.empty())
        return false;
    for (const Node& item : node.items)
        if (item.kind != YamlKind::mapping || !find(item, "id"))
            return false;
    return true;
}

void add_entity(Document& doc, const Node& item, const std::string& container,
                const std::string& parent, const std::string& field, const std::string& kind);

// The fields of a mapping, nested mappings flattened ("week.hours"); lists of things with ids
// (a goal's KPIs, a channel's profiles) become entities of their own.
void flatten(Document& doc, const Node& mapping, const std::string& prefix, Entity& entity,
             const std::string& key) {
    for (const auto& [name, value] : mapping.entries) {
        const std::string path = prefix + name;
        if (value.kind == YamlKind::mapping && !value.entries.empty()) {
            flatten(doc, value, path + ".", entity, key);
        } else if (is_id_list(value)) {
            for (const Node& item : value.items)
                add_entity(doc, item, key + "/" + path, key, path, name);
        } else {
            entity.fields.emplace_back(path, flow(value));
        }
    }
}

void add_entity(Document& doc, const Node& item, const std::string& container,
                const std::string& parent, const std::string& field, const std::string& kind) {
    Entity entity;
    entity.container = container;
    entity.parent = parent;
    entity.field = field;
    entity.kind = kind;
    if (item.kind != YamlKind::mapping) {
        entity.id = flow(item);
    } else if (find(item, "id")) {
        entity.id = scalar(item, "id");
    } else if (find(item, "person") && find(item, "duty")) {
        entity.id = scalar(item, "person") + "|" + scalar(item, "channel") + "|" +
                    scalar(item, "profile") + "|" + scalar(item, "duty");
    } else if (find(item, "check")) {
        entity.id = scalar(item, "check") + "|" + scalar(item, "subject");
    } else {
        entity.id = flow(item); // no identity but its content
    }
    std::string key = container + "/" + entity.id;
    // A key that items share in any of the plans merged (an A and an R of one person for one
    // duty) is told apart by the RACI letter in all of them, so that the same item has the
    // same key on every side; else by the count.
    if (doc.entities.count(key) || doc.split.count(key))
        doc.repeated.insert(key);
    if (doc.split.count(key) && item.kind == YamlKind::mapping && find(item, "raci"))
        key += "|" + scalar(item, "raci");
    for (int n = 2; doc.entities.count(key); ++n)
        key = container + "/" + entity.id + "#" + std::to_string(n);
    doc.order.push_back(key);
    if (item.kind == YamlKind::mapping)
        flatten(doc, item, "", entity, key);
    else
        entity.fields.emplace_back("value", flow(item));
    doc.entities.emplace(key, std::move(entity));
}

Document read_document(const model::Plan& plan, const std::set<std::string>& split = {}) {
    const std::string yaml = model::write_plan_yaml(plan);
    model::YamlTree tree;
    model::YamlError error;
    if (!tree.parse(yaml, error) || tree.empty())
        throw InternalError("the canonical form of a plan could not be read back: " +
                            error.message);
    const Node root = to_node(tree, tree.root());
    Document doc;
    doc.split = split;
    Entity top;
    top.kind = k_document;
    top.id = k_document;
    for (const auto& [name, value] : root.entries) {
        doc.sections.push_back(name);
        if (value.kind == YamlKind::mapping) {
            Entity section;
            section.kind = name;
            section.id = name;
            section.container = name;
            flatten(doc, value, "", section, name);
            doc.order.push_back(name);
            doc.entities.emplace(name, std::move(section));
        } else if (value.kind == YamlKind::sequence && !value.items.empty()) {
            doc.list_sections.insert(name);
            for (const Node& item : value.items)
                add_entity(doc, item, name, "", "", name);
        } else {
            top.fields.emplace_back(name, flow(value));
        }
    }
    doc.order.push_back(k_document);
    doc.entities.emplace(k_document, std::move(top));
    return doc;
}

std::string singular(const std::string& kind) {
    static const std::map<std::string, std::string> words = {{"people", "person"},
                                                             {"goals", "goal"},
                                                             {"kpis", "KPI"},
                                                             {"channels", "channel"},
                                                             {"profiles", "profile"},
                                                             {"duties", "duty"},
                                                             {"roles", "role"},
                                                             {"assignments", "assignment"},
                                                             {"suppress", "suppression"},
                                                             {"plan", "plan settings"},
                                                             {k_document, "plan file"}};
    auto found = words.find(kind);
    return found != words.end() ? found->second : kind;
}

// A flow scalar without its quotes, for people to read.
std::string unquoted(const std::string* value) {
    if (!value)
        return {};
    if (value->size() >= 2 && value->front() == '"' && value->back() == '"')
        return value->substr(1, value->size() - 2);
    return *value;
}

class Merger {
public:
    Merger(const Document& base, const Document& ours, const Document& theirs, bool prefer_theirs)
        : m_base(base), m_ours(ours), m_theirs(theirs), m_prefer_theirs(prefer_theirs) {}

    Document run();
    std::vector<MergeConflict> conflicts;

private:
    const Entity* in(const Document& doc, const std::string& key) const {
        auto found = doc.entities.find(key);
        return found == doc.entities.end() ? nullptr : &found->second;
    }
    std::string name_of(const std::string& key, const Entity& entity) const;
    std::string subject(const std::string& key, const Entity& entity) const {
        return singular(entity.kind) + (entity.kind == k_document || entity.kind == "plan"
                                            ? std::string()
                                            : " " + name_of(key, entity));
    }
    Entity merge_fields(const std::string& key, const Entity* base, const Entity& ours,
                        const Entity& theirs);
    static std::string changes(const Entity& from, const Entity& to);

    const Document& m_base;
    const Document& m_ours;
    const Document& m_theirs;
    bool m_prefer_theirs;
};

std::string Merger::name_of(const std::string& key, const Entity& entity) const {
    auto person_name = [&](const std::string& id) {
        for (const Document* doc : {&m_ours, &m_theirs, &m_base})
            if (const Entity* person = in(*doc, "people/" + id))
                if (const std::string* name = person->get("name"))
                    return unquoted(name);
        return id;
    };
    if (entity.kind == "assignments" && entity.get("person")) {
        std::string where = unquoted(entity.get("channel"));
        if (entity.get("profile"))
            where += "/" + unquoted(entity.get("profile"));
        return person_name(unquoted(entity.get("person"))) + ": " +
               (where.empty() ? "" : where + " ") + unquoted(entity.get("duty")) +
               (entity.get("raci") ? " " + unquoted(entity.get("raci")) : "");
    }
    if (entity.kind == "people")
        return person_name(entity.id) + " (" + entity.id + ")";
    if (const std::string* name = entity.get("name"))
        return unquoted(name) + " (" + entity.id + ")";
    (void)key;
    return entity.id;
}

std::string Merger::changes(const Entity& from, const Entity& to) {
    std::string out;
    std::set<std::string> seen;
    auto note = [&](const std::string& path) {
        if (!seen.insert(path).second)
            return;
        const std::string* a = from.get(path);
        const std::string* b = to.get(path);
        if ((a ? *a : "") != (b ? *b : ""))
            out += (out.empty() ? "" : "; ") + path + " " + (a ? *a : "(none)") + " -> " +
                   (b ? *b : "(none)");
    };
    for (const auto& [path, value] : to.fields)
        note(path);
    for (const auto& [path, value] : from.fields)
        note(path);
    return out.empty() ? "(unchanged)" : "changed " + out;
}

Entity Merger::merge_fields(const std::string& key, const Entity* base, const Entity& ours,
                            const Entity& theirs) {
    Entity merged = ours;
    merged.fields.clear();
    std::vector<std::string> paths;
    std::set<std::string> seen;
    for (const Entity* entity : {&ours, &theirs, base})
        if (entity)
            for (const auto& [path, value] : entity->fields)
                if (seen.insert(path).second)
                    paths.push_back(path);
    for (const std::string& path : paths) {
        const std::string* b = base ? base->get(path) : nullptr;
        const std::string* o = ours.get(path);
        const std::string* t = theirs.get(path);
        auto same = [](const std::string* x, const std::string* y) {
            return (!x && !y) || (x && y && *x == *y);
        };
        const std::string* chosen = o;
        if (!base && !same(o, t)) {
            // Added on both sides with different values: no side kept the old one.
            conflicts.push_back(
                {subject(key, ours), path, "(none)", o ? *o : "(none)", t ? *t : "(none)"});
            chosen = m_prefer_theirs ? t : o;
        } else if (same(o, t) || same(t, b))
            chosen = o;
        else if (same(o, b))
            chosen = t;
        else {
            conflicts.push_back({subject(key, ours), path, b ? *b : "(none)", o ? *o : "(none)",
                                 t ? *t : "(none)"});
            chosen = m_prefer_theirs ? t : o;
        }
        if (chosen)
            merged.fields.emplace_back(path, *chosen);
    }
    return merged;
}

Document Merger::run() {
    Document out;
    std::vector<std::string> keys;
    std::set<std::string> seen;
    for (const Document* doc : {&m_ours, &m_theirs, &m_base})
        for (const std::string& key : doc->order)
            if (seen.insert(key).second)
                keys.push_back(key);
    for (const Document* doc : {&m_ours, &m_theirs, &m_base}) {
        for (const std::string& section : doc->sections)
            if (std::find(out.sections.begin(), out.sections.end(), section) == out.sections.end())
                out.sections.push_back(section);
        out.list_sections.insert(doc->list_sections.begin(), doc->list_sections.end());
    }
    auto same = [](const Entity& a, const Entity& b) {
        std::map<std::string, std::string> x(a.fields.begin(), a.fields.end());
        std::map<std::string, std::string> y(b.fields.begin(), b.fields.end());
        return x == y;
    };
    auto keep = [&](const std::string& key, const Entity& entity) {
        out.order.push_back(key);
        out.entities.emplace(key, entity);
    };
    for (const std::string& key : keys) {
        const Entity* b = in(m_base, key);
        const Entity* o = in(m_ours, key);
        const Entity* t = in(m_theirs, key);
        if (o && t) {
            keep(key, merge_fields(key, b, *o, *t));
        } else if (o || t) {
            const Entity& present = o ? *o : *t;
            if (!b) {
                keep(key, present); // added on one side
            } else if (!same(present, *b)) {
                // Changed on one side, removed on the other.
                const std::string what = "(the whole " + singular(present.kind) + ")";
                const std::string changed = changes(*b, present);
                conflicts.push_back({subject(key, present), what, "(present)",
                                     o ? changed : "(removed)", t ? changed : "(removed)"});
                if ((o && !m_prefer_theirs) || (t && m_prefer_theirs))
                    keep(key, present);
            }
            // else: removed on one side, unchanged on the other: removed.
        }
    }
    // Things added to (or changed in) something the other side removed.
    for (const std::string& key : std::vector<std::string>(out.order)) {
        auto found = out.entities.find(key);
        if (found == out.entities.end() || found->second.parent.empty() ||
            out.entities.count(found->second.parent))
            continue;
        const std::string parent = found->second.parent;
        const Entity* parent_entity =
            in(m_theirs, parent) ? in(m_theirs, parent) : in(m_ours, parent);
        const std::string parent_subject = parent_entity ? subject(parent, *parent_entity) : parent;
        conflicts.push_back({subject(key, found->second),
                             "(belongs to " + parent_subject + ", which one side removed)",
                             in(m_base, key) ? "(present)" : "(none)",
                             in(m_ours, key) ? "(present)" : "(removed)",
                             in(m_theirs, key) ? "(present)" : "(removed)"});
        const Entity* theirs_parent = in(m_theirs, parent);
        if (m_prefer_theirs && theirs_parent) {
            out.entities.emplace(parent, *theirs_parent);
            out.order.push_back(parent);
        } else {
            out.entities.erase(key);
        }
    }
    return out;
}

// Fields (with paths) as one flow mapping, nested paths nested again.
std::string build_flow(const Fields& fields) {
    std::vector<std::string> heads;
    std::map<std::string, Fields> nested;
    std::map<std::string, std::string> leaves;
    for (const auto& [path, value] : fields) {
        const size_t dot = path.find('.');
        const std::string head = path.substr(0, dot);
        if (!nested.count(head) && !leaves.count(head))
            heads.push_back(head);
        if (dot == std::string::npos)
            leaves[head] = value;
        else
            nested[head].emplace_back(path.substr(dot + 1), value);
    }
    std::string out;
    for (const std::string& head : heads)
        out += (out.empty() ? "" : ", ") + head + ": " +
               (leaves.count(head) ? leaves[head] : build_flow(nested[head]));
    return "{" + out + "}";
}

std::string entity_flow(const Document& doc, const std::string& key,
                        const std::map<std::string, std::vector<std::string>>& children) {
    const Entity& entity = doc.entities.at(key);
    Fields fields = entity.fields;
    // Lists of the entities that belong to it, by field, in order.
    std::vector<std::string> lists;
    std::map<std::string, std::string> list_text;
    auto found = children.find(key);
    if (found != children.end())
        for (const std::string& child : found->second) {
            const Entity& c = doc.entities.at(child);
            if (!list_text.count(c.field))
                lists.push_back(c.field);
            list_text[c.field] +=
                (list_text[c.field].empty() ? "" : ", ") + entity_flow(doc, child, children);
        }
    for (const std::string& field : lists) {
        fields.erase(std::remove_if(fields.begin(), fields.end(),
                                    [&](const auto& f) { return f.first == field; }),
                     fields.end());
        fields.emplace_back(field, "[" + list_text[field] + "]");
    }
    if (entity.fields.size() == 1 && entity.fields.front().first == "value" && lists.empty() &&
        entity.id == entity.fields.front().second)
        return entity.fields.front().second; // a list item that is no mapping
    return build_flow(fields);
}

std::string write_document(const Document& doc) {
    std::map<std::string, std::vector<std::string>> children; // parent -> children in order
    std::map<std::string, std::vector<std::string>> lists;    // section -> entities in order
    for (const std::string& key : doc.order) {
        auto found = doc.entities.find(key);
        if (found == doc.entities.end())
            continue;
        if (!found->second.parent.empty())
            children[found->second.parent].push_back(key);
        else if (doc.list_sections.count(found->second.container))
            lists[found->second.container].push_back(key);
    }
    std::string text;
    const Entity* top = nullptr;
    if (auto found = doc.entities.find(k_document); found != doc.entities.end())
        top = &found->second;
    for (const std::string& section : doc.sections) {
        if (top)
            if (const std::string* value = top->get(section)) {
                text += section + ": " + *value + "\n";
                continue;
            }
        if (doc.list_sections.count(section)) {
            auto found = lists.find(section);
            if (found == lists.end())
                continue;
            text += section + ":\n";
            for (const std::string& key : found->second)
                text += "  - " + entity_flow(doc, key, children) + "\n";
        } else if (doc.entities.count(section)) {
            text += section + ": " + entity_flow(doc, section, children) + "\n";
        }
    }
    return text;
}

bool has_cycle(const model::Plan& plan) {
    model::PlanIndex index(plan);
    return !model::TeamGraph(index).reporting_cycles().empty();
}
} // namespace

MergeResult merge_plans(const model::Plan* base, const model::Plan& ours, const model::Plan& theirs,
                        bool prefer_theirs) {
    // Read once to find the keys that items share, then again with those told apart.
    std::set<std::string> split;
    for (const model::Plan* plan : {base, &ours, &theirs})
        if (plan) {
            const Document first = read_document(*plan);
            split.insert(first.repeated.begin(), first.repeated.end());
        }
    const Document base_doc = base ? read_document(*base, split) : Document{};
    const Document ours_doc = read_document(ours, split);
    const Document theirs_doc = read_document(theirs, split);
    Merger merger(base_doc, ours_doc, theirs_doc, prefer_theirs);
    const Document merged = merger.run();
    const std::string text = write_document(merged);
    auto read = model::read_plan_text("the merged plan", text);
    if (!read.ok()) {
        std::vector<std::string> lines;
        for (auto& error : read.errors)
            lines.push_back("the merged plan: " + error.message);
        throw InputError("the changes of the two sides do not fit together: the merged plan "
                         "would be invalid (e.g. one side removed what the other now uses); "
                         "make the change on one side and merge again",
                         std::move(lines));
    }
    if (has_cycle(read.plan) && !has_cycle(ours) && !has_cycle(theirs)) {
        model::PlanIndex index(read.plan);
        std::vector<std::string> lines;
        for (const auto& cycle : model::TeamGraph(index).reporting_cycles()) {
            std::string line = "the merged plan: reporting cycle: ";
            for (const auto& id : cycle) {
                const model::Person* person = index.person(id);
                line += (person && person->name ? *person->name : id.str()) + " -> ";
            }
            const model::Person* first = index.person(cycle.front());
            lines.push_back(line + (first && first->name ? *first->name : cycle.front().str()));
        }
        throw InputError("the two sides' changes of reporting lines together make a reporting "
                         "cycle that neither side had; change reports_to on one side and merge "
                         "again",
                         std::move(lines));
    }
    MergeResult result;
    result.plan = std::move(read.plan);
    result.conflicts = std::move(merger.conflicts);
    return result;
}

std::string describe(const MergeConflict& conflict) {
    return conflict.subject + ": " + conflict.field + ": base " + conflict.base + ", ours " +
           conflict.ours + ", theirs " + conflict.theirs;
}

} // namespace planner
