#include "planner/demo.hpp"

#include "planner/commands/commands.hpp"
#include "planner/plan_source.hpp"
#include "planner/samples.hpp"

#include <filesystem>
#include <ostream>

namespace planner {

namespace {
constexpr const char* k_demo_sample = "latvian-retail.yaml";

// Runs one command of the table as if typed, into the same streams.
int run_step(const std::string& title, const std::vector<std::string>& args, Streams& io) {
    io.out << "\n== " << title << " (planner";
    for (const auto& a : args) io.out << " " << a;
    io.out << ")\n\n";
    return run_cli(args, io);
}
} // namespace

int run_demo(const ParsedArgs& args, Streams& io) {
    namespace fs = std::filesystem;
    fs::path dir = args.value_or("--output-dir", "planner-demo");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw UsageError("cannot create the folder '" + dir.string() + "': " + ec.message());
    const EmbeddedFile* sample = find_sample(k_demo_sample);
    if (!sample) throw UsageError("the demo sample is missing from this build");
    std::string plan = (dir / "plan.yaml").string();
    write_output_file(plan, sample->content);
    io.out << "planner demo: the bundled sample of an 11-person social team, written to " << plan
           << "\n";
    int status = run_step("Plan summary", {"show", plan}, io);
    if (status == 2) return status;
    io.out << "\nEverything above came from " << plan << "; edit it and run the same commands.\n";
    return 0;
}

} // namespace planner
