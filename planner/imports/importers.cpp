#include "planner/imports/importers.hpp"

#include "model/csv_reader.hpp"
#include "model/metrics.hpp"
#include "model/plan_binary.hpp"
#include "model/plan_reader.hpp"
#include "model/plan_writer.hpp"
#include "model/raci_grid.hpp"
#include "model/roster_table.hpp"
#include "planner/core/errors.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/core/sha256.hpp"
#include "planner/history/history.hpp"
#include "planner/imports/raci.hpp"
#include "planner/imports/roster.hpp"

#include <map>
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

// "\n  this removed 3 assignments ...; `planner restore ...` brings ..." or "".
std::string notice(const CommittedPlan& committed, const model::Workspace& workspace,
                   const ImportOptions& options) {
    const std::string text = removal_notice(
        committed, options.workspace_name.empty() ? workspace.path() : options.workspace_name);
    return text.empty() ? text : "\n  " + text;
}

std::string plural(size_t n, const std::string& word) {
    if (word == "duty")
        return std::to_string(n) + (n == 1 ? " duty" : " duties");
    if (word == "person")
        return std::to_string(n) + (n == 1 ? " person" : " people");
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}
} // namespace

namespace {
std::string mapping_key(const ImportFile& file) {
    return "roster.columns:" + model::roster_header_signature(file.bytes);
}

// --columns, else the mapping stored for a file with these headers; empty when neither.
model::RosterMapping roster_mapping(const model::Workspace* workspace, const ImportFile& file,
                                    const ImportOptions& options) {
    if (options.columns) {
        std::string error;
        auto mapping = model::parse_roster_mapping(*options.columns, error);
        if (!mapping)
            throw UsageError("--columns: " + error);
        return *mapping;
    }
    if (workspace) {
        if (auto stored = workspace->setting(mapping_key(file))) {
            std::string error;
            if (auto mapping = model::parse_roster_mapping(*stored, error))
                return *mapping;
        }
    }
    return {};
}

ImportKind detect_kind(const model::Workspace* workspace, const ImportFile& file,
                       const ImportOptions& options) {
    if (ends_with(file.path, ".yaml") || ends_with(file.path, ".yml"))
        return ImportKind::plan;
    if (model::looks_like_roster(file.bytes, roster_mapping(workspace, file, options)))
        return ImportKind::roster;
    if (model::looks_like_raci_grid(file.bytes))
        return ImportKind::raci;
    return ImportKind::metrics;
}
} // namespace

ImportKind detect_import_kind(const ImportFile& file, const ImportOptions& options) {
    return detect_kind(nullptr, file, options);
}

std::string import_file(model::Workspace& workspace, const ImportFile& file,
                        const ImportOptions& options) {
    switch (detect_kind(&workspace, file, options)) {
    case ImportKind::plan:
        return import_plan(workspace, file, options);
    case ImportKind::roster:
        return import_roster(workspace, file, options);
    case ImportKind::raci:
        return import_raci(workspace, file, options);
    case ImportKind::metrics:
        return import_metrics(workspace, file, options);
    }
    return {};
}

std::string import_plan(model::Workspace& workspace, const ImportFile& file,
                        const ImportOptions& options) {
    auto result = options.owners_later ? model::read_plan_text_owners_later(file.path, file.bytes)
                                       : model::read_plan_text(file.path, file.bytes);
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
            workspace.refresh_plan_model(model::encode_plan(result.plan));
        return file.path + ": the workspace already holds this plan; nothing changed.";
    }
    const std::string file_hash = sha256_hex(file.bytes);
    const CommittedPlan committed =
        commit_plan(workspace, result.plan, {"import", file.path, file_hash});
    model::ImportLogEntry entry;
    entry.file_name = file.path;
    entry.sha256 = file_hash;
    entry.kind = "plan";
    entry.format = "plan-yaml";
    entry.rows_read = entry.rows_stored = 1;
    workspace.log_import(entry);
    return file.path + ": imported the plan '" + result.plan.info.name + "' (" +
           plural(result.plan.people.size(), "person") + ", " +
           plural(result.plan.channels.size(), "channel") + ")" +
           (old ? ", replacing the previous plan (kept as version " +
                      std::to_string(committed.previous) + ")."
                : ".") +
           notice(committed, workspace, options);
}

