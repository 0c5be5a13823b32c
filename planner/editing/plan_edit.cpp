#include "planner/editing/plan_edit.hpp"

#include "model/plan_binary.hpp"
#include "model/plan_json.hpp"
#include "model/plan_queries.hpp"
#include "model/plan_writer.hpp"
#include "model/workspace.hpp"
#include "model/yaml_surgery.hpp"
#include "planner/core/errors.hpp"
#include "planner/core/plan_source.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace planner {

using model::Json;

EditablePlan load_editable_plan(const std::string& path) {
    // Checks the plan as every command does (messages with lines and carets).
    LoadedPlan loaded = load_plan_argument(path);
    EditablePlan out;
    out.path = path;
    out.workspace = loaded.from_workspace;
    if (out.workspace) {
        try {
            model::Workspace ws(path, model::OpenMode::read_only);
            auto yaml = ws.plan_yaml();
            out.text = yaml ? *yaml : model::write_plan_yaml(loaded.plan);
        } catch (const model::WorkspaceError& e) {
            throw workspace_failure(path, e);
        }
    } else {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        out.text = bytes.str();
    }
    model::YamlError error;
    auto parsed = model::ParsedYaml::parse(out.text, error);
    if (!parsed)
        throw InputError(path + ": the plan could not be read again", {error.message});
    out.json = parsed->tree().empty() ? Json::make_object()
                                      : model::yaml_to_json(parsed->tree(), parsed->tree().root());
    if (!out.workspace)
        out.parsed = std::move(parsed);
    return out;
}

namespace {

// The plan file replaced atomically (a temporary file beside it, synced, renamed over it):
// the file being edited is this command's input, which the output writers refuse on purpose.
void replace_file(const std::string& path, const std::string& bytes) {
    std::string temp = path + ".planner-edit-" + std::to_string(::getpid());
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw OutputError(path + ": the plan could not be saved: " + std::strerror(errno));
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0)
        (void)::fchmod(fd, st.st_mode & 07777);
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            int err = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            throw OutputError(path + ": the plan could not be saved: " + std::strerror(err));
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(temp.c_str());
        throw OutputError(path + ": the plan could not be saved: " + std::strerror(err));
    }
}

// People in a reporting cycle, each with the cycle as names. (A person whose id is given twice
// is the last one given, as the plan decoder's own messages have it.)
std::map<std::string, std::vector<std::string>> reporting_cycles(const model::Plan& plan) {
    const std::vector<model::Person>& people = plan.people;
    constexpr size_t none = static_cast<size_t>(-1);
    std::unordered_map<std::string_view, size_t> by_id;
    by_id.reserve(people.size());
    for (size_t i = 0; i < people.size(); ++i)
        by_id[people[i].id.str()] = i;
    auto find = [&](const std::string& id) {
        auto found = id.empty() ? by_id.end() : by_id.find(id);
        return found == by_id.end() ? none : found->second;
    };
    std::map<std::string, std::vector<std::string>> out;
    std::vector<char> state(people.size(), 0); // 1 on the current path, 2 done
    std::vector<size_t> path;
    for (const model::Person& start : people) {
        path.clear();
        size_t at = find(start.id.str());
        while (at != none && state[at] == 0) {
            state[at] = 1;
            path.push_back(at);
            const model::Person& p = people[at];
            at = p.reports_to ? find(p.reports_to->str()) : none;
        }
        if (at != none && state[at] == 1) {
            auto first = std::find(path.begin(), path.end(), at);
            std::vector<std::string> names;
            for (auto it = first; it != path.end(); ++it)
                names.push_back(model::display_name(people[*it]));
            names.push_back(model::display_name(people[at]));
            for (auto it = first; it != path.end(); ++it)
                out[people[*it].id.str()] = names;
        }
        for (size_t i : path)
            state[i] = 2;
    }
    return out;
}

} // namespace

