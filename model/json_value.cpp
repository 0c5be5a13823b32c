#include "model/json_value.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace planner::model {

Json Json::make_bool(bool b) {
    Json j;
    j.type = Type::boolean;
    j.boolean = b;
    return j;
}
Json Json::make_number(std::string text) {
    Json j;
    j.type = Type::number;
    j.text = std::move(text);
    return j;
}
Json Json::make_string(std::string text) {
    Json j;
    j.type = Type::string;
    j.text = std::move(text);
    return j;
}

const Json* Json::find(std::string_view key) const {
    if (type != Type::object)
        return nullptr;
    for (const auto& [k, v] : members)
        if (k == key)
            return &v;
    return nullptr;
}
Json* Json::find(std::string_view key) {
    return const_cast<Json*>(static_cast<const Json*>(this)->find(key));
}
void Json::set(const std::string& key, Json value) {
    if (Json* existing = find(key)) {
        *existing = std::move(value);
        return;
    }
    members.emplace_back(key, std::move(value));
}
bool Json::erase(std::string_view key) {
    auto it =
        std::find_if(members.begin(), members.end(), [&](const auto& m) { return m.first == key; });
    if (it == members.end())
        return false;
    members.erase(it);
    return true;
}

bool operator==(const Json& a, const Json& b) {
    if (a.type != b.type)
        return false;
    switch (a.type) {
    case Json::Type::null:
        return true;
    case Json::Type::boolean:
        return a.boolean == b.boolean;
    case Json::Type::number:
        return a.text == b.text ||
               std::strtod(a.text.c_str(), nullptr) == std::strtod(b.text.c_str(), nullptr);
    case Json::Type::string:
        return a.text == b.text;
    case Json::Type::array:
        return a.items == b.items;
    case Json::Type::object:
        if (a.members.size() != b.members.size())
            return false;
        for (const auto& [k, v] : a.members) {
            const Json* other = b.find(k);
            if (!other || !(*other == v))
                return false;
        }
        return true;
    }
    return false;
}

namespace {

class Parser {
public:
    Parser(std::string_view text, JsonParseError& error, size_t max_depth)
        : m_text(text), m_error(error), m_max_depth(max_depth) {}

