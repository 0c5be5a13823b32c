#include "exporters/document.hpp"
#include "exporters/export_error.hpp"
#include "exporters/utc_time.hpp"

#include "tests/exporters/test_support.hpp"

#include <catch2/catch.hpp>

using namespace planner::exporters;
using planner::exporters::testing::ScopedEnv;

TEST_CASE("hex colours parse with or without '#', and print back in lower case", "[document]") {
    CHECK(parse_hex_colour("#1F4E79") == Rgb{0x1f, 0x4e, 0x79});
    CHECK(parse_hex_colour("c0392b") == Rgb{0xc0, 0x39, 0x2b});
    CHECK_FALSE(parse_hex_colour("#12345"));
    CHECK_FALSE(parse_hex_colour("#12345g"));
    CHECK(to_hex_colour({0x1f, 0x4e, 0x79}) == "#1f4e79");
}

TEST_CASE("the creation time comes from the document, then SOURCE_DATE_EPOCH", "[document]") {
    DocumentMetadata metadata;
    metadata.created_unix = 42;
    {
        ScopedEnv epoch("SOURCE_DATE_EPOCH", "1700000000");
        CHECK(resolve_creation_time(metadata) == 42);
        metadata.created_unix.reset();
        CHECK(resolve_creation_time(metadata) == 1700000000);
    }
    for (const char* bad : {"", "-5", "12abc", "1.5"}) {
        ScopedEnv epoch("SOURCE_DATE_EPOCH", bad);
        CHECK_THROWS_AS(resolve_creation_time(metadata), ExportError);
    }
    ScopedEnv unset("SOURCE_DATE_EPOCH", nullptr);
    CHECK(resolve_creation_time(metadata) > 1700000000); // now
}

TEST_CASE("UTC calendar fields from Unix time", "[document]") {
    CHECK(iso8601_utc(0) == "1970-01-01T00:00:00Z");
    CHECK(iso8601_utc(951782400) == "2000-02-29T00:00:00Z");
    CHECK(iso8601_utc(1735689599) == "2024-12-31T23:59:59Z");
    CHECK(iso8601_utc(4102444800) == "2100-01-01T00:00:00Z");
}

TEST_CASE("collect_tables walks sections depth first, blocks before subsections", "[document]") {
    Document document;
    Section first;
    Table a;
    a.id = "a";
    Table b;
    b.id = "b";
    Table c;
    c.id = "c";
    Section nested;
    nested.blocks.push_back(b);
    first.blocks.push_back(a);
    first.blocks.push_back(Paragraph{"text", ParagraphStyle::body});
    first.subsections.push_back(nested);
    Section second;
    second.blocks.push_back(c);
    document.sections = {first, second};
    std::vector<std::string> ids;
    for (const Table* table : collect_tables(document)) {
        ids.push_back(table->id);
    }
    CHECK(ids == std::vector<std::string>{"a", "b", "c"});
    CHECK(block_type_name(Block{PageBreak{}}) == "page_break");
    CHECK(block_type_name(Block{Matrix{}}) == "matrix");
}
