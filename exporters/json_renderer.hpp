#pragma once
// JSON rendering of a whole Document, for scripts and the web UI. The layout (keys and their
// order) is fixed and documented in docs/exporters.md; table cells stay strings exactly as
// given, chart values are JSON numbers, the creation time is ISO 8601 UTC.

#include "exporters/document.hpp"

#include <filesystem>
#include <string>

namespace planner::exporters {

// Throws ExportError when a table has two columns with the same key (its rows are objects
// keyed by column key) or when SOURCE_DATE_EPOCH is malformed.
std::string render_json(const Document& document);

// render_json, written atomically to output.
void write_json(const Document& document, const std::filesystem::path& output);

} // namespace planner::exporters
