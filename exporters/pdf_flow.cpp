#include "exporters/pdf_flow.hpp"

namespace planner::exporters {

void Flow::new_page() {
    m_canvas.add_page();
    m_y = top();
}

void Flow::ensure_space(double height) {
    if (height > remaining() && !at_page_top()) {
        new_page();
    }
}

std::size_t Flow::draw_wrapped(std::string_view text, double x, double width,
                               const TextStyle& style, double leading, Alignment alignment) {
    const std::vector<std::string> lines =
        wrap_text(text, width, measure(style.weight, style.size));
    const double ascent = m_canvas.cap_height(style.weight, style.size);
    for (const std::string& line : lines) {
        ensure_space(leading);
        // The line box is `leading` tall; the baseline sits so that capitals are centred in it.
        const double baseline = m_y + (leading + ascent) / 2;
        m_canvas.text_aligned(x, width, baseline, line, style, alignment);
        m_y += leading;
    }
    return lines.size();
}

void Flow::draw_block_title(std::string_view title, double keep_with) {
    if (title.empty()) {
        return;
    }
    const TextStyle style{FontWeight::bold, type::k_block_title, m_theme.text};
    const double leading = type::k_block_title * 1.35;
    const std::size_t lines = wrap_text(title, width(), measure(style.weight, style.size)).size();
    ensure_space(static_cast<double>(lines) * leading + 4 + keep_with);
    draw_wrapped(title, left(), width(), style, leading);
    advance(4);
}

std::string fill_placeholder(std::string pattern, std::string_view name, std::string_view value) {
    const std::string token = "{" + std::string(name) + "}";
    for (std::size_t at = pattern.find(token); at != std::string::npos;
         at = pattern.find(token, at + value.size())) {
        pattern.replace(at, token.size(), value);
    }
    return pattern;
}

std::string continued_title(const Labels& labels, std::string_view title) {
    // An untitled block still says it continues: "(continued)".
    std::string text = fill_placeholder(labels.continued, "title", title);
    const std::size_t first = text.find_first_not_of(' ');
    return first == std::string::npos ? std::string() : text.substr(first);
}

} // namespace planner::exporters
