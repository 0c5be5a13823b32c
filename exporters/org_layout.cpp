#include "exporters/org_layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace planner::exporters {
namespace {

// A laid-out subtree in its own coordinates, (0, 0) at its top-left.
struct SubtreeBlock {
    double width = 0;
    double height = 0;
    double anchor = 0; // x of the centre of the subtree's root box (where its connector lands)
    std::vector<OrgBox> boxes;
    std::vector<std::vector<Point>> connectors;
};

void place(SubtreeBlock& into, const SubtreeBlock& block, double dx, double dy) {
    for (OrgBox box : block.boxes) {
        box.top_left.x += dx;
        box.top_left.y += dy;
        into.boxes.push_back(box);
    }
    for (std::vector<Point> line : block.connectors) {
        for (Point& point : line) {
            point.x += dx;
            point.y += dy;
        }
        into.connectors.push_back(std::move(line));
    }
}

class Layouter {
public:
    Layouter(const OrgTree& tree, const OrgLayoutOptions& options)
        : m_tree(tree), m_options(options) {}

    SubtreeBlock subtree(std::size_t node) const {
        const auto& children = m_tree.children[node];
        if (!children.empty() && m_options.comb_depth &&
            m_tree.depth[node] >= *m_options.comb_depth) {
            return comb(node);
        }
        if (children.empty()) {
            SubtreeBlock leaf;
            leaf.width = m_options.box_width;
            leaf.height = m_options.box_height;
            leaf.anchor = leaf.width / 2;
            leaf.boxes.push_back({node, {0, 0}});
            return leaf;
        }
        const bool all_leaves = std::all_of(children.begin(), children.end(), [this](auto child) {
            return m_tree.children[child].empty();
        });
        if (m_options.leaves == LeafPlacement::stacked && all_leaves && children.size() >= 2) {
            return stacked(node);
        }
        std::vector<SubtreeBlock> blocks;
        for (const std::size_t child : children) {
            blocks.push_back(subtree(child));
        }
        return with_parent(node, rows_of(std::move(blocks)));
    }

    // Root subtrees side by side, wrapped into rows (each row centred), with no connector
    // between them.
    SubtreeBlock forest() const {
        std::vector<SubtreeBlock> blocks;
        for (const std::size_t root : m_tree.roots) {
            blocks.push_back(subtree(root));
        }
        const std::vector<std::vector<SubtreeBlock>> rows = pack(blocks, m_options.max_width);
        SubtreeBlock out;
        for (const auto& row : rows) {
            out.width = std::max(out.width, width_of(row));
        }
        double y = 0;
        for (const auto& row : rows) {
            double x = (out.width - width_of(row)) / 2;
            double row_height = 0;
            for (const SubtreeBlock& block : row) {
                place(out, block, x, y);
                x += block.width + m_options.horizontal_gap;
                row_height = std::max(row_height, block.height);
            }
            y += row_height + m_options.vertical_gap;
        }
        out.height = std::max(0.0, y - m_options.vertical_gap);
        return out;
    }

private:
    using Rows = std::vector<std::vector<SubtreeBlock>>;
    static constexpr double k_gutter = 14;        // room for the spine of wrapped rows
    static constexpr double k_team_clearance = 7; // extra drop of a wrapped row below teams

    double width_of(const std::vector<SubtreeBlock>& row) const {
        if (row.empty()) {
            return 0;
        }
        double width = 0;
        for (const SubtreeBlock& block : row) {
            width += block.width;
        }
        return width + m_options.horizontal_gap * static_cast<double>(row.size() - 1);
    }

    // Greedy packing into rows no wider than max_width (a block wider than that gets a row of
    // its own).
    Rows pack(std::vector<SubtreeBlock>& blocks, double max_width) const {
        Rows rows(1);
        double used = 0;
        for (SubtreeBlock& block : blocks) {
            const double needed =
                rows.back().empty() ? block.width : used + m_options.horizontal_gap + block.width;
            if (!rows.back().empty() && needed > max_width) {
                rows.emplace_back();
                used = block.width;
            } else {
                used = needed;
            }
            rows.back().push_back(std::move(block));
        }
        return rows;
    }

    // One row when the children fit side by side, else rows that leave room for the spine.
    Rows rows_of(std::vector<SubtreeBlock> blocks) const {
        if (width_of(blocks) <= m_options.max_width) {
            Rows single;
            single.push_back(std::move(blocks));
            return single;
        }
        // Wrapped: the rows of people without reports first, then the rows of those who lead
        // a team, so that the manager's direct reports come one row after another and the
        // teams hang below them: a row's connector then runs under the manager's own people,
        // not under another manager's team (with_parent() sets a row that follows teams apart).
        std::vector<SubtreeBlock> solo;
        std::vector<SubtreeBlock> leads;
        for (SubtreeBlock& block : blocks)
            (block.boxes.size() == 1 ? solo : leads).push_back(std::move(block));
        Rows rows = pack(solo, m_options.max_width - k_gutter);
        if (rows.back().empty())
            rows.pop_back();
        for (auto& row : pack(leads, m_options.max_width - k_gutter))
            if (!row.empty())
                rows.push_back(std::move(row));
        return rows;
    }

