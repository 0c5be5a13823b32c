// planner import WORKSPACE FILE... : plans, rosters and analytics exports into a workspace.
#include "planner/cli/commands/commands.hpp"

#include "planner/imports/importers.hpp"

#include "model/workspace.hpp"
#include "planner/core/plan_source.hpp"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace planner {

namespace {
std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw UsageError("cannot open '" + path + "'; check the path");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
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
    bool existed = std::filesystem::exists(workspace_path);
    try {
        model::Workspace workspace(workspace_path, model::OpenMode::create);
        model::Workspace::Transaction transaction(workspace);
        std::vector<std::string> summaries;
        for (const ImportFile& file : files)
            summaries.push_back(import_file(workspace, file, options));
        transaction.commit();
        for (const std::string& line : summaries)
            io.out << line << "\n";
    } catch (...) {
        if (!existed) {
            std::error_code ignored;
            std::filesystem::remove(workspace_path, ignored);
        }
        try {
            throw;
        } catch (const model::WorkspaceError& e) {
            throw workspace_failure(workspace_path, e);
        }
    }
    return 0;
}
} // namespace

CommandSpec import_command() {
    return CommandSpec{
        "import",
        "planner import WORKSPACE FILE... [--channel ID] [--profile ID] [--year YYYY]",
        "Load a plan, a roster CSV or analytics exports into a workspace",
        "WORKSPACE is created when it does not exist. Each FILE is recognised by its content:\n"
        "  a plan YAML replaces the workspace's plan;\n"
        "  a roster CSV (id,name,roles,fte,capacity_hours,reports_to,timezone,skills,\n"
        "  interests,status) adds or updates people by id;\n"
        "  an analytics export (generic CSV or a network's download) adds metrics for\n"
        "  --channel (and --profile); dates without a year take --year.\n"
        "All files are imported in one transaction: on any error nothing changes.\n"
        "Importing a file whose content was imported before stores nothing and says so.",
        {{"--channel", "", "ID", "channel the analytics export belongs to"},
         {"--profile", "", "ID", "profile of that channel, when the export is for one profile"},
         {"--year", "", "YYYY", "year for exports whose dates have no year"}},
        2,
        -1,
        run_import};
}

} // namespace planner
