#pragma once
// Requests and responses as plain values: the handlers never see Poco, so they can be tested
// without a socket and the transport can change without touching them.

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace planner::server {

struct Request {
    std::string method = "GET";
    std::string target = "/"; // path and query as sent: "/team?lang=lv"
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    // The first header of that name (case-insensitive), or "".
    std::string header(const std::string& name) const;
    // The path without the query, percent-decoded.
    std::string path() const;
    // Query parameters, percent-decoded; the first value wins.
    std::map<std::string, std::string> query() const;
};

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers; // beside the security headers
};

// "%C4%81+b" -> "ā b" (plus as space only when `plus_is_space`).
std::string percent_decode(const std::string& text, bool plus_is_space);
// Unreserved characters kept, everything else %XX.
std::string percent_encode(const std::string& text);

} // namespace planner::server
