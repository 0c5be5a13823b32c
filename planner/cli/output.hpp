#pragma once
// Where a command's output goes: a file written atomically, or standard output.

#include "planner/cli/cli.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace planner::exporters {
class OutputFile;
}

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

// emit_output for output written in pieces (each ending at a line end): to the file of `-o`
// through a temporary file renamed into place by finish(), or to `io.out`. With `fit` (text
// output), on a terminal each piece is fitted to its width as fit_to_terminal does. Without
// finish() a file is not written.
class PiecedOutput {
public:
    PiecedOutput(const ParsedArgs& args, Streams& io, bool fit);
    ~PiecedOutput();
    PiecedOutput(const PiecedOutput&) = delete;
    PiecedOutput& operator=(const PiecedOutput&) = delete;

    void write(std::string_view piece);
    // Completes a file and says "Wrote WHAT to FILE." on `io.err`.
    void finish(const std::string& what);

private:
    const ParsedArgs& m_args;
    Streams& m_io;
    bool m_fit;
    std::string m_path;
    std::unique_ptr<exporters::OutputFile> m_file;
};

} // namespace planner
