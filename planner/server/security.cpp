#include "planner/server/security.hpp"

#include <cerrno>
#include <stdexcept>
#include <string>
#include <sys/random.h>
#include <vector>

namespace planner::server {

std::string random_hex(size_t bytes) {
    std::vector<unsigned char> buffer(bytes);
    size_t filled = 0;
    while (filled < bytes) {
        ssize_t got = getrandom(buffer.data() + filled, bytes - filled, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            throw std::runtime_error("the system gave no random bytes for the access token");
        }
        filled += static_cast<size_t>(got);
    }
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char b : buffer) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

bool constant_time_equals(const std::string& a, const std::string& b) {
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    const std::string& longer = a.size() >= b.size() ? a : b;
    for (size_t i = 0; i < longer.size(); ++i) {
        unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        diff = static_cast<unsigned char>(diff | (x ^ y));
    }
    return diff == 0 && !a.empty();
}

bool host_allowed(const std::string& host, int port) {
    const std::string suffix = ":" + std::to_string(port);
    return host == "127.0.0.1" + suffix || host == "localhost" + suffix;
}

std::string cookie_value(const std::string& header, const std::string& name) {
    size_t start = 0;
    while (start < header.size()) {
        size_t end = header.find(';', start);
        std::string part = header.substr(start, end == std::string::npos ? end : end - start);
        size_t first = part.find_first_not_of(' ');
        if (first != std::string::npos) {
            part = part.substr(first);
            size_t eq = part.find('=');
            if (eq != std::string::npos && part.substr(0, eq) == name) {
                std::string value = part.substr(eq + 1);
                while (!value.empty() && value.back() == ' ')
                    value.pop_back();
                return value;
            }
        }
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return "";
}

bool origin_allowed(const std::string& origin, int port) {
    const std::string suffix = ":" + std::to_string(port);
    return origin == "http://127.0.0.1" + suffix || origin == "http://localhost" + suffix;
}

bool changes_state(const std::string& method) {
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

const std::string& content_security_policy() {
    static const std::string policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    return policy;
}

} // namespace planner::server
