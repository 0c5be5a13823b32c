#include "planner/history/sync.hpp"

#include "model/content_hash.hpp"
#include "model/plan_reader.hpp"
#include "model/workspace.hpp"
#include "planner/core/errors.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/history/history.hpp"
#include "planner/history/plan_merge.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

namespace planner {

namespace {
using model::Workspace;

// Content hashes a workspace's plan has been, newest last; a sync's version also knows the
// plan of the other workspace it merged in.
std::vector<std::string> known_plans(const std::vector<model::PlanVersion>& versions) {
    std::vector<std::string> known;
    for (const model::PlanVersion& v : versions) {
        if (v.command == "sync" && !v.file_sha256.empty())
            known.push_back(v.file_sha256);
        known.push_back(v.content_sha256);
    }
    return known;
}

std::optional<std::string> version_with_hash(const Workspace& workspace,
                                             const std::vector<model::PlanVersion>& versions,
                                             const std::string& hash) {
    for (auto v = versions.rbegin(); v != versions.rend(); ++v)
        if (v->content_sha256 == hash)
            return workspace.plan_version_yaml(v->number);
    return std::nullopt;
}

model::Plan read_yaml(const std::string& name, const std::string& yaml) {
    auto result = model::read_plan_text(name, yaml);
    if (!result.ok()) {
        std::vector<std::string> lines;
        for (const auto& e : result.errors)
            lines.push_back(e.to_string());
        throw InputError("a stored plan cannot be read", std::move(lines));
    }
    return std::move(result.plan);
}

// The identity of an import across workspaces.
using ImportKey = std::tuple<std::string, std::string, std::string, std::string>;
ImportKey import_key(const model::ImportLogEntry& e) {
    return {e.sha256, e.file_name, e.imported_at, e.kind};
}

struct Side {
    std::string path;
    std::unique_ptr<Workspace> workspace;
    std::optional<std::string> yaml;
    std::string hash;
    std::vector<model::PlanVersion> versions;
    std::vector<model::ImportLogEntry> imports;
    std::map<long long, ImportKey> import_by_id;
    std::map<ImportKey, long long> id_by_import;
    std::map<std::tuple<std::string, std::string, std::string, std::string>, model::StoredMetric>
        metrics;
    std::map<std::string, std::string> snapshots; // quarter -> yaml
    std::map<std::string, std::string> settings;

