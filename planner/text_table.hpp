#pragma once
// Aligned text tables for the terminal: fit 100 columns, numbers right-aligned, UTF-8 aware
// (widths count characters, not bytes).

#include "exporters/json_writer.hpp"

#include <string>
#include <vector>

namespace planner {

enum class Align { left, right };

struct TextColumn {
    std::string header;
    Align align = Align::left;
};

std::string render_text_table(const std::vector<TextColumn>& columns,
                              const std::vector<std::vector<std::string>>& rows,
                              int max_width = 100);

// Number formatting shared by every renderer (fixed decimals, "." separator, no locale).
std::string format_fixed(double value, int decimals);

// RFC 4180 CSV text with CRLF line ends; cells as exporters::csv_field writes them (formulas
// neutralised).
std::string render_csv(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows);

// JSON string literal with escaping: the exporters' one.
using exporters::json_quote;

} // namespace planner
