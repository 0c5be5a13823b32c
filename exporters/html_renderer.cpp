#include "exporters/html_renderer.hpp"

#include "exporters/number_format.hpp"
#include "exporters/org_layout.hpp"
#include "exporters/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>

namespace planner::exporters {

namespace {

// Series colours, the same order for every chart.
const char* const k_palette[] = {"#1f4e79", "#e07b39", "#3a9a5b", "#8e5ea2",
                                 "#c4455c", "#4aa3c9", "#9c8b2f", "#666666"};
constexpr size_t k_palette_size = sizeof(k_palette) / sizeof(k_palette[0]);

std::string status_class(StatusColour status) {
    switch (status) {
    case StatusColour::green:
        return "s-green";
    case StatusColour::amber:
        return "s-amber";
    case StatusColour::red:
        return "s-red";
    case StatusColour::none:
        break;
    }
    return "";
}

std::string number(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

// Text with "\n" as <br>.
std::string multiline(const std::string& text) {
    std::string escaped = html_escape(text);
    std::string out;
    for (char c : escaped) {
        if (c == '\n')
            out += "<br>";
        else
            out += c;
    }
    return out;
}

// "Care coverage" -> "care-coverage": an anchor for a heading.
std::string slug(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) != 0 && c < 0x80)
            out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out.empty() ? "section" : out;
}

struct Scale {
    double high = 1;
    double step = 1;
};

// A 0-based scale with about five steps of 1, 2, 2.5 or 5 x 10^n.
Scale nice_scale(double high) {
    if (!(high > 0) || !std::isfinite(high))
        high = 1;
    double raw = high / 5;
    double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = m * magnitude;
        if (step >= raw)
            break;
    }
    return {std::ceil(high / step - 1e-9) * step, step};
}

std::string data_value(double value, const std::string& suffix) {
    int decimals = std::fabs(value - std::round(value)) < 1e-9 ? 0 : (std::fabs(value) < 1 ? 2 : 1);
    return format_fixed(value, decimals) + suffix;
}

std::string tick_value(double value, double step, const std::string& suffix) {
    int decimals = step >= 1 ? 0 : (step >= 0.1 ? 1 : 2);
    return format_fixed(value, decimals) + suffix;
}

std::string legend(const std::vector<std::string>& names, const ReferenceLine* reference) {
    if (names.size() < 2 && !reference)
        return "";
    std::string out = "<ul class=\"legend\">";
    for (size_t i = 0; i < names.size(); ++i)
        out += "<li><span class=\"swatch c" + std::to_string(i % k_palette_size) + "\"></span>" +
               html_escape(names[i]) + "</li>";
    if (reference)
        out += "<li><span class=\"swatch ref\"></span>" + html_escape(reference->label) + "</li>";
    return out + "</ul>";
}

std::string render_paragraph(const Paragraph& p) {
    const char* cls = "";
    switch (p.style) {
    case ParagraphStyle::body:
        break;
    case ParagraphStyle::lead:
        cls = " class=\"p-lead\"";
        break;
    case ParagraphStyle::strong:
        cls = " class=\"p-strong\"";
        break;
    case ParagraphStyle::note:
        cls = " class=\"p-note\"";
        break;
    case ParagraphStyle::callout:
        cls = " class=\"p-callout\"";
        break;
    }
    return std::string("<p") + cls + ">" + multiline(p.text) + "</p>\n";
}

std::string render_figures(const KeyFigures& k) {
    std::string out = "<div class=\"figures\">";
    for (const KeyFigure& f : k.figures) {
        std::string cls = status_class(f.status);
        out += "<div class=\"figure" + (cls.empty() ? "" : " " + cls) +
               "\"><div class=\"fig-label\">" + html_escape(f.label) +
               "</div><div class=\"fig-value\">" + html_escape(f.value) + "</div>";
        if (!f.note.empty())
            out += "<div class=\"fig-note\">" + html_escape(f.note) + "</div>";
        out += "</div>";
    }
    return out + "</div>\n";
}

