#pragma once
// CSV rendering of a Document's tables: RFC 4180 with CRLF line ends, UTF-8, one file per
// Table named <table id>.csv, the header row made of the columns' stable keys (not their
// translated header labels), cells exactly as given.

#include "exporters/document.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace planner::exporters {

// A UTF-8 byte order mark helps some spreadsheet programs detect the encoding.
enum class ByteOrderMark { omit, include };

struct CsvOptions {
    ByteOrderMark byte_order_mark = ByteOrderMark::omit;
};

// One table as CSV text: a header row of column keys, then one record per row. Fields that
// contain a comma, a double quote, CR or LF are quoted, with inner quotes doubled. Every
// record, the last one too, ends in CRLF. Invalid UTF-8 becomes U+FFFD.
std::string render_csv(const Table& table, const CsvOptions& options = {});

// A header and rows of plain text as CSV with the same rules as render_csv(Table): the one CSV
// writer of the project, used by the commands' --format csv as well.
std::string render_csv(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows,
                       const CsvOptions& options = {});

// Writes every table of the document to folder/<id>.csv (creating the folder), each file
// atomically. Returns the paths written, in document order. Throws ExportError when a table id
// is empty, is not [A-Za-z0-9_-]+, or is used twice, before anything is written.
std::vector<std::filesystem::path> write_csv_tables(const Document& document,
                                                    const std::filesystem::path& folder,
                                                    const CsvOptions& options = {});

} // namespace planner::exporters
