#include "planner/imports/importers.hpp"

#include "model/csv_reader.hpp"
#include "model/diagnostic_context.hpp"
#include "model/input_file.hpp"
#include "model/metric_stream.hpp"
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
#include "planner/imports/placement.hpp"
#include "planner/imports/raci.hpp"
#include "planner/imports/roster.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace planner {

namespace {
bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

enum class Shown { message, yaml_line, csv_row };

// The errors under `summary`; with `file`, each error in that file is followed by its line
// (a plan's YAML line with a caret and hint, or a CSV row with a caret and its column header).
[[noreturn]] void throw_diagnostics(const std::string& summary,
                                    const std::vector<model::Diagnostic>& errors,
                                    const ImportFile* file = nullptr,
                                    Shown shown = Shown::message) {
    std::vector<std::string> lines;
    for (const auto& e : errors) {
        if (file == nullptr || shown == Shown::message || e.file != file->path || e.line < 1) {
            lines.push_back(e.to_string());
            continue;
        }
        if (shown == Shown::yaml_line) {
            model::DiagnosticWithContext context = model::with_context(e, file->bytes);
            lines.push_back(context.diagnostic.to_string());
            for (std::string& line : context.context)
                lines.push_back(std::move(line));
        } else {
            lines.push_back(e.to_string());
            for (std::string& line : model::csv_row_context(e, file->bytes))
                lines.push_back(std::move(line));
        }
    }
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
                          result.errors, &file, Shown::yaml_line);
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
                          roster.errors, &file, Shown::csv_row);
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
                          raci.errors, &file, Shown::csv_row);
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

namespace {

// Every value of an import must be for one of the plan's channels and profiles; each unknown
// channel or profile is reported once, at its first row.
class PlanChannels {
public:
    PlanChannels(const model::Plan& plan, std::string workspace_path)
        : m_workspace(std::move(workspace_path)) {
        for (const auto& c : plan.channels) {
            auto& profiles = m_channels[c.id.str()];
            for (const auto& p : c.profiles)
                profiles.insert(p.id.str());
        }
    }

    void check(const model::MetricValue& v, const std::string& file) {
        constexpr size_t k_most = 100; // as many as a file's own errors
        if (errors.size() >= k_most)
            return;
        auto channel = m_channels.find(v.channel);
        if (channel == m_channels.end()) {
            if (m_reported.insert(v.channel).second)
                errors.push_back(model::Diagnostic{
                    file, v.source_line, 1,
                    "channel '" + v.channel +
                        "' is not in the workspace's plan; use one of the plan's channel ids "
                        "(see `planner show " +
                        m_workspace + "`)"});
        } else if (!v.profile.empty() && !channel->second.count(v.profile) &&
                   m_reported.insert(v.channel + "/" + v.profile).second) {
            std::string known;
            for (const auto& p : channel->second)
                known += (known.empty() ? "" : ", ") + p;
            errors.push_back(
                model::Diagnostic{file, v.source_line, 1,
                                  "profile '" + v.profile + "' is not a profile of channel '" +
                                      v.channel + "' in the workspace's plan" +
                                      (known.empty() ? "; that channel lists no profiles"
                                                     : "; its profiles: " + known)});
        }
    }

