#include "exporters/pdf_chart_common.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace planner::exporters {
namespace {

constexpr double k_legend_row = 12;
constexpr double k_legend_marker = 12; // marker plus the gap after it
constexpr double k_legend_gap = 14;    // between entries

} // namespace

ValueScale nice_scale(double low, double high, int target_ticks) {
    if (!std::isfinite(low) || !std::isfinite(high)) {
        low = 0;
        high = 1;
    }
    if (high < low) {
        std::swap(low, high);
    }
    if (high - low < 1e-12) {
        high = low == 0 ? 1 : low + std::abs(low) * 0.5;
        low = low == 0 ? 0 : low - std::abs(low) * 0.5;
    }
    const double rough = (high - low) / std::max(target_ticks, 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double residual = rough / magnitude;
    double nice = 10;
    if (residual <= 1) {
        nice = 1;
    } else if (residual <= 2) {
        nice = 2;
    } else if (residual <= 2.5) {
        nice = 2.5;
    } else if (residual <= 5) {
        nice = 5;
    }
    ValueScale scale;
    scale.step = nice * magnitude;
    scale.low = std::floor(low / scale.step + 1e-9) * scale.step;
    scale.high = std::ceil(high / scale.step - 1e-9) * scale.step;
    const auto steps = static_cast<int>(std::lround((scale.high - scale.low) / scale.step));
    for (int i = 0; i <= steps; ++i) {
        scale.ticks.push_back(scale.low + i * scale.step);
    }
    return scale;
}

std::string format_value(double value, double step, std::string_view suffix,
                         std::string_view decimal_point) {
    int decimals = 0;
    if (step > 0 && step < 1) {
        decimals = static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
    }
    if (std::abs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) >
        1e-6) {
        ++decimals; // 2.5, 0.25
    }
    decimals = std::min(decimals, 4);
    if (std::abs(value) < 0.5 * std::pow(10.0, -decimals)) {
        value = 0; // no "-0"
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text(buffer);
    if (const size_t dot = text.find('.'); dot != std::string::npos)
        text.replace(dot, 1, decimal_point);
    return text + std::string(suffix);
}

std::string format_value(double value, double step, std::string_view suffix, const Labels& labels) {
    std::string text = format_value(value, step, "", labels.decimal_point);
    if (!labels.group_separator.empty()) {
        const std::size_t begin = text.empty() || text[0] != '-' ? 0 : 1;
        std::size_t end = begin;
        while (end < text.size() && text[end] >= '0' && text[end] <= '9')
            ++end;
        const std::size_t digits = end - begin;
        if (digits > 4 || (digits == 4 && labels.group_four_digits)) {
            for (std::size_t at = end; at > begin + 3; at -= 3)
                text.insert(at - 3, labels.group_separator);
        }
    }
    return text + std::string(suffix);
}

namespace {
// As few decimals as show the value exactly, at most two.
double data_step(double value) {
    double step = 0.01;
    for (const double candidate : {1.0, 0.1}) {
        const double scaled = value / candidate;
        if (std::abs(scaled - std::round(scaled)) < 1e-6) {
            step = candidate;
            break;
        }
    }
    return step;
}
} // namespace

std::string format_data_value(double value, std::string_view suffix, const Labels& labels) {
    return format_value(value, data_step(value), suffix, labels);
}

std::string format_data_value(double value, std::string_view suffix,
                              std::string_view decimal_point) {
    return format_value(value, data_step(value), suffix, decimal_point);
}

TextStyle tick_style(const Theme& theme) {
    return {FontWeight::regular, type::k_small, theme.muted};
}

TextStyle axis_title_style(const Theme& theme) {
    return {FontWeight::bold, type::k_small, theme.muted};
}

TextStyle category_style(const Theme& theme) {
    return {FontWeight::regular, 7.5, theme.text};
}

double value_axis_room(const Flow& flow, const ValueScale& scale, std::string_view suffix,
                       std::string_view title) {
    const MeasureText measure = flow.measure(FontWeight::regular, type::k_small);
    double widest = 0;
    for (const double tick : scale.ticks) {
        widest = std::max(widest, measure(format_value(tick, scale.step, suffix, flow.labels())));
    }
    return widest + 6 + (title.empty() ? 0 : 13);
}

void draw_value_axis(Flow& flow, const UprightPlot& plot, std::string_view suffix,
                     std::string_view title) {
    PdfCanvas& canvas = flow.canvas();
    const Theme& theme = flow.theme();
    const TextStyle ticks = tick_style(theme);
    const double ascent = canvas.cap_height(ticks.weight, ticks.size);
    for (const double tick : plot.scale.ticks) {
        const double y = plot.y_of(tick);
        canvas.line({plot.x, y}, {plot.x + plot.width, y}, {theme.grid, 0.5, LineDash::solid});
        const std::string label = format_value(tick, plot.scale.step, suffix, flow.labels());
        canvas.text_aligned(plot.x - 60, 55, y + ascent / 2, label, ticks, Alignment::right);
    }
    const double zero = plot.y_of(std::clamp(0.0, plot.scale.low, plot.scale.high));
    canvas.line({plot.x, zero}, {plot.x + plot.width, zero}, {theme.rule, 0.9, LineDash::solid});
    if (!title.empty()) {
        const TextStyle style = axis_title_style(theme);
        const std::string text =
            truncate_to_width(title, plot.height, flow.measure(style.weight, style.size));
        const double width = canvas.text_width(text, style.weight, style.size);
        canvas.text_rotated(flow.left() + 7, plot.top + (plot.height + width) / 2, text, style, 90);
    }
}

void draw_reference_across(Flow& flow, const UprightPlot& plot, const ReferenceLine& reference) {
    const double y = plot.y_of(reference.value);
    flow.canvas().line({plot.x, y}, {plot.x + plot.width, y},
                       {flow.theme().text, 0.9, LineDash::dashed});
}

LegendEntry reference_entry(const ReferenceLine& reference, const Theme& theme) {
    return {reference.label, theme.text, LegendMarker::dashed_line};
}

void draw_value_label(Flow& flow, double x, double baseline, std::string_view text) {
    PdfCanvas& canvas = flow.canvas();
    const TextStyle style{FontWeight::regular, 6.8, flow.theme().text};
    const double width = canvas.text_width(text, style.weight, style.size);
    const double ascent = canvas.cap_height(style.weight, style.size);
    canvas.fill_rect(x - width / 2 - 1, baseline - ascent - 1.5, width + 2, ascent + 3,
                     flow.theme().white);
    canvas.text(x - width / 2, baseline, text, style);
}

CategoryAxis lay_out_categories(const Flow& flow, const std::vector<std::string>& labels,
                                double slot_width) {
    const TextStyle style = category_style(flow.theme());
    const MeasureText measure = flow.measure(style.weight, style.size);
    const double room = slot_width - 3;
    CategoryAxis axis;
    std::size_t most_lines = 1;
    bool fits = true;
    for (const std::string& label : labels) {
        std::vector<std::string> lines = wrap_text(label, room, measure);
        // More than two lines, or a word wider than the slot, reads badly: rotate instead.
        fits = fits && lines.size() <= 2;
        std::size_t start = 0;
        while (fits && start < label.size()) {
            const std::size_t end = std::min(label.find(' ', start), label.size());
            fits = measure(std::string_view(label).substr(start, end - start)) <= room;
            start = end + 1;
        }
        most_lines = std::max(most_lines, lines.size());
        axis.lines.push_back(std::move(lines));
    }
    if (fits) {
        axis.height = 5 + static_cast<double>(most_lines) * 9.5;
        return axis;
    }
    axis.rotated = true;
    double widest = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        axis.lines[i] = {truncate_to_width(labels[i], 90, measure)};
        widest = std::max(widest, measure(axis.lines[i][0]));
    }
    axis.height = 8 + widest * 0.7071 + style.size;
    return axis;
}

