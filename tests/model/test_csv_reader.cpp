// The CSV reader on every quirk that downloaded exports carry.

#include "model/csv_reader.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace planner::model;

namespace {

// "text@line:column" per field, fields joined by " | ", records by "\n".
std::string layout(const CsvDocument& document) {
    std::string out;
    for (const CsvRecord& record : document.records) {
        std::string line;
        for (const CsvField& field : record.fields) {
            if (!line.empty())
                line += " | ";
            line +=
                field.text + "@" + std::to_string(field.line) + ":" + std::to_string(field.column);
        }
        out += line + "\n";
    }
    return out;
}

std::string problems(const CsvReadResult& result) {
    std::string out;
    for (const CsvProblem& problem : result.problems)
        out += std::to_string(problem.line) + ":" + std::to_string(problem.column) + ": " +
               problem.message + "\n";
    return out;
}

std::string utf16le(const std::u16string& text) {
    std::string bytes = "\xFF\xFE";
    for (char16_t unit : text) {
        bytes += static_cast<char>(unit & 0xFF);
        bytes += static_cast<char>(unit >> 8);
    }
    return bytes;
}

std::string utf16be(const std::u16string& text) {
    std::string bytes = "\xFE\xFF";
    for (char16_t unit : text) {
        bytes += static_cast<char>(unit >> 8);
        bytes += static_cast<char>(unit & 0xFF);
    }
    return bytes;
}

} // namespace

TEST_CASE("csv_reader: plain LF file keeps each field's line and column", "[csv]") {
    CsvReadResult result = read_csv("date,views\n2026-01-01,12\n2026-01-02,7\n");
    REQUIRE(result.ok());
    CHECK(result.document.encoding == TextEncoding::utf8);
    CHECK(result.document.delimiter == ',');
    CHECK_FALSE(result.document.has_sep_line);
    CHECK(layout(result.document) == "date@1:1 | views@1:6\n"
                                     "2026-01-01@2:1 | 12@2:12\n"
                                     "2026-01-02@3:1 | 7@3:12\n");
    CHECK(result.document.records[1].line == 2);
}

TEST_CASE("csv_reader: CRLF, CR and a missing final line end", "[csv]") {
    CsvReadResult crlf = read_csv("a,b\r\n1,2\r\n3,4");
    REQUIRE(crlf.ok());
    CHECK(layout(crlf.document) == "a@1:1 | b@1:3\n1@2:1 | 2@2:3\n3@3:1 | 4@3:3\n");

    CsvReadResult cr = read_csv("a,b\r1,2\r");
    REQUIRE(cr.ok());
    CHECK(layout(cr.document) == "a@1:1 | b@1:3\n1@2:1 | 2@2:3\n");

    CsvReadResult mixed = read_csv("a\n\r\nb\rc");
    REQUIRE(mixed.ok());
    CHECK(layout(mixed.document) == "a@1:1\nb@3:1\nc@4:1\n"); // the empty line 2 is skipped
}

TEST_CASE("csv_reader: quoted fields with delimiters, doubled quotes and line breaks", "[csv]") {
    std::string text = "id,text,n\r\n"
                       "1,\"Hello, world\",5\r\n"
                       "2,\"She said \"\"hi\"\"\",6\r\n"
                       "3,\"line one\r\nline two\nline three\",7\r\n"
                       "4,\"\",8\r\n";
    CsvReadResult result = read_csv(text);
    REQUIRE(result.ok());
    const auto& records = result.document.records;
    REQUIRE(records.size() == 5);
    CHECK(records[1].fields[1].text == "Hello, world");
    CHECK(records[1].fields[1].quoted);
    CHECK(records[2].fields[1].text == "She said \"hi\"");
    CHECK(records[3].fields[1].text == "line one\nline two\nline three");
    CHECK(records[3].fields[1].line == 4);
    CHECK(records[3].fields[1].column == 3);
    CHECK(records[3].fields[2].line == 6); // after the two line breaks inside the quotes
    CHECK(records[3].fields[2].column == 13);
    CHECK(records[4].line == 7);
    CHECK(records[4].fields[1].text.empty());
    CHECK(records[4].fields[1].quoted);
    CHECK_FALSE(records[4].fields[0].quoted);
}

