#pragma once
// Every file the exporters write goes through here: see exporters/output_file.hpp. A regular
// target is replaced atomically (temporary file, sync, rename, folder sync); a device or FIFO
// is written directly with every error reported; an input of the running command is refused.

#include <filesystem>
#include <string_view>

namespace planner::exporters {

// Throws ExportError naming the path and the system's reason.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

} // namespace planner::exporters
