#pragma once
#include <string>
#include <string_view>

namespace planner {
// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);
} // namespace planner
