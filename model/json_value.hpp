#pragma once
// A JSON value as plain data, for the edit API (JSON Patch on the plan's JSON form). Numbers
// keep the text they were written with, so a plan value round-trips through JSON unchanged;
// objects keep their members in order. Parsing is bounded (nesting depth, size of input).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planner::model {

struct Json {
    enum class Type { null, boolean, number, string, array, object };
    Type type = Type::null;
    bool boolean = false;
    std::string text; // a number's text or a string's value
    std::vector<Json> items;
    std::vector<std::pair<std::string, Json>> members;

    static Json null_value() { return Json{}; }
    static Json make_bool(bool b);
    static Json make_number(std::string text);
    static Json make_string(std::string text);
    static Json make_array() {
        Json j;
        j.type = Type::array;
        return j;
    }
    static Json make_object() {
        Json j;
        j.type = Type::object;
        return j;
    }

    bool is_object() const { return type == Type::object; }
    bool is_array() const { return type == Type::array; }
    bool is_string() const { return type == Type::string; }
    bool is_container() const { return type == Type::object || type == Type::array; }

    // The member `key` of an object, or null when there is none (or this is not an object).
    const Json* find(std::string_view key) const;
    Json* find(std::string_view key);
    // Sets (or adds at the end) member `key`.
    void set(const std::string& key, Json value);
    bool erase(std::string_view key);
};

// Equal as JSON values: numbers by value (0.50 == 0.5), objects regardless of member order.
bool operator==(const Json& a, const Json& b);
inline bool operator!=(const Json& a, const Json& b) {
    return !(a == b);
}

struct JsonParseError {
    size_t offset = 0;
    std::string message;
};

// Parses one JSON text (RFC 8259). Nesting deeper than `max_depth` is an error.
std::optional<Json> parse_json(std::string_view text, JsonParseError& error, size_t max_depth = 64);

// Compact JSON (no spaces), members in their order.
std::string write_json(const Json& value);
// A JSON string literal with quotes.
std::string json_quote(std::string_view text);

// JSON Pointer (RFC 6901) segment escaping: "~" -> "~0", "/" -> "~1", and back.
std::string pointer_escape(std::string_view segment);
std::string pointer_unescape(std::string_view segment);

} // namespace planner::model
