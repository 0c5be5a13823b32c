#include "planner/server/http.hpp"

#include <cctype>

namespace planner::server {

namespace {
bool iequals(const std::string& a, const std::string& b) {
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}
int hex(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
} // namespace

std::string Request::header(const std::string& name) const {
    for (const auto& [key, value] : headers)
        if (iequals(key, name))
            return value;
    return "";
}

std::string Request::path() const {
    return percent_decode(target.substr(0, target.find('?')), false);
}

std::map<std::string, std::string> Request::query() const {
    std::map<std::string, std::string> values;
    size_t q = target.find('?');
    if (q == std::string::npos)
        return values;
    std::string rest = target.substr(q + 1);
    size_t start = 0;
    while (start <= rest.size()) {
        size_t end = rest.find('&', start);
        std::string pair = rest.substr(start, end == std::string::npos ? end : end - start);
        if (!pair.empty()) {
            size_t eq = pair.find('=');
            std::string key = percent_decode(pair.substr(0, eq), true);
            std::string value =
                eq == std::string::npos ? "" : percent_decode(pair.substr(eq + 1), true);
            values.emplace(key, value);
        }
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return values;
}

std::string percent_decode(const std::string& text, bool plus_is_space) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() + 0 && hex(text[i + 1]) >= 0 &&
            hex(text[i + 2]) >= 0) {
            out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
            i += 2;
        } else if (plus_is_space && text[i] == '+') {
            out += ' ';
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string percent_encode(const std::string& text) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

} // namespace planner::server
