// Matrices (RACI and the like): row labels down the left, column labels across the top (turned
// upright when they do not fit), a coloured tile per code, the legend below. Too many columns
// split the matrix into column groups; too many rows continue on the next page under a
// repeated header.

#include "exporters/pdf_blocks.hpp"

#include <algorithm>

namespace planner::exporters {
namespace {

constexpr double k_min_column = 15;
constexpr double k_max_column = 58;
constexpr double k_pad = 4;
constexpr double k_label_leading = 9.6;
constexpr double k_max_header = 110; // longest upright column label

struct CodeLook {
    Rgb fill;
    Rgb text;
};

std::vector<Rgb> code_palette(const Theme& theme) {
    const Rgb black{0, 0, 0};
    return {theme.primary,
            theme.series[1],
            mix(theme.primary, theme.white, 0.6),
            Rgb{0xdf, 0xe3, 0xe8},
            mix(theme.series[1], theme.white, 0.55),
            mix(theme.primary, black, 0.4),
            theme.series[3]};
}

// The look of a code: its legend entry's colour, or for a compound code such as "A/R" the
// colour of its first part; codes not in the legend get no tile.
std::optional<CodeLook> look_of(const std::string& code, const Matrix& matrix,
                                const std::vector<Rgb>& palette) {
    if (code.empty()) {
        return std::nullopt;
    }
    const std::string first = code.substr(0, code.find_first_of("/,+ "));
    for (const std::string& wanted : {code, first}) {
        for (std::size_t i = 0; i < matrix.legend.size(); ++i) {
            if (matrix.legend[i].code == wanted) {
                const Rgb fill = palette[i % palette.size()];
                return CodeLook{fill, readable_on(fill)};
            }
        }
    }
    return std::nullopt;
}

class MatrixDrawer {
public:
    MatrixDrawer(Flow& flow, const Matrix& matrix)
        : m_flow(flow), m_matrix(matrix), m_theme(flow.theme()),
          m_palette(code_palette(m_theme)), m_label_style{FontWeight::regular, 7.6, m_theme.text},
          m_header_style{FontWeight::bold, 7.2, m_theme.text} {
        const MeasureText measure = flow.measure(m_label_style.weight, m_label_style.size);
        double widest =
            flow.measure(m_header_style.weight, m_header_style.size)(matrix.corner_label);
        for (const std::string& label : matrix.row_labels) {
            widest = std::max(widest, measure(label));
        }
        m_label_width = std::min(widest + 2 * k_pad, flow.width() * 0.36);
        const double room = flow.width() - m_label_width;
        const auto count =
            static_cast<double>(std::max<std::size_t>(1, matrix.column_labels.size()));
        m_column_width = std::clamp(room / count, k_min_column, k_max_column);
        m_per_group = std::max<std::size_t>(1, static_cast<std::size_t>(room / m_column_width));
    }

    void draw() {
        const std::size_t columns = m_matrix.column_labels.size();
        for (std::size_t first = 0; first < std::max<std::size_t>(columns, 1);
             first += m_per_group) {
            const std::size_t end = std::min(columns, first + m_per_group);
            draw_group(first, end, first == 0);
            if (end >= columns) {
                break;
            }
            m_flow.advance(10);
        }
        draw_legend();
        m_flow.advance(type::k_block_gap);
    }

private:
    double header_height(std::size_t first, std::size_t end) {
        const MeasureText measure = m_flow.measure(m_header_style.weight, m_header_style.size);
        m_upright = false;
        std::size_t lines = 1;
        double widest = 0;
        for (std::size_t c = first; c < end; ++c) {
            const std::string& label = m_matrix.column_labels[c];
            const auto wrapped = wrap_text(label, m_column_width - 4, measure);
            widest = std::max(widest, measure(label));
            lines = std::max(lines, wrapped.size());
            std::size_t start = 0;
            while (start < label.size()) { // a word wider than the column: turn labels upright
                const std::size_t stop = std::min(label.find(' ', start), label.size());
                if (measure(std::string_view(label).substr(start, stop - start)) >
                    m_column_width - 4) {
                    m_upright = true;
                }
                start = stop + 1;
            }
        }
        if (lines > 2) {
            m_upright = true;
        }
        return m_upright ? std::min(widest, k_max_header) + 10
                         : static_cast<double>(lines) * k_label_leading + 6;
    }

