#include "exporters/export_error.hpp"
#include "exporters/json_renderer.hpp"
#include "exporters/json_writer.hpp"

#include "tests/exporters/sample_document.hpp"
#include "tests/exporters/test_support.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <cmath>

using namespace planner::exporters;
using planner::exporters::testing::ScopedEnv;
using planner::exporters::testing::TempDir;

namespace {

// A strict RFC 8259 syntax check (no extensions), enough to prove the output parses.
class JsonChecker {
public:
    explicit JsonChecker(std::string_view text) : m_text(text) {}
    bool valid() {
        skip_space();
        if (!value()) {
            return false;
        }
        skip_space();
        return m_at == m_text.size();
    }

private:
    void skip_space() {
        while (m_at < m_text.size() &&
               std::string_view(" \t\r\n").find(m_text[m_at]) != std::string_view::npos) {
            ++m_at;
        }
    }
    bool literal(std::string_view word) {
        if (m_text.substr(m_at, word.size()) != word) {
            return false;
        }
        m_at += word.size();
        return true;
    }
    bool string() {
        if (m_text[m_at] != '"') {
            return false;
        }
        ++m_at;
        while (m_at < m_text.size()) {
            const auto c = static_cast<unsigned char>(m_text[m_at]);
            if (c < 0x20) {
                return false; // raw control character
            }
            if (c == '"') {
                ++m_at;
                return true;
            }
            if (c == '\\') {
                ++m_at;
                if (m_at >= m_text.size()) {
                    return false;
                }
                const char e = m_text[m_at];
                if (e == 'u') {
                    for (int i = 1; i <= 4; ++i) {
                        if (m_at + i >= m_text.size() || !std::isxdigit(m_text[m_at + i])) {
                            return false;
                        }
                    }
                    m_at += 4;
                } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                    return false;
                }
            }
            ++m_at;
        }
        return false;
    }
    bool number() {
        const std::size_t start = m_at;
        while (m_at < m_text.size() &&
               std::string_view("+-0123456789.eE").find(m_text[m_at]) != std::string_view::npos) {
            ++m_at;
        }
        return m_at > start;
    }
    template <typename Item> bool sequence(char close, Item item) {
        ++m_at;
        skip_space();
        if (m_at < m_text.size() && m_text[m_at] == close) {
            ++m_at;
            return true;
        }
        while (true) {
            skip_space();
            if (!item()) {
                return false;
            }
            skip_space();
            if (m_at >= m_text.size()) {
                return false;
            }
            if (m_text[m_at] == close) {
                ++m_at;
                return true;
            }
            if (m_text[m_at] != ',') {
                return false;
            }
            ++m_at;
        }
    }
    bool value() {
        if (m_at >= m_text.size()) {
            return false;
        }
        switch (m_text[m_at]) {
        case '{':
            return sequence('}', [this] {
                if (!string()) {
                    return false;
                }
                skip_space();
                if (m_at >= m_text.size() || m_text[m_at] != ':') {
                    return false;
                }
                ++m_at;
                skip_space();
                return value();
            });
        case '[':
            return sequence(']', [this] { return value(); });
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    std::string_view m_text;
    std::size_t m_at = 0;
};

} // namespace

TEST_CASE("JSON strings escape quotes, backslashes and control characters", "[json]") {
    CHECK(json_quote("plain") == "\"plain\"");
    CHECK(json_quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
    CHECK(json_quote("C:\\temp") == "\"C:\\\\temp\"");
    CHECK(json_quote("a\nb\tc\rd\be\ff") == "\"a\\nb\\tc\\rd\\be\\ff\"");
    CHECK(json_quote(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
    CHECK(json_quote("\x01\x1f") == "\"\\u0001\\u001f\"");
    CHECK(json_quote("line\u2028sep") == "\"line\\u2028sep\"");
}

TEST_CASE("JSON keeps UTF-8 as is and replaces invalid bytes", "[json]") {
    CHECK(json_quote("Māris Šķēle ģ ķ ļ ņ č ž ū ī ē ā") == "\"Māris Šķēle ģ ķ ļ ņ č ž ū ī ē ā\"");
    CHECK(json_quote("bad\xC3") == "\"bad\uFFFD\"");
}

TEST_CASE("JsonWriter nests, separates and indents deterministically", "[json]") {
    JsonWriter json;
    json.begin_object()
        .field("name", "Līga")
        .key("values")
        .begin_array()
        .write_number(1.5)
        .write_integer(-2)
        .write_null()
        .write_bool(true)
        .end_array()
        .key("empty")
        .begin_object()
        .end_object()
        .field_number("nan", std::nan(""))
        .end_object();
    CHECK(json.text() == "{\n"
                         "  \"name\": \"Līga\",\n"
                         "  \"values\": [\n"
                         "    1.5,\n"
                         "    -2,\n"
                         "    null,\n"
                         "    true\n"
                         "  ],\n"
                         "  \"empty\": {},\n"
                         "  \"nan\": null\n"
                         "}\n");
}

TEST_CASE("a compact container inside a pretty document stays on one line", "[json]") {
    JsonWriter json;
    json.begin_object()
        .key("items")
        .begin_array()
        .begin_object(JsonStyle::compact)
        .field("id", "a")
        .key("evidence")
        .begin_object()
        .key("hours")
        .write_number_text("12.50")
        .end_object()
        .end_object()
        .end_array()
        .key("counts")
        .begin_object(JsonStyle::compact)
        .field_integer("error", 1)
        .field_integer("info", 0)
        .end_object()
        .end_object();
    CHECK(json.text() == "{\n"
                         "  \"items\": [\n"
                         "    {\"id\": \"a\", \"evidence\": {\"hours\": 12.50}}\n"
                         "  ],\n"
                         "  \"counts\": {\"error\": 1, \"info\": 0}\n"
                         "}\n");
}

TEST_CASE("is_json_number accepts JSON's own number spelling only", "[json]") {
    for (const char* text : {"0", "-0", "12", "-12.5", "0.25", "100.00"})
        CHECK(planner::exporters::is_json_number(text));
    for (const char* text : {"", "-", "05", "1.", ".5", "1e3", "+1", "12 h", "NaN", "0x10"})
        CHECK_FALSE(planner::exporters::is_json_number(text));
}

TEST_CASE("the whole document renders as valid, deterministic JSON", "[json]") {
    const Document document = planner::exporters::testing::make_sample_document();
    const std::string first = render_json(document);
    CHECK(JsonChecker(first).valid());
    CHECK(first == render_json(document));
    CHECK(first.find("\"format\": \"planner-document\"") != std::string::npos);
    CHECK(first.find("\"created\": \"2025-01-01T00:00:00Z\"") != std::string::npos);
    CHECK(first.find("\"primary_colour\": \"#1f4e79\"") != std::string::npos);
    CHECK(first.find("\"type\": \"org_chart\"") != std::string::npos);
    CHECK(first.find("\"person\": \"Anna Bērziņa\"") != std::string::npos);
    CHECK(first.find("\"hours_per_week\": \"4.0\"") != std::string::npos); // cells stay strings
    CHECK(first.find("\"parent_id\": null") != std::string::npos);
    CHECK(first.find("\"level\": 2") != std::string::npos);
    // Keys come in the documented order, not alphabetically.
    CHECK(first.find("\"metadata\"") < first.find("\"cover\""));
    CHECK(first.find("\"cover\"") < first.find("\"sections\""));
}

TEST_CASE("JSON uses SOURCE_DATE_EPOCH when the document has no date", "[json]") {
    Document document;
    {
        ScopedEnv epoch("SOURCE_DATE_EPOCH", "1700000000");
        CHECK(render_json(document).find("\"created\": \"2023-11-14T22:13:20Z\"") !=
              std::string::npos);
    }
    ScopedEnv epoch("SOURCE_DATE_EPOCH", "yesterday");
    CHECK_THROWS_WITH(render_json(document),
                      "SOURCE_DATE_EPOCH is 'yesterday', not a number of seconds since 1970; "
                      "unset it or fix it");
}

TEST_CASE("a table with a repeated column key is refused in JSON", "[json]") {
    Document document;
    Section section;
    Table table;
    table.id = "roles";
    table.columns = {{"fte", "FTE", Alignment::right, 0, true},
                     {"fte", "FTE again", Alignment::right, 0, true}};
    section.blocks.push_back(table);
    document.sections.push_back(section);
    CHECK_THROWS_AS(render_json(document), ExportError);
}

TEST_CASE("write_json writes the file atomically", "[json]") {
    TempDir dir;
    const Document document = planner::exporters::testing::make_sample_document();
    write_json(document, dir / "report.json");
    CHECK(planner::exporters::testing::read_file(dir / "report.json") == render_json(document));
}