std::string render_table(const Table& t, const HtmlOptions& options) {
    std::string id = t.id.empty() ? "" : " id=\"t-" + html_escape(t.id) + "\"";
    std::string out;
    if (!t.title.empty())
        out += "<h4>" + html_escape(t.title) + "</h4>";
    if (!options.filter_placeholder.empty() && t.rows.size() > 8 && !t.id.empty())
        out += "<input type=\"search\" class=\"table-filter\" data-table=\"t-" + html_escape(t.id) +
               "\" placeholder=\"" + html_escape(options.filter_placeholder) + "\" aria-label=\"" +
               html_escape(options.filter_placeholder) + "\">";
    out += "<div class=\"table-wrap\"><table class=\"data\"" + id + " data-sortable><thead><tr>";
    for (const Column& c : t.columns) {
        bool right = c.numeric || c.alignment == Alignment::right;
        out += "<th data-key=\"" + html_escape(c.key) + "\"" + (right ? " class=\"num\"" : "") +
               " tabindex=\"0\">" + html_escape(c.header) + "</th>";
    }
    out += "</tr></thead>\n<tbody>";
    size_t body_rows = t.rows.size() - std::min(t.total_rows, t.rows.size());
    auto row_html = [&](const std::vector<Cell>& row) {
        std::string r = "<tr>";
        for (size_t i = 0; i < t.columns.size(); ++i) {
            const Column& c = t.columns[i];
            Cell cell = i < row.size() ? row[i] : Cell{};
            std::string cls = status_class(cell.status);
            if (c.numeric || c.alignment == Alignment::right)
                cls += cls.empty() ? "num" : " num";
            else if (c.alignment == Alignment::centre)
                cls += cls.empty() ? "centre" : " centre";
            r += "<td" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" +
                 multiline(cell.text) + "</td>";
        }
        return r + "</tr>\n";
    };
    for (size_t i = 0; i < body_rows; ++i)
        out += row_html(t.rows[i]);
    out += "</tbody>";
    if (body_rows < t.rows.size()) {
        out += "<tfoot>";
        for (size_t i = body_rows; i < t.rows.size(); ++i)
            out += row_html(t.rows[i]);
        out += "</tfoot>";
    }
    out += "</table></div>\n";
    if (!t.footnote.empty())
        out += "<p class=\"p-note\">" + multiline(t.footnote) + "</p>\n";
    return out;
}

// At most `limit` code points, with an ellipsis when cut.
std::string shorten(const std::string& text, size_t limit) {
    size_t points = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            continue;
        if (points == limit)
            return text.substr(0, i) + "…";
        ++points;
    }
    return text;
}

std::string svg_text(double x, double y, const std::string& text, const char* cls,
                     const char* anchor = "start") {
    return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" class=\"" + cls +
           "\" text-anchor=\"" + anchor + "\">" + html_escape(text) + "</text>";
}

