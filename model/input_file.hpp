#pragma once
// Reading an input file (a plan, a roster, an analytics export, a brand file) whole, with the
// checks every reader needs: a folder is refused by name, a FIFO or device with no writer
// reads as empty instead of waiting forever, and read errors are reported, never taken for
// the end of the file.

#include <optional>
#include <string>

namespace planner::model {

struct InputFile {
    std::string bytes;
    std::optional<std::string> error; // "'x' is a folder; give a file" etc.
};

InputFile read_input_file(const std::string& path);

} // namespace planner::model
