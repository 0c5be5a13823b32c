// Tables: widths from hints or content, wrapped cells, numbers right-aligned, red/amber/green
// cells, and pages that continue the table under a repeated header row.

#include "exporters/pdf_blocks.hpp"

#include <algorithm>
#include <numeric>

namespace planner::exporters {
namespace {

constexpr double k_pad_x = 5;
constexpr double k_pad_y = 3.6;
constexpr double k_status_dot = 7; // room the status dot takes before the text

Alignment column_alignment(const Column& column) {
    return column.numeric ? Alignment::right : column.alignment;
}

const Cell& cell_at(const std::vector<Cell>& row, std::size_t column) {
    static const Cell k_empty;
    return column < row.size() ? row[column] : k_empty;
}

double longest_word(std::string_view text, const MeasureText& measure) {
    double longest = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find_first_of(" \n", start), text.size());
        longest = std::max(longest, measure(text.substr(start, end - start)));
        start = end + 1;
    }
    return longest;
}

// The narrowest width in which text takes at most two lines (its longest word, if wider).
double two_line_width(std::string_view text, const MeasureText& measure) {
    double best = measure(text);
    for (std::size_t space = text.find(' '); space != std::string_view::npos;
         space = text.find(' ', space + 1)) {
        best = std::min(best,
                        std::max(measure(text.substr(0, space)), measure(text.substr(space + 1))));
    }
    return std::max(best, longest_word(text, measure));
}

// Column widths that add up to `available`. With hints, widths follow the hints; without, each
// column gets what its content needs, and when the content is wider than the page, the widest
// columns give way first (never below the width of their longest header word, or 36 pt).
std::vector<double> column_widths(const Table& table, double available, const Flow& flow) {
    const std::size_t count = table.columns.size();
    const double hint_total = std::accumulate(
        table.columns.begin(), table.columns.end(), 0.0,
        [](double sum, const Column& column) { return sum + std::max(0.0, column.width); });
    std::vector<double> widths(count, 0);
    if (hint_total > 0) {
        const double default_hint = hint_total / static_cast<double>(count);
        double total = 0;
        for (std::size_t i = 0; i < count; ++i) {
            widths[i] = table.columns[i].width > 0 ? table.columns[i].width : default_hint;
            total += widths[i];
        }
        for (double& width : widths) {
            width = width / total * available;
        }
        return widths;
    }

    const MeasureText body = flow.measure(FontWeight::regular, type::k_table);
    const MeasureText bold = flow.measure(FontWeight::bold, type::k_table);
    std::vector<double> natural(count, 0);
    std::vector<double> minimum(count, 0);
    for (std::size_t i = 0; i < count; ++i) {
        // A header may take two lines; cells ask for their full width.
        const std::string& header = table.columns[i].header;
        const double word = longest_word(header, bold);
        natural[i] = two_line_width(header, bold);
        minimum[i] = std::min(std::max(word, 36.0), 90.0);
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const bool total_row = r + table.total_rows >= table.rows.size();
        for (std::size_t i = 0; i < count; ++i) {
            const Cell& cell = cell_at(table.rows[r], i);
            const double extra = cell.status == StatusColour::none ? 0 : k_status_dot;
            natural[i] = std::max(natural[i], (total_row ? bold : body)(cell.text) + extra);
        }
    }
    for (std::size_t i = 0; i < count; ++i) {
        natural[i] += 2 * k_pad_x;
        minimum[i] = std::min(minimum[i] + 2 * k_pad_x, natural[i]);
    }
    const double natural_total = std::accumulate(natural.begin(), natural.end(), 0.0);
    if (natural_total <= available) {
        // Spread the spare room in proportion, so the table spans the text width.
        for (std::size_t i = 0; i < count; ++i) {
            widths[i] = natural[i] / natural_total * available;
        }
        return widths;
    }
    // Water-filling: columns that need less than an equal share of what is left keep what they
    // need; the rest share the remainder in proportion to their needs, above their minimum.
    std::vector<bool> fixed(count, false);
    double left_over = available;
    std::size_t open = count;
    bool changed = true;
    while (changed && open > 0) {
        changed = false;
        const double share = left_over / static_cast<double>(open);
        for (std::size_t i = 0; i < count; ++i) {
            if (!fixed[i] && natural[i] <= share) {
                widths[i] = natural[i];
                fixed[i] = true;
                left_over -= natural[i];
                --open;
                changed = true;
            }
        }
    }
    double open_need = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (!fixed[i]) {
            open_need += natural[i];
        }
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (!fixed[i]) {
            widths[i] = std::max(minimum[i], natural[i] / open_need * left_over);
        }
    }
    // Minimums may have pushed the total past the page: take it back from the widest columns.
    const double total = std::accumulate(widths.begin(), widths.end(), 0.0);
    if (total > available) {
        const double scale = available / total;
        for (double& width : widths) {
            width *= scale;
        }
    }
    return widths;
}