void draw_categories(Flow& flow, const CategoryAxis& axis, const std::vector<double>& centres,
                     double top, double slot_width, double min_x) {
    PdfCanvas& canvas = flow.canvas();
    const TextStyle style = category_style(flow.theme());
    const double ascent = canvas.cap_height(style.weight, style.size);
    for (std::size_t i = 0; i < axis.lines.size() && i < centres.size(); ++i) {
        if (axis.rotated) {
            const double end_x = centres[i] + ascent * 0.35;
            const std::string label =
                truncate_to_width(axis.lines[i].front(), (end_x - min_x) / 0.7071,
                                  flow.measure(style.weight, style.size));
            const double width = canvas.text_width(label, style.weight, style.size);
            const double end_y = top + 6;
            canvas.text_rotated(end_x - width * 0.7071, end_y + width * 0.7071, label, style, 45);
            continue;
        }
        double baseline = top + 5 + ascent + 1;
        for (const std::string& line : axis.lines[i]) {
            canvas.text_aligned(centres[i] - slot_width / 2, slot_width, baseline, line, style,
                                Alignment::centre);
            baseline += 9.5;
        }
    }
}

double legend_height(const Flow& flow, const std::vector<LegendEntry>& entries, double width) {
    if (entries.empty()) {
        return 0;
    }
    const MeasureText measure = flow.measure(FontWeight::regular, type::k_small);
    double x = 0;
    int rows = 1;
    for (const LegendEntry& entry : entries) {
        const double entry_width = k_legend_marker + measure(entry.name) + k_legend_gap;
        if (x > 0 && x + entry_width > width) {
            ++rows;
            x = 0;
        }
        x += entry_width;
    }
    return rows * k_legend_row;
}

void draw_legend(Flow& flow, const std::vector<LegendEntry>& entries, double x, double top,
                 double width) {
    PdfCanvas& canvas = flow.canvas();
    const TextStyle style{FontWeight::regular, type::k_small, flow.theme().text};
    const double ascent = canvas.cap_height(style.weight, style.size);
    double cursor = 0;
    double row_top = top;
    for (const LegendEntry& entry : entries) {
        const double text_width = canvas.text_width(entry.name, style.weight, style.size);
        const double entry_width = k_legend_marker + text_width + k_legend_gap;
        if (cursor > 0 && cursor + entry_width > width) {
            cursor = 0;
            row_top += k_legend_row;
        }
        const double middle = row_top + k_legend_row / 2;
        switch (entry.marker) {
        case LegendMarker::box:
            canvas.fill_rect(x + cursor, middle - 3.5, 7, 7, entry.colour);
            break;
        case LegendMarker::line:
            canvas.line({x + cursor, middle}, {x + cursor + 9, middle},
                        {entry.colour, 1.6, LineDash::solid});
            canvas.fill_circle({x + cursor + 4.5, middle}, 2, entry.colour);
            break;
        case LegendMarker::dashed_line:
            canvas.line({x + cursor - 1, middle}, {x + cursor + 10, middle},
                        {entry.colour, 0.9, LineDash::dashed});
            break;
        }
        canvas.text(x + cursor + k_legend_marker, middle + ascent / 2, entry.name, style);
        cursor += entry_width;
    }
}

} // namespace planner::exporters
