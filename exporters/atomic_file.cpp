#include "exporters/atomic_file.hpp"

#include "exporters/output_file.hpp"

namespace planner::exporters {

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
    write_output(target, bytes);
}

} // namespace planner::exporters
