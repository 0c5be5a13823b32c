#include "planner/cli/demo.hpp"

#include "planner/cli/commands/commands.hpp"
#include "planner/cli/output.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/core/samples.hpp"

#include "exporters/output_file.hpp"

#include <filesystem>
#include <ostream>
#include <sstream>

namespace planner {

namespace {
namespace fs = std::filesystem;

// Runs one command of the table as if typed. With `quiet`, its output is kept back and only
// shown when it fails.
int run_step(const std::vector<std::string>& args, Streams& io, bool quiet = false) {
    std::ostringstream out, err;
    Streams captured{quiet ? out : io.out, quiet ? err : io.err, false, false};
    int status = run_cli(args, quiet ? captured : io);
    if (quiet && status != 0)
        io.err << out.str() << err.str();
    return status;
}

std::string write_sample(const fs::path& dir, const std::string& name) {
    const EmbeddedFile* sample = find_sample(name);
    if (!sample)
        throw UsageError("the sample '" + name + "' is missing from this build");
    fs::path path = dir / name;
    fs::create_directories(path.parent_path());
    write_output_file(path.string(), sample->content);
    return path.string();
}

// The files of a demo folder: an earlier demo's folder holds only these and is replaced.
bool demo_file(const std::string& name, bool) {
    static const char* const k_files[] = {"latvian-retail.yaml",
                                          "latvian-retail-2026-q3.yaml",
                                          "metrics",
                                          "team.db",
                                          "staffing-plan.pdf",
                                          "staffing-plan-csv",
                                          "audit-report.pdf",
                                          "audit-report-lv.pdf",
                                          "quarterly-review.pdf"};
    for (const char* file : k_files)
        if (name == file)
            return true;
    return false;
}

int build_demo(const fs::path& dir, const fs::path& shown, Streams& io);

void heading(Streams& io, const std::string& title) {
    io.out << "\n== " << title << "\n\n";
}
} // namespace

int run_demo(const ParsedArgs& args, Streams& io) {
    fs::path target = args.value_or("--output-dir", "planner-demo");
    // The folder is built under a temporary name and renamed into place when every step
    // succeeded (exporters/output_file.hpp); an earlier demo folder is replaced. The output is
    // kept back until then and shown with the folder's real name.
    exporters::StagedFolder staged(target, &demo_file);
    std::ostringstream out, err;
    Streams captured{out, err, false, false};
    int status = build_demo(staged.path(), target, captured);
    if (status == 0)
        staged.commit();
    auto real_names = [&](std::string text) {
        const std::string from = staged.path().string(), to = staged.target().string();
        for (size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
            text.replace(at, from.size(), to);
        return text;
    };
    io.out << real_names(out.str());
    io.err << real_names(err.str());
    return status;
}

namespace {
int build_demo(const fs::path& dir, const fs::path& shown, Streams& io) {
    std::error_code ec;
    std::string plan = write_sample(dir, "latvian-retail.yaml");
    std::string previous = write_sample(dir, "latvian-retail-2026-q3.yaml");
    std::string metrics = write_sample(dir, "metrics/metrics-2026.csv");
    std::string views = write_sample(dir, "metrics/facebook/Views.csv");
    std::string overview = write_sample(dir, "metrics/tiktok/Overview.csv");
    std::string workspace = (dir / "team.db").string();
    fs::remove(workspace, ec);

    io.out << "planner demo: Baltā Bode's 11-person social team (the bundled sample), in "
           << shown.string() << "/\n";

    heading(io, "The plan (planner show " + plan + ")");
    if (int s = run_step({"show", plan}, io))
        return s;

    heading(io, "Staff needed (planner staff " + plan + ")");
    if (int s = run_step({"staff", plan}, io))
        return s;

    heading(io, "What the team costs (planner cost " + plan + ")");
    if (int s = run_step({"cost", plan}, io))
        return s;

    heading(io, "Hires within the budget (planner staff " + plan + " --budget 325000)");
    if (int s = run_step({"staff", plan, "--budget", "325000"}, io))
        return s;

    heading(io, "Gaps and risks (planner check " + plan + ")");
    if (int s = run_step({"check", plan, "--fail-on", "never"}, io))
        return s;

    heading(io, "Workspace with last quarter's plan, this quarter's and a year of analytics");
    // Last quarter's plan, frozen; then this quarter's; then the analytics exports.
    for (const auto& step : std::vector<std::vector<std::string>>{
             {"import", workspace, previous},
             {"snapshot", workspace, "--quarter", "2026-Q3"},
             {"import", workspace, plan},
             {"snapshot", workspace, "--quarter", "2026-Q4"},
             {"import", workspace, metrics},
             {"import", workspace, views, "--channel", "facebook"},
             {"import", workspace, overview, "--channel", "tiktok", "--year", "2026"}}) {
        if (int s = run_step(step, io))
            return s;
    }

    heading(io, "Reports");
    std::vector<std::vector<std::string>> reports = {
        {"report", "staffing", plan, "-o", (dir / "staffing-plan.pdf").string()},
        {"report", "staffing", plan, "--format", "csv", "-o", (dir / "staffing-plan-csv").string()},
        {"report", "audit", plan, "-o", (dir / "audit-report.pdf").string()},
        {"report", "audit", plan, "--lang", "lv", "-o", (dir / "audit-report-lv.pdf").string()},
        {"report", "quarterly", workspace, "-o", (dir / "quarterly-review.pdf").string()},
    };
    for (const auto& r : reports)
        if (int s = run_step(r, io))
            return s;

    io.out << "\nEverything is in " << shown.string() << "/: open staffing-plan.pdf, "
           << "audit-report.pdf and quarterly-review.pdf.\n"
           << "Edit " << plan << " and run the same commands to see your own team.\n"
           << "To see the demo team in your browser, run:\n  planner serve " << workspace
           << "\n(it prints an address to open; add --lang lv for Latvian; Ctrl-C stops it).\n";
    return 0;
}
} // namespace

} // namespace planner
