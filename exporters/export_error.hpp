#pragma once
// The one exception type of planner::exporters. Renderers convert every failure (libharu's
// error codes, file system errors, invalid input such as a duplicate table id) into it at the
// edge, with a message that says what failed, where, and what to do next.

#include <stdexcept>
#include <string>

namespace planner::exporters {

class ExportError : public std::runtime_error {
public:
    explicit ExportError(const std::string& message) : std::runtime_error(message) {}
};

} // namespace planner::exporters
