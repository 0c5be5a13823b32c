#pragma once
// Report wording from templates/ (English and Latvian) and the brand file.

#include "exporters/document.hpp"

#include "planner/core/texts.hpp"

#include <map>
#include <string>
#include <vector>

namespace planner {

// The report wording is the shared template text (planner/core/texts.hpp).
using ReportText = Texts;

// The brand file: who the report is for and by, a logo and a colour.
struct Brand {
    std::string consultant;
    std::string client;
    std::string logo_png; // absolute or relative to the working folder
    exporters::Rgb primary{0x1f, 0x4e, 0x79};
};

// Reads brand.yaml (keys: consultant, client, logo, primary_colour). Errors are InputError
// with FILE:LINE:COLUMN lines.
Brand load_brand(const std::string& path);

} // namespace planner