    // What to write.
    std::optional<model::Plan> new_plan;
    std::string plan_from_hash;
    std::vector<model::ImportLogEntry> new_imports;
    std::vector<std::pair<model::StoredMetric, ImportKey>> new_metrics;
    std::vector<std::string> new_snapshots;
    std::vector<std::pair<std::string, std::string>> new_settings;
};

void load(Side& side) {
    Workspace& ws = *side.workspace;
    side.yaml = ws.plan_yaml();
    side.hash = side.yaml ? model::content_hash(*side.yaml) : "";
    side.versions = ws.plan_versions();
    side.imports = ws.imports();
    const std::vector<long long> ids = ws.import_ids();
    for (size_t i = 0; i < ids.size(); ++i) {
        side.import_by_id[ids[i]] = import_key(side.imports[i]);
        side.id_by_import.emplace(import_key(side.imports[i]), ids[i]);
    }
    for (const model::StoredMetric& m : ws.stored_metrics())
        side.metrics[{m.channel, m.profile, m.metric, m.date}] = m;
    for (const auto& [key, value] : ws.settings())
        side.settings[key] = value;
    for (const std::string& quarter : ws.snapshot_quarters())
        side.snapshots[quarter] = ws.snapshot(quarter).value_or("");
}

std::string plural(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}
} // namespace

SyncResult sync_workspaces(const std::string& a_path, const std::string& b_path,
                           const SyncOptions& options) {
    std::error_code ec;
    if (std::filesystem::equivalent(a_path, b_path, ec))
        throw UsageError("'" + a_path + "' and '" + b_path +
                         "' are the same workspace; sync brings two copies together");
    for (const std::string& path : {a_path, b_path})
        if (!model::is_workspace_file(path))
            throw UsageError("'" + path +
                             "' is not a workspace; `planner sync` takes two "
                             "workspace files (e.g. team.db /media/usb/team.db)");
    Side a, b;
    a.path = a_path;
    b.path = b_path;
    SyncResult result;
    try {
        a.workspace = std::make_unique<Workspace>(a_path, model::OpenMode::read_write);
        b.workspace = std::make_unique<Workspace>(b_path, model::OpenMode::read_write);
    } catch (const model::WorkspaceError& e) {
        throw workspace_failure(a.workspace ? b_path : a_path, e);
    }
    // Both locked for writing from the start: what is read is what the merge is written
    // over. Each commits on its own (the first, then the second).
    std::optional<Workspace::Transaction> a_transaction;
    std::optional<Workspace::Transaction> b_transaction;
    try {
        a_transaction.emplace(*a.workspace);
        b_transaction.emplace(*b.workspace);
    } catch (const model::WorkspaceError& e) {
        throw workspace_failure(a_transaction ? b_path : a_path, e);
    }
    load(a);
    load(b);
    const bool prefer_a = options.prefer == SyncPreference::a;
    const bool prefer_b = options.prefer == SyncPreference::b;

    // The plan.
    if (a.yaml && !b.yaml) {
        b.new_plan = read_yaml(a_path + " (stored plan)", *a.yaml);
        b.plan_from_hash = a.hash;
    } else if (b.yaml && !a.yaml) {
        a.new_plan = read_yaml(b_path + " (stored plan)", *b.yaml);
        a.plan_from_hash = b.hash;
    } else if (a.yaml && b.yaml && a.hash != b.hash) {
        const std::vector<std::string> known_a = known_plans(a.versions);
        const std::vector<std::string> known_b = known_plans(b.versions);
        const std::set<std::string> in_b(known_b.begin(), known_b.end());
        std::optional<std::string> base_hash;
        std::optional<std::string> base_yaml;
        for (auto h = known_a.rbegin(); h != known_a.rend() && !base_yaml; ++h) {
            if (!in_b.count(*h))
                continue;
            base_yaml = version_with_hash(*a.workspace, a.versions, *h);
            if (!base_yaml)
                base_yaml = version_with_hash(*b.workspace, b.versions, *h);
            if (base_yaml)
                base_hash = *h;
        }
        const model::Plan plan_a = read_yaml(a_path + " (stored plan)", *a.yaml);
        const model::Plan plan_b = read_yaml(b_path + " (stored plan)", *b.yaml);
        bool a_has_b = std::find(known_a.begin(), known_a.end(), b.hash) != known_a.end();
        bool b_has_a = std::find(known_b.begin(), known_b.end(), a.hash) != known_b.end();
        if (a_has_b && !b_has_a) {
            b.new_plan = plan_a; // B's plan is in A's past: A is ahead
        } else if (b_has_a && !a_has_b) {
            a.new_plan = plan_b;
        } else {
            std::optional<model::Plan> base;
            if (base_yaml)
                base = read_yaml(a_path + " (common version)", *base_yaml);
            MergeResult merged = merge_plans(base ? &*base : nullptr, plan_a, plan_b, prefer_b);
            for (const MergeConflict& c : merged.conflicts)
                result.conflicts.push_back("plan: " + c.subject + ": " + c.field + ": base " +
                                           c.base + ", " + a_path + " " + c.ours + ", " + b_path +
                                           " " + c.theirs);
            if (!merged.conflicts.empty() && !prefer_a && !prefer_b) {
                // Listed below, with the rest; nothing is written.
            }
            a.new_plan = merged.plan;
            b.new_plan = merged.plan;
            if (!base)
                result.lines.push_back("the two plans have no version in common: merged as "
                                       "two additions");
        }
        a.plan_from_hash = b.hash;
        b.plan_from_hash = a.hash;
    }

    // Snapshots.
    std::set<std::string> quarters;
    for (const auto& [q, yaml] : a.snapshots)
        quarters.insert(q);
    for (const auto& [q, yaml] : b.snapshots)
        quarters.insert(q);
    for (const std::string& q : quarters) {
        auto in_a = a.snapshots.find(q);
        auto in_b = b.snapshots.find(q);
        if (in_b == b.snapshots.end())
            b.new_snapshots.push_back(q);
        else if (in_a == a.snapshots.end())
            a.new_snapshots.push_back(q);
        else if (in_a->second != in_b->second) {
            result.conflicts.push_back("snapshot " + q + ": frozen differently in " + a_path +
                                       " and " + b_path);
            if (prefer_a)
                b.new_snapshots.push_back(q);
            if (prefer_b)
                a.new_snapshots.push_back(q);
        }
    }

    // Settings (e.g. roster column mappings): each side gets those it lacks; a setting the
    // two sides hold differently stays as each has it.
    for (const auto& [key, value] : a.settings)
        if (!b.settings.count(key))
            b.new_settings.emplace_back(key, value);
    for (const auto& [key, value] : b.settings)
        if (!a.settings.count(key))
            a.new_settings.emplace_back(key, value);

    // The import log and the metrics.
    for (const model::ImportLogEntry& e : a.imports)
        if (!b.id_by_import.count(import_key(e)))
            b.new_imports.push_back(e);
    for (const model::ImportLogEntry& e : b.imports)
        if (!a.id_by_import.count(import_key(e)))
            a.new_imports.push_back(e);
    auto imported_at = [](const Side& side, long long id) {
        auto found = side.import_by_id.find(id);
        return found == side.import_by_id.end() ? ImportKey{} : found->second;
    };
    std::set<std::tuple<std::string, std::string, std::string, std::string>> metric_keys;
    for (const auto& [key, m] : a.metrics)
        metric_keys.insert(key);
    for (const auto& [key, m] : b.metrics)
        metric_keys.insert(key);
    for (const auto& key : metric_keys) {
        auto in_a = a.metrics.find(key);
        auto in_b = b.metrics.find(key);
        if (in_b == b.metrics.end()) {
            b.new_metrics.emplace_back(in_a->second, imported_at(a, in_a->second.import_id));
            continue;
        }
        if (in_a == a.metrics.end()) {
            a.new_metrics.emplace_back(in_b->second, imported_at(b, in_b->second.import_id));
            continue;
        }
        const ImportKey from_a = imported_at(a, in_a->second.import_id);
        const ImportKey from_b = imported_at(b, in_b->second.import_id);
        if (in_a->second.value == in_b->second.value && from_a == from_b)
            continue;
        // Overlapping values: the later import wins (METRICS.md), by its time, then by its
        // hash so that both sides decide alike.
        auto order = [](const ImportKey& k) { return std::tie(std::get<2>(k), std::get<0>(k)); };
        if (order(from_a) < order(from_b))
            a.new_metrics.emplace_back(in_b->second, from_b);
        else
            b.new_metrics.emplace_back(in_a->second, from_a);
    }

    if (!result.conflicts.empty() && !prefer_a && !prefer_b)
        return result;

    // Write: each workspace in one transaction.
    auto write = [&](Side& side, const Side& other, Workspace::Transaction& transaction) {
        Workspace& ws = *side.workspace;
        std::vector<std::string> done;
        if (side.new_plan) {
            const CommittedPlan committed =
                commit_plan(ws, *side.new_plan, {"sync", other.path, side.plan_from_hash});
            if (committed.changed)
                done.push_back("plan version " + std::to_string(committed.number) + " (" +
                               committed.summary + ")");
        }
        for (const std::string& q : side.new_snapshots) {
            const std::string quarter_yaml = other.snapshots.at(q);
            ws.put_snapshot(q, quarter_yaml, other.workspace->snapshot_model(q), [&] {
                for (const auto& s : other.workspace->snapshot_list())
                    if (s.quarter == q)
                        return s.taken_at;
                return std::string();
            }());
        }
        if (!side.new_snapshots.empty())
            done.push_back(plural(side.new_snapshots.size(), "snapshot", "snapshots"));
        for (const auto& [key, value] : side.new_settings)
            ws.set_setting(key, value);
        if (!side.new_settings.empty())
            done.push_back(plural(side.new_settings.size(), "setting", "settings"));
        std::map<ImportKey, long long> ids = side.id_by_import;
        for (const model::ImportLogEntry& e : side.new_imports)
            ids[import_key(e)] = ws.log_import(e);
        if (!side.new_imports.empty())
            done.push_back(plural(side.new_imports.size(), "import", "imports") + " logged");
        for (auto [metric, from] : side.new_metrics) {
            auto id = ids.find(from);
            if (id == ids.end())
                throw InternalError("sync: a metric value's import is not in the log");
            metric.import_id = id->second;
            ws.put_stored_metric(metric);
        }
        if (!side.new_metrics.empty())
            done.push_back(plural(side.new_metrics.size(), "metric value", "metric values"));
        transaction.commit();
        if (!done.empty()) {
            std::string line;
            for (const std::string& d : done)
                line += (line.empty() ? "" : ", ") + d;
            result.lines.push_back(side.path + ": " + line);
            result.changed = true;
        }
    };
    try {
        write(a, b, *a_transaction);
        if (options.between)
            options.between();
        write(b, a, *b_transaction);
    } catch (const model::WorkspaceError& e) {
        throw workspace_failure(a_path, e);
    }
    return result;
}

} // namespace planner
