#pragma once
// The rules a local web app must keep (docs/serve.md, "Security"): a secret token exchanged
// for a cookie, a Host check against DNS rebinding, CSRF token and Origin on every change,
// and strict response headers. Pure functions, tested without a socket.

#include <string>

namespace planner::server {

// `bytes` random bytes from the operating system (getrandom), as lowercase hex. Throws
// std::runtime_error when the system has no randomness to give.
std::string random_hex(size_t bytes);

// Compares in time independent of where the strings differ.
bool constant_time_equals(const std::string& a, const std::string& b);

// True when `host` (the Host header) is exactly 127.0.0.1:PORT or localhost:PORT.
bool host_allowed(const std::string& host, int port);

// The value of cookie `name` in a Cookie header, or "".
std::string cookie_value(const std::string& cookie_header, const std::string& name);

// True when `origin` is the app itself: http://127.0.0.1:PORT or http://localhost:PORT.
bool origin_allowed(const std::string& origin, int port);

// GET, HEAD and OPTIONS change nothing; every other method does.
bool changes_state(const std::string& method);

// The Content-Security-Policy of every response: nothing but the app's own files, no inline
// script or style, no framing.
const std::string& content_security_policy();

} // namespace planner::server