    std::vector<model::Diagnostic> errors;

private:
    std::string m_workspace;
    std::map<std::string, std::set<std::string>> m_channels; // id -> profile ids
    std::set<std::string> m_reported;
};

[[noreturn]] void throw_no_rows(const ImportFile& file) {
    throw_diagnostics(file.path + " was not imported; nothing was stored",
                      {model::Diagnostic{file.path, 0, 0,
                                         "the file has a header but no data rows; download "
                                         "the export again for a period with data"}});
}

model::ImportLogEntry metric_log_entry(const ImportFile& file, const std::string& hash,
                                       const model::MetricFileResult& read, size_t stored) {
    model::ImportLogEntry entry;
    entry.file_name = file.path;
    entry.sha256 = hash;
    entry.kind = "metrics";
    entry.format = read.format_id;
    entry.rows_read = static_cast<long long>(read.rows_read);
    entry.rows_stored = static_cast<long long>(stored);
    for (const auto& column : read.ignored_columns)
        entry.ignored_columns += (entry.ignored_columns.empty() ? "" : "; ") + column;
    return entry;
}

std::string metric_summary(const ImportFile& file, const model::MetricFileResult& read,
                           size_t stored, size_t replaced) {
    std::string summary = file.path + ": " + read.format_name + ", " +
                          plural(read.rows_read, "row") + " read, " + plural(stored, "value") +
                          " stored";
    if (replaced)
        summary += ", " + std::to_string(replaced) + " earlier values replaced";
    summary += ".";
    if (!read.ignored_columns.empty()) {
        summary += "\n  ignored " + plural(read.ignored_columns.size(), "column") + ": ";
        for (size_t i = 0; i < read.ignored_columns.size(); ++i)
            summary += (i ? ", " : "") + read.ignored_columns[i];
    }
    for (const auto& note : read.notes)
        summary += "\n  " + note;
    return summary;
}

// A generic CSV read from its file a piece at a time (ImportFile::streamed): its values are
// checked against the plan and staged in the workspace batch by batch, so that the import
// needs the same memory whatever the file's size.
std::string import_streamed_metrics(model::Workspace& workspace, const ImportFile& file,
                                    const std::string& hash, const model::Plan& plan,
                                    const model::MetricImportOptions& options) {
    PlanChannels channels(plan, workspace.path());
    workspace.begin_metric_staging();
    const model::MetricStreamResult read = model::stream_generic_file(
        file.path, file.path, options, [&](const std::vector<model::MetricValue>& batch) {
            for (const model::MetricValue& value : batch)
                channels.check(value, file.path);
            return workspace.stage_metrics(batch);
        });
    if (!read.ok())
        throw_diagnostics(file.path + " was not imported; nothing was stored", read.errors, &file,
                          Shown::csv_row);
    if (read.file.rows_read == 0)
        throw_no_rows(file);
    if (!channels.errors.empty())
        throw_diagnostics(file.path + " was not imported", channels.errors, &file, Shown::csv_row);
    const long long id =
        workspace.log_import(metric_log_entry(file, hash, read.file, read.values_stored));
    const size_t replaced = workspace.commit_staged_metrics(id);
    return metric_summary(file, read.file, read.values_stored, replaced);
}

} // namespace

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
    std::string hash;
    if (file.streamed) {
        std::optional<std::string> whole = sha256_hex_of_file(file.path);
        if (!whole)
            throw UsageError("'" + file.path + "' cannot be read");
        hash = *whole;
    } else {
        hash = sha256_hex(file.bytes);
    }
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
    if (file.streamed)
        return import_streamed_metrics(workspace, file, hash, *plan, metric_options);

    auto result = model::read_metric_file(file.path, file.bytes, metric_options);
    if (!result.ok() && result.errors.front().message.rfind("planner does not recognise", 0) == 0)
        result.errors.push_back(model::Diagnostic{
            file.path, 0, 0,
            "not a roster or an ownership sheet either: a roster needs columns such as "
            "`Employee ID`, `Full name`, `Job title` (name other headers with --columns "
            "\"HEADER=FIELD,...\", e.g. --columns \"Vārds=first_name,Amats=role\"); an "
            "ownership sheet starts with a `Duty` column"});
    if (!result.ok())
        throw_diagnostics(file.path + " was not imported; nothing was stored", result.errors, &file,
                          Shown::csv_row);
    if (result.file.rows_read == 0)
        throw_no_rows(file);

    // Channels and profiles must be the plan's.
    PlanChannels channels(*plan, workspace.path());
    for (const auto& v : result.file.values)
        channels.check(v, file.path);
    if (!channels.errors.empty())
        throw_diagnostics(file.path + " was not imported", channels.errors, &file, Shown::csv_row);

    const long long id =
        workspace.log_import(metric_log_entry(file, hash, result.file, result.file.values.size()));
    size_t replaced = 0;
    for (const auto& v : result.file.values) {
        if (workspace.store_metric(v, id))
            ++replaced;
    }
    return metric_summary(file, result.file, result.file.values.size(), replaced);
}

} // namespace planner

