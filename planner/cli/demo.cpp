#include "planner/cli/demo.hpp"

#include "planner/cli/commands/commands.hpp"
#include "planner/cli/output.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/core/samples.hpp"

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

void heading(Streams& io, const std::string& title) {
    io.out << "\n== " << title << "\n\n";
}
} // namespace

int run_demo(const ParsedArgs& args, Streams& io) {
    fs::path dir = args.value_or("--output-dir", "planner-demo");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw UsageError("cannot create the folder '" + dir.string() + "': " + ec.message());
    std::string plan = write_sample(dir, "latvian-retail.yaml");
    std::string previous = write_sample(dir, "latvian-retail-2026-q3.yaml");
    std::string metrics = write_sample(dir, "metrics/metrics-2026.csv");
    std::string views = write_sample(dir, "metrics/facebook/Views.csv");
    std::string overview = write_sample(dir, "metrics/tiktok/Overview.csv");
    std::string workspace = (dir / "team.db").string();
    fs::remove(workspace, ec);

    io.out << "planner demo: Baltā Bode's 11-person social team (the bundled sample), in "
           << dir.string() << "/\n";

    heading(io, "The plan (planner show " + plan + ")");
    if (int s = run_step({"show", plan}, io))
        return s;

    heading(io, "Staff needed (planner staff " + plan + ")");
    if (int s = run_step({"staff", plan}, io))
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

    io.out << "\nEverything is in " << dir.string() << "/: open staffing-plan.pdf, "
           << "audit-report.pdf and quarterly-review.pdf.\n"
           << "Edit " << plan << " and run the same commands to see your own team.\n"
           << "To see the demo team in your browser, run:\n  planner serve " << workspace
           << "\n(it prints an address to open; add --lang lv for Latvian; Ctrl-C stops it).\n";
    return 0;
}

} // namespace planner
