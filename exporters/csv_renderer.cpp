#include "exporters/csv_renderer.hpp"

#include "exporters/atomic_file.hpp"
#include "exporters/export_error.hpp"
#include "exporters/output_file.hpp"
#include "exporters/utf8.hpp"

#include <set>

namespace planner::exporters {
namespace {

constexpr std::string_view k_line_end = "\r\n";
constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

// A plain decimal number: an optional sign, digits, an optional fraction (after `.`, or `,` as
// Latvian writes it) and exponent.
bool is_plain_number(std::string_view text) {
    size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
        ++i;
    size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
        ++i, ++digits;
    if (i < text.size() && (text[i] == '.' || text[i] == ',')) { // "-0,88" in Latvian
        ++i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9')
            ++i, ++digits;
    }
    if (digits == 0)
        return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '-' || text[i] == '+'))
            ++i;
        size_t exponent = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9')
            ++i, ++exponent;
        if (exponent == 0)
            return false;
    }
    return i == text.size();
}

void append_field(std::string& out, std::string_view raw) {
    out += csv_field(raw);
}

} // namespace

std::string neutralise_formula(std::string_view text) {
    if (text.empty())
        return std::string(text);
    const char first = text.front();
    const bool risky = first == '=' || first == '+' || first == '-' || first == '@' ||
                       first == '\t' || first == '\r';
    if (!risky || ((first == '-' || first == '+') && is_plain_number(text)))
        return std::string(text);
    return "'" + std::string(text);
}

std::string csv_field(std::string_view raw) {
    const std::string field = neutralise_formula(sanitize_utf8(raw));
    std::string out;
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        return field;
    }
    out += '"';
    for (const char c : field) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
    return out;
}

void append_csv_record(std::string& out, const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i != 0) {
            out += ',';
        }
        append_field(out, cells[i]);
    }
    out += k_line_end;
}

namespace {

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
    // Built under a temporary name and renamed into place: a reader never sees half the
    // tables. An earlier export (a folder of .csv files only) is replaced.
    StagedFolder staged(folder, [](const std::string& name, bool is_folder) {
        return !is_folder && name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0;
    });
    std::vector<std::filesystem::path> written;
    for (const Table* table : tables) {
        write_file_atomically(staged.path() / (table->id + ".csv"), render_csv(*table, options));
        written.push_back(staged.target() / (table->id + ".csv"));
    }
    staged.commit();
    return written;
}

std::string render_csv(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows,
                       const CsvOptions& options) {
    std::string out;
    if (options.byte_order_mark == ByteOrderMark::include) {
        out += k_utf8_bom;
    }
    append_csv_record(out, header);
    for (const auto& row : rows) {
        append_csv_record(out, row);
    }
    return out;
}

} // namespace planner::exporters