std::string render_bar_chart(const BarChart& chart) {
    std::string out = "<figure class=\"chart bar-chart\">";
    if (!chart.title.empty())
        out += "<figcaption>" + html_escape(chart.title) + "</figcaption>";
    double high = chart.reference ? chart.reference->value : 0;
    for (const Series& s : chart.series)
        for (double v : s.values)
            if (std::isfinite(v))
                high = std::max(high, v);
    Scale scale = nice_scale(high);
    const size_t n = chart.categories.size();
    const size_t per = std::max<size_t>(1, chart.series.size());
    std::vector<std::string> names;
    for (const Series& s : chart.series)
        names.push_back(s.name);
    if (chart.orientation == BarOrientation::horizontal) {
        const double label_w = 190, plot_w = 480, bar_h = 14, gap = 6, top = 24;
        const double row_h = bar_h * static_cast<double>(per) + gap;
        const double width = label_w + plot_w + 60;
        const double height = top + row_h * static_cast<double>(n) + 10;
        out += "<svg class=\"chart-svg\" role=\"img\" viewBox=\"0 0 " + number(width) + " " +
               number(height) + "\" width=\"" + number(width) + "\" height=\"" + number(height) +
               "\" aria-label=\"" + html_escape(chart.title) + "\">";
        for (double v = 0; v <= scale.high + 1e-9; v += scale.step) {
            double x = label_w + v / scale.high * plot_w;
            out += "<line class=\"grid\" x1=\"" + number(x) + "\" y1=\"" + number(top - 4) +
                   "\" x2=\"" + number(x) + "\" y2=\"" + number(height - 10) + "\"/>";
            out += svg_text(x, top - 8, tick_value(v, scale.step, chart.value_suffix), "tick",
                            "middle");
        }
        for (size_t c = 0; c < n; ++c) {
            double y = top + row_h * static_cast<double>(c);
            out += "<g class=\"bar-row\"><title>" + html_escape(chart.categories[c]) + "</title>";
            out += svg_text(label_w - 6, y + row_h / 2 + 1, chart.categories[c], "cat", "end");
            for (size_t s = 0; s < chart.series.size(); ++s) {
                double v = c < chart.series[s].values.size() ? chart.series[s].values[c] : 0;
                if (!std::isfinite(v))
                    v = 0;
                double w = std::max(0.0, v / scale.high * plot_w);
                double by = y + bar_h * static_cast<double>(s);
                bool over = chart.reference && v > chart.reference->value + 1e-9;
                out += "<rect class=\"bar c" + std::to_string(s % k_palette_size) +
                       (over ? " over" : "") + "\" x=\"" + number(label_w) + "\" y=\"" +
                       number(by) + "\" width=\"" + number(w) + "\" height=\"" + number(bar_h - 2) +
                       "\"/>";
                out += svg_text(label_w + w + 4, by + bar_h - 4, data_value(v, chart.value_suffix),
                                "val");
            }
            out += "</g>";
        }
        if (chart.reference) {
            double x = label_w + chart.reference->value / scale.high * plot_w;
            out += "<line class=\"ref\" x1=\"" + number(x) + "\" y1=\"" + number(top - 4) +
                   "\" x2=\"" + number(x) + "\" y2=\"" + number(height - 10) + "\"/>";
        }
        out += "</svg>";
    } else {
        const double left = 56, plot_h = 220, top = 16;
        const double slot = std::max(36.0, 18.0 * static_cast<double>(per) + 14);
        const double width = left + slot * static_cast<double>(n) + 20;
        const double height = top + plot_h + 70;
        out += "<svg class=\"chart-svg\" role=\"img\" viewBox=\"0 0 " + number(width) + " " +
               number(height) + "\" width=\"" + number(width) + "\" height=\"" + number(height) +
               "\" aria-label=\"" + html_escape(chart.title) + "\">";
        for (double v = 0; v <= scale.high + 1e-9; v += scale.step) {
            double y = top + plot_h - v / scale.high * plot_h;
            out += "<line class=\"grid\" x1=\"" + number(left) + "\" y1=\"" + number(y) +
                   "\" x2=\"" + number(width - 10) + "\" y2=\"" + number(y) + "\"/>";
            out += svg_text(left - 6, y + 4, tick_value(v, scale.step, chart.value_suffix), "tick",
                            "end");
        }
        for (size_t c = 0; c < n; ++c) {
            double x = left + slot * static_cast<double>(c) + 7;
            for (size_t s = 0; s < chart.series.size(); ++s) {
                double v = c < chart.series[s].values.size() ? chart.series[s].values[c] : 0;
                if (!std::isfinite(v))
                    v = 0;
                double h = std::max(0.0, v / scale.high * plot_h);
                double bx = x + 18 * static_cast<double>(s);
                out += "<rect class=\"bar c" + std::to_string(s % k_palette_size) + "\" x=\"" +
                       number(bx) + "\" y=\"" + number(top + plot_h - h) +
                       "\" width=\"16\" height=\"" + number(h) + "\"><title>" +
                       html_escape(chart.categories[c] + ": " + data_value(v, chart.value_suffix)) +
                       "</title></rect>";
            }
            double cx = left + slot * (static_cast<double>(c) + 0.5);
            out += "<text class=\"cat\" text-anchor=\"end\" transform=\"translate(" + number(cx) +
                   "," + number(top + plot_h + 12) + ") rotate(-35)\">" +
                   html_escape(chart.categories[c]) + "</text>";
        }
        if (chart.reference) {
            double y = top + plot_h - chart.reference->value / scale.high * plot_h;
            out += "<line class=\"ref\" x1=\"" + number(left) + "\" y1=\"" + number(y) +
                   "\" x2=\"" + number(width - 10) + "\" y2=\"" + number(y) + "\"/>";
        }
        out += "</svg>";
    }
    out += legend(names, chart.reference ? &*chart.reference : nullptr);
    if (!chart.value_axis_label.empty())
        out += "<p class=\"p-note\">" + html_escape(chart.value_axis_label) + "</p>";
    return out + "</figure>\n";
}