struct LaidOutRow {
    std::vector<std::vector<std::string>> lines; // per column
    double height = 0;
};

LaidOutRow lay_out_row(const std::vector<std::string>& texts, const std::vector<bool>& has_status,
                       const std::vector<double>& widths, const MeasureText& measure) {
    LaidOutRow row;
    std::size_t most = 1;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        const double room = widths[i] - 2 * k_pad_x - (has_status[i] ? k_status_dot : 0);
        row.lines.push_back(wrap_text(texts[i], std::max(room, 1.0), measure));
        most = std::max(most, row.lines.back().size());
    }
    row.height = static_cast<double>(most) * type::k_table_leading + 2 * k_pad_y;
    return row;
}

class TableDrawer {
public:
    TableDrawer(Flow& flow, const Table& table)
        : m_flow(flow), m_table(table), m_theme(flow.theme()),
          m_widths(column_widths(table, flow.width(), flow)) {
        std::vector<std::string> headers;
        for (const Column& column : table.columns) {
            headers.push_back(column.header);
        }
        m_header = lay_out_row(headers, std::vector<bool>(headers.size(), false), m_widths,
                               flow.measure(FontWeight::bold, type::k_table));
    }

    void draw() {
        const LaidOutRow first = m_table.rows.empty() ? LaidOutRow{} : lay_out(0);
        // A short table is not split: it moves to the next page whole.
        constexpr std::size_t k_short_table = 12;
        double keep = m_header.height + first.height;
        if (m_table.rows.size() <= k_short_table) {
            for (std::size_t r = 1; r < m_table.rows.size(); ++r) {
                keep += lay_out(r).height;
            }
        }
        m_flow.draw_block_title(m_table.title, keep);
        m_flow.ensure_space(m_header.height + first.height);
        draw_header();
        for (std::size_t r = 0; r < m_table.rows.size(); ++r) {
            LaidOutRow row = r == 0 ? first : lay_out(r);
            clamp_to_page(row);
            if (row.height > m_flow.remaining() || !tail_fits(r, row)) {
                m_flow.new_page();
                if (!m_table.title.empty()) {
                    m_flow.draw_wrapped(continued_title(m_flow.labels(), m_table.title),
                                        m_flow.left(), m_flow.width(),
                                        {FontWeight::bold, type::k_table, m_theme.muted},
                                        type::k_table_leading + 2);
                    m_flow.advance(2);
                }
                draw_header();
            }
            draw_row(r, row);
        }
        const double end = m_flow.y();
        m_flow.canvas().line({m_flow.left(), end}, {m_flow.right(), end},
                             {m_theme.rule, 0.7, LineDash::solid});
        if (!m_table.footnote.empty()) {
            m_flow.advance(4);
            m_flow.draw_wrapped(m_table.footnote, m_flow.left(), m_flow.width(),
                                {FontWeight::regular, type::k_note - 0.5, m_theme.muted},
                                type::k_note_leading - 0.5);
        }
        m_flow.advance(type::k_block_gap);
    }

private:
    bool is_total(std::size_t r) const { return r + m_table.total_rows >= m_table.rows.size(); }

    LaidOutRow lay_out(std::size_t r) const {
        std::vector<std::string> texts;
        std::vector<bool> has_status;
        for (std::size_t i = 0; i < m_table.columns.size(); ++i) {
            const Cell& cell = cell_at(m_table.rows[r], i);
            texts.push_back(cell.text);
            has_status.push_back(cell.status != StatusColour::none);
        }
        return lay_out_row(
            texts, has_status, m_widths,
            m_flow.measure(is_total(r) ? FontWeight::bold : FontWeight::regular, type::k_table));
    }

    // Total rows never start a page alone: the last body row goes with them.
    bool tail_fits(std::size_t r, const LaidOutRow& row) const {
        if (m_table.total_rows == 0 || r + m_table.total_rows + 1 != m_table.rows.size() ||
            m_body_row == 0) {
            return true;
        }
        double height = row.height;
        for (std::size_t t = r + 1; t < m_table.rows.size(); ++t) {
            height += lay_out(t).height;
        }
        return height <= m_flow.remaining() || height > m_flow.page_height() / 2;
    }

