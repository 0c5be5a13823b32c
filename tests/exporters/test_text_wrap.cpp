#include "exporters/pdf_canvas.hpp"
#include "exporters/pdf_renderer.hpp"
#include "exporters/text_wrap.hpp"
#include "exporters/utf8.hpp"

#include <catch2/catch.hpp>

using namespace planner::exporters;

namespace {

// Every code point is one unit wide; a space too.
double code_points_wide(std::string_view text) {
    return static_cast<double>(count_code_points(text));
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) {
        out += line;
    }
    return out;
}

} // namespace

TEST_CASE("a long word of multi-byte characters wraps into valid UTF-8 lines", "[wrap]") {
    std::string word;
    for (int i = 0; i < 25; ++i) {
        word += "ģķļņčžūīēā"; // 2-byte characters only
    }
    word += "€𝄞"; // a 3-byte and a 4-byte character at the end
    const auto lines = wrap_text(word, 7, code_points_wide);
    REQUIRE(lines.size() > 30);
    for (const std::string& line : lines) {
        CHECK(is_valid_utf8(line));
        CHECK(!line.empty());
        CHECK(code_points_wide(line) <= 7);
    }
    CHECK(joined(lines) == word); // nothing lost, nothing cut inside a character
}

TEST_CASE("wrapping breaks at spaces and honours newlines", "[wrap]") {
    const auto lines = wrap_text("Anna Bērziņa  Jānis Ozoliņš\nLīga", 13, code_points_wide);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "Anna Bērziņa");
    CHECK(lines[1] == "Jānis Ozoliņš");
    CHECK(lines[2] == "Līga");
    CHECK(wrap_text("", 10, code_points_wide).empty());
    CHECK(wrap_text("a\n\nb", 10, code_points_wide) == std::vector<std::string>{"a", "", "b"});
}

TEST_CASE("an over-long word prefers to break after a hyphen or slash", "[wrap]") {
    const auto lines = wrap_text("community-management/reporting", 12, code_points_wide);
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0] == "community-");
}

TEST_CASE("a width narrower than one character still makes progress", "[wrap]") {
    const auto lines = wrap_text("Šķēle", 0.1, code_points_wide);
    CHECK(lines == std::vector<std::string>{"Š", "ķ", "ē", "l", "e"});
}

TEST_CASE("invalid UTF-8 comes back as U+FFFD, never as a broken sequence", "[wrap][utf8]") {
    const std::string broken = "ab\xC4"     // a truncated 2-byte sequence
                               "cd\xE2\x82" // a truncated 3-byte sequence
                               "\xFF";      // never valid
    const auto lines = wrap_text(broken, 2, code_points_wide);
    for (const std::string& line : lines) {
        CHECK(is_valid_utf8(line));
    }
    CHECK(joined(lines) == "ab\uFFFDcd\uFFFD\uFFFD");
}

TEST_CASE("truncate_to_width cuts between code points and adds an ellipsis", "[wrap]") {
    CHECK(truncate_to_width("Šķēle", 5, code_points_wide) == "Šķēle");
    const std::string cut = truncate_to_width("Māris Šķēle", 7, code_points_wide);
    CHECK(cut == "Māris…");
    CHECK(is_valid_utf8(cut));
}

TEST_CASE("decode_utf8 rejects overlong forms and surrogates", "[utf8]") {
    CHECK_FALSE(decode_utf8("\xC0\xAF", 0).valid);         // overlong '/'
    CHECK_FALSE(decode_utf8("\xED\xA0\x80", 0).valid);     // U+D800
    CHECK_FALSE(decode_utf8("\xF4\x90\x80\x80", 0).valid); // > U+10FFFF
    const DecodedCodePoint e = decode_utf8("ē", 0);
    CHECK(e.valid);
    CHECK(e.value == 0x0113);
    CHECK(e.length == 2);
    CHECK(sanitize_utf8("a\x80z") == "a\uFFFDz");
}

TEST_CASE("wrapping with the embedded font's widths keeps lines inside the width", "[wrap][pdf]") {
    const PdfOptions defaults;
    PdfCanvas canvas({defaults.regular_font, defaults.bold_font});
    const MeasureText measure = canvas.measure(FontWeight::regular, 9);
    std::string text;
    for (int i = 0; i < 12; ++i) {
        text += "Ģirts Ķeniņš ŠķēleŠķēleŠķēleŠķēleŠķēleŠķēle ";
    }
    const auto lines = wrap_text(text, 80, measure);
    REQUIRE(lines.size() > 10);
    for (const std::string& line : lines) {
        CHECK(is_valid_utf8(line));
        CHECK(measure(line) <= 80.0001);
    }
    // Widths are additive, which wrap_text relies on.
    CHECK(measure("Šķē") == Approx(measure("Š") + measure("ķ") + measure("ē")));
    CHECK(measure("ā") > 0);
}
