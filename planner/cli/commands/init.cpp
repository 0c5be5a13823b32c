// planner init FILE.yaml [--sample NAME]
#include "planner/cli/commands/commands.hpp"

#include "planner/cli/output.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/core/samples.hpp"

#include <filesystem>
#include <ostream>

namespace planner {

namespace {
std::vector<std::string> sample_names() {
    std::vector<std::string> names;
    for (const EmbeddedFile& f : embedded_samples())
        if (f.name.size() > 5 && f.name.find('/') == std::string::npos &&
            f.name.compare(f.name.size() - 5, 5, ".yaml") == 0)
            names.push_back(f.name.substr(0, f.name.size() - 5));
    return names;
}

int run_init(const ParsedArgs& args, Streams& io) {
    const std::string& path = args.positional[0];
    std::string name = args.value_or("--sample", "small-team");
    const EmbeddedFile* sample = find_sample(name);
    if (!sample || name.find('/') != std::string::npos) {
        std::string list;
        for (const auto& n : sample_names())
            list += (list.empty() ? "" : ", ") + n;
        std::string hint = nearest(name, sample_names());
        throw UsageError("unknown sample '" + name + "'" +
                         (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                         "; samples: " + list);
    }
    if (std::filesystem::exists(path) && !args.flag("--force"))
        throw UsageError("'" + path + "' already exists; choose another name or add --force");
    write_output_file(path, sample->content);
    io.out << "Wrote " << path << " from the sample '" << name << "'.\n"
           << "Next: edit it, then run `planner check " << path << "`.\n";
    return 0;
}
} // namespace

CommandSpec init_command() {
    return CommandSpec{
        "init",
        "planner init FILE.yaml [--sample NAME] [--force]",
        "Write a starter plan from a bundled sample",
        "Samples: small-team (a team of three), latvian-retail (11 people, a Latvian retailer),\n"
        "audit-group (a consultant's audit of a 34-person group with several brands), and the\n"
        "checks-* samples that each show a few findings. The default is small-team.",
        {{"--sample", "", "NAME", "the sample to start from (default small-team)"},
         {"--force", "", "", "overwrite FILE if it exists"}},
        1,
        1,
        run_init};
}

} // namespace planner
