// Ids kept once per process (model/ids.hpp) and the packed YAML tree (model/yaml_tree.hpp):
// ids compare, sort and hash by their text; scalar texts come back exactly, whether they are a
// slice of the file (plain) or made by the parser (escapes, folded lines).
#include "model/ids.hpp"
#include "model/yaml_tree.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

using namespace planner::model;

TEST_CASE("Ids compare, sort and hash by their text") {
    const PersonId a("anna"), a_again(std::string("an") + "na"), b("bob"), none;
    REQUIRE(a == a_again);
    REQUIRE(&a.str() == &a_again.str()); // one text for both
    REQUIRE(a != b);
    REQUIRE(a < b);
    REQUIRE_FALSE(b < a);
    REQUIRE_FALSE(a < a_again);
    REQUIRE(none.empty());
    REQUIRE(none == PersonId(""));
    REQUIRE(none.str().empty());
    REQUIRE(none < a);
    REQUIRE(std::hash<PersonId>()(a) == std::hash<std::string>()("anna"));
    REQUIRE(std::hash<PersonId>()(none) == std::hash<std::string>()(""));
    // Sorting is alphabetical, not by when an id was first seen.
    std::vector<PersonId> ids{PersonId("zz-last"), PersonId("aa-first"), PersonId("mm")};
    std::sort(ids.begin(), ids.end());
    REQUIRE(ids.front().str() == "aa-first");
    REQUIRE(ids.back().str() == "zz-last");
    // Ids of different kinds with one text share it and stay apart by type.
    REQUIRE(ChannelId("anna").str() == a.str());
}

TEST_CASE("Ids made on several threads at once are one per text") {
    std::vector<std::vector<PersonId>> made(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < made.size(); ++t)
        threads.emplace_back([&made, t] {
            for (int i = 0; i < 2000; ++i)
                made[t].emplace_back("threaded-" + std::to_string(i));
        });
    for (std::thread& thread : threads)
        thread.join();
    for (size_t t = 1; t < made.size(); ++t)
        for (size_t i = 0; i < made[t].size(); ++i)
            REQUIRE(&made[t][i].str() == &made[0][i].str());
    std::unordered_set<PersonId> distinct(made[2].begin(), made[2].end());
    REQUIRE(distinct.size() == 2000);
}

TEST_CASE("A parsed tree gives each scalar's text, position and style") {
    const std::string text = "plain: word\n"
                             "quoted: \"a \\\"b\\\" \\u0101\"\n"
                             "single: 'it''s'\n"
                             "folded: >\n"
                             "  one\n"
                             "  two\n"
                             "list: [x, 'y', \"\"]\n"
                             "empty:\n";
    YamlTree tree;
    YamlError error;
    REQUIRE(tree.parse(text, error));
    const YamlNode root = tree.node(tree.root());
    REQUIRE(root.kind == YamlKind::mapping);
    REQUIRE(root.child_count == 12);
    auto value = [&](uint32_t entry) { return tree.node(tree.child(root, 2 * entry + 1)); };
    REQUIRE(tree.node(tree.child(root, 0)).text == "plain");
    REQUIRE(value(0).text == "word");
    REQUIRE(value(0).plain);
    REQUIRE(value(0).offset == text.find("word"));
    REQUIRE(value(1).text == "a \"b\" \xC4\x81");
    REQUIRE_FALSE(value(1).plain);
    REQUIRE(value(2).text == "it's");
    REQUIRE(value(3).text == "one two\n");
    const YamlNode list = value(4);
    REQUIRE(list.kind == YamlKind::sequence);
    REQUIRE(list.child_count == 3);
    REQUIRE(tree.node(tree.child(list, 0)).text == "x");
    REQUIRE(tree.node(tree.child(list, 1)).text == "y");
    REQUIRE(tree.node(tree.child(list, 2)).text.empty());
    REQUIRE(tree.is_null(tree.child(root, 11)));
    const YamlPosition at = tree.position(text.find("one"));
    REQUIRE(at.line == 5);
    REQUIRE(at.column == 3);
}
