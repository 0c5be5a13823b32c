#include "planner/editing/finding_fixes.hpp"

#include "model/plan_json.hpp"
#include "model/plan_queries.hpp"

#include <cmath>
#include <cstdio>

namespace planner {

using model::Json;
using model::PatchOperation;

namespace {

std::string person_name(const PlanFacts& facts, const std::string& id) {
    if (const model::Person* p = facts.index().person(model::PersonId(id)))
        return model::display_name(*p);
    return id;
}

bool known_person(const PlanFacts& facts, const std::string& id) {
    return !id.empty() && facts.index().person(model::PersonId(id)) != nullptr;
}

std::string assignment_key(const std::string& person, const FindingChange& c) {
    return person + ":" + c.duty + (c.channel.empty() ? "" : ":" + c.channel);
}

// The plan's assignment PERSON:DUTY[:CHANNEL] (channel level, no profile), or null.
const Json* find_assignment(const Json& plan_json, const std::string& key) {
    const Json* list = plan_json.find("assignments");
    if (!list || !list->is_array())
        return nullptr;
    for (const Json& a : list->items)
        if (model::element_key("assignments", a) == key)
            return &a;
    return nullptr;
}

Json new_assignment(const std::string& person, const FindingChange& c) {
    Json a = Json::make_object();
    a.set("person", Json::make_string(person));
    a.set("duty", Json::make_string(c.duty));
    if (!c.channel.empty())
        a.set("channel", Json::make_string(c.channel));
    return a;
}

// Adds an assignment, making the list when the plan has none yet.
PatchOperation add_assignment(const Json& plan_json, Json value) {
    const Json* list = plan_json.find("assignments");
    if (!list || !list->is_array()) {
        Json all = Json::make_array();
        all.items.push_back(std::move(value));
        return {"add", "/assignments", "", std::move(all)};
    }
    std::string key = model::element_key("assignments", value);
    return {"add", "/assignments/" + model::pointer_escape(key), "", std::move(value)};
}

// A share as the plan writes it: up to three decimals, no trailing zeros.
Json share_value(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", std::max(0.0, std::min(1.0, share)));
    std::string text = buffer;
    while (text.size() > 1 && text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    return Json::make_number(text);
}

bool is_plain_responsible(const Json& a) {
    const Json* raci = a.find("raci");
    const Json* backup = a.find("backup");
    return (!raci || raci->text == "R") && !(backup && backup->boolean);
}

// assign, backup, accountable: the person's assignment for the duty made (or turned into)
// the kind asked.
std::optional<std::vector<PatchOperation>> role_patch(const Json& plan_json,
                                                      const FindingChange& c) {
    const std::string key = assignment_key(c.person, c);
    const Json* old = find_assignment(plan_json, key);
    Json next = new_assignment(c.person, c);
    if (c.kind == "backup")
        next.set("backup", Json::make_bool(true));
    else if (c.kind == "accountable")
        next.set("raci", Json::make_string("A"));
    if (!old)
        return std::vector<PatchOperation>{add_assignment(plan_json, std::move(next))};
    // Accountable instead of Responsible would take work away: not a one-click change.
    if (c.kind == "accountable" && is_plain_responsible(*old))
        return std::nullopt;
    return std::vector<PatchOperation>{
        {"replace", "/assignments/" + model::pointer_escape(key), "", std::move(next)}};
}

// move: `hours` of the duty from `from` (or from nobody) to `person`, as shares of the duty.
// Only the two people's shares change: the others' resolved shares stay as they were.
std::optional<std::vector<PatchOperation>> move_patch(const PlanFacts& facts, const Json& plan_json,
                                                      const FindingChange& c) {
    const auto& duties = facts.index().channel_duties();
    std::optional<size_t> index;
    for (size_t i = 0; i < duties.size(); ++i)
        if (duties[i].duty.str() == c.duty &&
            (duties[i].channel ? duties[i].channel->str() : std::string()) == c.channel)
            index = i;
    if (!index || duties[*index].hours <= 0 || c.hours <= 0)
        return std::nullopt;
    const double moved = c.hours / duties[*index].hours;
    auto share_of = [&](const std::string& person) {
        double share = 0;
        for (const PersonLoad& load : facts.workload().people)
            if (load.person.str() == person)
                for (const LoadItem& item : load.items)
                    if (item.duty_index == *index && !item.profile)
                        share += item.share;
        return share;
    };
    std::vector<PatchOperation> ops;
    if (!c.from.empty()) {
        const std::string key = assignment_key(c.from, c);
        const Json* old = find_assignment(plan_json, key);
        if (!old || !is_plain_responsible(*old))
            return std::nullopt; // the hours come through `duty: all` or a profile
        const double left = share_of(c.from) - moved;
        const std::string path = "/assignments/" + model::pointer_escape(key);
        if (left < 0.0005)
            ops.push_back({"remove", path, "", std::nullopt});
        else
            ops.push_back(
                {old->find("share") ? "replace" : "add", path + "/share", "", share_value(left)});
    }
    const std::string key = assignment_key(c.person, c);
    const Json* old = find_assignment(plan_json, key);
    if (old && is_plain_responsible(*old)) {
        ops.push_back({old->find("share") ? "replace" : "add",
                       "/assignments/" + model::pointer_escape(key) + "/share", "",
                       share_value(share_of(c.person) + moved)});
    } else {
        Json next = new_assignment(c.person, c);
        next.set("share", share_value(moved));
        if (old)
            ops.push_back(
                {"replace", "/assignments/" + model::pointer_escape(key), "", std::move(next)});
        else
            ops.push_back(add_assignment(plan_json, std::move(next)));
    }
    return ops;
}

} // namespace

std::optional<FindingFix> finding_fix(const PlanFacts& facts, const Json& plan_json,
                                      const Finding& finding) {
    const FindingChange& c = finding.change.get();
    if (c.kind.empty() || !known_person(facts, c.person))
        return std::nullopt;
    FindingFix fix;
    fix.values["person"] = person_name(facts, c.person);
    fix.label_key = "web.fix_" + c.kind;
    const std::string person_path = "/people/" + model::pointer_escape(c.person);
    if (c.kind == "assign" || c.kind == "backup" || c.kind == "accountable") {
        auto ops = role_patch(plan_json, c);
        if (!ops)
            return std::nullopt;
        fix.patch = std::move(*ops);
    } else if (c.kind == "move") {
        if (!c.from.empty() && !known_person(facts, c.from))
            return std::nullopt;
        auto ops = move_patch(facts, plan_json, c);
        if (!ops)
            return std::nullopt;
        fix.patch = std::move(*ops);
        fix.hours = c.hours;
        if (c.from.empty())
            fix.label_key = "web.fix_move_open";
        else
            fix.values["from"] = person_name(facts, c.from);
    } else if (c.kind == "owner") {
        std::string path = "/goals/" + model::pointer_escape(c.target);
        if (!c.kpi.empty())
            path += "/kpis/" + model::pointer_escape(c.kpi);
        fix.patch.push_back({"add", path + "/owner", "", Json::make_string(c.person)});
    } else if (c.kind == "reports_to") {
        for (const std::string& id : c.people)
            fix.patch.push_back({"add", "/people/" + model::pointer_escape(id) + "/reports_to", "",
                                 Json::make_string(c.person)});
        fix.values["count"] = std::to_string(c.people.size());
        if (fix.patch.empty())
            return std::nullopt;
    } else if (c.kind == "no_manager") {
        fix.patch.push_back({"remove", person_path + "/reports_to", "", std::nullopt});
    } else if (c.kind == "role") {
        const Json* people = plan_json.find("people");
        const Json* roles = nullptr;
        if (people && people->is_array())
            for (const Json& p : people->items)
                if (model::element_key("people", p) == c.person)
                    roles = p.find("roles");
        if (roles && roles->is_array()) {
            fix.patch.push_back({"add", person_path + "/roles/-", "", Json::make_string(c.target)});
        } else {
            Json list = Json::make_array();
            list.items.push_back(Json::make_string(c.target));
            fix.patch.push_back({"add", person_path + "/roles", "", std::move(list)});
        }
        std::string role = c.target;
        for (const model::Role& r : facts.plan().roles)
            if (r.id.str() == c.target)
                role = model::display_name(r);
        fix.values["role"] = role;
    } else {
        return std::nullopt;
    }
    return fix;
}

} // namespace planner