EditResult apply_edit(const Json& current, const model::Plan& before,
                      const std::vector<model::PatchOperation>& patch) {
    EditResult result;
    result.json = current;
    if (auto failure = model::apply_patch(result.json, patch)) {
        result.status = failure->test_failed ? EditStatus::test_failed : EditStatus::invalid;
        result.messages.push_back(
            {failure->path,
             (patch.size() > 1 ? "operation " + std::to_string(failure->index + 1) + " (" +
                                     patch[failure->index].op + " " + failure->path + "): "
                               : std::string()) +
                 failure->message});
        result.json = current;
        return result;
    }
    model::PlanJsonCheck check = model::read_plan_json(result.json);
    if (!check.plan) {
        result.status = EditStatus::invalid;
        for (auto& e : check.errors)
            result.messages.push_back({e.path, e.message});
        return result;
    }
    // The plan before is searched only when the new one has a cycle (rarely).
    std::optional<std::map<std::string, std::vector<std::string>>> old_cycles;
    for (const auto& [id, names] : reporting_cycles(*check.plan)) {
        if (!old_cycles)
            old_cycles = reporting_cycles(before);
        if (old_cycles->count(id))
            continue;
        std::string chain;
        for (size_t i = 0; i < names.size(); ++i)
            chain += (i ? " \u2192 " : "") + names[i];
        result.messages.push_back({"/people/" + model::pointer_escape(id) + "/reports_to",
                                   "this would make a reporting cycle: " + chain +
                                       "; someone in it must report to a person outside it"});
        break; // one message per cycle is enough: report it at its first person
    }
    if (!result.messages.empty()) {
        result.status = EditStatus::invalid;
        return result;
    }
    result.status = EditStatus::applied;
    result.plan = std::move(check.plan);
    return result;
}

EditResult apply_edit_text(const Json& current, const model::Plan& before,
                           const std::string& patch_text) {
    model::JsonParseError error;
    auto json = model::parse_json(patch_text, error);
    EditResult result;
    if (!json) {
        result.json = current;
        result.messages.push_back({"", "the patch is not valid JSON (at byte " +
                                           std::to_string(error.offset + 1) +
                                           "): " + error.message});
        return result;
    }
    model::PatchFailure failure;
    auto ops = model::parse_patch(*json, failure);
    if (!ops) {
        result.json = current;
        result.messages.push_back({failure.path, failure.message});
        return result;
    }
    return apply_edit(current, before, *ops);
}

SavedText text_after_edit(const EditablePlan& stored, const Json& json, const model::Plan& plan) {
    if (!stored.workspace) {
        // The kept parse, when it is of this text; its JSON form is then `stored.json`, and
        // only where that differs from the new JSON is the text walked.
        std::shared_ptr<const model::ParsedYaml> before = stored.parsed;
        const Json* before_json = &stored.json;
        if (!before || before->text() != stored.text) {
            model::YamlError error;
            before = model::ParsedYaml::parse(stored.text, error);
            before_json = nullptr;
        }
        if (before)
            if (auto edited = model::edit_yaml_in_place(*before, json, before_json))
                return SavedText{edited->text(), true, edited};
    }
    return SavedText{model::write_plan_yaml(plan), stored.workspace, nullptr};
}

bool save_edit(EditablePlan& stored, Json json, const model::Plan& plan) {
    SavedText saved = text_after_edit(stored, json, plan);
    if (stored.workspace) {
        try {
            model::Workspace ws(stored.path, model::OpenMode::read_write);
            model::Workspace::Transaction transaction(ws);
            ws.set_plan(saved.text, model::encode_plan(plan), stored.path + " (edited)");
            transaction.commit();
        } catch (const model::WorkspaceError& e) {
            throw workspace_failure(stored.path, e);
        }
        // The workspace keeps the canonical form: the JSON is read back from it.
        model::YamlError error;
        if (auto canonical = model::plan_text_to_json(saved.text, error))
            stored.json = std::move(*canonical);
        else
            stored.json = std::move(json);
    } else {
        replace_file(stored.path, saved.text);
        stored.json = std::move(json);
    }
    stored.text = std::move(saved.text);
    stored.parsed = std::move(saved.parsed);
    return saved.in_place;
}

namespace {
// A finding's check and subject, hashed (a plan of 10,000 people has over 15,000 findings).
using FindingKey = std::pair<std::string_view, std::string_view>;
struct FindingKeyHash {
    size_t operator()(const FindingKey& k) const {
        const size_t a = std::hash<std::string_view>()(k.first);
        return a ^ (std::hash<std::string_view>()(k.second) + 0x9e3779b97f4a7c15ULL + (a << 6) +
                    (a >> 2));
    }
};
} // namespace

FindingChanges compare_findings(const CheckReport& before, const CheckReport& after) {
    auto key = [](const Finding& f) { return FindingKey(f.check, f.subject); };
    std::unordered_set<FindingKey, FindingKeyHash> had, has;
    had.reserve(before.findings.size());
    has.reserve(after.findings.size());
    for (const Finding& f : before.findings)
        had.insert(key(f));
    for (const Finding& f : after.findings)
        has.insert(key(f));
    FindingChanges out;
    for (const Finding& f : after.findings)
        if (!had.count(key(f)))
            out.appeared.push_back(f);
    for (const Finding& f : before.findings)
        if (!has.count(key(f)))
            out.disappeared.push_back(f);
    return out;
}