namespace planner {

ImportFile read_import_file(const std::string& path) {
    ImportFile file;
    file.path = path;
    // A regular file's first bytes tell a generic CSV, which is read as it is imported; a FIFO
    // or device is read once, whole, as read_input_file reads it.
    std::error_code error;
    if (std::filesystem::is_regular_file(path, error) && !ends_with(path, ".yaml") &&
        !ends_with(path, ".yml")) {
        constexpr size_t k_head = 64 * 1024;
        std::ifstream in(path, std::ios::binary);
        std::string head(k_head, '\0');
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<size_t>(in.gcount()));
        if (model::starts_generic_csv(head)) {
            if (head.size() == k_head) // keep whole lines only
                head.resize(head.rfind('\n') == std::string::npos ? 0 : head.rfind('\n') + 1);
            file.bytes = std::move(head);
            file.streamed = true;
            return file;
        }
    }
    // Every other CSV (network exports, rosters, ownership sheets) is read whole; real ones are
    // a few megabytes (a year of days, a list of posts or employees), so a larger file is
    // refused before it is read instead of taking memory without bound.
    if (!ends_with(path, ".yaml") && !ends_with(path, ".yml")) {
        const uintmax_t size = std::filesystem::is_regular_file(path, error)
                                   ? std::filesystem::file_size(path, error)
                                   : 0;
        if (!error && size > k_whole_import_limit)
            throw UsageError(
                "'" + path + "' is " + std::to_string(size / (1024 * 1024)) +
                " MB; planner reads a file of this kind whole, up to " +
                std::to_string(k_whole_import_limit / (1024 * 1024)) +
                " MB. Export a shorter date range and import the parts one after another, or "
                "write the figures in the generic layout (date,channel,profile,metric,value), "
                "which is read as a stream at any size (docs/metrics-import.md)");
    }
    model::InputFile whole = model::read_input_file(path);
    if (whole.error)
        throw UsageError("'" + path + "': " + *whole.error);
    file.bytes = std::move(whole.bytes);
    return file;
}

FoundFileImport import_found_file(model::Workspace& workspace, const ImportFile& file,
                                  std::string_view relative_path, const ImportOptions& options) {
    // What planner reads comes as .yaml, .yml, .csv, .tsv or .txt; a folder of downloads also
    // holds notes, spreadsheets and pictures.
    std::string extension = std::filesystem::path(file.path).extension().string();
    for (char& c : extension)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension != ".yaml" && extension != ".yml" && extension != ".csv" && extension != ".tsv" &&
        extension != ".txt")
        return {false, file.path + ": not a plan (.yaml) or a CSV file"};
    if (file.streamed || detect_kind(&workspace, file, options) != ImportKind::metrics ||
        options.channel) // a streamed file is a generic CSV: its rows name their channels
        return {true, import_file(workspace, file, options)};
    const std::optional<model::Plan> plan = stored_plan(workspace);
    if (!plan) // import_metrics says what to do
        return {true, import_metrics(workspace, file, options)};
    model::MetricImportOptions probe;
    probe.channel = "unplaced";
    probe.year = options.year;
    const model::MetricReadResult read = model::read_metric_file(file.path, file.bytes, probe);
    if (!read.ok()) {
        if (read.errors.front().message.rfind("planner does not recognise", 0) == 0)
            return {false, file.path +
                               ": not a plan, roster, ownership sheet or analytics export that "
                               "planner reads"};
        throw_diagnostics(file.path + " was not imported; nothing was stored", read.errors, &file,
                          Shown::csv_row);
    }
    if (read.file.format_id == "generic") // its rows name their channels
        return {true, import_metrics(workspace, file, options)};
    const Placement placement = place_export(
        *plan, relative_path, model::decode_text(file.bytes, true).utf8, read.file.format_id);
    if (!placement.placed())
        return {false, file.path + ": " + placement.reason};
    ImportOptions placed = options;
    placed.channel = placement.channel;
    placed.profile = placement.profile;
    return {true, import_metrics(workspace, file, placed) + "\n  channel: " + placement.reason};
}

} // namespace planner
