#include "exporters/json_writer.hpp"

#include "exporters/number_format.hpp"
#include "exporters/utf8.hpp"

#include <cassert>
#include <charconv>
#include <cmath>

namespace planner::exporters {
namespace {

void append_escaped(std::string& out, std::string_view text) {
    static constexpr char k_hex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t offset = 0; offset < text.size();) {
        const DecodedCodePoint decoded = decode_utf8(text, offset);
        const char32_t c = decoded.value;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case 0x2028:
            out += "\\u2028";
            break;
        case 0x2029:
            out += "\\u2029";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += k_hex[c >> 4];
                out += k_hex[c & 0x0f];
            } else if (decoded.valid) {
                out.append(text.substr(offset, decoded.length));
            } else {
                append_utf8(out, k_replacement_character);
            }
        }
        offset += decoded.length;
    }
    out += '"';
}

} // namespace

std::string json_quote(std::string_view text) {
    std::string out;
    append_escaped(out, text);
    return out;
}

bool is_json_number(std::string_view text) {
    size_t i = 0;
    if (i < text.size() && text[i] == '-')
        ++i;
    if (i >= text.size() || text[i] < '0' || text[i] > '9')
        return false;
    if (text[i] == '0' && i + 1 < text.size() && text[i + 1] != '.')
        return false;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
        ++i;
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (i >= text.size() || text[i] < '0' || text[i] > '9')
            return false;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9')
            ++i;
    }
    return i == text.size();
}

bool JsonWriter::compact_here() const {
    return m_style == JsonStyle::compact || (!m_levels.empty() && m_levels.back().compact);
}

void JsonWriter::newline_and_indent() {
    if (compact_here())
        return;
    m_out += '\n';
    m_out.append(2 * m_levels.size(), ' ');
}

void JsonWriter::before_value() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    assert(m_levels.empty() || !m_levels.back().is_object);
    if (!m_levels.empty()) {
        if (!m_levels.back().empty) {
            m_out += compact_here() ? ", " : ",";
        }
        m_levels.back().empty = false;
        newline_and_indent();
    }
}

void JsonWriter::open(char bracket, bool is_object, JsonStyle inner) {
    before_value();
    m_out += bracket;
    const bool compact = inner == JsonStyle::compact || compact_here();
    m_levels.push_back({is_object, true, compact});
}

void JsonWriter::close(char bracket, bool is_object) {
    assert(!m_levels.empty() && m_levels.back().is_object == is_object && !m_after_key);
    (void)is_object;
    const bool was_empty = m_levels.back().empty;
    const bool was_compact = compact_here();
    m_levels.pop_back();
    if (!was_empty && !was_compact) {
        newline_and_indent();
    }
    m_out += bracket;
    if (m_levels.empty()) {
        m_out += '\n';
    }
}

JsonWriter& JsonWriter::begin_object(JsonStyle inner) {
    open('{', true, inner);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    close('}', true);
    return *this;
}

JsonWriter& JsonWriter::begin_array(JsonStyle inner) {
    open('[', false, inner);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    close(']', false);
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    assert(!m_levels.empty() && m_levels.back().is_object && !m_after_key);
    if (!m_levels.back().empty) {
        m_out += compact_here() ? ", " : ",";
    }
    m_levels.back().empty = false;
    newline_and_indent();
    append_escaped(m_out, name);
    m_out += ": ";
    m_after_key = true;
    return *this;
}

JsonWriter& JsonWriter::write_string(std::string_view text) {
    before_value();
    append_escaped(m_out, text);
    return *this;
}

JsonWriter& JsonWriter::write_number(double number) {
    if (!std::isfinite(number)) {
        return write_null();
    }
    before_value();
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    m_out.append(buffer, result.ptr);
    return *this;
}

JsonWriter& JsonWriter::write_fixed(double number, int decimals) {
    if (!std::isfinite(number)) {
        return write_null();
    }
    before_value();
    m_out += format_fixed(number, decimals);
    return *this;
}

JsonWriter& JsonWriter::write_integer(std::int64_t number) {
    before_value();
    m_out += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::write_bool(bool flag) {
    before_value();
    m_out += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::write_number_text(std::string_view text) {
    assert(is_json_number(text));
    before_value();
    m_out += text;
    return *this;
}

JsonWriter& JsonWriter::write_null() {
    before_value();
    m_out += "null";
    return *this;
}

JsonWriter& JsonWriter::field(std::string_view name, std::string_view text) {
    return key(name).write_string(text);
}

JsonWriter& JsonWriter::field_number(std::string_view name, double number) {
    return key(name).write_number(number);
}

JsonWriter& JsonWriter::field_integer(std::string_view name, std::int64_t number) {
    return key(name).write_integer(number);
}

JsonWriter& JsonWriter::field_bool(std::string_view name, bool flag) {
    return key(name).write_bool(flag);
}

JsonWriter& JsonWriter::field_fixed(std::string_view name, double number, int decimals) {
    return key(name).write_fixed(number, decimals);
}

JsonWriter& JsonWriter::field_null(std::string_view name) {
    return key(name).write_null();
}

std::string JsonWriter::drain() {
    std::string out = std::move(m_out);
    m_out.clear();
    return out;
}

std::string JsonWriter::take() {
    std::string out = std::move(m_out);
    m_out.clear();
    m_levels.clear();
    m_after_key = false;
    return out;
}

} // namespace planner::exporters
