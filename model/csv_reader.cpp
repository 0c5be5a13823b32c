#include "model/csv_reader.hpp"

#include <array>
#include <cstdint>
#include <cstdio>

namespace planner::model {

namespace {

constexpr size_t k_max_text_problems = 10;

// Line and column of the next character, with CRLF, LF and CR each ending one line.
class Position {
public:
    int line() const { return m_line; }
    int column() const { return m_column; }

    // One code point; `next` is the code point after it (0 at the end), to see CRLF.
    void advance(char32_t code_point, char32_t next) {
        if (code_point == '\r') {
            if (next != '\n')
                new_line(); // a CRLF ends its line at the LF
        } else if (code_point == '\n') {
            new_line();
        } else {
            ++m_column;
        }
    }

private:
    void new_line() {
        ++m_line;
        m_column = 1;
    }
    int m_line = 1;
    int m_column = 1;
};

std::string hex_byte(unsigned char byte) {
    std::array<char, 8> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "0x%02X", byte);
    return buffer.data();
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Length of the valid UTF-8 sequence at text[i], or 0 when it is not valid.
size_t utf8_sequence_length(std::string_view text, size_t i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    if (lead < 0x80)
        return 1;
    size_t length = 0;
    char32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        cp = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        cp = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if ((length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000))
        return 0; // overlong
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0; // surrogate
    if (cp > 0x10FFFF)
        return 0;
    return length;
}

void add_problem(std::vector<CsvProblem>& problems, const Position& at, std::string message) {
    if (problems.size() < k_max_text_problems)
        problems.push_back({at.line(), at.column(), std::move(message)});
}

// Validates UTF-8 text, reporting each invalid byte with its position.
void check_utf8(std::string_view text, std::vector<CsvProblem>& problems) {
    Position position;
    size_t i = 0;
    while (i < text.size()) {
        unsigned char byte = static_cast<unsigned char>(text[i]);
        if (byte == 0) {
            add_problem(problems, position,
                        "the file contains zero bytes, so it is not UTF-8 text: it is probably "
                        "UTF-16 without a byte-order mark; open it in a spreadsheet, save it as "
                        "\"CSV UTF-8\" and import that file");
            return;
        }
        size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            add_problem(problems, position,
                        "this character is not valid UTF-8 (byte " + hex_byte(byte) +
                            "): the file was probably saved in another encoding, such as "
                            "Windows-1252 (Western European) or Windows-1257 (Baltic); save it "
                            "again as \"CSV "
                            "UTF-8\" and import that file");
            position.advance('?', 0);
            ++i;
            continue;
        }
        char32_t next = i + length < text.size() ? static_cast<unsigned char>(text[i + length]) : 0;
        position.advance(length == 1 ? static_cast<char32_t>(byte) : U'x', next);
        i += length;
    }
}

// Windows-1252 to UTF-8. The five bytes that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
// 0x90, 0x9D) are Latin-1's control characters of the same number.
std::string decode_windows1252(std::string_view bytes) {
    static constexpr char16_t k_high[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char c : bytes) {
        auto byte = static_cast<unsigned char>(c);
        char32_t cp = byte >= 0x80 && byte < 0xA0 ? k_high[byte - 0x80] : byte;
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

void decode_utf16(std::string_view body, bool little_endian, DecodedText& out) {
    out.utf8.reserve(body.size() / 2 + 16);
    auto unit = [&](size_t k) -> char32_t {
        auto b0 = static_cast<unsigned char>(body[k]);
        auto b1 = static_cast<unsigned char>(body[k + 1]);
        return little_endian ? static_cast<char32_t>(b0 | (b1 << 8))
                             : static_cast<char32_t>((b0 << 8) | b1);
    };
    size_t units = body.size() / 2;
    Position position;
    size_t k = 0;
    while (k < units) {
        char32_t cp = unit(2 * k);
        size_t used = 1;
        if (cp >= 0xD800 && cp <= 0xDBFF && k + 1 < units && unit(2 * k + 2) >= 0xDC00 &&
            unit(2 * k + 2) <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(2 * k + 2) - 0xDC00);
            used = 2;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            add_problem(out.problems, position,
                        "this character is not valid UTF-16 (a lone surrogate); the file looks "
                        "damaged: download it again");
            cp = 0xFFFD;
        }
        char32_t next = k + used < units ? unit(2 * (k + used)) : 0;
        append_utf8(out.utf8, cp);
        position.advance(cp, next);
        k += used;
    }
    if (body.size() % 2 != 0)
        add_problem(out.problems, position,
                    "the file ends in the middle of a UTF-16 character: it looks cut short; "
                    "download it again");
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// Reads records from UTF-8 text.
class CsvParser {
public:
    CsvParser(std::string_view text, char delimiter, int first_line)
        : m_text(text), m_delimiter(delimiter), m_line(first_line) {}

    bool parse(std::vector<CsvRecord>& records, std::vector<CsvProblem>& problems) {
        while (!at_end()) {
            CsvRecord record;
            record.line = m_line;
            if (!parse_record(record, problems))
                return false;
            bool empty_line = record.fields.size() == 1 && !record.fields[0].quoted &&
                              record.fields[0].text.empty();
            if (!empty_line)
                records.push_back(std::move(record));
        }
        return true;
    }

private:
    bool at_end() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }
    bool at_line_end() const { return !at_end() && (peek() == '\r' || peek() == '\n'); }

    void advance() {
        char c = m_text[m_pos++];
        if (c == '\r') {
            if (!at_end() && peek() == '\n')
                ++m_pos;
            new_line();
        } else if (c == '\n') {
            new_line();
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++m_column;
        }
    }
    void new_line() {
        ++m_line;
        m_column = 1;
    }

    bool parse_record(CsvRecord& record, std::vector<CsvProblem>& problems) {
        for (;;) {
            CsvField field;
            field.line = m_line;
            field.column = m_column;
            if (!at_end() && peek() == '"') {
                if (!parse_quoted(field, problems))
                    return false;
            } else {
                size_t start = m_pos;
                while (!at_end() && peek() != m_delimiter && !at_line_end())
                    advance();
                field.text.assign(m_text.substr(start, m_pos - start));
            }
            record.fields.push_back(std::move(field));
            if (at_end())
                return true;
            if (peek() == m_delimiter) {
                advance();
                continue;
            }
            advance(); // the line end
            return true;
        }
    }

    bool parse_quoted(CsvField& field, std::vector<CsvProblem>& problems) {
        field.quoted = true;
        advance(); // opening quote
        for (;;) {
            if (at_end()) {
                problems.push_back({field.line, field.column,
                                    "this quoted field is never closed: the file ends inside "
                                    "it, so it looks cut short; download it again"});
                return false;
            }
            char c = peek();
            if (c == '"') {
                advance();
                if (!at_end() && peek() == '"') {
                    field.text += '"';
                    advance();
                    continue;
                }
                break;
            }
            if (c == '\r' || c == '\n') {
                field.text += '\n';
                advance();
                continue;
            }
            field.text += c;
            advance();
        }
        while (!at_end() && peek() == ' ' && m_delimiter != ' ')
            advance();
        if (at_end() || peek() == m_delimiter || at_line_end())
            return true;
        size_t length = utf8_sequence_length(m_text, m_pos);
        std::string found(m_text.substr(m_pos, length == 0 ? 1 : length));
        problems.push_back({m_line, m_column,
                            "a quoted value must end at its closing quote, but `" + found +
                                "` follows it; put the whole value inside the quotes, and "
                                "write a quote inside a value as two quotes (\"\")"});
        return false;
    }

    std::string_view m_text;
    char m_delimiter;
    size_t m_pos = 0;
    int m_line;
    int m_column = 1;
};

// Delimiter counts of the first lines that are not empty (quotes respected).
std::vector<int> count_per_line(std::string_view text, char delimiter, size_t max_lines) {
    std::vector<int> counts;
    int count = 0;
    bool line_has_text = false;
    bool in_quotes = false;
    for (size_t i = 0; i < text.size() && counts.size() < max_lines; ++i) {
        char c = text[i];
        if (!in_quotes && (c == '\n' || c == '\r')) {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            if (line_has_text)
                counts.push_back(count);
            count = 0;
            line_has_text = false;
            continue;
        }
        line_has_text = true;
        if (c == '"')
            in_quotes = !in_quotes;
        else if (!in_quotes && c == delimiter)
            ++count;
    }
    if (line_has_text && counts.size() < max_lines)
        counts.push_back(count);
    return counts;
}

} // namespace

std::string_view encoding_name(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::utf8:
        return "UTF-8";
    case TextEncoding::utf8_bom:
        return "UTF-8 with BOM";
    case TextEncoding::utf16le_bom:
        return "UTF-16LE";
    case TextEncoding::utf16be_bom:
        return "UTF-16BE";
    case TextEncoding::windows1252:
        return "Windows-1252";
    }
    return "UTF-8";
}