    void draw_header(std::size_t first, std::size_t end, double height) {
        PdfCanvas& canvas = m_flow.canvas();
        const double top = m_flow.y();
        const double bottom = top + height;
        const double ascent = canvas.cap_height(m_header_style.weight, m_header_style.size);
        const MeasureText measure = m_flow.measure(m_header_style.weight, m_header_style.size);
        canvas.text(m_flow.left() + k_pad, bottom - 5, m_matrix.corner_label,
                    {FontWeight::bold, m_header_style.size, m_theme.muted});
        for (std::size_t c = first; c < end; ++c) {
            const double x = column_x(c - first);
            const std::string& label = m_matrix.column_labels[c];
            if (m_upright) {
                const std::string text = truncate_to_width(label, k_max_header, measure);
                canvas.text_rotated(x + (m_column_width + ascent) / 2, bottom - 5, text,
                                    m_header_style, 90);
            } else {
                const auto lines = wrap_text(label, m_column_width - 4, measure);
                double baseline =
                    bottom - 5 - static_cast<double>(lines.size() - 1) * k_label_leading;
                for (const std::string& line : lines) {
                    canvas.text_aligned(x, m_column_width, baseline, line, m_header_style,
                                        Alignment::centre);
                    baseline += k_label_leading;
                }
            }
        }
        canvas.line({m_flow.left(), bottom}, {column_x(end - first), bottom},
                    {m_theme.text, 0.8, LineDash::solid});
        m_flow.advance(height);
    }

    void draw_group(std::size_t first, std::size_t end, bool first_group) {
        PdfCanvas& canvas = m_flow.canvas();
        const double header = header_height(first, end);
        const MeasureText label_measure = m_flow.measure(m_label_style.weight, m_label_style.size);
        const auto row_lines = [&](std::size_t r) {
            auto lines =
                wrap_text(m_matrix.row_labels[r], m_label_width - 2 * k_pad, label_measure);
            if (lines.size() > 3) {
                lines.resize(3);
                lines.back() += "\u2026";
            }
            return lines;
        };
        const double first_row =
            m_matrix.row_labels.empty()
                ? 0
                : static_cast<double>(std::max<std::size_t>(1, row_lines(0).size())) *
                          k_label_leading +
                      5;
        // A short matrix is not split: header, rows and legend move to the next page whole.
        constexpr std::size_t k_short_matrix = 12;
        double keep = header + first_row;
        if (m_matrix.row_labels.size() <= k_short_matrix) {
            keep = header + 20 * (m_matrix.legend.empty() ? 0 : 1);
            for (std::size_t r = 0; r < m_matrix.row_labels.size(); ++r) {
                keep += static_cast<double>(std::max<std::size_t>(1, row_lines(r).size())) *
                            k_label_leading +
                        5;
            }
        }
        if (first_group) {
            m_flow.draw_block_title(m_matrix.title, keep);
        } else {
            draw_continued();
        }
        m_flow.ensure_space(keep);
        draw_header(first, end, header);
        const double ascent = canvas.cap_height(m_label_style.weight, m_label_style.size);
        const TextStyle code_style{FontWeight::bold, 7.4, m_theme.text};
        const double code_ascent = canvas.cap_height(code_style.weight, code_style.size);
        for (std::size_t r = 0; r < m_matrix.row_labels.size(); ++r) {
            const auto lines = row_lines(r);
            const double height =
                static_cast<double>(std::max<std::size_t>(1, lines.size())) * k_label_leading + 5;
            if (height > m_flow.remaining()) {
                m_flow.new_page();
                draw_continued();
                draw_header(first, end, header);
            }
            const double top = m_flow.y();
            double baseline = top + 2.5 + (k_label_leading + ascent) / 2;
            for (const std::string& line : lines) {
                canvas.text(m_flow.left() + k_pad, baseline, line, m_label_style);
                baseline += k_label_leading;
            }
            const auto& cells =
                r < m_matrix.cells.size() ? m_matrix.cells[r] : std::vector<std::string>{};
            for (std::size_t c = first; c < end; ++c) {
                const std::string code = c < cells.size() ? cells[c] : std::string();
                const double x = column_x(c - first);
                const std::optional<CodeLook> look = look_of(code, m_matrix, m_palette);
                if (look) {
                    canvas.fill_rect(x + 1.2, top + 1.2, m_column_width - 2.4, height - 2.4,
                                     look->fill);
                }
                // Long codes ("A/R") shrink to fit their column before they are cut.
                double size = code_style.size;
                while (size > 5.2 &&
                       canvas.text_width(code, code_style.weight, size) > m_column_width - 3) {
                    size -= 0.2;
                }
                const std::string text = truncate_to_width(code, m_column_width - 2,
                                                           m_flow.measure(code_style.weight, size));
                canvas.text_aligned(x, m_column_width, top + (height + code_ascent) / 2, text,
                                    {code_style.weight, size, look ? look->text : m_theme.text},
                                    Alignment::centre);
            }
            m_flow.advance(height);
            canvas.line({m_flow.left(), m_flow.y()}, {column_x(end - first), m_flow.y()},
                        {m_theme.grid, 0.5, LineDash::solid});
        }
    }

