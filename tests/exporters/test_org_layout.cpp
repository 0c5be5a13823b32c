#include "exporters/org_layout.hpp"

#include "tests/exporters/sample_document.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace planner::exporters;

namespace {

OrgNode node(const std::string& id, std::optional<std::string> parent) {
    return {id, id, "", std::move(parent), {}, ""};
}

bool overlaps(const OrgBox& a, const OrgBox& b, const OrgLayoutOptions& options) {
    const double w = options.box_width;
    const double h = options.box_height;
    return a.top_left.x < b.top_left.x + w - 0.01 && b.top_left.x < a.top_left.x + w - 0.01 &&
           a.top_left.y < b.top_left.y + h - 0.01 && b.top_left.y < a.top_left.y + h - 0.01;
}

// A bus is a horizontal connector with the boxes it leads to at most half a gap below it. The boxes
// right above it (at most one gap up, overlapping it sideways) must be their manager or the
// manager's own reports: a line just under someone else's people reads as theirs. Returns
// how many buses were checked.
int check_buses(const std::vector<OrgNode>& nodes, const OrgTree& tree, const OrgLayout& layout,
                const OrgLayoutOptions& options) {
    constexpr std::size_t k_none = static_cast<std::size_t>(-1);
    std::vector<std::size_t> parent(nodes.size(), k_none);
    for (std::size_t i = 0; i < tree.children.size(); ++i)
        for (const std::size_t child : tree.children[i])
            parent[child] = i;
    const double w = options.box_width;
    const double h = options.box_height;
    const double gap = options.vertical_gap;
    int checked = 0;
    for (const auto& line : layout.connectors) {
        if (line.size() != 2 || std::abs(line[0].y - line[1].y) > 0.01)
            continue;
        const double y = line[0].y;
        const double x0 = std::min(line[0].x, line[1].x);
        const double x1 = std::max(line[0].x, line[1].x);
        std::size_t manager = k_none;
        for (const OrgBox& box : layout.boxes) {
            const double centre = box.top_left.x + w / 2;
            const double below = box.top_left.y - y;
            if (below > 0.01 && below <= gap / 2 + 0.01 && centre >= x0 - 0.01 &&
                centre <= x1 + 0.01) {
                manager = parent[box.node];
            }
        }
        if (manager == k_none)
            continue;
        ++checked;
        for (const OrgBox& box : layout.boxes) {
            const double above = y - (box.top_left.y + h);
            const bool overlapping = box.top_left.x < x1 - 0.01 && box.top_left.x + w > x0 + 0.01;
            if (above > 0 && above <= gap + 0.01 && overlapping) {
                INFO("the connector to the reports of " << nodes[manager].id << " runs under "
                                                        << nodes[box.node].id);
                CHECK((box.node == manager || parent[box.node] == manager));
            }
        }
    }
    return checked;
}

void check_layout(const std::vector<OrgNode>& nodes, const OrgLayoutOptions& options) {
    const OrgTree tree = build_org_tree(nodes);
    const OrgLayout layout = lay_out_org_tree(tree, options);
    check_buses(nodes, tree, layout, options);
    REQUIRE(layout.boxes.size() == nodes.size());
    std::vector<std::size_t> seen;
    for (const OrgBox& box : layout.boxes) {
        seen.push_back(box.node);
        CHECK(box.top_left.x >= -0.01);
        CHECK(box.top_left.y >= -0.01);
        CHECK(box.top_left.x + options.box_width <= layout.width + 0.01);
        CHECK(box.top_left.y + options.box_height <= layout.height + 0.01);
    }
    std::sort(seen.begin(), seen.end());
    CHECK(std::adjacent_find(seen.begin(), seen.end()) == seen.end()); // each node once
    for (std::size_t i = 0; i < layout.boxes.size(); ++i) {
        for (std::size_t j = i + 1; j < layout.boxes.size(); ++j) {
            INFO(nodes[layout.boxes[i].node].id << " and " << nodes[layout.boxes[j].node].id);
            CHECK_FALSE(overlaps(layout.boxes[i], layout.boxes[j], options));
        }
    }
    // Connectors are horizontal or vertical segments inside the layout.
    for (const auto& line : layout.connectors) {
        for (std::size_t k = 1; k < line.size(); ++k) {
            const bool straight = std::abs(line[k].x - line[k - 1].x) < 0.01 ||
                                  std::abs(line[k].y - line[k - 1].y) < 0.01;
            CHECK(straight);
        }
        for (const Point& point : line) {
            CHECK(point.x >= -0.01);
            CHECK(point.x <= layout.width + 0.01);
        }
    }
}

} // namespace