namespace {
// "a, b, c and 4 more"
std::string some_of(const std::vector<std::string>& items, size_t limit = 8) {
    std::string text;
    for (size_t i = 0; i < items.size() && i < limit; ++i)
        text += (i ? ", " : "") + items[i];
    if (items.size() > limit)
        text += " and " + std::to_string(items.size() - limit) + " more";
    return text;
}

model::Plan stored_plan_for(model::Workspace& workspace, const ImportFile& file,
                            const std::string& what, bool owners_later) {
    auto yaml = workspace.plan_yaml();
    if (!yaml)
        throw UsageError(file.path + ": " + what +
                         ", and the workspace has no plan yet; import a plan YAML first (start "
                         "one with `planner init`)");
    std::string name = workspace.path() + " (stored plan)";
    auto stored = owners_later ? model::read_plan_text_owners_later(name, *yaml)
                               : model::read_plan_text(name, *yaml);
    if (!stored.ok())
        throw_diagnostics("the stored plan is not valid", stored.errors);
    return std::move(stored.plan);
}

// Stores the changed plan after checking that it still holds together.
CommittedPlan store_changed_plan(model::Workspace& workspace, const ImportFile& file,
                                 const model::Plan& plan, const std::string& what,
                                 bool owners_later) {
    std::string updated = model::write_plan_yaml(plan);
    auto check = owners_later ? model::read_plan_text_owners_later(file.path, updated)
                              : model::read_plan_text(file.path, updated);
    if (!check.ok()) {
        // The whole plan must still hold together (e.g. no reference to a removed role). The
        // lines of the rewritten plan exist in no file: the messages name the file only.
        for (auto& error : check.errors) {
            error.line = error.column = 0;
            error.message = "with this " + what + " the plan would be invalid: " + error.message;
        }
        throw_diagnostics("the " + what + " would make the plan invalid; nothing was imported",
                          check.errors);
    }
    return commit_plan(workspace, check.plan, {"import", file.path, sha256_hex(file.bytes)});
}
} // namespace

