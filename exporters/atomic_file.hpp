#pragma once
// Every file the exporters write goes through here: the bytes go to a temporary file in the
// target's own folder, are flushed to disk, and the temporary file is then renamed over the
// target. A reader sees the old file or the new one, never half of one; on any failure the
// temporary file is removed and the target is left as it was.

#include <filesystem>
#include <string_view>

namespace planner::exporters {

// Throws ExportError naming the path and the system's reason.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

} // namespace planner::exporters