    void draw_continued() {
        if (m_matrix.title.empty()) {
            return;
        }
        m_flow.ensure_space(60);
        m_flow.draw_wrapped(continued_title(m_flow.labels(), m_matrix.title), m_flow.left(),
                            m_flow.width(), {FontWeight::bold, type::k_table, m_theme.muted},
                            type::k_table_leading + 2);
        m_flow.advance(2);
    }

    void draw_legend() {
        if (m_matrix.legend.empty()) {
            return;
        }
        PdfCanvas& canvas = m_flow.canvas();
        const TextStyle code_style{FontWeight::bold, 7, m_theme.text};
        const TextStyle meaning_style{FontWeight::regular, type::k_small, m_theme.text};
        const double ascent = canvas.cap_height(meaning_style.weight, meaning_style.size);
        constexpr double k_row = 14;
        m_flow.advance(6);
        m_flow.ensure_space(k_row);
        double x = m_flow.left();
        for (std::size_t i = 0; i < m_matrix.legend.size(); ++i) {
            const MatrixLegendEntry& entry = m_matrix.legend[i];
            const double code_width = std::max(
                14.0, canvas.text_width(entry.code, code_style.weight, code_style.size) + 6);
            const double width =
                code_width + 4 +
                canvas.text_width(entry.meaning, meaning_style.weight, meaning_style.size) + 14;
            if (x > m_flow.left() && x + width > m_flow.right()) {
                m_flow.advance(k_row);
                m_flow.ensure_space(k_row);
                x = m_flow.left();
            }
            const double top = m_flow.y();
            const Rgb fill = m_palette[i % m_palette.size()];
            canvas.fill_rect(x, top + 1, code_width, k_row - 3, fill);
            canvas.text_aligned(x, code_width, top + (k_row - 2 + ascent) / 2 + 0.5, entry.code,
                                {code_style.weight, code_style.size, readable_on(fill)},
                                Alignment::centre);
            canvas.text(x + code_width + 4, top + (k_row - 2 + ascent) / 2 + 0.5, entry.meaning,
                        meaning_style);
            x += width;
        }
        m_flow.advance(k_row);
    }

    double column_x(std::size_t index) const {
        return m_flow.left() + m_label_width + static_cast<double>(index) * m_column_width;
    }

    Flow& m_flow;
    const Matrix& m_matrix;
    const Theme& m_theme;
    std::vector<Rgb> m_palette;
    TextStyle m_label_style;
    TextStyle m_header_style;
    double m_label_width = 0;
    double m_column_width = 0;
    std::size_t m_per_group = 1;
    bool m_upright = false;
};

} // namespace

void draw_matrix(Flow& flow, const Matrix& matrix) {
    MatrixDrawer(flow, matrix).draw();
}

} // namespace planner::exporters
