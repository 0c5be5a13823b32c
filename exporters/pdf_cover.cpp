// The cover page and the furniture of every other page (running header, page numbers).

#include "exporters/pdf_blocks.hpp"

namespace planner::exporters {

void draw_cover(PdfCanvas& canvas, const Theme& theme, const Document& document) {
    const Cover& cover = document.cover;
    const double left = PageFrame::k_left;
    const double width = PdfCanvas::k_page_width - PageFrame::k_left - PageFrame::k_right;
    if (!cover.logo_png.empty()) {
        canvas.draw_png(cover.logo_png, left, 56, 160, 64);
    }

    // The brand band: title and subtitle on the primary colour, edge to edge.
    constexpr double k_band_top = 250;
    const std::string& title = cover.title.empty() ? document.metadata.title : cover.title;
    const TextStyle title_style{FontWeight::bold, 27, theme.on_primary};
    const TextStyle subtitle_style{FontWeight::regular, 13.5, theme.on_primary};
    const auto title_lines =
        wrap_text(title, width, canvas.measure(title_style.weight, title_style.size));
    const auto subtitle_lines = wrap_text(
        cover.subtitle, width, canvas.measure(subtitle_style.weight, subtitle_style.size));
    constexpr double k_title_leading = 33;
    constexpr double k_subtitle_leading = 19;
    const double content =
        static_cast<double>(title_lines.size()) * k_title_leading +
        (subtitle_lines.empty()
             ? 0
             : 12 + static_cast<double>(subtitle_lines.size()) * k_subtitle_leading);
    const double band_height = std::max(210.0, content + 96);
    canvas.fill_rect(0, k_band_top, PdfCanvas::k_page_width, band_height, theme.primary);
    canvas.fill_rect(0, k_band_top + band_height, PdfCanvas::k_page_width, 5,
                     mix(theme.primary, theme.white, 0.55));
    double y = k_band_top + 48;
    for (const std::string& line : title_lines) {
        y += k_title_leading;
        canvas.text(left, y - 8, line, title_style);
    }
    if (!subtitle_lines.empty()) {
        y += 12;
        for (const std::string& line : subtitle_lines) {
            y += k_subtitle_leading;
            canvas.text(left, y - 5, line, subtitle_style);
        }
    }

    // Who it is for, who made it, when.
    y = k_band_top + band_height + 5 + 44;
    const auto lines_of = [&](const std::string& text, const TextStyle& style, double leading) {
        for (const std::string& line :
             wrap_text(text, width, canvas.measure(style.weight, style.size))) {
            canvas.text(left, y, line, style);
            y += leading;
        }
    };
    if (!cover.client_line.empty()) {
        lines_of(cover.client_line, {FontWeight::bold, 12.5, theme.text}, 18);
    }
    if (!cover.consultant_line.empty()) {
        lines_of(cover.consultant_line, {FontWeight::regular, 11, theme.muted}, 16);
    }
    if (!cover.date_text.empty()) {
        y += 6;
        lines_of(cover.date_text, {FontWeight::regular, 11, theme.muted}, 16);
    }
    // A short rule in the brand colour closes the page.
    const double foot = PdfCanvas::k_page_height - 60;
    canvas.fill_rect(left, foot, 42, 2.4, theme.primary);
    if (!document.metadata.subject.empty()) {
        canvas.text(left, foot + 16, document.metadata.subject,
                    {FontWeight::regular, type::k_small + 0.5, theme.muted});
    }
}

void draw_page_furniture(PdfCanvas& canvas, const Theme& theme, const Document& document,
                         std::size_t page_number, std::size_t page_total) {
    const double left = PageFrame::k_left;
    const double right = PdfCanvas::k_page_width - PageFrame::k_right;
    const TextStyle style{FontWeight::regular, type::k_small + 0.3, theme.muted};
    const double header_baseline = PageFrame::k_top - 30;
    if (!document.running_header.empty()) {
        canvas.text(left, header_baseline,
                    truncate_to_width(document.running_header, right - left,
                                      canvas.measure(style.weight, style.size)),
                    style);
    }
    canvas.line({left, header_baseline + 7}, {right, header_baseline + 7},
                {theme.rule, 0.5, LineDash::solid});
    canvas.fill_rect(left, header_baseline + 6, 18, 2, theme.primary);

    std::string label =
        fill_placeholder(document.labels.page_number, "page", std::to_string(page_number));
    label = fill_placeholder(std::move(label), "pages", std::to_string(page_total));
    const double footer_baseline = PdfCanvas::k_page_height - PageFrame::k_bottom + 32;
    canvas.text_aligned(left, right - left, footer_baseline, label, style, Alignment::right);
}

} // namespace planner::exporters
