#include "planner/cli/output.hpp"

#include "exporters/export_error.hpp"
#include "exporters/output_file.hpp"
#include "exporters/text_wrap.hpp"
#include "exporters/utf8.hpp"

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

int text_width(const ParsedArgs& args, const Streams& io) {
    constexpr int k_file_width = 100;
    const std::optional<std::string> path = args.value("--output");
    const bool to_stdout = !path || *path == "-";
    return to_stdout && io.out_is_terminal ? io.columns : k_file_width;
}

std::string fit_to_terminal(const ParsedArgs& args, const Streams& io, const std::string& text) {
    const std::optional<std::string> path = args.value("--output");
    if ((path && *path != "-") || !io.out_is_terminal)
        return text;
    const size_t columns = static_cast<size_t>(io.columns);
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string line = text.substr(start, end - start);
        if (exporters::utf8_length(line) <= columns) {
            out += line;
        } else {
            const size_t indent =
                line.find_first_not_of(' ') == std::string::npos ? 0 : line.find_first_not_of(' ');
            out += std::string(indent, ' ') +
                   exporters::wrap_hanging(line.substr(indent), indent, columns);
        }
        if (end < text.size())
            out += '\n';
        start = end + 1;
    }
    return out;
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

PiecedOutput::PiecedOutput(const ParsedArgs& args, Streams& io, bool fit)
    : m_args(args), m_io(io), m_fit(fit) {
    m_path = args.value("--output").value_or("-");
    if (m_path.empty() || m_path == "-")
        return;
    try {
        m_file = std::make_unique<exporters::OutputFile>(m_path);
    } catch (const exporters::ExportError& e) {
        throw OutputError(e.what());
    }
}

PiecedOutput::~PiecedOutput() = default;

void PiecedOutput::write(std::string_view piece) {
    if (!m_file) {
        if (m_fit)
            m_io.out << fit_to_terminal(m_args, m_io, std::string(piece));
        else
            m_io.out << piece;
        return;
    }
    try {
        m_file->write(piece);
    } catch (const exporters::ExportError& e) {
        throw OutputError(e.what());
    }
}

void PiecedOutput::finish(const std::string& what) {
    if (!m_file)
        return;
    try {
        m_file->commit();
    } catch (const exporters::ExportError& e) {
        throw OutputError(e.what());
    }
    m_io.err << "Wrote " << what << " to " << m_path << ".\n";
}

} // namespace planner
