#pragma once
// CSV rendering of a Document's tables: RFC 4180 with CRLF line ends, UTF-8, one file per
// Table named <table id>.csv, the header row made of the columns' stable keys (not their
// translated header labels), cells exactly as given.

#include "exporters/document.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace planner::exporters {

// A UTF-8 byte order mark helps some spreadsheet programs detect the encoding.
enum class ByteOrderMark { omit, include };

struct CsvOptions {
    ByteOrderMark byte_order_mark = ByteOrderMark::omit;
};

// Formula neutralisation (OWASP "CSV injection"): a cell that starts with `=`, `+`, `-`, `@`,
// tab or carriage return gets a leading `'`, so that a spreadsheet shows it as text instead of
// running it (`=HYPERLINK(...)` from a person's name). A plain decimal number (`-3`, `+1.5`,
// `-0,88`, `-2e3`) is kept as it is, so negative figures stay numbers.
std::string neutralise_formula(std::string_view text);
// One field as written in a CSV file: UTF-8 made valid, formulas neutralised, quoted when it
// holds a comma, a double quote, CR or LF.
std::string csv_field(std::string_view raw);
// Appends one record of such fields and the line end (CRLF), for CSV written in pieces.
void append_csv_record(std::string& out, const std::vector<std::string>& cells);

// One table as CSV text: a header row of column keys, then one record per row. Fields that
// contain a comma, a double quote, CR or LF are quoted, with inner quotes doubled. Every
// record, the last one too, ends in CRLF. Invalid UTF-8 becomes U+FFFD.
std::string render_csv(const Table& table, const CsvOptions& options = {});

// A header and rows of plain text as CSV with the same rules as render_csv(Table): the one CSV
// writer of the project, used by the commands' --format csv as well.
std::string render_csv(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows,
                       const CsvOptions& options = {});

// Writes every table of the document to folder/<id>.csv: the folder is built under a
// temporary name and renamed into place when complete (exporters/output_file.hpp); an existing
// folder is replaced only when it holds nothing but .csv files. Returns the paths written, in
// document order. Throws ExportError when a table id is empty, is not [A-Za-z0-9_-]+, or is used
// twice, before anything is written.
std::vector<std::filesystem::path> write_csv_tables(const Document& document,
                                                    const std::filesystem::path& folder,
                                                    const CsvOptions& options = {});

} // namespace planner::exporters
