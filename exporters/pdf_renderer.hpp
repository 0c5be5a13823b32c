#pragma once
// PDF rendering of a Document through libharu: A4 portrait, DejaVu Sans embedded (every
// name prints as written), cover page, running header and "Page N of M" on every other page,
// a bookmark per section nested by level, tables continued across pages under a repeated
// header, charts, org chart and matrix. With SOURCE_DATE_EPOCH set (or metadata.created_unix
// given), the same Document gives the same bytes.

#include "exporters/document.hpp"

#include <filesystem>
#include <string>

namespace planner::exporters {

struct PdfOptions {
    std::string regular_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::string bold_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
};

// The PDF as bytes (for the web UI). Throws ExportError: fonts or logo missing or unusable,
// SOURCE_DATE_EPOCH malformed, or any error libharu reports.
std::string render_pdf(const Document& document, const PdfOptions& options = {});

// render_pdf, written to a temporary file in output's folder and renamed over output, so a
// failure never leaves half a PDF behind.
void write_pdf(const Document& document, const std::filesystem::path& output,
               const PdfOptions& options = {});

} // namespace planner::exporters
