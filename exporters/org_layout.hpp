#pragma once
// Layout of an org chart from its parent links, independent of any drawing library.
//
// The tree is laid out top-down: a parent centred over its children, children side by side.
// Three measures keep a 40+ person chart on a portrait page, from mild to strong:
//  - when a parent's children are all leaves, they may be stacked in a column (a "comb")
//    under the parent instead of side by side (OrgLayoutOptions::leaves);
//  - from a given depth on, a whole subtree may be drawn as one indented column: each person
//    below their manager, shifted right by one step per level (OrgLayoutOptions::comb_depth);
//  - when a row of child subtrees is wider than max_width, it wraps into several rows that
//    hang off a spine on the left: first the rows of people without reports, then the rows
//    of those who lead a team, so that a row's connector runs under the manager's own people;
//    a row below a row of teams drops a little further, its connector close above it.
// Connectors are orthogonal polylines that never cross a box.

#include "exporters/document.hpp"
#include "exporters/geometry.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace planner::exporters {

// The forest the parent links describe. A parent id that is missing, unknown or the node
// itself makes a root; a link that would close a cycle is dropped (the node becomes a root).
// When ids repeat, links resolve to the first node with that id.
struct OrgTree {
    std::vector<std::vector<std::size_t>> children; // per node, in input order
    std::vector<std::size_t> roots;                 // in input order
    std::vector<int> depth;                         // 0 for roots
};

OrgTree build_org_tree(const std::vector<OrgNode>& nodes);

enum class LeafPlacement { side_by_side, stacked };

struct OrgLayoutOptions {
    double box_width = 92;
    double box_height = 30;
    double horizontal_gap = 10;  // between sibling subtrees
    double vertical_gap = 20;    // between a parent and its children
    double stack_gap = 5;        // between stacked leaves
    std::size_t stack_limit = 8; // stacked leaves per column before a new column
    double max_width = 480;
    LeafPlacement leaves = LeafPlacement::side_by_side;
    // Subtrees rooted at this depth (0 = the roots) are drawn as indented columns; none: never.
    std::optional<int> comb_depth;
};

struct OrgBox {
    std::size_t node = 0; // index into OrgChart::nodes
    Point top_left;
};

struct OrgLayout {
    std::vector<OrgBox> boxes; // one per node
    std::vector<std::vector<Point>> connectors;
    double width = 0;
    double height = 0;
};

OrgLayout lay_out_org_tree(const OrgTree& tree, const OrgLayoutOptions& options);

} // namespace planner::exporters
