#pragma once
// Where a command's output goes: a file written atomically, or standard output.

#include "planner/cli/cli.hpp"

#include <string>

namespace planner {

// Writes `text` to `path` through a temporary file, flushed and renamed into place; "-" or ""
// writes to standard output. Throws OutputError naming the path and the reason.
void write_output_file(const std::string& path, const std::string& text);

// A command's output: to the file of `--output`/`-o`, else (or with "-") to `io.out`. Written to
// a file, it says so on `io.err`: "Wrote WHAT to FILE." (`what`: "the findings").
void emit_output(const ParsedArgs& args, Streams& io, const std::string& text,
                 const std::string& what);

// Width for text tables and wrapped findings: the terminal's (Streams::columns) when the text
// goes to standard output and that is a terminal, else 100 (files and pipes keep full cells).
int text_width(const ParsedArgs& args, const Streams& io);

// Text output on a terminal: every line longer than the terminal is wrapped at spaces, the
// continuation indented as the line itself. Unchanged when the text goes to a file or a pipe.
std::string fit_to_terminal(const ParsedArgs& args, const Streams& io, const std::string& text);

} // namespace planner
