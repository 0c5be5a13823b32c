// Org charts: the tidy top-down tree from org_layout when it fits the page at a readable
// scale, else an indented outline (one row per person, tree lines on the left) that runs
// across as many pages as it needs.

#include "exporters/org_layout.hpp"
#include "exporters/pdf_blocks.hpp"

#include <algorithm>

namespace planner::exporters {
namespace {

constexpr double k_min_scale = 0.78; // below this, labels get too small to read
constexpr double k_label_size = 7.4;
constexpr double k_sublabel_size = 6.5;

void draw_box(Flow& flow, const OrgNode& node, double x, double y, double width, double height,
              double scale) {
    PdfCanvas& canvas = flow.canvas();
    const Theme& theme = flow.theme();
    const Rgb accent = node.highlight ? theme.status(StatusColour::amber) : theme.primary;
    canvas.fill_rect(x, y, width, height,
                     node.highlight ? theme.status_tint(StatusColour::amber) : theme.white);
    canvas.stroke_rect(x, y, width, height,
                       {node.highlight ? accent : theme.rule, 0.6 * scale, LineDash::solid});
    canvas.fill_rect(x, y, width, 2.2 * scale, accent);
    const double pad = 5 * scale;
    const TextStyle label{FontWeight::bold, k_label_size * scale, theme.text};
    const TextStyle sublabel{FontWeight::regular, k_sublabel_size * scale, theme.muted};
    const double room = width - 2 * pad;
    const bool two_lines = !node.sublabel.empty();
    const double label_baseline = y + (two_lines ? 13.5 : 18.5) * scale;
    canvas.text_aligned(x + pad, room, label_baseline,
                        truncate_to_width(node.label, room, flow.measure(label.weight, label.size)),
                        label, Alignment::centre);
    if (two_lines) {
        canvas.text_aligned(
            x + pad, room, y + 23.5 * scale,
            truncate_to_width(node.sublabel, room, flow.measure(sublabel.weight, sublabel.size)),
            sublabel, Alignment::centre);
    }
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
        canvas.fill_rect(x, middle - 3, 6, 6,
                         node.highlight ? theme.status(StatusColour::amber) : theme.primary);
        const double text_x = x + 10;
        const double name_width = std::min(canvas.text_width(node.label, label.weight, label.size),
                                           flow.right() - text_x);
        canvas.text(text_x, middle + ascent / 2,
                    truncate_to_width(node.label, flow.right() - text_x,
                                      flow.measure(label.weight, label.size)),
                    label);
        const double sub_x = text_x + name_width + 8;
        if (!node.sublabel.empty() && sub_x < flow.right() - 20) {
            canvas.text(sub_x, middle + ascent / 2,
                        truncate_to_width(node.sublabel, flow.right() - sub_x,
                                          flow.measure(sublabel.weight, sublabel.size)),
                        sublabel);
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
Choice choose_layout(const OrgTree& tree, double width, double height) {
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

void draw_org_chart(Flow& flow, const OrgChart& chart) {
    if (chart.nodes.empty()) {
        flow.draw_block_title(chart.title, 0);
        flow.advance(type::k_block_gap);
        return;
    }
    const OrgTree tree = build_org_tree(chart.nodes);
    const double title_room = chart.title.empty() ? 0 : 20;
    // Fit the rest of this page if that keeps the chart readable, else a fresh page.
    Choice choice = choose_layout(tree, flow.width(), flow.remaining() - title_room);
    if (choice.scale < k_min_scale) {
        choice = choose_layout(tree, flow.width(), flow.page_height() - title_room);
    }
    if (choice.scale < k_min_scale) {
        flow.draw_block_title(chart.title, 3 * 15);
        draw_outline(flow, chart, tree);
        flow.advance(type::k_block_gap);
        return;
    }
    const OrgLayout& layout = choice.layout;
    const OrgLayoutOptions& options = choice.options;
    const double scale = choice.scale;
    const double height = layout.height * scale;
    flow.draw_block_title(chart.title, height);
    flow.ensure_space(height);
    const double origin_x = flow.left() + (flow.width() - layout.width * scale) / 2;
    const double origin_y = flow.y() + 2;
    const StrokeStyle connector{flow.theme().rule, 0.9 * scale, LineDash::solid};
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
                 options.box_height * scale, scale);
    }
    flow.advance(height + 4 + type::k_block_gap);
}

} // namespace planner::exporters
