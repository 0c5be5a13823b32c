#include "planner/core/samples.hpp"

namespace planner {

const EmbeddedFile* find_sample(const std::string& name) {
    for (const EmbeddedFile& file : embedded_samples())
        if (file.name == name || file.name == name + ".yaml")
            return &file;
    return nullptr;
}

} // namespace planner
