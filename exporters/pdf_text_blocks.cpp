// Headings, paragraphs, key figure tiles and lists.

#include "exporters/pdf_blocks.hpp"

#include <algorithm>

namespace planner::exporters {
namespace {

struct HeadingLook {
    double size;
    double leading;
    double space_before;
    double space_after;
};

HeadingLook heading_look(int level) {
    switch (level) {
    case 1:
        return {type::k_h1, 22, 10, 12};
    case 2:
        return {type::k_h2, 17, 8, 6};
    default:
        return {type::k_h3, 14, 6, 4};
    }
}

} // namespace

void draw_heading(Flow& flow, std::string_view title, int level) {
    level = std::clamp(level, 1, 3);
    const Theme& theme = flow.theme();
    const HeadingLook look = heading_look(level);
    const TextStyle style{FontWeight::bold, look.size,
                          level == 2 ? theme.text : theme.primary_text};
    const std::size_t lines =
        wrap_text(title, flow.width(), flow.measure(style.weight, style.size)).size();
    const double height = static_cast<double>(lines) * look.leading + look.space_after;
    // Room for the heading and two lines of text; keeping it with what actually follows is
    // the renderer's job (it rehearses the next block).
    flow.ensure_space(look.space_before + height + 2 * type::k_body_leading);
    if (!flow.at_page_top()) {
        flow.advance(look.space_before);
    }
    flow.canvas().add_bookmark(title, level, flow.y() - 4);
    flow.draw_wrapped(title, flow.left(), flow.width(), style, look.leading);
    if (level == 1) {
        const double rule_y = flow.y() + 3;
        flow.canvas().line({flow.left(), rule_y}, {flow.right(), rule_y},
                           {theme.rule, 0.6, LineDash::solid});
        flow.canvas().fill_rect(flow.left(), rule_y - 1.2, 42, 2.4, theme.primary);
    }
    flow.advance(look.space_after);
}

namespace {

// Page breaks inside running text: a paragraph of up to three lines is never split, a longer
// one leaves at least two lines at the page foot; a bold paragraph (a finding's title, a
// lead-in) also keeps with what usually follows it: two lines of evidence and a two-line
// recommendation box.
void draw_kept_together(Flow& flow, std::string_view text, const TextStyle& style, double leading,
                        double keep_after) {
    const std::size_t lines =
        wrap_text(text, flow.width(), flow.measure(style.weight, style.size)).size();
    const std::size_t kept = lines <= 3 ? lines : 2;
    flow.ensure_space(static_cast<double>(kept) * leading + keep_after);
    flow.draw_wrapped(text, flow.left(), flow.width(), style, leading);
}

} // namespace

void draw_paragraph(Flow& flow, const Paragraph& paragraph) {
    const Theme& theme = flow.theme();
    switch (paragraph.style) {
    case ParagraphStyle::body:
        draw_kept_together(flow, paragraph.text, {FontWeight::regular, type::k_body, theme.text},
                           type::k_body_leading, 0);
        break;
    case ParagraphStyle::strong:
        draw_kept_together(flow, paragraph.text, {FontWeight::bold, type::k_body, theme.text},
                           type::k_body_leading,
                           2 * type::k_note_leading + 2 * type::k_body_leading + 18);
        break;
    case ParagraphStyle::lead:
        draw_kept_together(flow, paragraph.text, {FontWeight::regular, type::k_lead, theme.text},
                           type::k_lead_leading, 0);
        break;
    case ParagraphStyle::note:
        draw_kept_together(flow, paragraph.text, {FontWeight::regular, type::k_note, theme.muted},
                           type::k_note_leading, 0);
        break;
    case ParagraphStyle::callout: {
        constexpr double k_bar = 3;
        constexpr double k_padding = 9;
        const TextStyle style{FontWeight::regular, type::k_body, theme.text};
        const double text_x = flow.left() + k_bar + k_padding;
        const double text_width = flow.width() - k_bar - 2 * k_padding;
        const std::size_t lines =
            wrap_text(paragraph.text, text_width, flow.measure(style.weight, style.size)).size();
        const double height = static_cast<double>(lines) * type::k_body_leading + 2 * k_padding;
        if (height > flow.page_height()) { // longer than a page: plain text, no box
            flow.draw_wrapped(paragraph.text, text_x, text_width, style, type::k_body_leading);
            break;
        }
        flow.ensure_space(height);
        const double top = flow.y();
        flow.canvas().fill_rect(flow.left(), top, flow.width(), height, theme.tint_light);
        flow.canvas().fill_rect(flow.left(), top, k_bar, height, theme.primary);
        flow.advance(k_padding);
        flow.draw_wrapped(paragraph.text, text_x, text_width, style, type::k_body_leading);
        flow.advance(k_padding);
        break;
    }
    }
    flow.advance(type::k_block_gap * 0.6);
}

void draw_key_figures(Flow& flow, const KeyFigures& key_figures) {
    const auto& figures = key_figures.figures;
    if (figures.empty()) {
        return;
    }
    const Theme& theme = flow.theme();
    PdfCanvas& canvas = flow.canvas();
    const std::size_t per_row = figures.size() <= 4 ? figures.size() : figures.size() <= 6 ? 3 : 4;
    constexpr double k_gap = 10;
    constexpr double k_padding = 9;
    const double tile_width =
        (flow.width() - k_gap * static_cast<double>(per_row - 1)) / static_cast<double>(per_row);
    const double inner = tile_width - 2 * k_padding;
    const TextStyle label_style{FontWeight::regular, 7.8, theme.muted};
    const TextStyle note_style{FontWeight::regular, 7.3, theme.muted};
    constexpr double k_label_leading = 10;
    constexpr double k_value_height = 26;
    constexpr double k_note_leading = 9.5;
    // Labels and notes take at most two lines each.
    const auto two_lines = [&](const std::string& text, const TextStyle& style) {
        std::vector<std::string> lines =
            wrap_text(text, inner, flow.measure(style.weight, style.size));
        if (lines.size() > 2) {
            lines.resize(2);
            lines.back() = truncate_to_width(lines.back() + " \u2026", inner,
                                             flow.measure(style.weight, style.size));
        }
        return lines;
    };

    for (std::size_t row_start = 0; row_start < figures.size(); row_start += per_row) {
        const std::size_t row_end = std::min(figures.size(), row_start + per_row);
        std::vector<std::vector<std::string>> labels;
        std::vector<std::vector<std::string>> notes;
        std::size_t label_lines = 1;
        std::size_t note_lines = 0;
        for (std::size_t i = row_start; i < row_end; ++i) {
            labels.push_back(two_lines(figures[i].label, label_style));
            notes.push_back(two_lines(figures[i].note, note_style));
            label_lines = std::max(label_lines, labels.back().size());
            note_lines = std::max(note_lines, notes.back().size());
        }
        const double value_top = 3 + k_padding + static_cast<double>(label_lines) * k_label_leading;
        const double height = value_top + k_value_height +
                              static_cast<double>(note_lines) * k_note_leading + k_padding;
        flow.ensure_space(height);
        const double top = flow.y();
        for (std::size_t i = row_start; i < row_end; ++i) {
            const KeyFigure& figure = figures[i];
            const double x =
                flow.left() + static_cast<double>(i - row_start) * (tile_width + k_gap);
            const Rgb accent =
                figure.status == StatusColour::none ? theme.primary : theme.status(figure.status);
            canvas.fill_rect(x, top, tile_width, height, theme.tint_light);
            canvas.fill_rect(x, top, tile_width, 3, accent);
            double y = top + 3 + k_padding;
            for (const std::string& line : labels[i - row_start]) {
                canvas.text(x + k_padding, y + 7, line, label_style);
                y += k_label_leading;
            }
            // The value shrinks to fit its tile, then is cut.
            double size = 18;
            while (size > 11 && canvas.text_width(figure.value, FontWeight::bold, size) > inner) {
                size -= 0.5;
            }
            const Rgb value_colour =
                figure.status == StatusColour::none ? theme.primary_text : accent;
            canvas.text(
                x + k_padding, top + value_top + 19,
                truncate_to_width(figure.value, inner, flow.measure(FontWeight::bold, size)),
                {FontWeight::bold, size, value_colour});
            y = top + value_top + k_value_height;
            for (const std::string& line : notes[i - row_start]) {
                canvas.text(x + k_padding, y + 7, line, note_style);
                y += k_note_leading;
            }
        }
        flow.advance(height + (row_end < figures.size() ? k_gap : 0));
    }
    flow.advance(type::k_block_gap);
}

void draw_bullet_list(Flow& flow, const BulletList& list) {
    const Theme& theme = flow.theme();
    const TextStyle style{FontWeight::regular, type::k_body, theme.text};
    const double marker_width = list.style == ListStyle::numbers ? 18 : 13;
    const double text_x = flow.left() + 4 + marker_width;
    const double text_width = flow.right() - text_x;
    const double ascent = flow.canvas().cap_height(style.weight, style.size);
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        flow.ensure_space(type::k_body_leading);
        const double baseline = flow.y() + (type::k_body_leading + ascent) / 2;
        if (list.style == ListStyle::numbers) {
            flow.canvas().text_aligned(flow.left(), marker_width, baseline,
                                       std::to_string(i + 1) + ".", style, Alignment::right);
        } else {
            flow.canvas().text(flow.left() + 4, baseline, "\u2022",
                               {FontWeight::bold, type::k_body, theme.primary});
        }
        flow.draw_wrapped(list.items[i], text_x, text_width, style, type::k_body_leading);
        flow.advance(2.5);
    }
    flow.advance(type::k_block_gap * 0.6);
}

} // namespace planner::exporters