std::string import_roster(model::Workspace& workspace, const ImportFile& file,
                          const ImportOptions& options) {
    model::Plan plan =
        stored_plan_for(workspace, file, "a roster adds people to a plan", options.owners_later);
    model::RosterMapping mapping = roster_mapping(&workspace, file, options);
    RosterResult roster = apply_roster(plan, file.path, file.bytes, mapping);
    if (!roster.errors.empty())
        throw_diagnostics(roster.errors.size() == 1
                              ? "the roster has 1 error; nothing was imported"
                              : "the roster has " + std::to_string(roster.errors.size()) +
                                    " errors; nothing was imported",
                          roster.errors);
    if (const auto current = workspace.plan_yaml();
        current && model::write_plan_yaml(plan) == *current) {
        if (options.columns)
            workspace.set_setting(mapping_key(file), model::format_roster_mapping(mapping));
        return file.path + ": roster of " + plural(roster.rows, "row") +
               ": the plan already holds every value in it; nothing changed.";
    }
    store_changed_plan(workspace, file, plan, "roster", options.owners_later);
    if (options.columns)
        workspace.set_setting(mapping_key(file), model::format_roster_mapping(mapping));
    model::ImportLogEntry entry;
    entry.file_name = file.path;
    entry.sha256 = sha256_hex(file.bytes);
    entry.kind = "roster";
    entry.format = "roster-csv";
    entry.rows_read = static_cast<long long>(roster.rows);
    entry.rows_stored = static_cast<long long>(roster.added.size() + roster.changed.size());
    for (const auto& column : roster.ignored_columns)
        entry.ignored_columns += (entry.ignored_columns.empty() ? "" : "; ") + column;
    workspace.log_import(entry);

    std::string summary = file.path + ": roster of " + plural(roster.rows, "row") + ": added " +
                          plural(roster.added.size(), "person");
    if (!roster.added.empty())
        summary += " (" + some_of(roster.added) + ")";
    summary += ", changed " + std::to_string(roster.changed.size());
    if (!roster.changed.empty())
        summary += " (" + some_of(roster.changed) + ")";
    summary += ", unchanged " + std::to_string(roster.unchanged.size()) + ".";
    // The columns as read, unless every header is the field's own name.
    bool renamed = false;
    for (const auto& column : roster.columns)
        renamed = renamed || column.find(" -> ") == std::string::npos ||
                  column.substr(0, column.find(" -> ")) != column.substr(column.find(" -> ") + 4);
    if (renamed)
        summary += "\n  columns: " + some_of(roster.columns, 100);
    if (!roster.ignored_columns.empty())
        summary += "\n  ignored " + plural(roster.ignored_columns.size(), "column") + ": " +
                   some_of(roster.ignored_columns, 100);
    for (const auto& line : roster.not_active)
        summary += "\n  not active: " + line;
    if (options.columns)
        summary += "\n  the column mapping is stored in the workspace and used for the next "
                   "file with the same headers";
    else if (!mapping.empty())
        summary += "\n  the column mapping stored in the workspace for these headers was used";
    return summary;
}

std::string import_raci(model::Workspace& workspace, const ImportFile& file,
                        const ImportOptions& options) {
    model::Plan plan = stored_plan_for(
        workspace, file, "an ownership sheet assigns the plan's duties", options.owners_later);
    RaciResult raci = apply_raci(plan, file.path, file.bytes);
    if (!raci.errors.empty())
        throw_diagnostics(raci.errors.size() == 1
                              ? "the ownership sheet has 1 error; nothing was imported"
                              : "the ownership sheet has " + std::to_string(raci.errors.size()) +
                                    " errors; nothing was imported",
                          raci.errors);
    const CommittedPlan committed =
        store_changed_plan(workspace, file, plan, "ownership sheet", options.owners_later);
    model::ImportLogEntry entry;
    entry.file_name = file.path;
    entry.sha256 = sha256_hex(file.bytes);
    entry.kind = "raci";
    entry.format = "raci-grid";
    entry.rows_read = static_cast<long long>(raci.duties);
    entry.rows_stored = static_cast<long long>(raci.changes.size());
    workspace.log_import(entry);
    std::string summary = file.path + ": ownership sheet of " + plural(raci.duties, "duty") +
                          " and " + plural(raci.people, "person") + ": " +
                          std::to_string(raci.changes.size()) + " changed, " +
                          std::to_string(raci.unchanged) + " unchanged; " +
                          plural(raci.assignments_after, "assignment") + " in the plan (was " +
                          std::to_string(raci.assignments_before) + ").";
    for (const auto& change : raci.changes)
        summary += "\n  " + change;
    return summary + notice(committed, workspace, options);
}

void check_plan_after_import(model::Workspace& workspace) {
    auto yaml = workspace.plan_yaml();
    if (!yaml)
        return;
    auto check = model::read_plan_text(workspace.path() + " (the plan after this import)", *yaml);
    if (!check.ok())
        throw_diagnostics("goal and KPI owners must be people of the plan or of a roster "
                          "imported with it; nothing was imported",
                          check.errors);
}

