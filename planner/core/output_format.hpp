#pragma once
// The formats a result can be written in. Parsed in one place (parse_output_format) for every
// front end: the command line's --format and the web server's ?format= read the same words.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

enum class OutputFormat { text, csv, json, pdf, markdown };

std::string_view to_string(OutputFormat format);

// "text", "csv", ... exactly as to_string() writes them; nothing for any other word.
std::optional<OutputFormat> parse_output_format(std::string_view text);

// "text, json or csv"
std::string describe_formats(const std::vector<OutputFormat>& formats);

} // namespace planner
