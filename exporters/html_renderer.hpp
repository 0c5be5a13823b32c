#pragma once
// HTML rendering of a Document, for the web UI: the fourth renderer beside PDF, CSV and JSON,
// so that what a page shows and what the PDF prints come from the same values.
//
// The output is a fragment (sections, no <html> or <head>): the web server wraps it in its
// page layout. Charts are inline SVG; the org chart is a collapsible tree of nested lists;
// tables carry data-sortable and per-cell status classes; nothing uses inline style or
// script, so a strict Content-Security-Policy holds. Text is HTML-escaped and invalid UTF-8
// becomes U+FFFD. The same Document gives the same bytes.
//
// Classes the page's stylesheet colours: s-red, s-amber, s-green (status), p-lead, p-strong,
// p-note, p-callout (paragraphs), m0..m5 (matrix codes by legend position), gap (a matrix row
// in which no cell holds the legend's first code, e.g. a duty with nobody Responsible),
// highlight (an org chart node the document highlights).

#include "exporters/document.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace planner::exporters {

struct HtmlOptions {
    int top_heading_level = 2;                     // <h2> for top-level sections
    std::string filter_placeholder;                // a table filter box when not empty
    std::string org_search_placeholder = "Search"; // the org chart's search box
    int org_open_depth = 2;                        // org chart levels shown expanded
};

// Sections (with their subsections) as an HTML fragment.
std::string render_html(const std::vector<Section>& sections, const HtmlOptions& options = {});
std::string render_html(const Document& document, const HtmlOptions& options = {});
// One block on its own.
std::string render_html_block(const Block& block, const HtmlOptions& options = {});

// &, <, >, " and ' escaped; invalid UTF-8 replaced by U+FFFD.
std::string html_escape(std::string_view text);

} // namespace planner::exporters