    SubtreeBlock with_parent(std::size_t node, const Rows& rows) const {
        const double box_w = m_options.box_width;
        const double box_h = m_options.box_height;
        const double gap = m_options.vertical_gap;
        const bool wrapped = rows.size() > 1;
        const double indent = wrapped ? k_gutter : 0;

        double rows_width = 0;
        for (const auto& row : rows) {
            rows_width = std::max(rows_width, width_of(row));
        }
        SubtreeBlock out;
        out.width = std::max(box_w, indent + rows_width);
        double y = box_h;
        std::vector<double> bus_ys;
        std::vector<double> row_tops;
        std::vector<std::vector<double>> anchors;
        bool after_team = false;
        for (const auto& row : rows) {
            const double row_width = width_of(row);
            double x = wrapped ? indent : (out.width - row_width) / 2;
            // A wrapped row under a row of teams drops a little further and its connector runs
            // close above it: nearer the people it leads to than the team above.
            const double row_top = y + gap + (after_team ? k_team_clearance : 0);
            const double bus_drop = after_team ? k_team_clearance - 1 : gap / 2;
            after_team = std::any_of(row.begin(), row.end(), [](const SubtreeBlock& block) {
                return block.boxes.size() > 1;
            });
            double row_height = 0;
            anchors.emplace_back();
            for (const SubtreeBlock& block : row) {
                place(out, block, x, row_top);
                anchors.back().push_back(x + block.anchor);
                x += block.width + m_options.horizontal_gap;
                row_height = std::max(row_height, block.height);
            }
            bus_ys.push_back(row_top - bus_drop);
            row_tops.push_back(row_top);
            y = row_top + row_height;
        }
        out.height = y;

        // The parent sits centred over its first row of children.
        const auto& first = anchors.front();
        const double centre =
            std::clamp((first.front() + first.back()) / 2, box_w / 2, out.width - box_w / 2);
        out.anchor = centre;
        out.boxes.push_back({node, {centre - box_w / 2, 0}});

        const double spine = indent / 2;
        out.connectors.push_back({{centre, box_h}, {centre, bus_ys[0]}});
        for (std::size_t r = 0; r < anchors.size(); ++r) {
            double from = anchors[r].front();
            double to = anchors[r].back();
            if (r == 0) {
                from = std::min(from, centre);
                to = std::max(to, centre);
            }
            if (wrapped) {
                from = spine;
            }
            if (to - from > 0.01) {
                out.connectors.push_back({{from, bus_ys[r]}, {to, bus_ys[r]}});
            }
            for (const double anchor : anchors[r]) {
                out.connectors.push_back({{anchor, bus_ys[r]}, {anchor, row_tops[r]}});
            }
        }
        if (wrapped) {
            out.connectors.push_back({{spine, bus_ys.front()}, {spine, bus_ys.back()}});
        }
        return out;
    }

    // The whole subtree as one column: depth-first, each level indented by one step, each
    // parent's spine running down its indent to its last child.
    SubtreeBlock comb(std::size_t root) const {
        constexpr double k_indent = 16;
        const double box_w = m_options.box_width;
        const double box_h = m_options.box_height;
        SubtreeBlock out;
        out.anchor = box_w / 2;
        std::vector<Point> position(m_tree.children.size());
        double y = 0;
        int deepest = 0;
        // Depth-first, children in input order.
        std::vector<std::pair<std::size_t, int>> pending{{root, 0}};
        while (!pending.empty()) {
            const auto [node, level] = pending.back();
            pending.pop_back();
            position[node] = {level * k_indent, y};
            out.boxes.push_back({node, position[node]});
            deepest = std::max(deepest, level);
            y += box_h + m_options.stack_gap;
            const auto& children = m_tree.children[node];
            for (auto child = children.rbegin(); child != children.rend(); ++child) {
                pending.emplace_back(*child, level + 1);
            }
        }
        for (const OrgBox& box : out.boxes) {
            const auto& children = m_tree.children[box.node];
            if (children.empty()) {
                continue;
            }
            const double spine = box.top_left.x + k_indent / 2;
            const double last_middle = position[children.back()].y + box_h / 2;
            out.connectors.push_back({{spine, box.top_left.y + box_h}, {spine, last_middle}});
            for (const std::size_t child : children) {
                const double middle = position[child].y + box_h / 2;
                out.connectors.push_back({{spine, middle}, {position[child].x, middle}});
            }
        }
        out.width = box_w + deepest * k_indent;
        out.height = y - m_options.stack_gap;
        return out;
    }

