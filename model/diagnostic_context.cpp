#include "model/diagnostic_context.hpp"

#include "model/csv_reader.hpp"

#include <algorithm>
#include <regex>
#include <utility>

namespace planner::model {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        if (end == text.size())
            break;
        start = end + 1;
    }
    return lines;
}

// Characters (code points) before byte `bytes` of `line`.
size_t characters(std::string_view line, size_t bytes) {
    size_t count = 0;
    for (size_t i = 0; i < bytes && i < line.size(); ++i)
        count += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    return count;
}

size_t indentation(std::string_view line) {
    size_t n = 0;
    while (n < line.size() && (line[n] == ' ' || line[n] == '\t'))
        ++n;
    return n;
}

bool blank_or_comment(std::string_view line) {
    size_t start = indentation(line);
    return start == line.size() || line[start] == '#';
}

// "  key: value" -> key and value, for a plain (unquoted) value; false otherwise.
bool plain_key_value(std::string_view line, std::string& key, std::string& value) {
    static const std::regex k_pair(R"(^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_-]*):\s+([^"'\[{].*)$)");
    std::match_results<std::string_view::const_iterator> match;
    if (!std::regex_match(line.begin(), line.end(), match, k_pair))
        return false;
    key = match[1].str();
    value = match[2].str();
    return true;
}

std::string quoted(const std::string& value) {
    std::string out = "\"";
    for (char c : value)
        out += c == '"' ? std::string("\\\"") : std::string(1, c);
    return out + "\"";
}

// Characters before the first ": " or " #" of the value after "key:" on `line` (1-based), or
// the start of the value.
size_t value_problem_column(std::string_view line) {
    const size_t colon = line.find(':');
    size_t at = line.find(": ", colon == std::string_view::npos ? 0 : colon + 1);
    const size_t hash = line.find(" #", colon == std::string_view::npos ? 0 : colon + 1);
    if (at == std::string_view::npos || (hash != std::string_view::npos && hash < at))
        at = hash;
    return characters(line, at == std::string_view::npos ? indentation(line) : at) + 1;
}

void show_line(std::vector<std::string>& out, std::string_view line, int number, size_t column) {
    std::string label = std::to_string(number);
    if (label.size() < 5)
        label.insert(0, 5 - label.size(), ' ');
    const std::string gutter(label.size(), ' ');
    out.push_back(label + " | " + std::string(line));
    out.push_back(gutter + " | " + std::string(column > 0 ? column - 1 : 0, ' ') + "^");
}

// The fields of one physical CSV line, each with the character column it starts at; quotes
// are honoured within the line (a field that goes on to the next line ends with the line).
std::vector<std::pair<size_t, std::string>> csv_fields(std::string_view line, char delimiter) {
    std::vector<std::pair<size_t, std::string>> fields;
    size_t i = 0;
    while (i <= line.size()) {
        const size_t start_column = characters(line, i) + 1;
        std::string text;
        if (i < line.size() && line[i] == '"') {
            ++i;
            while (i < line.size()) {
                if (line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                    text += '"';
                    i += 2;
                } else if (line[i] == '"') {
                    ++i;
                    break;
                } else {
                    text += line[i++];
                }
            }
            while (i < line.size() && line[i] != delimiter)
                text += line[i++];
        } else {
            while (i < line.size() && line[i] != delimiter)
                text += line[i++];
        }
        fields.emplace_back(start_column, std::move(text));
        if (i >= line.size())
            break;
        ++i; // the delimiter
    }
    return fields;
}

} // namespace

std::vector<std::string> csv_row_context(const Diagnostic& diagnostic, std::string_view bytes) {
    std::vector<std::string> out;
    if (diagnostic.line < 1 || bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4))
        return out; // no line, or a spreadsheet (a ZIP archive), not text
    const DecodedText decoded = decode_text(bytes, true);
    std::string_view text = decoded.utf8;
    std::vector<std::string_view> lines = split_lines(text);
    const size_t index = static_cast<size_t>(diagnostic.line) - 1;
    if (index >= lines.size())
        return out;
    size_t first = 0;
    char delimiter = ',';
    if (!lines.empty() && lines[0].size() == 5 && lines[0].substr(0, 4) == "sep=") {
        delimiter = lines[0][4];
        first = 1;
    } else {
        delimiter = detect_delimiter(text);
    }
    const std::string_view line = lines[index];
    const size_t column = static_cast<size_t>(std::max(diagnostic.column, 1));
    show_line(out, line, diagnostic.line, column);

    // Which field the column is in, and that field's header: the first line above with a
    // field there and more than one field (a title line above the header has one).
    const auto fields = csv_fields(line, delimiter);
    size_t field = 0;
    while (field + 1 < fields.size() && fields[field + 1].first <= column)
        ++field;
    for (size_t h = first; h < index; ++h) {
        const auto header = csv_fields(lines[h], delimiter);
        if (header.size() < 2 || field >= header.size())
            continue;
        std::string name = header[field].second;
        if (name.empty())
            break;
        if (characters(name, name.size()) > 60) {
            size_t cut = 0;
            for (size_t kept = 0; cut < name.size() && kept <= 57; ++cut)
                kept += (static_cast<unsigned char>(name[cut]) & 0xC0) != 0x80;
            name = name.substr(0, cut - 1) + "\u2026";
        }
        out.push_back("column: " + name + " (header on line " + std::to_string(h + 1) + ")");
        break;
    }
    return out;
}