std::string render_line_chart(const LineChart& chart) {
    std::string out = "<figure class=\"chart line-chart\">";
    if (!chart.title.empty())
        out += "<figcaption>" + html_escape(chart.title) + "</figcaption>";
    double low = 0, high = chart.reference ? chart.reference->value : 0;
    for (const LineSeries& s : chart.series)
        for (const auto& v : s.values)
            if (v && std::isfinite(*v)) {
                high = std::max(high, *v);
                low = std::min(low, *v);
            }
    Scale scale = nice_scale(high - low);
    const double base = low < 0 ? -scale.high : 0; // negative values: a symmetric-ish scale
    const double span = low < 0 ? 2 * scale.high : scale.high;
    const size_t n = chart.x_labels.size();
    const double left = 64, top = 16, plot_h = 200;
    const double slot = std::max(50.0, 560.0 / std::max<size_t>(1, n));
    const double width = left + slot * static_cast<double>(n) + 20;
    const double height = top + plot_h + 50;
    auto y_of = [&](double v) { return top + plot_h - (v - base) / span * plot_h; };
    auto x_of = [&](size_t i) { return left + slot * (static_cast<double>(i) + 0.5); };
    out += "<svg class=\"chart-svg\" role=\"img\" viewBox=\"0 0 " + number(width) + " " +
           number(height) + "\" width=\"" + number(width) + "\" height=\"" + number(height) +
           "\" aria-label=\"" + html_escape(chart.title) + "\">";
    for (double v = base; v <= base + span + 1e-9; v += scale.step) {
        out += "<line class=\"grid\" x1=\"" + number(left) + "\" y1=\"" + number(y_of(v)) +
               "\" x2=\"" + number(width - 10) + "\" y2=\"" + number(y_of(v)) + "\"/>";
        out += svg_text(left - 6, y_of(v) + 4, tick_value(v, scale.step, chart.value_suffix),
                        "tick", "end");
    }
    for (size_t i = 0; i < n; ++i)
        out += svg_text(x_of(i), top + plot_h + 18, chart.x_labels[i], "cat", "middle");
    if (chart.reference)
        out += "<line class=\"ref\" x1=\"" + number(left) + "\" y1=\"" +
               number(y_of(chart.reference->value)) + "\" x2=\"" + number(width - 10) + "\" y2=\"" +
               number(y_of(chart.reference->value)) + "\"/>";
    std::vector<std::string> names;
    for (size_t s = 0; s < chart.series.size(); ++s) {
        const LineSeries& series = chart.series[s];
        names.push_back(series.name);
        std::string cls = "c" + std::to_string(s % k_palette_size);
        std::string points;
        auto flush = [&]() {
            if (!points.empty())
                out += "<polyline class=\"line " + cls + "\" points=\"" + points + "\"/>";
            points.clear();
        };
        for (size_t i = 0; i < n && i < series.values.size(); ++i) {
            if (!series.values[i] || !std::isfinite(*series.values[i])) {
                flush();
                continue;
            }
            points += (points.empty() ? "" : " ") + number(x_of(i)) + "," +
                      number(y_of(*series.values[i]));
        }
        flush();
        for (size_t i = 0; i < n && i < series.values.size(); ++i)
            if (series.values[i] && std::isfinite(*series.values[i]))
                out += "<circle class=\"dot " + cls + "\" cx=\"" + number(x_of(i)) + "\" cy=\"" +
                       number(y_of(*series.values[i])) + "\" r=\"3.5\"><title>" +
                       html_escape(series.name + ", " + chart.x_labels[i] + ": " +
                                   data_value(*series.values[i], chart.value_suffix)) +
                       "</title></circle>";
    }
    out += "</svg>";
    out += legend(names, chart.reference ? &*chart.reference : nullptr);
    if (!chart.y_axis_label.empty())
        out += "<p class=\"p-note\">" + html_escape(chart.y_axis_label) + "</p>";
    return out + "</figure>\n";
}

// The org chart: a collapsible tree of nested lists (readable at any size; the script adds
// search, expand and collapse), with an SVG overview of the top levels above it.
// The page highlights vacancies and overloads (its note says so); a leaving mark is the PDF's.
bool html_highlight(const OrgNode& node) {
    return node.has(OrgMark::vacancy) || node.has(OrgMark::overloaded);
}

