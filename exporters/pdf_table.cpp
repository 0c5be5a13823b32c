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

// The widest piece of a cell that must stay on one line: a word, a number with its sign, an
// id or a date. Lines break only at ASCII spaces, so "− 18.25" written with a no-break
// space stays whole as well.
double unbreakable_width(std::string_view text, const MeasureText& measure) {
    return longest_word(text, measure);
}

// Distributes `room` over the open columns in proportion to `weights`, never giving a column
// more than `cap` (water-filling); returns what could not be given.
double distribute(std::vector<double>& widths, const std::vector<double>& weights,
                  const std::vector<double>& cap, double room) {
    std::vector<bool> full(widths.size(), false);
    for (int round = 0; round < 64 && room > 0.01; ++round) {
        double weight_total = 0;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            if (!full[i]) {
                weight_total += weights[i];
            }
        }
        if (weight_total <= 0) {
            break;
        }
        double given = 0;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            if (full[i]) {
                continue;
            }
            double add = room * weights[i] / weight_total;
            if (widths[i] + add >= cap[i]) {
                add = std::max(0.0, cap[i] - widths[i]);
                full[i] = true;
            }
            widths[i] += add;
            given += add;
        }
        room -= given;
        if (given <= 0.01) {
            break;
        }
    }
    return room;
}

// Column widths that add up to `available`, measured from the content. Every column first gets
// its minimum: its widest unbreakable piece (a word, number, id or date; a header word), so
// that nothing is cut inside a word. The room left goes to the columns whose text would wrap,
// in proportion to how much more they need (the width hints, when given, weigh that share);
// what is still left after every column has its full width is spread by the same weights.
// Only when the minimums alone are wider than the page are they scaled down.
std::vector<double> column_widths(const Table& table, double available, const Flow& flow) {
    const std::size_t count = table.columns.size();
    const MeasureText body = flow.measure(FontWeight::regular, type::k_table);
    const MeasureText bold = flow.measure(FontWeight::bold, type::k_table);
    std::vector<double> natural(count, 0);
    std::vector<double> minimum(count, 0);
    for (std::size_t i = 0; i < count; ++i) {
        // A header wraps at its spaces: it needs its longest word, and would like two lines.
        const std::string& header = table.columns[i].header;
        natural[i] = two_line_width(header, bold);
        minimum[i] = unbreakable_width(header, bold);
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const bool total_row = r + table.total_rows >= table.rows.size();
        const MeasureText& measure = total_row ? bold : body;
        for (std::size_t i = 0; i < count; ++i) {
            const Cell& cell = cell_at(table.rows[r], i);
            const double extra = cell.status == StatusColour::none ? 0 : k_status_dot;
            natural[i] = std::max(natural[i], measure(cell.text) + extra);
            minimum[i] = std::max(minimum[i], unbreakable_width(cell.text, measure) + extra);
        }
    }
    std::vector<double> weights(count, 1);
    for (std::size_t i = 0; i < count; ++i) {
        // A point to spare, so that rounding in the line breaker never cuts a word that fits.
        natural[i] += 2 * k_pad_x + 1;
        minimum[i] = std::min(minimum[i] + 2 * k_pad_x + 1, natural[i]);
        if (table.columns[i].width > 0) {
            weights[i] = table.columns[i].width;
        }
    }
    const double minimum_total = std::accumulate(minimum.begin(), minimum.end(), 0.0);
    if (minimum_total >= available) {
        std::vector<double> widths = minimum;
        for (double& width : widths) {
            width *= available / minimum_total;
        }
        return widths;
    }
    std::vector<double> widths = minimum;
    double room = available - minimum_total;
    // Columns that need little more than their minimum (a name, a short phrase) get their full
    // width first, while that costs no more than an equal share of the room left, so that
    // short texts stay on one line and the long ones take the wrapping.
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return natural[a] - minimum[a] < natural[b] - minimum[b];
    });
    // A column that does not get its full width keeps its claim on a share: the last column
    // in this order must not take the whole rest and leave the others wrapping narrowly.
    std::size_t open = count;
    for (std::size_t i : order) {
        const double need = natural[i] - widths[i];
        if (need <= room / static_cast<double>(open)) {
            widths[i] = natural[i];
            room -= need;
            --open;
        }
    }
    // Then up to the natural width, weighted by what each column still lacks.
    std::vector<double> lack(count, 0);
    for (std::size_t i = 0; i < count; ++i) {
        lack[i] = (natural[i] - widths[i]) * weights[i];
    }
    room = distribute(widths, lack, natural, room);
    if (room > 0.01) {
        // Every column has its full width: spread the rest so the table spans the text width.
        std::vector<double> spread(count, 0);
        std::vector<double> no_cap(count, available);
        for (std::size_t i = 0; i < count; ++i) {
            spread[i] = natural[i] * weights[i];
        }
        distribute(widths, spread, no_cap, room);
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
        // A table never starts at a page foot with fewer than three rows under its header.
        double start = m_header.height;
        for (std::size_t r = 0; r < std::min<std::size_t>(3, m_table.rows.size()); ++r) {
            start += r == 0 ? first.height : lay_out(r).height;
        }
        keep = std::max(keep, start);
        m_flow.draw_block_title(m_table.title, keep);
        m_flow.ensure_space(start);
        draw_header();
        const TextStyle footnote_style{FontWeight::regular, type::k_note - 0.5, m_theme.muted};
        // The footnote never stands alone at a page top: the last row goes with it.
        const double footnote_height =
            m_table.footnote.empty()
                ? 0
                : 4 + static_cast<double>(
                          wrap_text(m_table.footnote, m_flow.width(),
                                    m_flow.measure(footnote_style.weight, footnote_style.size))
                              .size()) *
                          (type::k_note_leading - 0.5);
        for (std::size_t r = 0; r < m_table.rows.size(); ++r) {
            LaidOutRow row = r == 0 ? first : lay_out(r);
            clamp_to_page(row);
            const bool last = r + 1 == m_table.rows.size();
            const bool footnote_fits = !last || r == 0 ||
                                       row.height + footnote_height <= m_flow.remaining() ||
                                       footnote_height > m_flow.page_height() / 4;
            if (row.height > m_flow.remaining() || !tail_fits(r, row) || !footnote_fits) {
                m_flow.new_page();
                {
                    // A continued table says so, titled or not.
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
            m_flow.draw_wrapped(m_table.footnote, m_flow.left(), m_flow.width(), footnote_style,
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
