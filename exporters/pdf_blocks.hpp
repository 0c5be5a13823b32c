#pragma once
// The PDF drawing of each kind of block, one function per block type, each drawing at the
// Flow's cursor and leaving the cursor below what it drew (block spacing included). Internal
// to exporters/.

#include "exporters/document.hpp"
#include "exporters/pdf_flow.hpp"

#include <string_view>

namespace planner::exporters {

// A section heading of level 1..3 and its bookmark.
void draw_heading(Flow& flow, std::string_view title, int level);

void draw_paragraph(Flow& flow, const Paragraph& paragraph);
void draw_key_figures(Flow& flow, const KeyFigures& figures);
void draw_bullet_list(Flow& flow, const BulletList& list);
void draw_table(Flow& flow, const Table& table);
void draw_bar_chart(Flow& flow, const BarChart& chart);
void draw_line_chart(Flow& flow, const LineChart& chart);
// keep_room: the height of what follows, kept free below the chart when that costs the chart
// little, so that it stays on the chart's page.
void draw_org_chart(Flow& flow, const OrgChart& chart, double keep_room = 0);
void draw_matrix(Flow& flow, const Matrix& matrix);

// The cover page (the current page of the canvas).
void draw_cover(PdfCanvas& canvas, const Theme& theme, const Document& document);
// Running header and "Page N of M" footer on the current page (never the cover).
void draw_page_furniture(PdfCanvas& canvas, const Theme& theme, const Document& document,
                         std::size_t page_number, std::size_t page_total);

} // namespace planner::exporters
