#pragma once
// Line breaking for the PDF renderer, independent of libharu so that it can be tested alone.
// Lines are only ever cut between code points, never inside a UTF-8 sequence.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace planner::exporters {

// Width of a run of text, in any unit. Must be additive (no kerning across the cut):
// measure(a + b) == measure(a) + measure(b).
using MeasureText = std::function<double(std::string_view text)>;

// Breaks text into lines no wider than max_width. Lines break at spaces; "\n" forces a break
// (an empty line stays as ""); runs of spaces collapse to one. A word wider than a whole line
// is split after its last '-' or '/' that fits, else between code points; every line holds
// at least one code point, so a max_width narrower than one character still terminates.
// Invalid UTF-8 comes back as U+FFFD. Empty text gives no lines.
std::vector<std::string> wrap_text(std::string_view text, double max_width,
                                   const MeasureText& measure);

// wrap_text for a terminal: widths in characters (code points), lines joined with "\n" and
// ended with one.
std::string wrap_columns(std::string_view text, std::size_t columns);

// wrap_columns with a hanging indent: the first line as it is (the caller has already written
// `indent` characters before it), the others after `indent` spaces; no line passes `width`
// characters in all (when width leaves fewer than 20, 20 are used). No final "\n".
std::string wrap_hanging(std::string_view text, std::size_t indent, std::size_t width);

// text itself when it fits in max_width, else its longest prefix (between code points, trailing
// spaces dropped) that fits together with the ellipsis, followed by the ellipsis.
std::string truncate_to_width(std::string_view text, double max_width, const MeasureText& measure,
                              std::string_view ellipsis = "\u2026");

} // namespace planner::exporters
