#include "exporters/csv_renderer.hpp"

#include "exporters/atomic_file.hpp"
#include "exporters/export_error.hpp"
#include "exporters/utf8.hpp"

#include <set>

namespace planner::exporters {
namespace {

constexpr std::string_view k_line_end = "\r\n";
constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

void append_field(std::string& out, std::string_view raw) {
    const std::string field = sanitize_utf8(raw);
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        out += field;
        return;
    }
    out += '"';
    for (const char c : field) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
}

void append_record(std::string& out, const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i != 0) {
            out += ',';
        }
        append_field(out, cells[i]);
    }
    out += k_line_end;
}

bool is_valid_table_id(std::string_view id) {
    if (id.empty()) {
        return false;
    }
    for (const char c : id) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                             (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!allowed) {
            return false;
        }
    }
    return true;
}

void check_table_ids(const std::vector<const Table*>& tables) {
    std::set<std::string> seen;
    for (const Table* table : tables) {
        if (!is_valid_table_id(table->id)) {
            throw ExportError("table '" + table->title + "' has id '" + table->id +
                              "', which cannot name a CSV file; use letters, digits, '_' and '-'");
        }
        if (!seen.insert(table->id).second) {
            throw ExportError("two tables have the id '" + table->id +
                              "'; each table needs its own id to get its own CSV file");
        }
    }
}

} // namespace

std::string render_csv(const Table& table, const CsvOptions& options) {
    std::string out;
    if (options.byte_order_mark == ByteOrderMark::include) {
        out += k_utf8_bom;
    }
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        append_field(out, table.columns[i].key);
    }
    out += k_line_end;
    for (const std::vector<Cell>& row : table.rows) {
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            if (i > 0) {
                out += ',';
            }
            if (i < row.size()) {
                append_field(out, row[i].text);
            }
        }
        out += k_line_end;
    }
    return out;
}

std::vector<std::filesystem::path> write_csv_tables(const Document& document,
                                                    const std::filesystem::path& folder,
                                                    const CsvOptions& options) {
    const std::vector<const Table*> tables = collect_tables(document);
    check_table_ids(tables);
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) {
        throw ExportError("cannot create the folder '" + folder.string() + "': " + error.message());
    }
    std::vector<std::filesystem::path> written;
    for (const Table* table : tables) {
        std::filesystem::path path = folder / (table->id + ".csv");
        write_file_atomically(path, render_csv(*table, options));
        written.push_back(std::move(path));
    }
    return written;
}

std::string render_csv(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows,
                       const CsvOptions& options) {
    std::string out;
    if (options.byte_order_mark == ByteOrderMark::include) {
        out += k_utf8_bom;
    }
    append_record(out, header);
    for (const auto& row : rows) {
        append_record(out, row);
    }
    return out;
}

} // namespace planner::exporters
