#pragma once
// Every output of planner goes through here, so that nothing a user has is lost:
// - a regular file (or a new one) is written to a temporary file in the same folder, synced to
//   disk, renamed over the target, and the folder is synced: a reader, a crash or a full disk
//   leaves the old file or the new one, never half of one;
// - a file that is not regular (/dev/null, /dev/full, a FIFO, a terminal) is written directly,
//   and every write and the close are checked;
// - an output that is one of the running command's inputs (same device and inode) is refused
//   before anything is written;
// - a folder of files (CSV tables, the demo) is built under a temporary name and renamed into
//   place when complete, or not at all;
// - standard output is written through a checked buffer: the first failed write is kept and
//   reported at the end (exit status 2).
// Temporary names are `.NAME.planner-tmp-PID-N`; those of processes that no longer run are
// removed the next time planner writes into the same folder.

#include <filesystem>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace planner::exporters {

// The marker in every temporary name planner uses: `.NAME` + marker + `PID-N`.
inline constexpr std::string_view k_temporary_marker = ".planner-tmp-";

// A fresh temporary name beside `target`: folder/.NAME.planner-tmp-PID-N (not created).
std::filesystem::path temporary_name_beside(const std::filesystem::path& target);

// Removes files and folders in `folder` named by a temporary name of planner (this marker, or
// the earlier `.NAME.tmp-PID-N` / `NAME.tmp-PID` forms) whose process no longer runs.
// Errors are ignored: cleaning up is a courtesy.
void remove_stale_temporaries(const std::filesystem::path& folder);

// The files the running command reads. While an InputFiles lives, write_output() and
// StagedFolder refuse a target that is one of them (by device and inode). Names that do not
// exist are ignored. Scopes nest.
class InputFiles {
public:
    explicit InputFiles(const std::vector<std::string>& paths);
    ~InputFiles();
    InputFiles(const InputFiles&) = delete;
    InputFiles& operator=(const InputFiles&) = delete;

private:
    size_t m_count = 0;
};

// Throws ExportError when `target` is one of the inputs of the running command.
void refuse_input_as_output(const std::filesystem::path& target);

// Writes `bytes` to `target` as described above. Throws ExportError naming the path and the
// system's reason; on failure a regular target is left as it was.
void write_output(const std::filesystem::path& target, std::string_view bytes);

// The same written in pieces, for outputs too large to hold in memory at once: the constructor
// refuses an input and opens a temporary file beside a regular (or new) target, or the target
// itself when it is not a regular file; write() appends; commit() syncs, closes and renames
// into place. Without commit() a temporary file is removed and the target left as it was.
// Every failure throws ExportError naming the path and the system's reason.
class OutputFile {
public:
    explicit OutputFile(const std::filesystem::path& target);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    void write(std::string_view bytes);
    void commit();

private:
    [[noreturn]] void give_up(const std::string& what, int error_number);

    std::filesystem::path m_target;    // as given, for messages
    std::filesystem::path m_final;     // the file replaced (a symbolic link's target)
    std::filesystem::path m_temporary; // empty when written directly
    int m_descriptor = -1;
    bool m_committed = false;
};

// Syncs a folder's entry list to disk (after a rename into it). Throws ExportError.
void sync_folder(const std::filesystem::path& folder);

// A folder of outputs built under a temporary name beside `target`. Write the files into
// path(); commit() syncs them and renames the folder into place. An existing target folder is
// replaced only when every entry in it is a file or folder that `replaceable` accepts (the
// output of an earlier run); otherwise the constructor refuses. Without commit() the
// temporary folder is removed.
class StagedFolder {
public:
    using Replaceable = bool (*)(const std::string& name, bool folder);
    StagedFolder(std::filesystem::path target, Replaceable replaceable);
    ~StagedFolder();
    StagedFolder(const StagedFolder&) = delete;
    StagedFolder& operator=(const StagedFolder&) = delete;

    const std::filesystem::path& path() const { return m_temporary; }
    const std::filesystem::path& target() const { return m_target; }
    void commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temporary;
    Replaceable m_replaceable;
    bool m_committed = false;
};

// A stream buffer over a file descriptor (standard output) that checks every write. After the
// first failure further output is dropped; error() is the errno of that failure, 0 if none.
class CheckedOutputBuffer : public std::streambuf {
public:
    explicit CheckedOutputBuffer(int descriptor);
    ~CheckedOutputBuffer() override;
    CheckedOutputBuffer(const CheckedOutputBuffer&) = delete;
    CheckedOutputBuffer& operator=(const CheckedOutputBuffer&) = delete;

    // Flushes and closes the descriptor; returns error() (a failed close counts).
    int finish();
    int error() const { return m_error; }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* data, std::streamsize size) override;
    int sync() override;

private:
    bool write_all(const char* data, size_t size);
    int m_descriptor;
    int m_error = 0;
    bool m_finished = false;
    std::vector<char> m_buffer;
};

} // namespace planner::exporters
