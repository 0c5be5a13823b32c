// planner import WORKSPACE FILE... : plans, rosters and analytics exports into a workspace.
#include "planner/cli/commands/commands.hpp"

#include "planner/imports/importers.hpp"

#include "model/input_file.hpp"
#include "model/workspace.hpp"
#include "planner/core/plan_source.hpp"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace planner {

namespace {
std::string read_bytes(const std::string& path) {
    model::InputFile file = model::read_input_file(path);
    if (file.error)
        throw UsageError("'" + path + "': " + *file.error);
    return std::move(file.bytes);
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
    // Read and check every file before the workspace is touched.
    std::vector<ImportFile> files;
    for (size_t i = 1; i < args.positional.size(); ++i) {
        ImportFile file;
        file.path = args.positional[i];
        file.bytes = read_bytes(file.path);
        files.push_back(std::move(file));
    }
    // A plan with the roster that brings its goals' owners: owners are checked at the end.
    bool plan = false, roster = false;
    for (const ImportFile& file : files) {
        ImportKind kind = detect_import_kind(file, options);
        plan = plan || kind == ImportKind::plan;
        roster = roster || kind == ImportKind::roster;
    }
    options.owners_later = plan && roster;
    std::vector<std::string> summaries;
    auto fill = [&](model::Workspace& workspace) {
        summaries.clear();
        for (const ImportFile& file : files)
            summaries.push_back(import_file(workspace, file, options));
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
    for (const std::string& line : summaries)
        io.out << line << "\n";
    return 0;
}
} // namespace

CommandSpec import_command() {
    return CommandSpec{
        "import",
        "planner import WORKSPACE FILE... [--channel ID] [--profile ID] [--year YYYY] "
        "[--columns HEADER=FIELD,...] [--chart-data]",
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
        "nothing and says so. A new workspace appears only when the import succeeded.",
        {{"--channel", "", "ID", "channel the analytics export belongs to"},
         {"--profile", "", "ID", "profile of that channel, when the export is for one profile"},
         {"--year", "", "YYYY", "year for exports whose dates have no year"},
         {"--columns", "", "HEADER=FIELD,...",
          "roster columns: FIELD is id, name, first_name, last_name, role, fte, weekly_hours, "
          "capacity_hours, reports_to, location, timezone, skills, interests or status"},
         {"--chart-data", "", "",
          "store YouTube Chart data (only the videos charted in Studio) as the channel's "
          "figures"}},
        2,
        -1,
        run_import};
}

} // namespace planner
