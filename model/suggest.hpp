#pragma once
// "Did you mean": the nearest candidate to a misspelt word.

#include <string>
#include <vector>

namespace planner::model {

// Levenshtein distance counted in bytes.
size_t edit_distance(const std::string& a, const std::string& b);

// The candidate closest to `word` if it is close enough to be a likely typo (distance at most
// a third of the word's length, at least 1; ties go to the earlier candidate), else "".
std::string nearest(const std::string& word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" for the nearest candidate, or "" when none is close: appended to
// messages about unknown names.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

} // namespace planner::model
