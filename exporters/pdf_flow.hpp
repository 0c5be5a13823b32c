#pragma once
// Flow: the cursor that blocks are laid out along. It knows the page frame (A4 with fixed
// margins, room for the running header and the footer), moves down the page, and starts new
// pages. Blocks ask it for space before they draw, so nothing runs into the footer.

#include "exporters/pdf_canvas.hpp"
#include "exporters/pdf_theme.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace planner::exporters {

struct PageFrame {
    static constexpr double k_left = 56.7; // 20 mm
    static constexpr double k_right = 56.7;
    static constexpr double k_top = 76.5;    // 27 mm: the running header sits above
    static constexpr double k_bottom = 62.4; // 22 mm: the page number sits below
};

class Flow {
public:
    Flow(PdfCanvas& canvas, const Theme& theme, const Labels& labels)
        : m_canvas(canvas), m_theme(theme), m_labels(labels) {}

    PdfCanvas& canvas() { return m_canvas; }
    const Theme& theme() const { return m_theme; }
    const Labels& labels() const { return m_labels; }

    double left() const { return PageFrame::k_left; }
    double width() const {
        return PdfCanvas::k_page_width - PageFrame::k_left - PageFrame::k_right;
    }
    double right() const { return left() + width(); }
    double top() const { return PageFrame::k_top; }
    double bottom() const { return PdfCanvas::k_page_height - PageFrame::k_bottom; }
    double page_height() const { return bottom() - top(); }

    double y() const { return m_y; }
    void set_y(double y) { m_y = y; }
    void advance(double height) { m_y += height; }
    double remaining() const { return bottom() - m_y; }
    bool at_page_top() const { return m_y <= top() + 0.01; }

    void new_page();
    // Starts a new page unless `height` fits below the cursor or the page is still empty.
    void ensure_space(double height);

    // Wraps text to width and draws it from the cursor down, breaking pages between lines.
    // Returns the number of lines drawn.
    std::size_t draw_wrapped(std::string_view text, double x, double width, const TextStyle& style,
                             double leading, Alignment alignment = Alignment::left);

    // A block's own title (tables, charts, matrices, org charts), kept on the same page as
    // at least `keep_with` points of what follows.
    void draw_block_title(std::string_view title, double keep_with);

    MeasureText measure(FontWeight weight, double size) const {
        return m_canvas.measure(weight, size);
    }

private:
    PdfCanvas& m_canvas;
    const Theme& m_theme;
    const Labels& m_labels;
    double m_y = PageFrame::k_top;
};

// "{title} (continued)" with {title} replaced.
std::string continued_title(const Labels& labels, std::string_view title);

// Replaces every "{name}" in pattern by value.
std::string fill_placeholder(std::string pattern, std::string_view name, std::string_view value);

} // namespace planner::exporters
