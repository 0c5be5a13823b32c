// planner log WORKSPACE, planner restore WORKSPACE N, planner merge BASE OURS THEIRS and
// planner sync A B: the history of a workspace's plan and bringing copies together.
#include "planner/cli/commands/commands.hpp"

#include "exporters/csv_renderer.hpp"
#include "exporters/json_writer.hpp"
#include "exporters/text_table.hpp"
#include "model/plan_writer.hpp"
#include "model/workspace.hpp"
#include "planner/cli/output.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/history/history.hpp"
#include "planner/history/plan_merge.hpp"
#include "planner/history/sync.hpp"

#include <filesystem>
#include <ostream>

namespace planner {

namespace {
void require_workspace(const std::string& path, const std::string& command) {
    if (!model::is_workspace_file(path))
        throw UsageError("'" + path + "' is not a workspace; `planner " + command +
                         "` works on a workspace file (e.g. team.db)");
}

int run_log(const ParsedArgs& args, Streams& io) {
    const OutputFormat format = output_format(args, "log", k_analysis_formats);
    const std::string& path = args.positional[0];
    require_workspace(path, "log");
    std::vector<model::PlanVersion> versions;
    try {
        model::Workspace workspace(path, model::OpenMode::read_only);
        versions = workspace.plan_versions();
    } catch (const model::WorkspaceError& e) {
        throw workspace_failure(path, e);
    }
    std::vector<std::vector<std::string>> cells;
    for (auto v = versions.rbegin(); v != versions.rend(); ++v)
        cells.push_back(
            {std::to_string(v->number), v->created_at, v->command, v->file_name, v->summary});
    std::string text;
    if (format == OutputFormat::csv) {
        std::vector<std::vector<std::string>> rows;
        for (auto v = versions.rbegin(); v != versions.rend(); ++v)
            rows.push_back({std::to_string(v->number), v->created_at, v->command, v->file_name,
                            v->file_sha256, v->content_sha256, v->summary});
        text = exporters::render_csv(
            {"version", "time", "command", "from", "file_sha256", "plan_sha256", "summary"}, rows);
    } else if (format == OutputFormat::json) {
        exporters::JsonWriter json(exporters::JsonStyle::compact);
        json.begin_object().field("workspace", path).key("versions").begin_array();
        for (auto v = versions.rbegin(); v != versions.rend(); ++v)
            json.begin_object()
                .field_integer("version", v->number)
                .field("time", v->created_at)
                .field("command", v->command)
                .field("from", v->file_name)
                .field("file_sha256", v->file_sha256)
                .field("plan_sha256", v->content_sha256)
                .field("summary", v->summary)
                .end_object();
        text = json.end_array().end_object().take();
    } else if (versions.empty()) {
        text = "No versions of the plan in " + path + " yet; import one with `planner import " +
               path + " plan.yaml`.\n";
    } else {
        text = std::to_string(versions.size()) + (versions.size() == 1 ? " version" : " versions") +
               " of the plan in " + path + ", newest first (version " +
               std::to_string(versions.back().number) + " is the current plan)\n";
        text += exporters::render_text_table({{"version", exporters::Align::right},
                                              {"time (UTC)"},
                                              {"by"},
                                              {"from"},
                                              {"what changed"}},
                                             cells);
        text += "Read one as " + path + "@vN (e.g. `planner diff " + path + "@v" +
                std::to_string(versions.front().number) + " " + path +
                "`); make one current again with `planner restore " + path + " N`.\n";
    }
    emit_output(args, io, text, "the history");
    return 0;
}

int run_restore(const ParsedArgs& args, Streams& io) {
    const std::string& path = args.positional[0];
    require_workspace(path, "restore");
    std::string text = args.positional[1];
    if (!text.empty() && (text[0] == 'v' || text[0] == 'V'))
        text = text.substr(1);
    if (text.empty() || text.size() > 12 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError("'" + args.positional[1] + "' is not a version number; `planner log " +
                         path + "` lists the versions (e.g. `planner restore " + path + " 3`)");
    const long long number = std::stoll(text);
    CommittedPlan committed;
    try {
        model::Workspace workspace(path, model::OpenMode::read_write);
        model::Workspace::Transaction transaction(workspace);
        committed = restore_version(workspace, number);
        transaction.commit();
    } catch (const model::WorkspaceError& e) {
        throw workspace_failure(path, e);
    }
    if (!committed.changed) {
        io.out << path << " holds the plan of version " << number << " already; nothing changed.\n";
        return 0;
    }
    io.out << "Restored version " << number << " of the plan in " << path << " as version "
           << committed.number << " (" << committed.summary << "); the plan it replaced stays "
           << "as version " << committed.previous << ".\n";
    return 0;
}

// An empty file as BASE (git gives one when both sides added the file): no common ancestor.
bool empty_file(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0;
}

int run_merge(const ParsedArgs& args, Streams& io) {
    const std::string& base_path = args.positional[0];
    std::optional<model::Plan> base;
    if (!empty_file(base_path))
        base = load_plan_argument(base_path).plan;
    const model::Plan ours = load_plan_argument(args.positional[1]).plan;
    const model::Plan theirs = load_plan_argument(args.positional[2]).plan;
    const MergeResult merged =
        merge_plans(base ? &*base : nullptr, ours, theirs, args.flag("--theirs"));
    const std::string yaml = model::write_plan_yaml(merged.plan);
    const std::optional<std::string> output = args.value("--output");
    if (output && *output != "-")
        write_output_file(*output, yaml);
    else
        io.out << yaml;
    std::ostream& report = output && *output != "-" ? io.out : io.err;
    if (merged.conflicts.empty()) {
        if (output && *output != "-")
            report << "Merged the plans into " << *output << " with no conflicts.\n";
        return 0;
    }
    const size_t n = merged.conflicts.size();
    report << n << (n == 1 ? " conflict" : " conflicts") << " (base, ours, theirs):\n";
    for (const MergeConflict& conflict : merged.conflicts)
        report << "  " << describe(conflict) << "\n";
    report << (args.flag("--theirs") ? "Theirs was kept" : "Ours was kept") << " for "
           << (n == 1 ? "it" : "each") << " in "
           << (output && *output != "-" ? *output : std::string("the output"))
           << "; check and edit the merged plan"
           << (args.flag("--theirs") ? "." : ", or merge again with --theirs to keep theirs.")
           << "\n";
    return 1;
}

int run_sync(const ParsedArgs& args, Streams& io) {
    SyncOptions options;
    if (auto prefer = args.value("--prefer")) {
        if (*prefer == "A" || *prefer == "a")
            options.prefer = SyncPreference::a;
        else if (*prefer == "B" || *prefer == "b")
            options.prefer = SyncPreference::b;
        else
            throw UsageError("--prefer takes A (the first workspace) or B (the second), not '" +
                             *prefer + "'");
    }
    const SyncResult result = sync_workspaces(args.positional[0], args.positional[1], options);
    const bool stopped = !result.conflicts.empty() && options.prefer == SyncPreference::none;
    if (!result.conflicts.empty()) {
        std::ostream& out = stopped ? io.err : io.out;
        out << result.conflicts.size()
            << (result.conflicts.size() == 1 ? " conflict" : " conflicts") << ":\n";
        for (const std::string& c : result.conflicts)
            out << "  " << c << "\n";
    }
    if (stopped) {
        io.err << "Nothing was changed. Settle the conflicts in one workspace (or run again with "
                  "--prefer A or --prefer B) and sync again.\n";
        return 1;
    }
    for (const std::string& line : result.lines)
        io.out << line << "\n";
    io.out << (result.changed ? "Synced: both workspaces now hold the same plan, metrics and "
                                "snapshots.\n"
                              : "Both workspaces hold the same plan, metrics and snapshots "
                                "already; nothing changed.\n");
    return 0;
}
} // namespace

CommandSpec log_command() {
    return CommandSpec{
        "log",
        "planner log WORKSPACE [--format text|json|csv] [-o FILE]",
        "List the versions of a workspace's plan",
        "Every change to the plan (an import, a restore, a merge by sync) keeps the plan\n"
        "it replaced as a numbered version: its time (UTC), the command, the file it\n"
        "came from and what changed. Read a version as WORKSPACE@vN wherever a PLAN is\n"
        "expected; `planner restore WORKSPACE N` makes it current again.",
        {format_option(k_analysis_formats), output_option()},
        1,
        1,
        run_log};
}

CommandSpec restore_command() {
    return CommandSpec{
        "restore",
        "planner restore WORKSPACE N",
        "Make version N of the plan current again",
        "The restored plan becomes a new version; the plan it replaces stays in the\n"
        "history, so a restore can be undone with another. `planner log WORKSPACE`\n"
        "lists the versions.",
        {},
        2,
        2,
        run_restore};
}

CommandSpec merge_command() {
    return CommandSpec{
        "merge",
        "planner merge BASE OURS THEIRS [-o OUT] [--theirs]",
        "Three-way merge of plans by meaning (also git's merge driver)",
        "BASE is the plan both sides started from; OURS and THEIRS the two edited plans\n"
        "(plan files or WORKSPACE@vN). People, roles, channels, profiles, duties, goals,\n"
        "KPIs and suppressions are matched by id, assignments by person, channel, profile\n"
        "and duty, and merged field by field: a change on one side applies, the same\n"
        "change on both sides applies once, different changes to one field (or a change\n"
        "to what the other side removed) are conflicts. Exit status 0: merged; 1: merged\n"
        "with conflicts, listed with base, ours and theirs, and our side kept for each\n"
        "(--theirs keeps theirs); 2: the merged plan would be invalid (e.g. a reporting\n"
        "cycle), nothing is written. Without -o the plan goes to standard output.\n"
        "As git's merge driver: `git config merge.planner.driver \"planner merge %O %A %B\n"
        "-o %A\"` and `*.plan.yaml merge=planner` in .gitattributes (docs/merge.md).",
        {{"--output", "-o", "OUT", "where to write the merged plan"},
         {"--theirs", "", "", "keep their side of each conflict (default: ours)"}},
        3,
        3,
        run_merge};
}

CommandSpec sync_command() {
    return CommandSpec{
        "sync",
        "planner sync A B [--prefer A|B]",
        "Bring two copies of a workspace together",
        "After it, both workspaces hold the same plan (merged three-way against the\n"
        "last version they have in common), every imported metric and import of both\n"
        "(overlapping values: the later import wins) and every snapshot. Conflicts stop\n"
        "the sync before anything changes and are listed; --prefer A or B settles them\n"
        "for that side. Each workspace changes in one transaction: a sync that was\n"
        "interrupted finishes when run again (with the same options), and a sync of two\n"
        "synced workspaces changes nothing. Never let two computers open one workspace\n"
        "over a network share at once: copy it (a USB stick, a shared folder) and sync.",
        {{"--prefer", "", "A|B", "settle conflicts for the first (A) or second (B) workspace"}},
        2,
        2,
        run_sync};
}

} // namespace planner
