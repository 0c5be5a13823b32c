#include "planner/imports/importers.hpp"

#include "model/csv_reader.hpp"
#include "model/metrics.hpp"
#include "model/plan_binary.hpp"
#include "model/plan_reader.hpp"
#include "model/plan_writer.hpp"
#include "planner/core/errors.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/core/sha256.hpp"
#include "planner/imports/roster.hpp"

#include <set>

namespace planner {

namespace {
bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

[[noreturn]] void throw_diagnostics(const std::string& summary,
                                    const std::vector<model::Diagnostic>& errors) {
    std::vector<std::string> lines;
    for (const auto& e : errors)
        lines.push_back(e.to_string());
    throw InputError(summary, std::move(lines));
}

std::string plural(size_t n, const std::string& word) {
    if (word == "person")
        return std::to_string(n) + (n == 1 ? " person" : " people");
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}
} // namespace

ImportKind detect_import_kind(const ImportFile& file) {
    if (ends_with(file.path, ".yaml") || ends_with(file.path, ".yml"))
        return ImportKind::plan;
    if (looks_like_roster(file.bytes))
        return ImportKind::roster;
    return ImportKind::metrics;
}

std::string import_file(model::Workspace& workspace, const ImportFile& file,
                        const ImportOptions& options) {
    switch (detect_import_kind(file)) {
    case ImportKind::plan:
        return import_plan(workspace, file);
    case ImportKind::roster:
        return import_roster(workspace, file);
    case ImportKind::metrics:
        return import_metrics(workspace, file, options);
    }
    return {};
}

std::string import_plan(model::Workspace& workspace, const ImportFile& file) {
    auto result = model::read_plan_text(file.path, file.bytes);
    if (!result.ok())
        throw_diagnostics(result.errors.size() == 1
                              ? "the plan has 1 error; nothing was imported"
                              : "the plan has " + std::to_string(result.errors.size()) +
                                    " errors; nothing was imported",
                          result.errors);
    std::string yaml = model::write_plan_yaml(result.plan);
    auto old = workspace.plan_yaml();
    if (old && *old == yaml) {
        // A workspace upgraded from schema 1 (or written by another version of planner) lacks
        // a binary form this build reads: store it now.
        auto stored = workspace.plan_model();
        if (!stored || !model::decode_plan(*stored))
            workspace.set_plan(yaml, model::encode_plan(result.plan), file.path);
        return file.path + ": the workspace already holds this plan; nothing changed.";
    }
    workspace.set_plan(yaml, model::encode_plan(result.plan), file.path);
    model::ImportLogEntry entry;
    entry.file_name = file.path;
    entry.sha256 = sha256_hex(file.bytes);
    entry.kind = "plan";
    entry.format = "plan-yaml";
    entry.rows_read = entry.rows_stored = 1;
    workspace.log_import(entry);
    return file.path + ": imported the plan '" + result.plan.info.name + "' (" +
           plural(result.plan.people.size(), "person") + ", " +
           plural(result.plan.channels.size(), "channel") + ")" +
           (old ? ", replacing the previous plan." : ".");
}

std::string import_roster(model::Workspace& workspace, const ImportFile& file) {
    auto yaml = workspace.plan_yaml();
    if (!yaml)
        throw UsageError(file.path +
                         ": a roster adds people to a plan, and the workspace has "
                         "none yet; import a plan YAML first (start one with `planner init`)");
    auto stored = model::read_plan_text(workspace.path() + " (stored plan)", *yaml);
    if (!stored.ok())
        throw_diagnostics("the stored plan is not valid", stored.errors);
    RosterResult roster = apply_roster(stored.plan, file.path, file.bytes);
    if (!roster.errors.empty())
        throw_diagnostics(roster.errors.size() == 1
                              ? "the roster has 1 error; nothing was imported"
                              : "the roster has " + std::to_string(roster.errors.size()) +
                                    " errors; nothing was imported",
                          roster.errors);
    std::string updated = model::write_plan_yaml(stored.plan);
    // The whole plan must still hold together (e.g. no reference to a removed role).
    auto check = model::read_plan_text(file.path + " (plan after the roster)", updated);
    if (!check.ok())
        throw_diagnostics("the roster would make the plan invalid", check.errors);
    workspace.set_plan(updated, model::encode_plan(check.plan), file.path);
    model::ImportLogEntry entry;
    entry.file_name = file.path;
    entry.sha256 = sha256_hex(file.bytes);
    entry.kind = "roster";
    entry.format = "roster-csv";
    entry.rows_read = static_cast<long long>(roster.rows);
    entry.rows_stored = static_cast<long long>(roster.added + roster.updated);
    workspace.log_import(entry);
    return file.path + ": roster of " + plural(roster.rows, "row") + ": added " +
           plural(roster.added, "person") + ", updated " + std::to_string(roster.updated) + ".";
}

std::string import_metrics(model::Workspace& workspace, const ImportFile& file,
                           const ImportOptions& options) {
    model::MetricImportOptions metric_options;
    if (options.channel)
        metric_options.channel = *options.channel;
    metric_options.profile = options.profile;
    metric_options.year = options.year;
    auto result = model::read_metric_file(file.path, file.bytes, metric_options);
    if (!result.ok())
        throw_diagnostics(file.path + " was not imported; nothing was stored", result.errors);

    std::string hash = sha256_hex(file.bytes);
    if (auto earlier = workspace.find_import(hash))
        return file.path + ": this content was imported before (as " + earlier->file_name + " on " +
               earlier->imported_at.substr(0, 10) + "); nothing stored.";

    // Channels must be the plan's, when there is a plan.
    if (auto plan = stored_plan(workspace)) {
        std::set<std::string> channels;
        for (const auto& c : plan->channels)
            channels.insert(c.id.str());
        std::vector<model::Diagnostic> errors;
        std::set<std::string> reported;
        for (const auto& v : result.file.values)
            if (!channels.count(v.channel) && reported.insert(v.channel).second)
                errors.push_back(
                    model::Diagnostic{file.path, v.source_line, 1,
                                      "channel '" + v.channel +
                                          "' is not in the workspace's plan; use one of "
                                          "the plan's channel ids (see `planner show " +
                                          workspace.path() + "`)"});
        if (!errors.empty())
            throw_diagnostics(file.path + " was not imported", errors);
    }

    model::ImportLogEntry entry;
    entry.file_name = file.path;
    entry.sha256 = hash;
    entry.kind = "metrics";
    entry.format = result.file.format_id;
    entry.rows_read = static_cast<long long>(result.file.rows_read);
    entry.rows_stored = static_cast<long long>(result.file.values.size());
    for (const auto& column : result.file.ignored_columns)
        entry.ignored_columns += (entry.ignored_columns.empty() ? "" : "; ") + column;
    long long id = workspace.log_import(entry);
    size_t replaced = 0;
    for (const auto& v : result.file.values) {
        if (workspace.store_metric(v, id))
            ++replaced;
    }
    std::string summary = file.path + ": " + result.file.format_name + ", " +
                          plural(result.file.rows_read, "row") + " read, " +
                          plural(result.file.values.size(), "value") + " stored";
    if (replaced)
        summary += ", " + std::to_string(replaced) + " earlier values replaced";
    summary += ".";
    if (!result.file.ignored_columns.empty()) {
        summary += "\n  ignored " + plural(result.file.ignored_columns.size(), "column") + ": ";
        for (size_t i = 0; i < result.file.ignored_columns.size(); ++i)
            summary += (i ? ", " : "") + result.file.ignored_columns[i];
    }
    for (const auto& note : result.file.notes)
        summary += "\n  " + note;
    return summary;
}

} // namespace planner