std::string render_org_chart(const OrgChart& chart, const HtmlOptions& options) {
    OrgTree tree = build_org_tree(chart.nodes);
    std::string out = "<div class=\"org-chart\">";
    if (!chart.title.empty())
        out += "<h4>" + html_escape(chart.title) + "</h4>";
    out += "<div class=\"org-tools\"><input type=\"search\" class=\"org-search\" placeholder=\"" +
           html_escape(options.org_search_placeholder) + "\" aria-label=\"" +
           html_escape(options.org_search_placeholder) +
           "\"><button type=\"button\" class=\"org-expand\">+</button><button type=\"button\" "
           "class=\"org-collapse\">&minus;</button></div>";

    // SVG overview: the levels above org_open_depth, laid out like the PDF's.
    {
        std::vector<OrgNode> top;
        std::vector<size_t> keep;
        for (size_t i = 0; i < chart.nodes.size(); ++i)
            if (tree.depth[i] < options.org_open_depth)
                keep.push_back(i);
        if (keep.size() > 1 && keep.size() <= 60) {
            for (size_t i : keep)
                top.push_back(chart.nodes[i]);
            OrgTree small = build_org_tree(top);
            OrgLayoutOptions lo;
            lo.box_width = 120;
            lo.box_height = 36;
            lo.max_width = 1200;
            OrgLayout layout = lay_out_org_tree(small, lo);
            out += "<svg class=\"org-svg\" role=\"img\" viewBox=\"-2 -2 " +
                   number(layout.width + 4) + " " + number(layout.height + 4) + "\" width=\"" +
                   number(layout.width + 4) + "\" height=\"" + number(layout.height + 4) + "\">";
            for (const auto& line : layout.connectors) {
                std::string points;
                for (const Point& p : line)
                    points += (points.empty() ? "" : " ") + number(p.x) + "," + number(p.y);
                out += "<polyline class=\"org-link\" points=\"" + points + "\"/>";
            }
            for (const OrgBox& box : layout.boxes) {
                const OrgNode& node = top[box.node];
                out += "<g class=\"org-box" +
                       std::string(html_highlight(node) ? " highlight" : "") + "\"><rect x=\"" +
                       number(box.top_left.x) + "\" y=\"" + number(box.top_left.y) + "\" width=\"" +
                       number(lo.box_width) + "\" height=\"" + number(lo.box_height) +
                       "\" rx=\"4\"/>" +
                       svg_text(box.top_left.x + lo.box_width / 2, box.top_left.y + 15,
                                shorten(node.label, 20), "org-name", "middle") +
                       svg_text(box.top_left.x + lo.box_width / 2, box.top_left.y + 29,
                                shorten(node.sublabel, 22), "org-role", "middle") +
                       "<title>" + html_escape(node.label + " — " + node.sublabel) + "</title></g>";
            }
            out += "</svg>";
        }
    }

    // The full tree, iteratively (deep chains must not exhaust the stack).
    out += "<ul class=\"org-tree\">";
    struct Frame {
        size_t node;
        size_t next_child;
    };
    std::vector<Frame> stack;
    auto open_node = [&](size_t i) {
        const OrgNode& node = chart.nodes[i];
        std::string label =
            "<span class=\"org-node" + std::string(html_highlight(node) ? " highlight" : "") +
            "\">" + "<span class=\"org-name\">" + html_escape(node.label) +
            "</span> <span class=\"org-role\">" + html_escape(node.sublabel) + "</span></span>";
        if (tree.children[i].empty()) {
            out += "<li class=\"leaf\">" + label + "</li>";
            return false;
        }
        out += "<li><details" + std::string(tree.depth[i] < options.org_open_depth ? " open" : "") +
               "><summary>" + label + " <span class=\"org-count\">" +
               std::to_string(tree.children[i].size()) + "</span></summary><ul>";
        return true;
    };
    for (size_t root : tree.roots) {
        if (open_node(root))
            stack.push_back({root, 0});
        while (!stack.empty()) {
            Frame& f = stack.back();
            if (f.next_child < tree.children[f.node].size()) {
                size_t child = tree.children[f.node][f.next_child++];
                if (open_node(child))
                    stack.push_back({child, 0});
            } else {
                out += "</ul></details></li>";
                stack.pop_back();
            }
        }
    }
    return out + "</ul></div>\n";
}

