// planner import WORKSPACE FILE... : plans, rosters and analytics exports into a workspace.
#include "planner/cli/commands/commands.hpp"

#include "planner/imports/importers.hpp"

#include "model/input_file.hpp"
#include "model/workspace.hpp"
#include "planner/cli/terminal_progress.hpp"
#include "planner/core/plan_source.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace planner {

namespace {
struct FileToImport {
    ImportFile file;
    // Below a folder the user named: its path there ("instagram/Views.csv"); empty for a
    // file named on the command line.
    std::string in_folder;
};

// The files below `folder`, every level, in name order; hidden files and folders (".name")
// are left out, as are links to folders (no loops).
std::vector<FileToImport> files_in_folder(const std::string& folder) {
    namespace fs = std::filesystem;
    std::vector<FileToImport> found;
    std::error_code error;
    fs::recursive_directory_iterator it(folder, error), end;
    if (error)
        throw UsageError("cannot read the folder '" + folder + "': " + error.message());
    for (; it != end; it.increment(error)) {
        if (error)
            throw UsageError("cannot read the folder '" + folder + "': " + error.message());
        const std::string name = it->path().filename().string();
        if (!name.empty() && name.front() == '.') {
            if (it->is_directory(error))
                it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(error))
            continue;
        FileToImport entry;
        entry.file.path = it->path().string();
        entry.in_folder = it->path().lexically_relative(folder).generic_string();
        found.push_back(std::move(entry));
    }
    std::sort(found.begin(), found.end(), [](const FileToImport& a, const FileToImport& b) {
        return a.in_folder < b.in_folder;
    });
    if (found.empty())
        throw UsageError("the folder '" + folder + "' has no files to import");
    return found;
}

int run_import(const ParsedArgs& args, Streams& io) {
    const std::string& workspace_path = args.positional[0];
    if (std::filesystem::exists(workspace_path) && !model::is_workspace_file(workspace_path) &&
        std::filesystem::file_size(workspace_path) > 0)
        throw UsageError("'" + workspace_path +
                         "' is not a workspace; the first argument of "
                         "`planner import` is the workspace file (e.g. team.db)");
    ImportOptions options;
    options.channel = args.value("--channel");
    options.profile = args.value("--profile");
    options.columns = args.value("--columns");
    options.store_chart_data = args.flag("--chart-data");
    options.workspace_name = workspace_path;
    if (auto year = args.value("--year")) {
        if (year->size() != 4 || year->find_first_not_of("0123456789") != std::string::npos)
            throw UsageError("--year needs a four-digit year, e.g. --year 2026");
        options.year = std::stoi(*year);
    }
    // Read and check every file before the workspace is touched. A folder brings every file
    // below it; plans, rosters and ownership sheets found there go first, so that the
    // analytics exports can be placed on the channels of the plan they bring.
    TerminalProgress progress(args, io);
    progress.step("reading the files", 0.2);
    std::vector<FileToImport> files;
    for (size_t i = 1; i < args.positional.size(); ++i) {
        const std::string& path = args.positional[i];
        if (std::filesystem::is_directory(path)) {
            std::vector<FileToImport> found = files_in_folder(path);
            for (FileToImport& entry : found)
                entry.file = read_import_file(entry.file.path);
            std::stable_partition(found.begin(), found.end(), [&](const FileToImport& entry) {
                return detect_import_kind(entry.file, options) != ImportKind::metrics;
            });
            for (FileToImport& entry : found)
                files.push_back(std::move(entry));
            continue;
        }
        FileToImport entry;
        entry.file = read_import_file(path);
        files.push_back(std::move(entry));
    }
    // A plan with the roster that brings its goals' owners: owners are checked at the end.
    bool plan = false, roster = false;
    size_t total_bytes = 0;
    const auto size_of = [](const FileToImport& entry) {
        std::error_code error;
        const auto size = std::filesystem::file_size(entry.file.path, error);
        return entry.file.streamed && !error ? static_cast<size_t>(size) : entry.file.bytes.size();
    };
    for (const FileToImport& entry : files) {
        ImportKind kind = detect_import_kind(entry.file, options);
        plan = plan || kind == ImportKind::plan;
        roster = roster || kind == ImportKind::roster;
        total_bytes += size_of(entry);
    }
    options.owners_later = plan && roster;
    std::vector<std::string> summaries, skipped;
    auto fill = [&](model::Workspace& workspace) {
        summaries.clear();
        skipped.clear();
        for (const FileToImport& entry : files) {
            progress.step("importing " + entry.file.path,
                          0.8 * static_cast<double>(size_of(entry)) /
                              static_cast<double>(std::max<size_t>(total_bytes, 1)));
            if (entry.in_folder.empty()) {
                summaries.push_back(import_file(workspace, entry.file, options));
                continue;
            }
            FoundFileImport found =
                import_found_file(workspace, entry.file, entry.in_folder, options);
            (found.imported ? summaries : skipped).push_back(std::move(found.summary));
        }
        if (summaries.empty())
            throw UsageError("none of the files could be imported", skipped);
        if (options.owners_later)
            check_plan_after_import(workspace);
    };
    // A new workspace is built under a temporary name and linked into place (nothing is left
    // when this fails); when another planner created it meanwhile, this one imports into it.
    try {
        if (std::filesystem::exists(workspace_path) ||
            !model::Workspace::create_new(workspace_path, fill)) {
            model::Workspace workspace(workspace_path, model::OpenMode::create);
            model::Workspace::Transaction transaction(workspace);
            fill(workspace);
            transaction.commit();
        }
    } catch (const model::WorkspaceError& e) {
        throw workspace_failure(workspace_path, e);
    }
    progress.done();
    for (const std::string& line : summaries)
        io.out << line << "\n";
    if (!skipped.empty()) {
        io.out << "Not imported (" << skipped.size() << (skipped.size() == 1 ? " file" : " files")
               << "):\n";
        for (const std::string& line : skipped)
            io.out << "  " << line << "\n";
    }
    return 0;
}
} // namespace

