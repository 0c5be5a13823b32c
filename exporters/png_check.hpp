#pragma once
// A PNG file checked completely with libpng before libharu reads it: libharu 2.3 lets libpng
// abort() the process on a damaged image (its error callback returns, which libpng does not
// allow), so a corrupt logo must be caught here, with a message, before it gets there.

#include <optional>
#include <string>

namespace planner::exporters {

// Logos larger than this many pixels in either direction are refused.
inline constexpr unsigned k_png_max_side = 8192;

// Nothing when the whole file decodes as a PNG; else why not ("CRC error", "not a PNG file",
// "image is 20000 pixels wide; at most 8192"). Never throws, never aborts.
std::optional<std::string> png_problem(const std::string& path);

} // namespace planner::exporters