TEST_CASE("the org tree comes from the parent links, cycles and unknown parents make roots",
          "[org]") {
    const std::vector<OrgNode> nodes = {
        node("head", std::nullopt), node("lead", "head"), node("member", "lead"),
        node("orphan", "nobody"),   node("a", "b"),       node("b", "a"),
        node("self", "self"),
    };
    const OrgTree tree = build_org_tree(nodes);
    CHECK(tree.children[0] == std::vector<std::size_t>{1});
    CHECK(tree.children[1] == std::vector<std::size_t>{2});
    CHECK(tree.depth[2] == 2);
    // Roots: head, orphan, one of the a/b cycle (the link that closes it is dropped), self.
    CHECK(tree.roots == std::vector<std::size_t>{0, 3, 5, 6});
    CHECK(tree.children[5] == std::vector<std::size_t>{4});
}

TEST_CASE("no org chart arrangement puts two boxes on top of each other", "[org]") {
    const auto chart = planner::exporters::testing::make_org_chart();
    REQUIRE(chart.nodes.size() == 40);
    for (const LeafPlacement leaves : {LeafPlacement::side_by_side, LeafPlacement::stacked}) {
        for (const std::optional<int> comb : {std::optional<int>{}, std::optional<int>{2},
                                              std::optional<int>{1}, std::optional<int>{0}}) {
            OrgLayoutOptions options;
            options.leaves = leaves;
            options.comb_depth = comb;
            options.max_width = 480;
            check_layout(chart.nodes, options);
        }
    }
}

TEST_CASE("a wide level wraps into rows within the page width", "[org]") {
    std::vector<OrgNode> nodes = {node("head", std::nullopt)};
    for (int i = 0; i < 12; ++i) {
        const std::string lead = "lead" + std::to_string(i);
        nodes.push_back(node(lead, "head"));
        nodes.push_back(node(lead + "-a", lead));
        nodes.push_back(node(lead + "-b", lead));
    }
    OrgLayoutOptions options;
    options.max_width = 480;
    options.leaves = LeafPlacement::stacked;
    const OrgLayout layout = lay_out_org_tree(build_org_tree(nodes), options);
    CHECK(layout.width <= 480);
    check_layout(nodes, options);
}

TEST_CASE("the 40-person sample fits a portrait page in a compact arrangement", "[org]") {
    const auto chart = planner::exporters::testing::make_org_chart();
    OrgLayoutOptions options;
    options.max_width = 482 / 0.78;
    options.leaves = LeafPlacement::stacked;
    const OrgLayout layout = lay_out_org_tree(build_org_tree(chart.nodes), options);
    const double scale = std::min({1.0, 482 / layout.width, 680 / layout.height});
    CHECK(scale >= 0.78);
}

TEST_CASE("wrapped reports put people without reports first, teams below them", "[org]") {
    // The head's first report leads a team; six people without reports follow. Wrapped, the
    // six come first so that no row's connector runs under the team lead's people.
    std::vector<OrgNode> nodes = {node("head", std::nullopt), node("lead", "head"),
                                  node("lead-a", "lead"), node("lead-b", "lead")};
    for (int i = 0; i < 6; ++i)
        nodes.push_back(node("solo" + std::to_string(i), "head"));
    OrgLayoutOptions options;
    options.max_width = 480;
    const OrgLayout layout = lay_out_org_tree(build_org_tree(nodes), options);
    check_layout(nodes, options);
    auto top_of = [&](const std::string& id) {
        for (const OrgBox& box : layout.boxes)
            if (nodes[box.node].id == id)
                return box.top_left.y;
        FAIL("no box for " << id);
        return 0.0;
    };
    for (int i = 0; i < 6; ++i) {
        CHECK(top_of("solo" + std::to_string(i)) <= top_of("lead"));
        CHECK(top_of("solo" + std::to_string(i)) < top_of("lead-a"));
    }
}

TEST_CASE("a wrapped row's connector never runs under another manager's people", "[org]") {
    // As in the retail sample: the head's first reports lead teams of one and three people,
    // five people without reports follow; they wrap into rows.
    std::vector<OrgNode> nodes = {node("head", std::nullopt), node("lead1", "head"),
                                  node("lead1-a", "lead1"), node("lead2", "head")};
    for (int i = 0; i < 3; ++i)
        nodes.push_back(node("lead2-" + std::to_string(i), "lead2"));
    for (int i = 0; i < 5; ++i)
        nodes.push_back(node("solo" + std::to_string(i), "head"));
    // And a manager with so many teams that they take several rows.
    nodes.push_back(node("big", std::nullopt));
    for (int i = 0; i < 9; ++i) {
        const std::string lead = "big" + std::to_string(i);
        nodes.push_back(node(lead, "big"));
        nodes.push_back(node(lead + "-a", lead));
        nodes.push_back(node(lead + "-b", lead));
    }
    for (const LeafPlacement leaves : {LeafPlacement::side_by_side, LeafPlacement::stacked}) {
        for (const double max_width : {482.0, 482 / 0.78}) {
            OrgLayoutOptions options;
            options.leaves = leaves;
            options.max_width = max_width;
            const OrgTree tree = build_org_tree(nodes);
            const OrgLayout layout = lay_out_org_tree(tree, options);
            CHECK(check_buses(nodes, tree, layout, options) >= 4);
            check_layout(nodes, options);
        }
    }
}