bool CsvRecord::blank() const {
    for (const CsvField& field : fields)
        if (!field.text.empty())
            return false;
    return true;
}

DecodedText decode_text(std::string_view bytes, bool windows1252) {
    DecodedText out;
    if (starts_with(bytes, "\xEF\xBB\xBF")) {
        out.encoding = TextEncoding::utf8_bom;
        bytes.remove_prefix(3);
    } else if (starts_with(bytes, "\xFF\xFE")) {
        out.encoding = TextEncoding::utf16le_bom;
        decode_utf16(bytes.substr(2), true, out);
        return out;
    } else if (starts_with(bytes, "\xFE\xFF")) {
        out.encoding = TextEncoding::utf16be_bom;
        decode_utf16(bytes.substr(2), false, out);
        return out;
    }
    check_utf8(bytes, out.problems);
    bool zero_byte = bytes.find('\0') != std::string_view::npos;
    if (!out.ok() && windows1252 && out.encoding == TextEncoding::utf8 && !zero_byte) {
        out.problems.clear();
        out.encoding = TextEncoding::windows1252;
        out.utf8 = decode_windows1252(bytes);
        return out;
    }
    if (out.ok())
        out.utf8.assign(bytes);
    return out;
}

char detect_delimiter(std::string_view text) {
    char best = ',';
    int best_fields = 0;
    bool best_consistent = false;
    for (char candidate : {',', ';', '\t', '|'}) {
        std::vector<int> counts = count_per_line(text, candidate, 20);
        if (counts.empty() || counts.front() == 0)
            continue;
        int first = counts.front();
        bool consistent = true;
        for (int count : counts)
            consistent = consistent && count == first;
        bool better = consistent != best_consistent ? consistent : first > best_fields;
        if (better) {
            best = candidate;
            best_fields = first;
            best_consistent = consistent;
        }
    }
    return best;
}