std::string render_matrix(const Matrix& m) {
    std::string out = "<div class=\"table-wrap\">";
    if (!m.title.empty())
        out += "<h4>" + html_escape(m.title) + "</h4>";
    out += "<table class=\"matrix\"><thead><tr><th>" + html_escape(m.corner_label) + "</th>";
    for (const std::string& c : m.column_labels)
        out += "<th class=\"col\"><span>" + html_escape(c) + "</span></th>";
    out += "</tr></thead><tbody>";
    auto code_class = [&](const std::string& code) -> std::string {
        // The legend position of the first code in the cell ("A/R" -> A's).
        std::string first = code.substr(0, code.find('/'));
        for (size_t i = 0; i < m.legend.size(); ++i)
            if (m.legend[i].code == first)
                return "m" + std::to_string(std::min<size_t>(i, 5));
        return "";
    };
    for (size_t r = 0; r < m.row_labels.size(); ++r) {
        bool has_first = m.legend.empty();
        if (r < m.cells.size())
            for (const std::string& code : m.cells[r])
                if (!m.legend.empty()) {
                    size_t start = 0;
                    while (start <= code.size()) {
                        size_t end = code.find('/', start);
                        if (code.substr(start, end - start) == m.legend[0].code)
                            has_first = true;
                        if (end == std::string::npos)
                            break;
                        start = end + 1;
                    }
                }
        out += std::string("<tr") + (has_first ? "" : " class=\"gap\"") + "><th>" +
               html_escape(m.row_labels[r]) + "</th>";
        for (size_t c = 0; c < m.column_labels.size(); ++c) {
            std::string code = r < m.cells.size() && c < m.cells[r].size() ? m.cells[r][c] : "";
            std::string cls = code.empty() ? "" : code_class(code);
            out += "<td" + (cls.empty() ? "" : " class=\"" + cls + "\"") + " title=\"" +
                   html_escape(m.column_labels[c]) + "\">" + html_escape(code) + "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody></table></div>";
    if (!m.legend.empty()) {
        out += "<ul class=\"legend\">";
        for (size_t i = 0; i < m.legend.size(); ++i)
            out += "<li><span class=\"code m" + std::to_string(std::min<size_t>(i, 5)) + "\">" +
                   html_escape(m.legend[i].code) + "</span> " + html_escape(m.legend[i].meaning) +
                   "</li>";
        out += "</ul>";
    }
    return out + "\n";
}

std::string render_list(const BulletList& list) {
    const char* tag = list.style == ListStyle::numbers ? "ol" : "ul";
    std::string out = std::string("<") + tag + ">";
    for (const std::string& item : list.items)
        out += "<li>" + multiline(item) + "</li>";
    return out + "</" + tag + ">\n";
}

void render_section(const Section& section, int level, const HtmlOptions& options,
                    std::string& out) {
    int h = std::min(6, level);
    out += "<section><h" + std::to_string(h) + " id=\"" + slug(section.title) + "\">" +
           html_escape(section.title) + "</h" + std::to_string(h) + ">\n";
    for (const Block& block : section.blocks)
        out += render_html_block(block, options);
    for (const Section& sub : section.subsections)
        render_section(sub, level + 1, options, out);
    out += "</section>\n";
}

} // namespace

std::string html_escape(std::string_view text) {
    std::string clean = sanitize_utf8(text);
    std::string out;
    out.reserve(clean.size() + clean.size() / 8);
    for (char c : clean) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string render_html_block(const Block& block, const HtmlOptions& options) {
    if (const auto* p = std::get_if<Paragraph>(&block))
        return render_paragraph(*p);
    if (const auto* k = std::get_if<KeyFigures>(&block))
        return render_figures(*k);
    if (const auto* t = std::get_if<Table>(&block))
        return render_table(*t, options);
    if (const auto* b = std::get_if<BarChart>(&block))
        return render_bar_chart(*b);
    if (const auto* l = std::get_if<LineChart>(&block))
        return render_line_chart(*l);
    if (const auto* o = std::get_if<OrgChart>(&block))
        return render_org_chart(*o, options);
    if (const auto* m = std::get_if<Matrix>(&block))
        return render_matrix(*m);
    if (const auto* b = std::get_if<BulletList>(&block))
        return render_list(*b);
    return "";
}

std::string render_html(const std::vector<Section>& sections, const HtmlOptions& options) {
    std::string out;
    for (const Section& s : sections)
        render_section(s, options.top_heading_level, options, out);
    return out;
}

std::string render_html(const Document& document, const HtmlOptions& options) {
    return render_html(document.sections, options);
}

} // namespace planner::exporters