DiagnosticWithContext with_context(const Diagnostic& diagnostic, std::string_view source) {
    DiagnosticWithContext result{diagnostic, {}};
    std::vector<std::string>& out = result.context;
    const std::vector<std::string_view> lines = split_lines(source);
    const std::string& message = diagnostic.message;
    const auto move_to = [&](size_t index, size_t column) {
        result.diagnostic.line = static_cast<int>(index + 1);
        result.diagnostic.column = static_cast<int>(column);
        show_line(out, lines[index], result.diagnostic.line, column);
    };

    // "'overhead' has no value" where the value was cut off by '#': show that line.
    static const std::regex k_no_value(R"(^'([^']+)' has no value)");
    std::smatch no_value;
    if (std::regex_search(message, no_value, k_no_value)) {
        const std::string key = no_value[1].str();
        for (size_t i = 0; i < lines.size(); ++i) {
            const std::string_view line = lines[i];
            const size_t at = line.find(key + ":");
            if (at == std::string_view::npos || at != indentation(line))
                continue;
            const size_t hash = line.find('#', at + key.size() + 1);
            if (hash == std::string_view::npos ||
                line.find_first_not_of(' ', at + key.size() + 1) != hash)
                continue;
            move_to(i, characters(line, hash) + 1);
            out.push_back("hint: '#' starts a comment in YAML, so '" + key +
                          "' has no value; put the value in quotes: " + key + ": " +
                          quoted(std::string(line.substr(hash))));
            return result;
        }
    }

    if (diagnostic.line < 1 || static_cast<size_t>(diagnostic.line) > lines.size())
        return result;
    const size_t index = static_cast<size_t>(diagnostic.line) - 1;
    const std::string_view line = lines[index];
    if (message.rfind("YAML syntax error", 0) != 0) {
        move_to(index, static_cast<size_t>(std::max(diagnostic.column, 1)));
        return result;
    }

    // A plain value with ": " or " #" in it, on this line or the one above (the parser often
    // notices on the next line).
    for (size_t candidate : {index, index > 0 ? index - 1 : index}) {
        std::string key, value;
        if (plain_key_value(lines[candidate], key, value) &&
            (value.find(": ") != std::string::npos || value.find(" #") != std::string::npos)) {
            move_to(candidate, value_problem_column(lines[candidate]));
            out.push_back("hint: a value that contains \": \" or \" #\" must be in quotes: " + key +
                          ": " + quoted(value));
            return result;
        }
    }
    const auto has_tab = [&](size_t i) {
        return lines[i].substr(0, indentation(lines[i])).find('\t') != std::string_view::npos;
    };
    if (message.find("tab") != std::string::npos || has_tab(index)) {
        const size_t culprit =
            !has_tab(index) && index > 0 && has_tab(index - 1) ? index - 1 : index;
        move_to(culprit, lines[culprit].find('\t') + 1);
        out.push_back("hint: indent with spaces; YAML does not allow tabs in indentation");
        return result;
    }
    move_to(index, static_cast<size_t>(std::max(diagnostic.column, 1)));
    size_t above = index;
    while (above > 0 && blank_or_comment(lines[above - 1]))
        --above;
    if (above > 0 && (message.find("block") != std::string::npos ||
                      message.find("indent") != std::string::npos)) {
        const std::string_view previous = lines[above - 1];
        out.push_back("hint: check the indentation: this line starts at column " +
                      std::to_string(indentation(line) + 1) + ", the line above (" +
                      std::to_string(above) + ") at column " +
                      std::to_string(indentation(previous) + 1) +
                      "; the entries of one list or mapping start at the same column");
    }
    return result;
}

} // namespace planner::model
