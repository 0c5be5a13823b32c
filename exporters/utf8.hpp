#pragma once
// UTF-8 helpers shared by the renderers. Decoding never throws: what is not a valid sequence
// decodes as U+FFFD with a length of at least one byte, so every loop makes progress. A
// sequence cut short counts once (its lead byte and the continuation bytes present); a bad
// lead byte, an overlong form, a surrogate or a value past U+10FFFF counts one byte.

#include <cstddef>
#include <string>
#include <string_view>

namespace planner::exporters {

inline constexpr char32_t k_replacement_character = 0xFFFD;

struct DecodedCodePoint {
    char32_t value = 0;     // U+FFFD when !valid
    std::size_t length = 0; // bytes consumed, >= 1 unless offset >= text.size()
    bool valid = false;
};

// The code point that starts at text[offset].
DecodedCodePoint decode_utf8(std::string_view text, std::size_t offset);

void append_utf8(std::string& out, char32_t code_point);

bool is_valid_utf8(std::string_view text);

// Code points in `text`: its width in a terminal for the scripts planner prints (every byte
// that does not continue a UTF-8 sequence starts one).
std::size_t utf8_length(std::string_view text);

// text with every invalid sequence replaced by U+FFFD.
std::string sanitize_utf8(std::string_view text);

// The number of code points (invalid bytes count one each).
std::size_t count_code_points(std::string_view text);

} // namespace planner::exporters