    // A row taller than a whole page keeps the lines that fit, the last one cut with "…".
    void clamp_to_page(LaidOutRow& row) const {
        const double room = m_flow.page_height() - m_header.height - 3 * type::k_table_leading;
        if (row.height <= room) {
            return;
        }
        const auto keep = static_cast<std::size_t>((room - 2 * k_pad_y) / type::k_table_leading);
        for (auto& lines : row.lines) {
            if (lines.size() > keep) {
                lines.resize(keep);
                lines.back() += "\u2026";
            }
        }
        row.height = static_cast<double>(keep) * type::k_table_leading + 2 * k_pad_y;
    }

    void draw_cell_lines(const std::vector<std::string>& lines, double x, double width, double top,
                         const TextStyle& style, Alignment alignment) {
        const double ascent = m_flow.canvas().cap_height(style.weight, style.size);
        double y = top + k_pad_y;
        for (const std::string& line : lines) {
            const double baseline = y + (type::k_table_leading + ascent) / 2;
            m_flow.canvas().text_aligned(x + k_pad_x, width - 2 * k_pad_x, baseline, line, style,
                                         alignment);
            y += type::k_table_leading;
        }
    }

    void draw_header() {
        const double top = m_flow.y();
        m_flow.canvas().fill_rect(m_flow.left(), top, m_flow.width(), m_header.height,
                                  m_theme.primary);
        double x = m_flow.left();
        for (std::size_t i = 0; i < m_widths.size(); ++i) {
            draw_cell_lines(m_header.lines[i], x, m_widths[i], top,
                            {FontWeight::bold, type::k_table, m_theme.on_primary},
                            column_alignment(m_table.columns[i]));
            x += m_widths[i];
        }
        m_flow.advance(m_header.height);
        m_body_row = 0;
    }

    void draw_row(std::size_t r, const LaidOutRow& row) {
        PdfCanvas& canvas = m_flow.canvas();
        const double top = m_flow.y();
        const bool total = is_total(r);
        if (!total && m_body_row % 2 == 1) {
            canvas.fill_rect(m_flow.left(), top, m_flow.width(), row.height, m_theme.tint_light);
        }
        double x = m_flow.left();
        for (std::size_t i = 0; i < m_widths.size(); ++i) {
            const Cell& cell = cell_at(m_table.rows[r], i);
            double text_x = x;
            double text_width = m_widths[i];
            if (cell.status != StatusColour::none) {
                canvas.fill_rect(x, top, m_widths[i], row.height, m_theme.status_tint(cell.status));
                // The dot sits just before the first line's text, wherever alignment puts it.
                const double ascent = canvas.cap_height(FontWeight::regular, type::k_table);
                const Alignment alignment = column_alignment(m_table.columns[i]);
                double dot_x = x + k_pad_x + 2.4;
                if (alignment != Alignment::left && !row.lines[i].empty()) {
                    const double room = m_widths[i] - 2 * k_pad_x - k_status_dot;
                    const double used = canvas.text_width(
                        row.lines[i].front(), total ? FontWeight::bold : FontWeight::regular,
                        type::k_table);
                    dot_x += alignment == Alignment::right ? room - used : (room - used) / 2;
                }
                canvas.fill_circle(
                    {dot_x, top + k_pad_y + (type::k_table_leading + ascent) / 2 - ascent / 2}, 2.4,
                    m_theme.status(cell.status));
                text_x += k_status_dot;
                text_width -= k_status_dot;
            }
            draw_cell_lines(
                row.lines[i], text_x, text_width, top,
                {total ? FontWeight::bold : FontWeight::regular, type::k_table, m_theme.text},
                column_alignment(m_table.columns[i]));
            x += m_widths[i];
        }
        if (total && r + m_table.total_rows == m_table.rows.size()) {
            canvas.line({m_flow.left(), top}, {m_flow.right(), top},
                        {m_theme.text, 0.8, LineDash::solid});
        } else if (m_body_row > 0) {
            canvas.line({m_flow.left(), top}, {m_flow.right(), top},
                        {m_theme.grid, 0.4, LineDash::solid});
        }
        m_flow.advance(row.height);
        ++m_body_row;
    }

    Flow& m_flow;
    const Table& m_table;
    const Theme& m_theme;
    std::vector<double> m_widths;
    LaidOutRow m_header;
    std::size_t m_body_row = 0; // rows since the header, for zebra stripes
};

} // namespace

void draw_table(Flow& flow, const Table& table) {
    if (table.columns.empty()) {
        return;
    }
    TableDrawer(flow, table).draw();
}

} // namespace planner::exporters
