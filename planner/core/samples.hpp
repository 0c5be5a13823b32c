#pragma once
// The sample plans of samples/, built into the executable so that `planner init` and
// `planner demo` work from anywhere.

#include <string>
#include <vector>

namespace planner {

struct EmbeddedFile {
    std::string name; // file name under samples/, e.g. "small-team.yaml"
    std::string content;
};

const std::vector<EmbeddedFile>& embedded_samples();
const EmbeddedFile* find_sample(const std::string& name); // "small-team" or "small-team.yaml"

} // namespace planner