std::string unified_diff(const std::string& before, const std::string& after,
                         const std::string& name) {
    auto split = [](const std::string& text) {
        std::vector<std::string> lines;
        std::stringstream ss(text);
        for (std::string line; std::getline(ss, line);)
            lines.push_back(line);
        return lines;
    };
    auto a = split(before), b = split(after);
    // Common head and tail; the middle is the change (edits are local, so this is enough
    // for one change at a time; several far apart show as one hunk).
    size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    if (head == a.size() && head == b.size())
        return "";
    const size_t context = 2;
    size_t from = head > context ? head - context : 0;
    size_t a_end = std::min(a.size(), a.size() - tail + context);
    size_t b_end = std::min(b.size(), b.size() - tail + context);
    std::string out = "--- " + name + "\n+++ " + name + "\n@@ -" + std::to_string(from + 1) + "," +
                      std::to_string(a_end - from) + " +" + std::to_string(from + 1) + "," +
                      std::to_string(b_end - from) + " @@\n";
    for (size_t i = from; i < head; ++i)
        out += " " + a[i] + "\n";
    for (size_t i = head; i < a.size() - tail; ++i)
        out += "-" + a[i] + "\n";
    for (size_t i = head; i < b.size() - tail; ++i)
        out += "+" + b[i] + "\n";
    for (size_t i = a.size() - tail; i < a_end; ++i)
        out += " " + a[i] + "\n";
    return out;
}

RebalanceMoves rebalance_moves(const PlanFacts& facts, const Json& plan_json,
                               const RebalanceResult& result) {
    RebalanceMoves out;
    // Hours per duty and person, before and after.
    std::map<size_t, std::map<std::string, double>> before, after;
    for (const PersonLoad& p : facts.workload().people)
        for (const LoadItem& item : p.items)
            before[item.duty_index][p.person.str()] += item.hours;
    for (const ProposedPart& part : result.parts)
        after[part.duty_index][part.person.str()] += static_cast<double>(part.minutes) / 60.0;
    for (auto& [duty, people] : after) {
        std::map<std::string, double> delta;
        for (const auto& [person, hours] : before[duty])
            delta[person] -= hours;
        for (const auto& [person, hours] : people)
            delta[person] += hours;
        std::vector<std::pair<std::string, double>> givers, takers;
        for (const auto& [person, d] : delta) {
            if (d < -0.05)
                givers.emplace_back(person, -d);
            else if (d > 0.05)
                takers.emplace_back(person, d);
        }
        size_t g = 0, t = 0;
        while (t < takers.size()) {
            if (g == givers.size()) {
                out.moves.push_back(
                    {duty, model::PersonId(), model::PersonId(takers[t].first), takers[t].second});
                ++t;
                continue;
            }
            double hours = std::min(givers[g].second, takers[t].second);
            out.moves.push_back(
                {duty, model::PersonId(givers[g].first), model::PersonId(takers[t].first), hours});
            givers[g].second -= hours;
            takers[t].second -= hours;
            if (givers[g].second < 0.05)
                ++g;
            if (takers[t].second < 0.05)
                ++t;
        }
        for (; g < givers.size(); ++g)
            if (givers[g].second >= 0.05)
                out.moves.push_back(
                    {duty, model::PersonId(givers[g].first), model::PersonId(), givers[g].second});
    }
    // The patch: the assignments as proposed, against the plan's own.
    model::YamlError error;
    auto proposed = model::plan_text_to_json(model::write_plan_yaml(result.proposed), error);
    Json old_side = Json::make_object(), new_side = Json::make_object();
    const Json* old_assignments = plan_json.find("assignments");
    old_side.set("assignments", old_assignments ? *old_assignments : Json::make_array());
    const Json* new_assignments = proposed ? proposed->find("assignments") : nullptr;
    Json proposed_list = new_assignments ? *new_assignments : Json::make_array();
    // The canonical form writes `raci: R`, the default: kept only where the plan wrote it.
    for (Json& a : proposed_list.items) {
        const Json* raci = a.find("raci");
        if (!raci || raci->text != "R")
            continue;
        std::string key = model::element_key("assignments", a);
        bool written = false;
        if (old_assignments)
            for (const Json& o : old_assignments->items)
                if (model::element_key("assignments", o) == key && o.find("raci"))
                    written = true;
        if (!written)
            a.erase("raci");
    }
    new_side.set("assignments", proposed_list);
    out.patch = model::diff_json(old_side, new_side);
    return out;
}

} // namespace planner
