#pragma once
// The command table and the parsed command line. One table {name, summary, handler} drives
// dispatch, `--help`, `help CMD`, `CMD --help` and "did you mean".

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

// A usage or input error: printed as "planner: error: MESSAGE", exit status 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Input errors with locations (a plan's, a CSV's); each line is "FILE:LINE:COLUMN: message".
// Exit status 2.
class InputError : public std::runtime_error {
public:
    InputError(std::string summary, std::vector<std::string> lines)
        : std::runtime_error(std::move(summary)), m_lines(std::move(lines)) {}
    const std::vector<std::string>& lines() const { return m_lines; }

private:
    std::vector<std::string> m_lines;
};

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
OptionSpec format_option(const std::string& formats = "text|json|csv");
OptionSpec output_option();

// The table, in the order `planner --help` lists it.
const std::vector<CommandSpec>& command_table();

// `message` with control characters (other than line break and tab) shown as \xHH.
std::string printable(std::string_view message);

// Runs the program; returns the exit status.
int run_cli(const std::vector<std::string>& args, Streams& streams);

// The nearest of `candidates` to `word` within a small edit distance, or "".
std::string nearest(const std::string& word, const std::vector<std::string>& candidates);

} // namespace planner
