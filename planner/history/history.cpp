#include "planner/history/history.hpp"

#include "model/plan_binary.hpp"
#include "model/plan_writer.hpp"
#include "planner/core/errors.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/review/plan_diff.hpp"

#include <map>
#include <set>
#include <tuple>

namespace planner {

namespace {
std::string count(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

using AssignmentKey = std::tuple<std::string, std::string, std::string, std::string, std::string>;
std::set<AssignmentKey> assignment_keys(const model::Plan& plan) {
    std::set<AssignmentKey> keys;
    for (const model::Assignment& a : plan.assignments)
        keys.emplace(a.person.str(), a.channel ? a.channel->str() : "",
                     a.profile ? a.profile->str() : "", a.duty.str(),
                     std::string(model::to_string(a.raci)));
    return keys;
}
} // namespace

std::string summarize_change(const model::Plan* before, const model::Plan& after) {
    if (!before)
        return "first plan: " + count(after.people.size(), "person", "people") + ", " +
               count(after.channels.size(), "channel", "channels") + ", " +
               count(after.assignments.size(), "assignment", "assignments");
    // Subjects per area and kind, in the diff's order of areas.
    std::vector<std::string> areas;
    std::map<std::string, std::map<ChangeKind, std::set<std::string>>> subjects;
    for (const PlanChange& change : diff_plans(*before, after)) {
        if (!subjects.count(change.area))
            areas.push_back(change.area);
        subjects[change.area][change.kind].insert(change.subject);
    }
    if (areas.empty())
        return "no change in meaning (only the way it is written)";
    std::string line;
    for (const std::string& area : areas) {
        std::string parts;
        for (ChangeKind kind : {ChangeKind::added, ChangeKind::removed, ChangeKind::changed}) {
            auto found = subjects[area].find(kind);
            if (found == subjects[area].end())
                continue;
            parts += (parts.empty() ? "" : ", ") + std::to_string(found->second.size()) + " " +
                     std::string(to_string(kind));
        }
        line += (line.empty() ? "" : "; ") + area + ": " + parts;
    }
    return line;
}

CommittedPlan commit_plan(model::Workspace& workspace, const model::Plan& plan,
                          const PlanOrigin& origin) {
    CommittedPlan committed;
    const std::string yaml = model::write_plan_yaml(plan);
    const std::optional<std::string> old_yaml = workspace.plan_yaml();
    if (old_yaml && *old_yaml == yaml)
        return committed;
    std::optional<model::Plan> before;
    if (old_yaml) {
        try {
            before = stored_plan(workspace);
        } catch (const Error&) {
            // A stored plan this planner cannot read is still kept as a version; the
            // summary then cannot compare.
        }
    }
    const std::vector<model::PlanVersion> versions = workspace.plan_versions();
    committed.previous = versions.empty() ? 0 : versions.back().number;
    if (before) {
        std::set<std::string> kept;
        for (const model::Person& p : plan.people)
            kept.insert(p.id.str());
        for (const model::Person& p : before->people)
            committed.people_removed += kept.count(p.id.str()) ? 0 : 1;
        const auto now = assignment_keys(plan);
        for (const AssignmentKey& key : assignment_keys(*before))
            committed.assignments_removed += now.count(key) ? 0 : 1;
    }
    committed.summary = old_yaml && !before ? "the plan before could not be read to compare"
                                            : summarize_change(before ? &*before : nullptr, plan);
    model::PlanVersion version;
    version.command = origin.command;
    version.file_name = origin.file_name;
    version.file_sha256 = origin.file_sha256;
    version.summary = committed.summary;
    committed.number =
        workspace.store_plan_version(yaml, model::encode_plan(plan), std::move(version)).number;
    committed.changed = true;
    return committed;
}

std::string removal_notice(const CommittedPlan& committed, const std::string& workspace_path) {
    if (!committed.changed || committed.previous == 0 ||
        (committed.people_removed == 0 && committed.assignments_removed == 0))
        return {};
    std::string what;
    if (committed.people_removed)
        what = count(committed.people_removed, "person", "people");
    if (committed.assignments_removed)
        what += (what.empty() ? "" : " and ") +
                count(committed.assignments_removed, "assignment", "assignments");
    return "this removed " + what + " from the plan; `planner restore " + workspace_path + " " +
           std::to_string(committed.previous) + "` brings back the plan as it was (version " +
           std::to_string(committed.previous) + ")";
}

CommittedPlan restore_version(model::Workspace& workspace, long long number) {
    std::optional<model::Plan> plan = stored_plan_version(workspace, number);
    if (!plan) {
        const auto versions = workspace.plan_versions();
        throw UsageError(
            "workspace '" + workspace.path() + "' has no version " + std::to_string(number) +
            (versions.empty() ? "; it has no versions yet"
                              : "; it has versions 1 to " + std::to_string(versions.back().number) +
                                    " (`planner log " + workspace.path() + "` lists them)"));
    }
    return commit_plan(workspace, *plan, {"restore", "version " + std::to_string(number), ""});
}

} // namespace planner
