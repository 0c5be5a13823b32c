#pragma once
// A finding's evidence in words: each figure with what it means ("1 person can do it; at least
// 2 needed"), not "people_able: 1; bus_factor: 2", which reads as if 2 were the bus factor.
// The phrases are the templates' block `evidence_words` (English and Latvian); a key without a
// phrase is written "label: value" with the language's label (block `evidence`). JSON output
// keeps the plain keys and values.

#include "planner/checks/checks.hpp"

#include <functional>
#include <string>

namespace planner {

class Texts;

// `clean` is applied to every text value (the reports turn ids into names); numbers are
// written as the language writes them.
std::string evidence_in_words(const Texts& texts, const Finding& finding,
                              const std::function<std::string(const std::string&)>& clean = {});

} // namespace planner