    std::optional<Json> document() {
        Json value;
        if (!parse_value(value, 0))
            return std::nullopt;
        skip_space();
        if (m_pos != m_text.size())
            return fail("unexpected text after the JSON value");
        return value;
    }

private:
    std::nullopt_t fail(const std::string& message) {
        if (m_error.message.empty()) {
            m_error.offset = m_pos;
            m_error.message = message;
        }
        return std::nullopt;
    }
    void skip_space() {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' ||
                                         m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }
    bool literal(std::string_view word) {
        if (m_text.substr(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }
    bool parse_value(Json& out, size_t depth) {
        if (depth > m_max_depth) {
            fail("the JSON is nested too deeply");
            return false;
        }
        skip_space();
        if (m_pos >= m_text.size()) {
            fail("the JSON ends where a value should be");
            return false;
        }
        char c = m_text[m_pos];
        if (c == '{') {
            ++m_pos;
            out = Json::make_object();
            skip_space();
            if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                ++m_pos;
                return true;
            }
            for (;;) {
                skip_space();
                std::string key;
                if (m_pos >= m_text.size() || m_text[m_pos] != '"' || !parse_string(key)) {
                    fail("a member name in double quotes expected");
                    return false;
                }
                skip_space();
                if (m_pos >= m_text.size() || m_text[m_pos] != ':') {
                    fail("':' expected after a member name");
                    return false;
                }
                ++m_pos;
                Json value;
                if (!parse_value(value, depth + 1))
                    return false;
                out.set(key, std::move(value));
                skip_space();
                if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                    ++m_pos;
                    return true;
                }
                fail("',' or '}' expected");
                return false;
            }
        }
        if (c == '[') {
            ++m_pos;
            out = Json::make_array();
            skip_space();
            if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                ++m_pos;
                return true;
            }
            for (;;) {
                Json value;
                if (!parse_value(value, depth + 1))
                    return false;
                out.items.push_back(std::move(value));
                skip_space();
                if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                    ++m_pos;
                    return true;
                }
                fail("',' or ']' expected");
                return false;
            }
        }
        if (c == '"') {
            std::string s;
            if (!parse_string(s))
                return false;
            out = Json::make_string(std::move(s));
            return true;
        }
        if (literal("true")) {
            out = Json::make_bool(true);
            return true;
        }
        if (literal("false")) {
            out = Json::make_bool(false);
            return true;
        }
        if (literal("null")) {
            out = Json{};
            return true;
        }
        size_t start = m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == '-')
            ++m_pos;
        auto digits = [&]() {
            size_t s = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            return m_pos - s;
        };
        size_t int_start = m_pos;
        if (digits() == 0) {
            fail("a JSON value expected");
            return false;
        }
        if (m_text[int_start] == '0' && m_pos - int_start > 1) {
            fail("a number may not start with 0");
            return false;
        }
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            if (digits() == 0) {
                fail("digits expected after '.'");
                return false;
            }
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
                ++m_pos;
            if (digits() == 0) {
                fail("digits expected in the exponent");
                return false;
            }
        }
        out = Json::make_number(std::string(m_text.substr(start, m_pos - start)));
        return true;
    }
    static void append_utf8(std::string& s, unsigned cp) {
        if (cp < 0x80) {
            s += static_cast<char>(cp);
        } else if (cp < 0x800) {
            s += static_cast<char>(0xC0 | (cp >> 6));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s += static_cast<char>(0xE0 | (cp >> 12));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            s += static_cast<char>(0xF0 | (cp >> 18));
            s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    bool hex4(unsigned& out) {
        if (m_pos + 4 > m_text.size())
            return false;
        out = 0;
        for (int i = 0; i < 4; ++i) {
            char h = m_text[m_pos++];
            out <<= 4;
            if (h >= '0' && h <= '9')
                out |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f')
                out |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                out |= static_cast<unsigned>(h - 'A' + 10);
            else
                return false;
        }
        return true;
    }
    bool parse_string(std::string& out) {
        ++m_pos; // the opening quote
        while (m_pos < m_text.size()) {
            char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (static_cast<unsigned char>(c) < 0x20) {
                fail("a control character in a string (write it as \\n, \\t or \\u00XX)");
                return false;
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                break;
            char e = m_text[m_pos++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out += e;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned cp = 0;
                if (!hex4(cp)) {
                    fail("\\u must be followed by four hex digits");
                    return false;
                }
                if (cp >= 0xD800 && cp < 0xDC00) {
                    unsigned low = 0;
                    if (m_text.substr(m_pos, 2) != "\\u" || (m_pos += 2, !hex4(low)) ||
                        low < 0xDC00 || low > 0xDFFF) {
                        fail("a lone UTF-16 surrogate in a string");
                        return false;
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp < 0xE000) {
                    fail("a lone UTF-16 surrogate in a string");
                    return false;
                }
                append_utf8(out, cp);
                break;
            }
            default:
                fail(std::string("unknown escape \\") + e + " in a string");
                return false;
            }
        }
        fail("a string is not closed with '\"'");
        return false;
    }

    std::string_view m_text;
    JsonParseError& m_error;
    size_t m_max_depth;
    size_t m_pos = 0;
};

void write(const Json& v, std::string& out) {
    switch (v.type) {
    case Json::Type::null:
        out += "null";
        break;
    case Json::Type::boolean:
        out += v.boolean ? "true" : "false";
        break;
    case Json::Type::number:
        out += v.text;
        break;
    case Json::Type::string:
        out += json_quote(v.text);
        break;
    case Json::Type::array:
        out += '[';
        for (size_t i = 0; i < v.items.size(); ++i) {
            if (i)
                out += ',';
            write(v.items[i], out);
        }
        out += ']';
        break;
    case Json::Type::object:
        out += '{';
        for (size_t i = 0; i < v.members.size(); ++i) {
            if (i)
                out += ',';
            out += json_quote(v.members[i].first);
            out += ':';
            write(v.members[i].second, out);
        }
        out += '}';
        break;
    }
}

} // namespace

std::optional<Json> parse_json(std::string_view text, JsonParseError& error, size_t max_depth) {
    error = JsonParseError{};
    Parser parser(text, error, max_depth);
    return parser.document();
}

std::string write_json(const Json& value) {
    std::string out;
    write(value, out);
    return out;
}

std::string json_quote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
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
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char* hex = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xF];
                out += hex[c & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

std::string pointer_escape(std::string_view segment) {
    std::string out;
    for (char c : segment) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string pointer_unescape(std::string_view segment) {
    std::string out;
    for (size_t i = 0; i < segment.size(); ++i) {
        if (segment[i] == '~' && i + 1 < segment.size() &&
            (segment[i + 1] == '0' || segment[i + 1] == '1')) {
            out += segment[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            out += segment[i];
        }
    }
    return out;
}

} // namespace planner::model
