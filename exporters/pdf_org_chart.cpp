// Org charts: the tidy top-down tree from org_layout when it fits the page at a readable
// scale, else an indented outline (one row per person, tree lines on the left) that runs
// across as many pages as it needs.

#include "exporters/org_layout.hpp"
#include "exporters/pdf_blocks.hpp"
#include "exporters/text_wrap.hpp"

#include <algorithm>

namespace planner::exporters {
namespace {

constexpr double k_min_scale = 0.78; // below this, labels get too small to read
constexpr double k_label_size = 7.4;
constexpr double k_sublabel_size = 6.5;
constexpr double k_min_name_size = 0.62; // a name shrinks to this part of its size to fit
constexpr double k_marker = 6.5;         // a mark's marker, points across at scale 1

// Each mark has its colour and a shape of its own (so that it reads in greyscale too), and a
// vacancy's box has a dashed border: a seat nobody holds yet.
Rgb mark_colour(const Theme& theme, OrgMark mark) {
    switch (mark) {
    case OrgMark::overloaded:
        return theme.status(StatusColour::red);
    case OrgMark::vacancy:
        return theme.status(StatusColour::amber);
    case OrgMark::leaving:
        return {0x5b, 0x4a, 0x8c};
    }
    return theme.muted;
}

Rgb mark_tint(const Theme& theme, OrgMark mark) {
    switch (mark) {
    case OrgMark::overloaded:
        return theme.status_tint(StatusColour::red);
    case OrgMark::vacancy:
        return theme.status_tint(StatusColour::amber);
    case OrgMark::leaving:
        return {0xe7, 0xe3, 0xf1};
    }
    return theme.white;
}

// overloaded: a triangle; vacancy: a square; leaving: a circle; each on a white halo so that
// it stands out on a box edge or a tinted fill.
void draw_marker(PdfCanvas& canvas, const Theme& theme, OrgMark mark, Point centre, double size) {
    const double r = size / 2;
    canvas.fill_circle(centre, r + 1.1 * size / k_marker, theme.white);
    const Rgb colour = mark_colour(theme, mark);
    switch (mark) {
    case OrgMark::overloaded:
        canvas.fill_polygon({{centre.x, centre.y - r * 1.05},
                             {centre.x + r * 1.1, centre.y + r * 0.85},
                             {centre.x - r * 1.1, centre.y + r * 0.85}},
                            colour);
        break;
    case OrgMark::vacancy:
        canvas.fill_rect(centre.x - r * 0.85, centre.y - r * 0.85, 1.7 * r, 1.7 * r, colour);
        break;
    case OrgMark::leaving:
        canvas.fill_circle(centre, r * 0.95, colour);
        break;
    }
}

// The text at the largest size from `size` down to `size * smallest` that fits in width; when
// even that does not fit, cut with an ellipsis.
std::pair<std::string, double> fit_text(Flow& flow, const std::string& text, FontWeight weight,
                                        double size, double smallest, double width) {
    const double natural = flow.canvas().text_width(text, weight, size);
    if (natural <= width) {
        return {text, size};
    }
    const double fitted = std::max(size * smallest, size * width / natural);
    return {truncate_to_width(text, width, flow.measure(weight, fitted)), fitted};
}

bool any_detail(const OrgChart& chart) {
    return std::any_of(chart.nodes.begin(), chart.nodes.end(),
                       [](const OrgNode& node) { return !node.detail.empty(); });
}

void draw_box(Flow& flow, const OrgNode& node, double x, double y, double width, double height,
              double scale, bool detail_line) {
    PdfCanvas& canvas = flow.canvas();
    const Theme& theme = flow.theme();
    const bool marked = node.highlighted();
    const Rgb accent = marked ? mark_colour(theme, node.marks.front()) : theme.primary;
    canvas.fill_rect(x, y, width, height,
                     marked ? mark_tint(theme, node.marks.front()) : theme.white);
    canvas.stroke_rect(x, y, width, height,
                       {marked ? accent : theme.rule, (marked ? 0.8 : 0.6) * scale,
                        node.has(OrgMark::vacancy) ? LineDash::dashed : LineDash::solid});
    canvas.fill_rect(x, y, width, 2.2 * scale, accent);
    const double pad = 4 * scale;
    const double room = width - 2 * pad;
    const bool two_lines = !node.sublabel.empty();
    // Baselines: one line centred; name and role; name, role and the manager's figures.
    const double label_baseline =
        y + (detail_line ? (two_lines ? 12.5 : 16) : (two_lines ? 13.5 : 18.5)) * scale;
    const auto [name, name_size] =
        fit_text(flow, node.label, FontWeight::bold, k_label_size * scale, k_min_name_size, room);
    canvas.text_aligned(x + pad, room, label_baseline, name,
                        {FontWeight::bold, name_size, theme.text}, Alignment::centre);
    if (two_lines) {
        const auto [role, role_size] =
            fit_text(flow, node.sublabel, FontWeight::regular, k_sublabel_size * scale, 0.85, room);
        canvas.text_aligned(x + pad, room, y + (detail_line ? 22 : 23.5) * scale, role,
                            {FontWeight::regular, role_size, theme.muted}, Alignment::centre);
    }
    if (detail_line && !node.detail.empty()) {
        const auto [detail, detail_size] =
            fit_text(flow, node.detail, FontWeight::bold, k_sublabel_size * scale, 0.85, room);
        canvas.text_aligned(x + pad, room, y + 32 * scale, detail,
                            {FontWeight::bold, detail_size, theme.primary_text}, Alignment::centre);
    }
    // Markers sit on the top edge at the right, away from the connector at the centre.
    double marker_x = x + width - 6 * scale;
    for (auto it = node.marks.rbegin(); it != node.marks.rend(); ++it) {
        draw_marker(canvas, theme, *it, {marker_x, y + 1.1 * scale}, k_marker * scale);
        marker_x -= (k_marker + 3.5) * scale;
    }
}

// The legend: a framed box with one entry (marker and label) per kind of mark the chart
// shows, and the note on what a manager's figures mean.
struct LegendLayout {
    std::vector<const OrgLegendEntry*> entries;
    std::vector<std::string> note_lines;
    double height = 0;
};

constexpr double k_legend_pad = 5;
constexpr double k_legend_row = 11;
constexpr double k_legend_leading = 9.5;
constexpr double k_legend_gap_after = 6;

LegendLayout lay_out_legend(const Flow& flow, const OrgChart& chart) {
    LegendLayout legend;
    for (const OrgMark mark : marks_present(chart)) {
        for (const OrgLegendEntry& entry : chart.legend) {
            if (entry.mark == mark) {
                legend.entries.push_back(&entry);
                break;
            }
        }
    }
    if (!chart.detail_note.empty() && any_detail(chart)) {
        legend.note_lines = wrap_text(chart.detail_note, flow.width() - 2 * k_legend_pad,
                                      flow.measure(FontWeight::regular, type::k_small));
    }
    if (legend.entries.empty() && legend.note_lines.empty()) {
        return legend;
    }
    legend.height = 2 * k_legend_pad + (legend.entries.empty() ? 0 : k_legend_row) +
                    static_cast<double>(legend.note_lines.size()) * k_legend_leading +
                    k_legend_gap_after;
    return legend;
}

void draw_legend(Flow& flow, const OrgChart& chart, const LegendLayout& legend) {
    if (legend.height <= 0) {
        return;
    }
    PdfCanvas& canvas = flow.canvas();
    const Theme& theme = flow.theme();
    const double box_height = legend.height - k_legend_gap_after;
    flow.ensure_space(box_height);
    const double top = flow.y();
    canvas.fill_rect(flow.left(), top, flow.width(), box_height, theme.tint_light);
    canvas.stroke_rect(flow.left(), top, flow.width(), box_height,
                       {theme.rule, 0.6, LineDash::solid});
    double baseline = top + k_legend_pad + canvas.cap_height(FontWeight::bold, type::k_small) + 1;
    if (!legend.entries.empty()) {
        const TextStyle title{FontWeight::bold, type::k_small, theme.text};
        const TextStyle label{FontWeight::regular, type::k_small, theme.text};
        double x = flow.left() + k_legend_pad;
        if (!chart.legend_title.empty()) {
            canvas.text(x, baseline, chart.legend_title, title);
            x += canvas.text_width(chart.legend_title, title.weight, title.size) + 10;
        }
        const double marker_y = baseline - canvas.cap_height(label.weight, label.size) / 2;
        for (const OrgLegendEntry* entry : legend.entries) {
            draw_marker(canvas, theme, entry->mark, {x + k_marker / 2, marker_y}, k_marker);
            x += k_marker + 3;
            canvas.text(x, baseline, entry->label, label);
            x += canvas.text_width(entry->label, label.weight, label.size) + 14;
        }
        baseline += k_legend_row;
    }
    const TextStyle note{FontWeight::regular, type::k_small, theme.muted};
    for (const std::string& line : legend.note_lines) {
        canvas.text(flow.left() + k_legend_pad, baseline, line, note);
        baseline += k_legend_leading;
    }
    flow.advance(legend.height);
}

// Depth-first order with, per row, whether each ancestor level still has siblings to come.
struct OutlineRow {
    std::size_t node;
    int depth;
    bool last_child;
    std::vector<bool> open_levels; // [k - 1]: the tree line of depth k continues past this row
};

void collect_rows(const OrgTree& tree, std::size_t node, int depth, bool last,
                  std::vector<bool>& open, std::vector<OutlineRow>& rows) {
    rows.push_back({node, depth, last, open});
    const auto& children = tree.children[node];
    open.push_back(false);
    for (std::size_t i = 0; i < children.size(); ++i) {
        const bool child_last = i + 1 == children.size();
        open.back() = !child_last;
        collect_rows(tree, children[i], depth + 1, child_last, open, rows);
    }
    open.pop_back();
}

void draw_outline(Flow& flow, const OrgChart& chart, const OrgTree& tree) {
    PdfCanvas& canvas = flow.canvas();
    const Theme& theme = flow.theme();
    constexpr double k_row = 15;
    constexpr double k_indent = 14;
    std::vector<OutlineRow> rows;
    std::vector<bool> open;
    for (const std::size_t root : tree.roots) {
        collect_rows(tree, root, 0, true, open, rows);
    }
    const TextStyle label{FontWeight::bold, 8, theme.text};
    const TextStyle sublabel{FontWeight::regular, 7.5, theme.muted};
    const StrokeStyle line{theme.rule, 0.7, LineDash::solid};
    const double ascent = canvas.cap_height(label.weight, label.size);
    for (const OutlineRow& row : rows) {
        if (k_row > flow.remaining()) {
            flow.new_page();
            flow.draw_wrapped(continued_title(flow.labels(), chart.title), flow.left(),
                              flow.width(), {FontWeight::bold, type::k_table, theme.muted},
                              type::k_table_leading + 2);
            flow.advance(2);
        }
        const double top = flow.y();
        const double middle = top + k_row / 2;
        // Lines of ancestors that have more children below pass through this row.
        for (int d = 1; d < row.depth; ++d) {
            if (row.open_levels[static_cast<std::size_t>(d - 1)]) {
                const double x = flow.left() + (d - 1) * k_indent + 4;
                canvas.line({x, top}, {x, top + k_row}, line);
            }
        }
        const double x = flow.left() + row.depth * k_indent;
        if (row.depth > 0) {
            const double elbow = x - k_indent + 4;
            canvas.line({elbow, top}, {elbow, row.last_child ? middle : top + k_row}, line);
            canvas.line({elbow, middle}, {x, middle}, line);
        }
        const OrgNode& node = chart.nodes[row.node];
        if (node.marks.empty()) {
            canvas.fill_rect(x, middle - 3, 6, 6, theme.primary);
        }
        double text_x = x + 10;
        // Marks follow the tree line's square, one marker each.
        for (std::size_t m = 0; m < node.marks.size(); ++m) {
            draw_marker(canvas, theme, node.marks[m], {x + 3 + 9 * static_cast<double>(m), middle},
                        k_marker);
            text_x = x + 3 + 9 * static_cast<double>(m) + 7;
        }
        const auto [name, name_size] = fit_text(flow, node.label, label.weight, label.size,
                                                k_min_name_size, flow.right() - text_x);
        canvas.text(text_x, middle + ascent / 2, name, {label.weight, name_size, label.colour});
        double sub_x = text_x + canvas.text_width(name, label.weight, name_size) + 8;
        for (const std::string* part : {&node.sublabel, &node.detail}) {
            if (part->empty() || sub_x >= flow.right() - 20) {
                continue;
            }
            const TextStyle style = part == &node.detail
                                        ? TextStyle{FontWeight::bold, 7.5, theme.primary_text}
                                        : sublabel;
            const std::string shown = truncate_to_width(*part, flow.right() - sub_x,
                                                        flow.measure(style.weight, style.size));
            canvas.text(sub_x, middle + ascent / 2, shown, style);
            sub_x += canvas.text_width(shown, style.weight, style.size) + 8;
        }
        flow.advance(k_row);
    }
}

struct Choice {
    OrgLayout layout;
    OrgLayoutOptions options;
    double scale = 0;
};

// From the most spread out arrangement to the most compact: the first that fits width x height
// at a readable scale wins; if none does, the one with the largest scale.
Choice choose_layout(const OrgTree& tree, double width, double height, bool detail_line) {
    struct Arrangement {
        LeafPlacement leaves;
        std::optional<int> comb_depth;
    };
    const Arrangement arrangements[] = {
        {LeafPlacement::side_by_side, std::nullopt},
        {LeafPlacement::stacked, std::nullopt},
        {LeafPlacement::stacked, 2},
        {LeafPlacement::stacked, 1},
    };
    Choice best;
    if (height <= 0) {
        return best;
    }
    for (const Arrangement& arrangement : arrangements) {
        for (const double max_width : {width, width / k_min_scale}) {
            OrgLayoutOptions options;
            options.max_width = max_width;
            options.leaves = arrangement.leaves;
            options.comb_depth = arrangement.comb_depth;
            if (detail_line) {
                options.box_height = 38;
            }
            OrgLayout layout = lay_out_org_tree(tree, options);
            const double scale = std::min({1.0, width / layout.width, height / layout.height});
            if (scale > best.scale + 1e-6) {
                best = {std::move(layout), options, scale};
            }
        }
        if (best.scale >= k_min_scale) {
            break;
        }
    }
    return best;
}

} // namespace

void draw_org_chart(Flow& flow, const OrgChart& chart, double keep_room) {
    if (chart.nodes.empty()) {
        flow.draw_block_title(chart.title, 0);
        flow.advance(type::k_block_gap);
        return;
    }
    const OrgTree tree = build_org_tree(chart.nodes);
    const LegendLayout legend = lay_out_legend(flow, chart);
    const bool detail_line = any_detail(chart);
    const double title_room = (chart.title.empty() ? 0 : 20) + legend.height;
    // Fit the rest of this page if that keeps the chart readable, else a fresh page. Leaving
    // keep_room below the chart for what follows, when that costs little, so that a short
    // table does not stand alone on the next page.
    Choice choice;
    if (keep_room > 0) {
        choice = choose_layout(tree, flow.width(), flow.remaining() - title_room - keep_room,
                               detail_line);
        if (choice.scale < k_min_scale) {
            const Choice full =
                choose_layout(tree, flow.width(), flow.page_height() - title_room, detail_line);
            choice = choose_layout(tree, flow.width(), flow.page_height() - title_room - keep_room,
                                   detail_line);
            if (choice.scale < k_min_scale || choice.scale < 0.9 * full.scale)
                choice.scale = 0; // not worth it: as without keep_room
        }
    }
    if (choice.scale < k_min_scale) {
        choice = choose_layout(tree, flow.width(), flow.remaining() - title_room, detail_line);
    }
    if (choice.scale < k_min_scale) {
        choice = choose_layout(tree, flow.width(), flow.page_height() - title_room, detail_line);
    }
    if (choice.scale < k_min_scale) {
        flow.draw_block_title(chart.title, legend.height + 3 * 15);
        draw_legend(flow, chart, legend);
        draw_outline(flow, chart, tree);
        flow.advance(type::k_block_gap);
        return;
    }
    const OrgLayout& layout = choice.layout;
    const OrgLayoutOptions& options = choice.options;
    const double scale = choice.scale;
    const double height = layout.height * scale;
    flow.draw_block_title(chart.title, legend.height + height);
    flow.ensure_space(legend.height + height);
    draw_legend(flow, chart, legend);
    const double origin_x = flow.left() + (flow.width() - layout.width * scale) / 2;
    const double origin_y = flow.y() + 4;
    const StrokeStyle connector{flow.theme().muted, 0.9 * scale, LineDash::solid};
    for (const std::vector<Point>& line : layout.connectors) {
        std::vector<Point> scaled;
        for (const Point& point : line) {
            scaled.push_back({origin_x + point.x * scale, origin_y + point.y * scale});
        }
        flow.canvas().polyline(scaled, connector);
    }
    for (const OrgBox& box : layout.boxes) {
        draw_box(flow, chart.nodes[box.node], origin_x + box.top_left.x * scale,
                 origin_y + box.top_left.y * scale, options.box_width * scale,
                 options.box_height * scale, scale, detail_line);
    }
    flow.advance(height + 6 + type::k_block_gap);
}

} // namespace planner::exporters