std::string import_metrics(model::Workspace& workspace, const ImportFile& file,
                           const ImportOptions& options) {
    model::MetricImportOptions metric_options;
    if (options.channel)
        metric_options.channel = *options.channel;
    metric_options.profile = options.profile;
    metric_options.year = options.year;
    metric_options.store_chart_data = options.store_chart_data;
    // "Imported before" is decided from the hash, before the file is parsed: the same bytes
    // with the same --channel, --profile, --year and --chart-data store the same values. With
    // other options they are another import (a plain hash when no option is given, as planner
    // 0.1 logged).
    std::string hash = sha256_hex(file.bytes);
    if (options.channel || options.profile || options.year || options.store_chart_data)
        hash = sha256_hex(hash + "\n--channel=" + options.channel.value_or("") +
                          "\n--profile=" + options.profile.value_or("") + "\n--year=" +
                          (options.year ? std::to_string(*options.year) : std::string()) +
                          (options.store_chart_data ? "\n--chart-data" : ""));
    // An earlier import that stored nothing (Chart data read without --chart-data) does not
    // keep the file from being imported again.
    if (auto earlier = workspace.find_import(hash); earlier && earlier->rows_stored > 0)
        return file.path + ": this content was imported before (as " + earlier->file_name + " on " +
               earlier->imported_at.substr(0, 10) + "); nothing stored.";

    // Analytics belong to a plan's channels: without a plan they could not be checked.
    std::optional<model::Plan> plan = stored_plan(workspace);
    if (!plan)
        throw UsageError(file.path +
                         ": analytics are stored for the plan's channels, and the workspace has "
                         "no plan yet; import a plan YAML first (it may come first in the same "
                         "`planner import`)");

    auto result = model::read_metric_file(file.path, file.bytes, metric_options);
    if (!result.ok() && result.errors.front().message.rfind("planner does not recognise", 0) == 0)
        result.errors.push_back(model::Diagnostic{
            file.path, 0, 0,
            "not a roster or an ownership sheet either: a roster needs columns such as "
            "`Employee ID`, `Full name`, `Job title` (name other headers with --columns "
            "\"HEADER=FIELD,...\", e.g. --columns \"Vārds=first_name,Amats=role\"); an "
            "ownership sheet starts with a `Duty` column"});
    if (!result.ok())
        throw_diagnostics(file.path + " was not imported; nothing was stored", result.errors);
    if (result.file.rows_read == 0)
        throw_diagnostics(file.path + " was not imported; nothing was stored",
                          {model::Diagnostic{file.path, 0, 0,
                                             "the file has a header but no data rows; download "
                                             "the export again for a period with data"}});

    // Channels and profiles must be the plan's.
    std::map<std::string, std::set<std::string>> channels; // id -> profile ids
    for (const auto& c : plan->channels) {
        auto& profiles = channels[c.id.str()];
        for (const auto& p : c.profiles)
            profiles.insert(p.id.str());
    }
    std::vector<model::Diagnostic> errors;
    std::set<std::string> reported;
    for (const auto& v : result.file.values) {
        auto channel = channels.find(v.channel);
        if (channel == channels.end()) {
            if (reported.insert(v.channel).second)
                errors.push_back(
                    model::Diagnostic{file.path, v.source_line, 1,
                                      "channel '" + v.channel +
                                          "' is not in the workspace's plan; use one of "
                                          "the plan's channel ids (see `planner show " +
                                          workspace.path() + "`)"});
        } else if (!v.profile.empty() && !channel->second.count(v.profile) &&
                   reported.insert(v.channel + "/" + v.profile).second) {
            std::string known;
            for (const auto& p : channel->second)
                known += (known.empty() ? "" : ", ") + p;
            errors.push_back(
                model::Diagnostic{file.path, v.source_line, 1,
                                  "profile '" + v.profile + "' is not a profile of channel '" +
                                      v.channel + "' in the workspace's plan" +
                                      (known.empty() ? "; that channel lists no profiles"
                                                     : "; its profiles: " + known)});
        }
    }
    if (!errors.empty())
        throw_diagnostics(file.path + " was not imported", errors);

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
