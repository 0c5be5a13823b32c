#pragma once
// A small streaming JSON writer: what is written is what comes out, in the order written, so
// the output is as deterministic as the calls. Pretty-printed with two-space indentation and
// a final newline. Strings are escaped per RFC 8259 (quote, backslash, control characters,
// plus U+2028/U+2029 so the text is also safe inside JavaScript); invalid UTF-8 becomes U+FFFD.
// Two layouts: `pretty` (one value a line) for documents, `compact` (one line, ", " and ": "
// separators) for command output, which stays readable in a terminal and greppable.
// Calls must nest correctly (a key before each value in an object); that is the caller's
// contract, checked only by assertions.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace planner::exporters {

enum class JsonStyle { pretty, compact };

class JsonWriter {
public:
    explicit JsonWriter(JsonStyle style = JsonStyle::pretty) : m_style(style) {}

    // A container opened with JsonStyle::compact is written on one line even inside a pretty
    // document (`"evidence": {"a": 1, "b": "x"}`); everything inside it is compact too.
    JsonWriter& begin_object(JsonStyle inner = JsonStyle::pretty);
    JsonWriter& end_object();
    JsonWriter& begin_array(JsonStyle inner = JsonStyle::pretty);
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);

    JsonWriter& write_string(std::string_view text);
    // Shortest text that reads back as the same double; NaN and infinities are written as null.
    JsonWriter& write_number(double number);
    JsonWriter& write_integer(std::int64_t number);
    // The number rounded to `decimals` places and written with exactly that many ("12.50"),
    // as format_fixed() writes it for text and CSV; NaN and infinities are written as null.
    JsonWriter& write_fixed(double number, int decimals);
    JsonWriter& write_bool(bool flag);
    // A number already written as JSON text ("12", "-0.25"), kept exactly as given; the
    // caller checks it with is_json_number().
    JsonWriter& write_number_text(std::string_view text);
    JsonWriter& write_null();

    // Shorthands for key(name).write_*(value).
    JsonWriter& field(std::string_view name, std::string_view text);
    JsonWriter& field_number(std::string_view name, double number);
    JsonWriter& field_integer(std::string_view name, std::int64_t number);
    JsonWriter& field_fixed(std::string_view name, double number, int decimals);
    JsonWriter& field_null(std::string_view name);
    JsonWriter& field_bool(std::string_view name, bool flag);

    // The text so far; complete once every container is closed.
    const std::string& text() const { return m_out; }
    std::string take();
    // The text written since the last drain, removed from the writer, which stays where it
    // is in the document: for a document written out in pieces.
    std::string drain();

private:
    struct Level {
        bool is_object = false;
        bool empty = true;
        bool compact = false;
    };

    bool compact_here() const;

    void before_value();
    void open(char bracket, bool is_object, JsonStyle inner);
    void close(char bracket, bool is_object);
    void newline_and_indent();

    JsonStyle m_style = JsonStyle::pretty;
    std::string m_out;
    std::vector<Level> m_levels;
    bool m_after_key = false;
};

// Whether text is a JSON number as RFC 8259 spells it, without exponent ("0.5", "-12", not
// "05", "1.", "1e3").
bool is_json_number(std::string_view text);

// text as a quoted, escaped JSON string.
std::string json_quote(std::string_view text);

} // namespace planner::exporters
