// Bar charts, vertical (categories along the bottom) or horizontal (categories down the left,
// continued across pages when there are more than fit).

#include "exporters/pdf_blocks.hpp"
#include "exporters/pdf_chart_common.hpp"

#include <algorithm>
#include <cmath>

namespace planner::exporters {
namespace {

constexpr double k_upright_plot_height = 165;

double value_at(const Series& series, std::size_t category) {
    return category < series.values.size() && std::isfinite(series.values[category])
               ? series.values[category]
               : 0;
}

// The series' own label for the value when it has one, else the value in the labels' format.
std::string value_label(const Flow& flow, const BarChart& chart, std::size_t series,
                        std::size_t category) {
    const Series& of = chart.series[series];
    if (category < of.labels.size())
        return of.labels[category];
    return format_data_value(value_at(of, category), chart.value_suffix, flow.labels());
}

ValueScale scale_for(const BarChart& chart) {
    double low = 0;
    double high = 0;
    for (const Series& series : chart.series) {
        for (std::size_t c = 0; c < chart.categories.size(); ++c) {
            low = std::min(low, value_at(series, c));
            high = std::max(high, value_at(series, c));
        }
    }
    if (chart.reference) {
        low = std::min(low, chart.reference->value);
        high = std::max(high, chart.reference->value);
    }
    return nice_scale(low, high);
}

enum class ReferenceInLegend { no, yes };

std::vector<LegendEntry> legend_for(const BarChart& chart, const Theme& theme,
                                    ReferenceInLegend reference) {
    std::vector<LegendEntry> entries;
    if (chart.series.size() > 1) {
        for (std::size_t s = 0; s < chart.series.size(); ++s) {
            entries.push_back({chart.series[s].name, theme.series[s % theme.series.size()]});
        }
    }
    if (reference == ReferenceInLegend::yes && chart.reference && !chart.reference->label.empty()) {
        entries.push_back(reference_entry(*chart.reference, theme));
    }
    return entries;
}

void draw_vertical(Flow& flow, const BarChart& chart) {
    const Theme& theme = flow.theme();
    PdfCanvas& canvas = flow.canvas();
    const ValueScale scale = scale_for(chart);
    const std::size_t count = chart.categories.size();
    const std::size_t series_count = chart.series.size();

    UprightPlot plot;
    plot.scale = scale;
    plot.x = flow.left() + value_axis_room(flow, scale, chart.value_suffix, chart.value_axis_label);
    plot.width = flow.right() - plot.x;
    plot.height = k_upright_plot_height;
    const double slot = plot.width / static_cast<double>(count);
    const CategoryAxis categories = lay_out_categories(flow, chart.categories, slot);
    const std::vector<LegendEntry> legend = legend_for(chart, theme, ReferenceInLegend::yes);
    const double legend_room = legend.empty() ? 0 : legend_height(flow, legend, plot.width) + 6;
    const double total = 10 + plot.height + categories.height + legend_room;

    flow.draw_block_title(chart.title, total);
    flow.ensure_space(total);
    plot.top = flow.y() + 10;
    draw_value_axis(flow, plot, chart.value_suffix, chart.value_axis_label);
    if (chart.reference) {
        draw_reference_across(flow, plot, *chart.reference);
    }

    const double group = slot * (series_count == 1 ? 0.6 : 0.78);
    const double bar = std::min(group / static_cast<double>(series_count), 30.0);
    const double zero = plot.y_of(std::clamp(0.0, scale.low, scale.high));
    const TextStyle value_style{FontWeight::regular, 6.8, theme.text};
    const double value_ascent = canvas.cap_height(value_style.weight, value_style.size);
    std::vector<double> centres;
    for (std::size_t c = 0; c < count; ++c) {
        const double centre = plot.x + (static_cast<double>(c) + 0.5) * slot;
        centres.push_back(centre);
        const double start = centre - bar * static_cast<double>(series_count) / 2;
        for (std::size_t s = 0; s < series_count; ++s) {
            const double value = value_at(chart.series[s], c);
            const double y = plot.y_of(value);
            const double x = start + static_cast<double>(s) * bar;
            canvas.fill_rect(x, std::min(y, zero), bar - (series_count > 1 ? 0.8 : 0),
                             std::abs(zero - y), theme.series[s % theme.series.size()]);
            if (series_count == 1) {
                const std::string label = value_label(flow, chart, s, c);
                if (canvas.text_width(label, value_style.weight, value_style.size) <= slot - 2) {
                    const double baseline = value >= 0 ? y - 2.5 : y + value_ascent + 2.5;
                    draw_value_label(flow, centre, baseline, label);
                }
            }
        }
    }
    draw_categories(flow, categories, centres, plot.bottom(), slot, flow.left());
    if (!legend.empty()) {
        draw_legend(flow, legend, plot.x, plot.bottom() + categories.height + 6, plot.width);
    }
    flow.advance(total + type::k_block_gap);
}

// Horizontal bars: one row per category, as many rows per page as fit; the scale is the same
// on every page.
void draw_horizontal(Flow& flow, const BarChart& chart) {
    const Theme& theme = flow.theme();
    PdfCanvas& canvas = flow.canvas();
    const ValueScale scale = scale_for(chart);
    const std::size_t count = chart.categories.size();
    const std::size_t series_count = chart.series.size();
    const TextStyle label_style = category_style(theme);
    const MeasureText label_measure = flow.measure(label_style.weight, label_style.size);
    const TextStyle value_style{FontWeight::regular, 6.8, theme.text};
    const TextStyle ticks = tick_style(theme);

    double label_width = 0;
    for (const std::string& category : chart.categories) {
        label_width = std::max(label_width, label_measure(category));
    }
    label_width = std::min(label_width, flow.width() * 0.34);
    double value_room = 0;
    if (series_count == 1) {
        for (std::size_t c = 0; c < count; ++c) {
            const std::string label = value_label(flow, chart, 0, c);
            value_room = std::max(
                value_room, canvas.text_width(label, value_style.weight, value_style.size) + 4);
        }
    }
    const double bar = series_count == 1 ? 10 : 7;
    const double group = bar * static_cast<double>(series_count) + (series_count == 1 ? 5 : 7);
    const double plot_x = flow.left() + label_width + 8;
    const double plot_width = flow.right() - plot_x - value_room;
    // The reference label sits above the plot, by its line.
    const std::vector<LegendEntry> legend = legend_for(chart, theme, ReferenceInLegend::no);
    const double above = chart.reference ? 13 : 3;
    const double below = 14 + (chart.value_axis_label.empty() ? 0 : 11) +
                         (legend.empty() ? 0 : legend_height(flow, legend, plot_width) + 6);
    const auto x_of = [&](double value) { return plot_x + scale.fraction(value) * plot_width; };
    const double zero = x_of(std::clamp(0.0, scale.low, scale.high));
    const double ascent = canvas.cap_height(label_style.weight, label_style.size);
    const std::size_t first_rows = std::min<std::size_t>(count, 4);

    flow.draw_block_title(chart.title, above + below + static_cast<double>(first_rows) * group);
    std::size_t next = 0;
    while (next < count) {
        if (next > 0) {
            flow.new_page();
            flow.draw_wrapped(continued_title(flow.labels(), chart.title), flow.left(),
                              flow.width(), {FontWeight::bold, type::k_table, theme.muted},
                              type::k_table_leading + 2);
            flow.advance(2);
        }
        flow.ensure_space(above + below + static_cast<double>(first_rows) * group);
        const auto fit = static_cast<std::size_t>(
            std::max(1.0, std::floor((flow.remaining() - above - below) / group)));
        const std::size_t end = std::min(count, next + fit);
        const double top = flow.y() + above;
        const double height = static_cast<double>(end - next) * group;

        for (const double tick : scale.ticks) {
            const double x = x_of(tick);
            canvas.line({x, top}, {x, top + height}, {theme.grid, 0.5, LineDash::solid});
            canvas.text_aligned(x - 30, 60, top + height + 10,
                                format_value(tick, scale.step, chart.value_suffix, flow.labels()),
                                ticks, Alignment::centre);
        }
        struct ValueLabel {
            double x;
            double middle;
            std::string text;
        };
        std::vector<ValueLabel> value_labels;
        for (std::size_t c = next; c < end; ++c) {
            const double group_top = top + static_cast<double>(c - next) * group;
            const double middle = group_top + group / 2;
            canvas.text_aligned(flow.left(), label_width, middle + ascent / 2,
                                truncate_to_width(chart.categories[c], label_width, label_measure),
                                label_style, Alignment::right);
            const double start = middle - bar * static_cast<double>(series_count) / 2;
            for (std::size_t s = 0; s < series_count; ++s) {
                const double value = value_at(chart.series[s], c);
                const double x = x_of(value);
                const double y = start + static_cast<double>(s) * bar;
                canvas.fill_rect(std::min(x, zero), y, std::abs(x - zero),
                                 bar - (series_count > 1 ? 0.8 : 0),
                                 theme.series[s % theme.series.size()]);
                if (series_count == 1) {
                    value_labels.push_back(
                        {std::max(x, zero) + 3, middle, value_label(flow, chart, s, c)});
                }
            }
        }
        canvas.line({zero, top}, {zero, top + height}, {theme.rule, 0.9, LineDash::solid});
        if (chart.reference) {
            const double x = x_of(chart.reference->value);
            canvas.line({x, top - 2}, {x, top + height}, {theme.text, 0.9, LineDash::dashed});
            const TextStyle style{FontWeight::bold, type::k_small, theme.text};
            const std::string label = truncate_to_width(chart.reference->label, plot_width / 2,
                                                        flow.measure(style.weight, style.size));
            const double width = canvas.text_width(label, style.weight, style.size);
            const double label_x = std::clamp(x - width / 2, plot_x, plot_x + plot_width - width);
            canvas.text(label_x, top - 5, label, style);
        }
        // Value labels last, on a white ground, so grid and reference lines pass behind them.
        for (const ValueLabel& label : value_labels) {
            canvas.fill_rect(label.x - 1, label.middle - 4.5,
                             canvas.text_width(label.text, value_style.weight, value_style.size) +
                                 2,
                             9, theme.white);
            canvas.text(label.x, label.middle + ascent / 2 - 0.5, label.text, value_style);
        }
        double y = top + height + 14;
        if (!chart.value_axis_label.empty()) {
            canvas.text_aligned(plot_x, plot_width, y + 6, chart.value_axis_label,
                                axis_title_style(theme), Alignment::centre);
            y += 11;
        }
        if (!legend.empty()) {
            draw_legend(flow, legend, plot_x, y + 4, plot_width);
        }
        flow.advance(above + height + below);
        next = end;
    }
    flow.advance(type::k_block_gap);
}

} // namespace

void draw_bar_chart(Flow& flow, const BarChart& chart) {
    if (chart.categories.empty() || chart.series.empty()) {
        flow.draw_block_title(chart.title, 0);
        flow.advance(type::k_block_gap);
        return;
    }
    if (chart.orientation == BarOrientation::horizontal) {
        draw_horizontal(flow, chart);
    } else {
        draw_vertical(flow, chart);
    }
}

} // namespace planner::exporters
