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

void check_layout(const std::vector<OrgNode>& nodes, const OrgLayoutOptions& options) {
    const OrgTree tree = build_org_tree(nodes);
    const OrgLayout layout = lay_out_org_tree(tree, options);
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