CsvReadResult read_csv(std::string_view bytes, const CsvReadOptions& options) {
    CsvReadResult result;
    DecodedText decoded = decode_text(bytes, options.windows1252);
    result.document.encoding = decoded.encoding;
    if (!decoded.ok()) {
        result.problems = std::move(decoded.problems);
        return result;
    }
    std::string_view text = decoded.utf8;

    int first_line = 1;
    char delimiter = ',';
    bool sep_line = false;
    if (text.size() >= 5 && starts_with(text, "sep=") && text[4] != '\r' && text[4] != '\n' &&
        (text.size() == 5 || text[5] == '\r' || text[5] == '\n')) {
        sep_line = true;
        delimiter = text[4];
        text.remove_prefix(5);
        if (starts_with(text, "\r\n"))
            text.remove_prefix(2);
        else if (!text.empty())
            text.remove_prefix(1);
        first_line = 2;
    } else {
        delimiter = detect_delimiter(text);
    }
    if (options.delimiter)
        delimiter = *options.delimiter;

    result.document.delimiter = delimiter;
    result.document.has_sep_line = sep_line;
    CsvParser parser(text, delimiter, first_line);
    if (!parser.parse(result.document.records, result.problems))
        result.document.records.clear();
    return result;
}

} // namespace planner::model
