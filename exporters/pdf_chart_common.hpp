#pragma once
// What the bar and line charts share: a "nice" value scale, tick label formatting and the
// legend. Internal to exporters/.

#include "exporters/pdf_flow.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace planner::exporters {

struct ValueScale {
    double low = 0;
    double high = 1;
    double step = 1;
    std::vector<double> ticks; // low, low + step, ..., high

    // Where value lies between low (0) and high (1).
    double fraction(double value) const { return (value - low) / (high - low); }
};

// A scale covering [low, high] with about `target_ticks` steps of 1, 2, 2.5 or 5 x 10^n.
ValueScale nice_scale(double low, double high, int target_ticks = 5);

// value with as many decimals as the step needs, then the suffix: "12.5%", "40 h".
// `decimal_point` replaces the "." (Labels::decimal_point); `labels`, when given, also supplies
// the digit grouping.
std::string format_value(double value, double step, std::string_view suffix,
                         std::string_view decimal_point = ".");
std::string format_value(double value, double step, std::string_view suffix, const Labels& labels);

// A data value as a label: whole numbers without decimals, else one decimal (two below 1).
std::string format_data_value(double value, std::string_view suffix,
                              std::string_view decimal_point = ".");
std::string format_data_value(double value, std::string_view suffix, const Labels& labels);

enum class LegendMarker { box, line, dashed_line };

struct LegendEntry {
    std::string name;
    Rgb colour;
    LegendMarker marker = LegendMarker::box;
};

// Height a legend of these entries takes in `width`.
double legend_height(const Flow& flow, const std::vector<LegendEntry>& entries, double width);
// Draws the legend from (x, top), wrapping entries into rows within width.
void draw_legend(Flow& flow, const std::vector<LegendEntry>& entries, double x, double top,
                 double width);
// The legend entry of a reference line: a dashed line and its label.
LegendEntry reference_entry(const ReferenceLine& reference, const Theme& theme);

// Small tick and axis text.
TextStyle tick_style(const Theme& theme);
TextStyle axis_title_style(const Theme& theme);
TextStyle category_style(const Theme& theme);

// A plot whose value axis runs up the page (vertical bars, line charts).
struct UprightPlot {
    double x = 0;
    double top = 0;
    double width = 0;
    double height = 0;
    ValueScale scale;

    double bottom() const { return top + height; }
    double y_of(double value) const { return bottom() - scale.fraction(value) * height; }
};

// Room to the left of an upright plot for tick labels and the rotated axis title.
double value_axis_room(const Flow& flow, const ValueScale& scale, std::string_view suffix,
                       std::string_view title);
// Grid lines, tick labels and the rotated axis title of an upright plot.
void draw_value_axis(Flow& flow, const UprightPlot& plot, std::string_view suffix,
                     std::string_view title);
// A dashed line across the plot at the reference value (its label goes in the legend, where it
// cannot collide with bars or points).
void draw_reference_across(Flow& flow, const UprightPlot& plot, const ReferenceLine& reference);

// Category labels under an upright plot: wrapped into at most two lines under each slot when
// they fit, else rotated 45 degrees and cut at 90 pt.
struct CategoryAxis {
    bool rotated = false;
    double height = 0;
    std::vector<std::vector<std::string>> lines; // per category
};
CategoryAxis lay_out_categories(const Flow& flow, const std::vector<std::string>& labels,
                                double slot_width);
// Slot i is centred at centres[i]. Rotated labels are cut so they start right of min_x.
void draw_categories(Flow& flow, const CategoryAxis& axis, const std::vector<double>& centres,
                     double top, double slot_width, double min_x);
// A value label on a white ground, centred on x with its baseline at baseline.
void draw_value_label(Flow& flow, double x, double baseline, std::string_view text);

} // namespace planner::exporters