CommandSpec import_command() {
    return CommandSpec{
        "import",
        "planner import WORKSPACE FILE|FOLDER... [--channel ID] [--profile ID] [--year YYYY] "
        "[--columns HEADER=FIELD,...] [--chart-data] [--quiet]",
        "Load a plan, a roster, an ownership sheet or analytics exports into a workspace",
        "WORKSPACE is created when it does not exist. Each FILE is recognised by its content:\n"
        "  a plan YAML replaces the workspace's plan;\n"
        "  a roster (an HR system's employee export: Employee ID, Full name or First and\n"
        "  Last name, Job title, Location, Reports to, FTE % or Weekly hours, Employment\n"
        "  status, Skills, comma or semicolon separated) adds or updates people; other\n"
        "  headers are mapped with --columns and the mapping is kept for the next file\n"
        "  with the same headers;\n"
        "  an ownership sheet (duties x people, cells R, A, C, I, B or `R 60%`) replaces\n"
        "  the assignments of the duties it names;\n"
        "  an analytics export (generic CSV or a network's download) adds metrics for\n"
        "  --channel (and --profile) of the workspace's plan (import the plan first);\n"
        "  dates without a year take --year.\n"
        "All files are imported in one transaction: on any error nothing changes.\n"
        "Each change to the plan is kept as a version (`planner log`, `planner restore`);\n"
        "an import that removes people or assignments says how to get them back.\n"
        "Importing a file whose content was imported before (with the same options) stores\n"
        "nothing and says so. A new workspace appears only when the import succeeded.\n"
        "A FOLDER imports every file below it (hidden ones left out): plans, rosters and\n"
        "ownership sheets first, then each analytics export on the channel it belongs to,\n"
        "without --channel: the account or page the file names (matched with the plan's\n"
        "profile handles and names), else a folder or file name equal to a channel's or\n"
        "profile's id, name or handle, or to its network (instagram/, tiktok/), else the\n"
        "plan's only channel on the export's network. Files that planner does not read, or\n"
        "cannot place, are listed under \"Not imported\" and the rest is imported.",
        {{"--channel", "", "ID", "channel the analytics export belongs to"},
         {"--profile", "", "ID", "profile of that channel, when the export is for one profile"},
         {"--year", "", "YYYY", "year for exports whose dates have no year"},
         {"--columns", "", "HEADER=FIELD,...",
          "roster columns: FIELD is id, name, first_name, last_name, role, fte, weekly_hours, "
          "capacity_hours, reports_to, location, timezone, skills, interests or status"},
         {"--chart-data", "", "",
          "store YouTube Chart data (only the videos charted in Studio) as the channel's "
          "figures"},
         quiet_option()},
        2,
        -1,
        run_import};
}

} // namespace planner
