#pragma once
// Aligned text tables for the terminal: fit the given width, numbers right-aligned, UTF-8 aware
// (widths count characters, not bytes).

#include <string>
#include <vector>

namespace planner::exporters {

enum class Align { left, right };

struct TextColumn {
    std::string header;
    Align align = Align::left;
};

// Columns get the width of their widest cell; when the table is wider than `max_width`, the
// widest left-aligned columns are cut (with "…", to no less than 8 characters); when it is still
// too wide, each row is written as a block of "header  value" lines instead.
std::string render_text_table(const std::vector<TextColumn>& columns,
                              const std::vector<std::vector<std::string>>& rows,
                              int max_width = 100);

} // namespace planner::exporters
