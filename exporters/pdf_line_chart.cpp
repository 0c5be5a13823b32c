// Line (trend) charts: one line per series across the x labels, gaps where a value is missing,
// a marker on every point, values printed at the points when there is a single series.

#include "exporters/pdf_blocks.hpp"
#include "exporters/pdf_chart_common.hpp"

#include <algorithm>
#include <cmath>

namespace planner::exporters {
namespace {

constexpr double k_plot_height = 150;

ValueScale scale_for(const LineChart& chart) {
    double low = INFINITY;
    double high = -INFINITY;
    for (const LineSeries& series : chart.series) {
        for (const std::optional<double>& value : series.values) {
            if (value && std::isfinite(*value)) {
                low = std::min(low, *value);
                high = std::max(high, *value);
            }
        }
    }
    if (chart.reference) {
        low = std::min(low, chart.reference->value);
        high = std::max(high, chart.reference->value);
    }
    if (!std::isfinite(low)) {
        return nice_scale(0, 1);
    }
    // Start at zero unless the values sit far from it, where zero would flatten the trend.
    if (low >= 0 && low <= high * 0.5) {
        low = 0;
    }
    const double pad = (high - low) * 0.08;
    return nice_scale(low == 0 ? 0 : low - pad, high + pad);
}

} // namespace

void draw_line_chart(Flow& flow, const LineChart& chart) {
    const std::size_t count = chart.x_labels.size();
    if (count == 0 || chart.series.empty()) {
        flow.draw_block_title(chart.title, 0);
        flow.advance(type::k_block_gap);
        return;
    }
    const Theme& theme = flow.theme();
    PdfCanvas& canvas = flow.canvas();
    const ValueScale scale = scale_for(chart);

    UprightPlot plot;
    plot.scale = scale;
    plot.x = flow.left() + value_axis_room(flow, scale, chart.value_suffix, chart.y_axis_label);
    plot.width = flow.right() - plot.x;
    plot.height = k_plot_height;
    const double slot = plot.width / static_cast<double>(count);
    const CategoryAxis categories = lay_out_categories(flow, chart.x_labels, slot);
    std::vector<LegendEntry> legend;
    if (chart.series.size() > 1) {
        for (std::size_t s = 0; s < chart.series.size(); ++s) {
            legend.push_back(
                {chart.series[s].name, theme.series[s % theme.series.size()], LegendMarker::line});
        }
    }
    if (chart.reference && !chart.reference->label.empty()) {
        legend.push_back(reference_entry(*chart.reference, theme));
    }
    const double legend_room = legend.empty() ? 0 : legend_height(flow, legend, plot.width) + 6;
    const double total = 10 + plot.height + categories.height + legend_room;

    flow.draw_block_title(chart.title, total);
    flow.ensure_space(total);
    plot.top = flow.y() + 10;
    draw_value_axis(flow, plot, chart.value_suffix, chart.y_axis_label);
    if (chart.reference) {
        draw_reference_across(flow, plot, *chart.reference);
    }

    std::vector<double> centres;
    for (std::size_t i = 0; i < count; ++i) {
        centres.push_back(plot.x + (static_cast<double>(i) + 0.5) * slot);
        canvas.line({centres.back(), plot.bottom()}, {centres.back(), plot.bottom() + 3},
                    {theme.rule, 0.6, LineDash::solid});
    }
    const bool label_points = chart.series.size() == 1;
    const TextStyle value_style{FontWeight::regular, 6.8, theme.text};
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const LineSeries& series = chart.series[s];
        const Rgb colour = theme.series[s % theme.series.size()];
        std::vector<Point> run; // consecutive present values
        const auto flush = [&] {
            canvas.polyline(run, {colour, 1.8, LineDash::solid});
            run.clear();
        };
        for (std::size_t i = 0; i < count; ++i) {
            if (i < series.values.size() && series.values[i] && std::isfinite(*series.values[i])) {
                run.push_back({centres[i], plot.y_of(*series.values[i])});
            } else {
                flush();
            }
        }
        flush();
        for (std::size_t i = 0; i < count && i < series.values.size(); ++i) {
            if (!series.values[i] || !std::isfinite(*series.values[i])) {
                continue;
            }
            const Point point{centres[i], plot.y_of(*series.values[i])};
            canvas.fill_circle(point, 3, theme.white);
            canvas.fill_circle(point, 2.3, colour);
            if (label_points) {
                const std::string label =
                    format_data_value(*series.values[i], chart.value_suffix, flow.labels());
                if (canvas.text_width(label, value_style.weight, value_style.size) < slot - 2) {
                    draw_value_label(flow, point.x, point.y - 6, label);
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

} // namespace planner::exporters