TEST_CASE("csv_reader: empty fields and rows of delimiters", "[csv]") {
    CsvReadResult result = read_csv("a,b,\n,,\n");
    REQUIRE(result.ok());
    REQUIRE(result.document.records.size() == 2);
    CHECK(result.document.records[0].fields.size() == 3);
    CHECK(result.document.records[0].fields[2].text.empty());
    CHECK(result.document.records[0].fields[2].column == 5);
    CHECK_FALSE(result.document.records[0].blank());
    CHECK(result.document.records[1].blank());
}

TEST_CASE("csv_reader: a UTF-8 byte-order mark is dropped and columns count characters", "[csv]") {
    CsvReadResult result = read_csv("\xEF\xBB\xBF\"Datums\",\"Rīga\",\"x\"\n\"ā\",\"ēī\",\"y\"\n");
    REQUIRE(result.ok());
    CHECK(result.document.encoding == TextEncoding::utf8_bom);
    CHECK(layout(result.document) == "Datums@1:1 | Rīga@1:10 | x@1:17\n"
                                     "ā@2:1 | ēī@2:5 | y@2:10\n");
}

TEST_CASE("csv_reader: UTF-16LE with a byte-order mark becomes UTF-8", "[csv]") {
    std::string bytes = utf16le(u"sep=,\r\n\"Views\"\r\n\"Date\",\"Primary\"\r\n"
                                u"\"2025-12-24T00:00:00\",\"1520\"\r\n\"Rīga 🎄\",\"2\"\r\n");
    CsvReadResult result = read_csv(bytes);
    REQUIRE(result.ok());
    CHECK(result.document.encoding == TextEncoding::utf16le_bom);
    CHECK(result.document.has_sep_line);
    CHECK(layout(result.document) == "Views@2:1\n"
                                     "Date@3:1 | Primary@3:8\n"
                                     "2025-12-24T00:00:00@4:1 | 1520@4:23\n"
                                     "Rīga 🎄@5:1 | 2@5:10\n");
    CHECK(result.document.records[3].fields[0].text == "R\xC4\xABga \xF0\x9F\x8E\x84");
}

TEST_CASE("csv_reader: UTF-16BE with a byte-order mark becomes UTF-8", "[csv]") {
    CsvReadResult result = read_csv(utf16be(u"a;b\nč;ž\n"));
    REQUIRE(result.ok());
    CHECK(result.document.encoding == TextEncoding::utf16be_bom);
    CHECK(result.document.delimiter == ';');
    CHECK(layout(result.document) == "a@1:1 | b@1:3\nč@2:1 | ž@2:3\n");
}

TEST_CASE("csv_reader: an Excel sep= line sets the delimiter and is not a record", "[csv]") {
    CsvReadResult comma = read_csv("sep=,\na;b,c\n");
    REQUIRE(comma.ok());
    CHECK(comma.document.delimiter == ',');
    CHECK(comma.document.has_sep_line);
    CHECK(layout(comma.document) == "a;b@2:1 | c@2:5\n");

    CsvReadResult semicolon = read_csv("sep=;\r\na;b,c\r\n");
    REQUIRE(semicolon.ok());
    CHECK(semicolon.document.delimiter == ';');
    CHECK(layout(semicolon.document) == "a@2:1 | b,c@2:3\n");

    CsvReadResult tab = read_csv("sep=\t\na\tb c\n");
    REQUIRE(tab.ok());
    CHECK(tab.document.delimiter == '\t');
    CHECK(layout(tab.document) == "a@2:1 | b c@2:3\n");

    CsvReadResult only = read_csv("sep=;");
    REQUIRE(only.ok());
    CHECK(only.document.has_sep_line);
    CHECK(only.document.records.empty());

    CsvReadResult not_sep = read_csv("sep=,x\n1\n");
    REQUIRE(not_sep.ok());
    CHECK_FALSE(not_sep.document.has_sep_line);
    CHECK(not_sep.document.records.size() == 2);
}