    // Leaves in columns under the parent, each column hanging off its own spine to its left.
    SubtreeBlock stacked(std::size_t node) const {
        constexpr double k_spine_room = 16; // spine plus the gap to the boxes
        const auto& children = m_tree.children[node];
        const double box_w = m_options.box_width;
        const double box_h = m_options.box_height;
        const double pitch_x = box_w + k_spine_room;
        const auto fitting_columns =
            static_cast<std::size_t>(std::max(1.0, std::floor((m_options.max_width) / pitch_x)));
        const std::size_t wanted =
            (children.size() + m_options.stack_limit - 1) / m_options.stack_limit;
        const std::size_t columns = std::max<std::size_t>(1, std::min(wanted, fitting_columns));
        const std::size_t per_column = (children.size() + columns - 1) / columns;

        SubtreeBlock out;
        out.width = std::max(box_w, static_cast<double>(columns) * pitch_x);
        const double top = box_h + m_options.vertical_gap / 2;
        const double bus = box_h + m_options.vertical_gap / 4;
        // Parent box: centred when several columns, else aligned so its spine drops from it.
        const double parent_x = columns > 1 ? (out.width - box_w) / 2 : 0;
        out.boxes.push_back({node, {parent_x, 0}});
        const double parent_drop = columns > 1 ? out.width / 2 : k_spine_room / 2;
        out.anchor = parent_x + box_w / 2;
        double bottom = box_h;
        for (std::size_t c = 0; c < columns; ++c) {
            const double spine = static_cast<double>(c) * pitch_x + k_spine_room / 2;
            const double box_x = static_cast<double>(c) * pitch_x + k_spine_room;
            double last_middle = top;
            for (std::size_t i = c * per_column;
                 i < std::min(children.size(), (c + 1) * per_column); ++i) {
                const double y =
                    top + static_cast<double>(i - c * per_column) * (box_h + m_options.stack_gap);
                out.boxes.push_back({children[i], {box_x, y}});
                last_middle = y + box_h / 2;
                out.connectors.push_back({{spine, last_middle}, {box_x, last_middle}});
                bottom = std::max(bottom, y + box_h);
            }
            out.connectors.push_back({{spine, columns > 1 ? bus : box_h}, {spine, last_middle}});
        }
        if (columns > 1) {
            out.connectors.push_back({{parent_drop, box_h}, {parent_drop, bus}});
            out.connectors.push_back(
                {{k_spine_room / 2, bus},
                 {static_cast<double>(columns - 1) * pitch_x + k_spine_room / 2, bus}});
        }
        out.height = bottom;
        return out;
    }

    const OrgTree& m_tree;
    const OrgLayoutOptions& m_options;
};

} // namespace

OrgTree build_org_tree(const std::vector<OrgNode>& nodes) {
    const std::size_t count = nodes.size();
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < count; ++i) {
        index.emplace(nodes[i].id, i);
    }
    constexpr std::size_t k_none = static_cast<std::size_t>(-1);
    std::vector<std::size_t> parent(count, k_none);
    for (std::size_t i = 0; i < count; ++i) {
        if (nodes[i].parent_id) {
            const auto found = index.find(*nodes[i].parent_id);
            if (found != index.end() && found->second != i) {
                parent[i] = found->second;
            }
        }
    }
    // Drop the link that closes each cycle: walk up from every node; meeting a node of the
    // current walk again means a cycle, broken at the node where the walk re-entered it.
    enum class Mark { unvisited, on_walk, done };
    std::vector<Mark> marks(count, Mark::unvisited);
    for (std::size_t start = 0; start < count; ++start) {
        std::vector<std::size_t> walk;
        std::size_t at = start;
        while (at != k_none && marks[at] == Mark::unvisited) {
            marks[at] = Mark::on_walk;
            walk.push_back(at);
            if (parent[at] != k_none && marks[parent[at]] == Mark::on_walk) {
                parent[at] = k_none;
            }
            at = parent[at];
        }
        for (const std::size_t node : walk) {
            marks[node] = Mark::done;
        }
    }
    OrgTree tree;
    tree.children.resize(count);
    tree.depth.assign(count, 0);
    for (std::size_t i = 0; i < count; ++i) {
        if (parent[i] == k_none) {
            tree.roots.push_back(i);
        } else {
            tree.children[parent[i]].push_back(i);
        }
    }
    std::vector<std::size_t> pending = tree.roots;
    while (!pending.empty()) {
        const std::size_t node = pending.back();
        pending.pop_back();
        for (const std::size_t child : tree.children[node]) {
            tree.depth[child] = tree.depth[node] + 1;
            pending.push_back(child);
        }
    }
    return tree;
}

OrgLayout lay_out_org_tree(const OrgTree& tree, const OrgLayoutOptions& options) {
    const SubtreeBlock block = Layouter(tree, options).forest();
    OrgLayout layout;
    layout.boxes = block.boxes;
    layout.connectors = block.connectors;
    layout.width = block.width;
    layout.height = block.height;
    return layout;
}

} // namespace planner::exporters
