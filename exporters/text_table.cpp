#include "exporters/text_table.hpp"

#include "exporters/utf8.hpp"

#include <algorithm>

namespace planner::exporters {

namespace {
size_t width_of(const std::string& text) {
    return utf8_length(text);
}

// Cuts `text` to at most `width` characters, ending in "…" when cut; never splits a character.
std::string fit(const std::string& text, size_t width) {
    if (width_of(text) <= width)
        return text;
    if (width == 0)
        return {};
    std::string out;
    size_t count = 0;
    for (size_t i = 0; i < text.size();) {
        size_t len = 1;
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        if (count + 1 >= width)
            break;
        out.append(text, i, len);
        ++count;
        i += len;
    }
    return out + "\xE2\x80\xA6";
}
} // namespace

std::string render_text_table(const std::vector<TextColumn>& columns,
                              const std::vector<std::vector<std::string>>& rows, int max_width) {
    const size_t n = columns.size();
    std::vector<size_t> widths(n, 0);
    for (size_t c = 0; c < n; ++c)
        widths[c] = width_of(columns[c].header);
    for (const auto& row : rows)
        for (size_t c = 0; c < n && c < row.size(); ++c)
            widths[c] = std::max(widths[c], width_of(row[c]));
    // Shrink the widest left-aligned columns until the table fits.
    auto total = [&] {
        size_t sum = 0;
        for (size_t w : widths)
            sum += w;
        return sum + 2 * (n ? n - 1 : 0);
    };
    while (total() > static_cast<size_t>(max_width)) {
        size_t widest = n;
        for (size_t c = 0; c < n; ++c)
            if (columns[c].align == Align::left && widths[c] > 8 &&
                (widest == n || widths[c] > widths[widest]))
                widest = c;
        if (widest == n)
            break;
        --widths[widest];
    }
    std::string out;
    if (total() > static_cast<size_t>(max_width) && n > 1) {
        // Too many columns for the width even with the text cut short: one block per row, a
        // line per column ("header  value"), so that no figure is lost.
        size_t label = 0;
        for (const auto& column : columns)
            label = std::max(label, width_of(column.header));
        const size_t room =
            static_cast<size_t>(max_width) > label + 2 + 8 ? max_width - label - 2 : 8;
        for (size_t r = 0; r < rows.size(); ++r) {
            if (r > 0)
                out += "\n";
            for (size_t c = 0; c < n; ++c) {
                const std::string& header = columns[c].header;
                const std::string value = c < rows[r].size() ? rows[r][c] : std::string();
                out += header;
                if (!value.empty())
                    out += std::string(label - width_of(header) + 2, ' ') + fit(value, room);
                out += "\n";
            }
        }
        return out;
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (size_t c = 0; c < n; ++c) {
            std::string cell = fit(c < cells.size() ? cells[c] : std::string(), widths[c]);
            std::string pad(widths[c] - width_of(cell), ' ');
            bool last = c + 1 == n;
            if (columns[c].align == Align::right)
                text += pad + cell;
            else
                text += last ? cell : cell + pad;
            if (!last)
                text += "  ";
        }
        out += text + "\n";
    };
    std::vector<std::string> header;
    for (const auto& column : columns)
        header.push_back(column.header);
    line(header);
    std::vector<std::string> rule;
    for (size_t c = 0; c < n; ++c)
        rule.emplace_back(widths[c], '-');
    line(rule);
    for (const auto& row : rows)
        line(row);
    return out;
}

} // namespace planner::exporters