TEST_CASE("csv_reader: the delimiter is detected from the first lines", "[csv]") {
    CHECK(detect_delimiter("a,b,c\n1,2,3\n") == ',');
    CHECK(detect_delimiter("Datums;Skatījumi\n2026-01-01;\"1,5\"\n") == ';');
    CHECK(detect_delimiter("a\tb\n1\t2\n") == '\t');
    CHECK(detect_delimiter("a|b|c\n1|2|3\n") == '|');
    // Commas inside quotes do not count; the semicolon splits every line alike.
    CHECK(detect_delimiter("\"x, y\";z\n\"1, 2, 3\";4\n") == ';');
    // A consistent split wins over one with more fields on the first line only.
    CHECK(detect_delimiter("a,b,c;d\n1;2\n3;4\n") == ';');
    CHECK(detect_delimiter("single\ncolumn\n") == ',');
    CHECK(detect_delimiter("") == ',');

    CsvReadResult result = read_csv("a;b\n1;2\n");
    REQUIRE(result.ok());
    CHECK(result.document.delimiter == ';');
    CHECK(layout(result.document) == "a@1:1 | b@1:3\n1@2:1 | 2@2:3\n");
}

TEST_CASE("csv_reader: an explicit delimiter overrides sep= and detection", "[csv]") {
    CsvReadOptions options;
    options.delimiter = ';';
    CsvReadResult result = read_csv("sep=,\na;b,c\n", options);
    REQUIRE(result.ok());
    CHECK(result.document.delimiter == ';');
    CHECK(layout(result.document) == "a@2:1 | b,c@2:3\n");
}

TEST_CASE("csv_reader: invalid UTF-8 is reported with line and column", "[csv]") {
    // "Rīga" in Windows-1257: ī is the single byte 0xEE.
    CsvReadResult result = read_csv("name,city\nAnna,R\xEEga\nJ\xE2nis,Ogre\n");
    REQUIRE_FALSE(result.ok());
    CHECK(problems(result) ==
          "2:7: this character is not valid UTF-8 (byte 0xEE): the file was probably saved in "
          "another encoding, such as Windows-1252 (Western European) or Windows-1257 "
          "(Baltic); save it again as \"CSV UTF-8\" and import that file\n"
          "3:2: this character is not valid UTF-8 (byte 0xE2): the file was probably saved in "
          "another encoding, such as Windows-1252 (Western European) or Windows-1257 "
          "(Baltic); save it again as \"CSV UTF-8\" and import that file\n");
    CHECK(result.document.records.empty());
}

TEST_CASE("csv_reader: overlong and surrogate UTF-8 sequences are invalid", "[csv]") {
    CHECK_FALSE(decode_text("\xC0\xAF").ok());         // overlong '/'
    CHECK_FALSE(decode_text("\xED\xA0\x80").ok());     // UTF-16 surrogate
    CHECK_FALSE(decode_text("\xF4\x90\x80\x80").ok()); // above U+10FFFF
    CHECK_FALSE(decode_text("ab\xE2\x82").ok());       // cut short
    CHECK(decode_text("\xE2\x82\xAC \xF0\x9F\x98\x80").ok());
}

TEST_CASE("csv_reader: zero bytes without a byte-order mark mean UTF-16 without one", "[csv]") {
    std::string bytes("a\0,\0b\0", 6);
    CsvReadResult result = read_csv(bytes);
    REQUIRE_FALSE(result.ok());
    CHECK(problems(result) ==
          "1:2: the file contains zero bytes, so it is not UTF-8 text: it is probably UTF-16 "
          "without a byte-order mark; open it in a spreadsheet, save it as \"CSV UTF-8\" and "
          "import that file\n");
}

