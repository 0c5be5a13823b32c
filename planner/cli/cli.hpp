#pragma once
// The command table and the parsed command line. One table {name, summary, handler} drives
// dispatch, `--help`, `help CMD`, `CMD --help` and "did you mean".

#include "planner/core/errors.hpp"
#include "planner/core/output_format.hpp"

#include <exception>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planner {

struct OptionSpec {
    std::string name;       // "--format"
    std::string short_name; // "-o" or ""
    std::string value_name; // "FORMAT"; empty for a flag
    std::string help;
};

class ParsedArgs {
public:
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> values; // by long option name

    bool flag(const std::string& name) const { return values.count(name) != 0; }
    std::optional<std::string> value(const std::string& name) const;
    std::string value_or(const std::string& name, const std::string& fallback) const;
    std::vector<std::string> all(const std::string& name) const;
};

struct Streams {
    std::ostream& out;
    std::ostream& err;
    bool out_is_terminal = false;
    bool err_is_terminal = false;
    // Width for help text: the terminal's when standard output is one, else 80.
    int columns = 80;
};

struct CommandSpec {
    std::string name;
    std::string usage;       // "planner check PLAN [options]"
    std::string summary;     // one line for the command list
    std::string description; // paragraphs for `planner help CMD`
    std::vector<OptionSpec> options;
    int min_positional = 0;
    int max_positional = 0; // -1: any number
    std::function<int(const ParsedArgs&, Streams&)> handler;
};

// Options every analysis command takes.
// --format for a command that writes `formats`; the first is the default.
OptionSpec format_option(const std::vector<OutputFormat>& formats);
// The value of --format (the first of `formats` when not given), checked against `formats`;
// a UsageError naming the command and the formats it writes otherwise.
OutputFormat output_format(const ParsedArgs& args, const std::string& command,
                           const std::vector<OutputFormat>& formats);
// The formats of the analysis commands, text first.
inline const std::vector<OutputFormat> k_analysis_formats = {OutputFormat::text, OutputFormat::json,
                                                             OutputFormat::csv};
OptionSpec output_option();

// The table, in the order `planner --help` lists it.
const std::vector<CommandSpec>& command_table();

// `planner --help` and `planner help CMD`, wrapped to `width` columns.
void print_overview(std::ostream& out, int width);
void print_command_help(const CommandSpec& command, std::ostream& out, int width);

// Prints what ended the run and returns its exit status: 2 for the user's mistakes (usage,
// input, workspace, output), 70 with "this is a bug in planner" for anything unexpected.
int report_failure(std::exception_ptr failure, std::ostream& err);

// Runs the program; returns the exit status.
int run_cli(const std::vector<std::string>& args, Streams& streams);

// The nearest of `candidates` to `word` within a small edit distance, or "".
std::string nearest(const std::string& word, const std::vector<std::string>& candidates);

} // namespace planner
