#include "model/suggest.hpp"

#include <algorithm>

namespace planner::model {

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string nearest(const std::string& word, const std::vector<std::string>& candidates) {
    size_t limit = std::max<size_t>(1, (word.size() + 2) / 3);
    std::string best;
    size_t best_distance = limit + 1;
    for (const std::string& candidate : candidates) {
        if (candidate.size() > word.size() + limit || word.size() > candidate.size() + limit)
            continue;
        size_t distance = edit_distance(word, candidate);
        if (distance < best_distance && distance < word.size()) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best_distance <= limit ? best : std::string();
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best = nearest(word, candidates);
    return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

} // namespace planner::model