TEST_CASE("csv_reader: damaged UTF-16 is reported", "[csv]") {
    std::string odd = utf16le(u"a,b\n1,2\n") + "x";
    CsvReadResult cut = read_csv(odd);
    REQUIRE_FALSE(cut.ok());
    CHECK(problems(cut) == "3:1: the file ends in the middle of a UTF-16 character: it looks cut "
                           "short; download it again\n");

    std::u16string lone = u"ab,c\n";
    lone[1] = static_cast<char16_t>(0xD800);
    CsvReadResult surrogate = read_csv(utf16le(lone));
    REQUIRE_FALSE(surrogate.ok());
    CHECK(problems(surrogate) == "1:2: this character is not valid UTF-16 (a lone surrogate); "
                                 "the file looks damaged: download it again\n");
}

TEST_CASE("csv_reader: a quoted field cut off by the end of the file", "[csv]") {
    CsvReadResult result = read_csv("id,text\n1,\"first line\nsecond line");
    REQUIRE_FALSE(result.ok());
    CHECK(problems(result) == "2:3: this quoted field is never closed: the file ends inside it, "
                              "so it looks cut short; download it again\n");
    CHECK(result.document.records.empty());
}

TEST_CASE("csv_reader: text after a closing quote", "[csv]") {
    CsvReadResult result = read_csv("a,b\n\"12\"x,3\n");
    REQUIRE_FALSE(result.ok());
    CHECK(problems(result) == "2:5: a quoted value must end at its closing quote, but `x` "
                              "follows it; put the whole value inside the quotes, and write a "
                              "quote inside a value as two quotes (\"\")\n");
    // Spaces after the closing quote are allowed.
    CsvReadResult spaces = read_csv("a,b\n\"12\"  ,3\n");
    REQUIRE(spaces.ok());
    CHECK(spaces.document.records[1].fields[0].text == "12");
}

TEST_CASE("csv_reader: a quote inside an unquoted field is kept as text", "[csv]") {
    CsvReadResult result = read_csv("a,b\n12\" screen,3\n");
    REQUIRE(result.ok());
    CHECK(result.document.records[1].fields[0].text == "12\" screen");
}

TEST_CASE("csv_reader: empty files", "[csv]") {
    CsvReadResult empty = read_csv("");
    REQUIRE(empty.ok());
    CHECK(empty.document.records.empty());

    CsvReadResult bom_only = read_csv("\xEF\xBB\xBF");
    REQUIRE(bom_only.ok());
    CHECK(bom_only.document.encoding == TextEncoding::utf8_bom);
    CHECK(bom_only.document.records.empty());

    CsvReadResult blank_lines = read_csv("\r\n\n\r\n");
    REQUIRE(blank_lines.ok());
    CHECK(blank_lines.document.records.empty());

    CsvReadResult utf16_empty = read_csv("\xFF\xFE");
    REQUIRE(utf16_empty.ok());
    CHECK(utf16_empty.document.records.empty());
}

TEST_CASE("csv_reader: encoding names", "[csv]") {
    CHECK(encoding_name(TextEncoding::utf8) == "UTF-8");
    CHECK(encoding_name(TextEncoding::utf8_bom) == "UTF-8 with BOM");
    CHECK(encoding_name(TextEncoding::utf16le_bom) == "UTF-16LE");
    CHECK(encoding_name(TextEncoding::utf16be_bom) == "UTF-16BE");
}

TEST_CASE("csv_reader: text that is not UTF-8 is read as Windows-1252 when asked", "[csv]") {
    // "Café" and "€" in Windows-1252: 0xE9 and 0x80.
    CsvReadOptions options;
    options.windows1252 = true;
    CsvReadResult result = read_csv("name,price\nCaf\xE9,5 \x80\n", options);
    REQUIRE(result.ok());
    CHECK(result.document.encoding == TextEncoding::windows1252);
    CHECK(encoding_name(TextEncoding::windows1252) == "Windows-1252");
    CHECK(result.document.records[1].fields[0].text == "Caf\xC3\xA9");
    CHECK(result.document.records[1].fields[1].text == "5 \xE2\x82\xAC");
    // Valid UTF-8 stays UTF-8, and zero bytes (UTF-16 without a mark) are still an error.
    CHECK(read_csv("a\nCaf\xC3\xA9\n", options).document.encoding == TextEncoding::utf8);
    CHECK_FALSE(read_csv(std::string("a\0b\n\xE9", 5), options).ok());
}
