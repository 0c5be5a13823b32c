#include "planner/cli/output.hpp"

#include "exporters/export_error.hpp"
#include "exporters/output_file.hpp"

#include <iostream>

namespace planner {

void write_output_file(const std::string& path, const std::string& text) {
    if (path == "-" || path.empty()) {
        std::cout << text;
        return;
    }
    try {
        exporters::write_output(path, text); // atomic, or direct for a device or FIFO
    } catch (const exporters::ExportError& e) {
        throw OutputError(e.what());
    }
}

void emit_output(const ParsedArgs& args, Streams& io, const std::string& text,
                 const std::string& what) {
    std::optional<std::string> path = args.value("--output");
    if (!path || *path == "-") {
        io.out << text;
        return;
    }
    write_output_file(*path, text);
    io.err << "Wrote " << what << " to " << *path << ".\n";
}

} // namespace planner
