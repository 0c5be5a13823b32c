#pragma once
// An RFC 4180 CSV reader for files that people download from other programs: analytics
// exports, rosters. It takes the file's bytes as they are and handles what such files carry:
// - a UTF-8 byte-order mark, or UTF-16LE/BE with a byte-order mark (transcoded to UTF-8);
// - an Excel `sep=,` / `sep=;` / `sep=<tab>` first line, else the delimiter is detected;
// - quoted fields with embedded delimiters, doubled quotes and line breaks;
// - CRLF, LF or CR line ends, and a missing final line end.
// Every field keeps the line and column where it starts (1-based; the column counts
// characters, not bytes, and the opening quote of a quoted field is its first character), so
// later checks can say exactly where a value is wrong. Problems are returned, never thrown.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner::model {

enum class TextEncoding { utf8, utf8_bom, utf16le_bom, utf16be_bom, windows1252 };

// "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "Windows-1252".
std::string_view encoding_name(TextEncoding encoding);

struct CsvProblem {
    int line = 0;   // 1-based
    int column = 0; // 1-based, in characters
    std::string message;
};

struct DecodedText {
    TextEncoding encoding = TextEncoding::utf8;
    std::string utf8;                 // without the byte-order mark
    std::vector<CsvProblem> problems; // invalid text, at most a few; empty when readable
    bool ok() const { return problems.empty(); }
};

// Checks the byte-order mark, transcodes UTF-16 to UTF-8 and validates UTF-8. A file with
// zero bytes and no byte-order mark is reported as probable UTF-16 without a mark. With
// `windows1252`, text without a byte-order mark that is not valid UTF-8 is read as
// Windows-1252 (a superset of Latin-1: what older Western European exports write) instead of
// being reported.
DecodedText decode_text(std::string_view bytes, bool windows1252 = false);

struct CsvField {
    std::string text; // unquoted; line breaks inside a quoted field become "\n"
    int line = 0;
    int column = 0;
    bool quoted = false;
};

struct CsvRecord {
    int line = 0; // line of the first field
    std::vector<CsvField> fields;
    // Every field is empty (a row of delimiters only).
    bool blank() const;
};

struct CsvDocument {
    TextEncoding encoding = TextEncoding::utf8;
    char delimiter = ',';
    bool has_sep_line = false;      // the file started with `sep=X`; it is not a record
    std::vector<CsvRecord> records; // lines with no characters at all are skipped
};

struct CsvReadOptions {
    std::optional<char> delimiter; // overrides both `sep=` and detection
    bool windows1252 = false;      // read text that is not UTF-8 as Windows-1252 (decode_text)
};

struct CsvReadResult {
    CsvDocument document;             // meaningful only when ok()
    std::vector<CsvProblem> problems; // in file order
    bool ok() const { return problems.empty(); }
};

// Reads a whole file's bytes.
CsvReadResult read_csv(std::string_view bytes, const CsvReadOptions& options = {});

// The delimiter of UTF-8 text without a `sep=` line: of `,` `;` tab and `|`, the one that
// splits the first lines into the same number of fields (more than one), preferring more
// fields; `,` when none does.
char detect_delimiter(std::string_view utf8_text);

} // namespace planner::model
