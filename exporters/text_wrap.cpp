#include "exporters/text_wrap.hpp"

#include "exporters/utf8.hpp"

namespace planner::exporters {
namespace {

// Splits one paragraph (no '\n') into space-separated words.
std::vector<std::string_view> split_words(std::string_view paragraph) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start < paragraph.size()) {
        while (start < paragraph.size() && (paragraph[start] == ' ' || paragraph[start] == '\t')) {
            ++start;
        }
        std::size_t end = start;
        while (end < paragraph.size() && paragraph[end] != ' ' && paragraph[end] != '\t') {
            ++end;
        }
        if (end > start) {
            words.push_back(paragraph.substr(start, end - start));
        }
        start = end;
    }
    return words;
}

// The byte length of the longest prefix of word that fits in max_width (at least one code
// point), preferring a cut just after a '-' or '/'.
std::size_t fitting_prefix(std::string_view word, double max_width, const MeasureText& measure) {
    double width = 0;
    std::size_t cut = 0;
    std::size_t last_hyphen_cut = 0;
    while (cut < word.size()) {
        const DecodedCodePoint decoded = decode_utf8(word, cut);
        const double advance = measure(word.substr(cut, decoded.length));
        if (cut > 0 && width + advance > max_width) {
            break;
        }
        width += advance;
        cut += decoded.length;
        if (decoded.value == '-' || decoded.value == '/') {
            last_hyphen_cut = cut;
        }
    }
    if (cut < word.size() && last_hyphen_cut > 0) {
        return last_hyphen_cut;
    }
    return cut;
}

void wrap_paragraph(std::string_view paragraph, double max_width, const MeasureText& measure,
                    std::vector<std::string>& lines) {
    const double space_width = measure(" ");
    std::string line;
    double line_width = 0;
    for (std::string_view word : split_words(paragraph)) {
        double word_width = measure(word);
        if (!line.empty() && line_width + space_width + word_width <= max_width) {
            line += ' ';
            line += word;
            line_width += space_width + word_width;
            continue;
        }
        if (!line.empty()) {
            lines.push_back(std::move(line));
            line.clear();
            line_width = 0;
        }
        while (word_width > max_width) {
            const std::size_t cut = fitting_prefix(word, max_width, measure);
            if (cut >= word.size()) {
                break;
            }
            lines.emplace_back(word.substr(0, cut));
            word.remove_prefix(cut);
            word_width = measure(word);
        }
        line = std::string(word);
        line_width = word_width;
    }
    lines.push_back(std::move(line));
}

} // namespace

std::vector<std::string> wrap_text(std::string_view text, double max_width,
                                   const MeasureText& measure) {
    std::vector<std::string> lines;
    if (text.empty()) {
        return lines;
    }
    const std::string clean = sanitize_utf8(text);
    std::string_view rest = clean;
    while (true) {
        const std::size_t newline = rest.find('\n');
        std::string_view paragraph = rest.substr(0, newline);
        if (!paragraph.empty() && paragraph.back() == '\r') {
            paragraph.remove_suffix(1);
        }
        wrap_paragraph(paragraph, max_width, measure, lines);
        if (newline == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(newline + 1);
    }
    return lines;
}

std::string truncate_to_width(std::string_view text, double max_width, const MeasureText& measure,
                              std::string_view ellipsis) {
    const std::string clean = sanitize_utf8(text);
    if (measure(clean) <= max_width) {
        return clean;
    }
    const double room = max_width - measure(ellipsis);
    std::size_t cut = 0;
    double width = 0;
    while (cut < clean.size()) {
        const DecodedCodePoint decoded = decode_utf8(clean, cut);
        const double advance = measure(std::string_view(clean).substr(cut, decoded.length));
        if (width + advance > room) {
            break;
        }
        width += advance;
        cut += decoded.length;
    }
    std::string out = clean.substr(0, cut);
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    out += ellipsis;
    return out;
}

std::string wrap_columns(std::string_view text, std::size_t columns) {
    std::string out;
    for (const std::string& line :
         wrap_text(text, static_cast<double>(columns),
                   [](std::string_view part) { return static_cast<double>(utf8_length(part)); })) {
        out += line;
        out += '\n';
    }
    return out;
}

std::string wrap_hanging(std::string_view text, std::size_t indent, std::size_t width) {
    const std::size_t room = width > indent + 20 ? width - indent : 20;
    std::string wrapped = wrap_columns(text, room);
    if (!wrapped.empty())
        wrapped.pop_back(); // the final "\n"
    std::string out;
    for (char c : wrapped) {
        out += c;
        if (c == '\n')
            out.append(indent, ' ');
    }
    return out;
}

} // namespace planner::exporters
