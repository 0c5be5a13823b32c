#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace planner {
// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);
// The same of the file at `path`, read a piece at a time; nothing when it cannot be read.
std::optional<std::string> sha256_hex_of_file(const std::string& path);
} // namespace planner
