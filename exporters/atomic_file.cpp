#include "exporters/atomic_file.hpp"

#include "exporters/export_error.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace planner::exporters {
namespace {

std::string system_reason(int error_number) {
    return std::strerror(error_number);
}

// Closes the descriptor and removes the temporary file unless released.
class TemporaryFile {
public:
    TemporaryFile(int descriptor, std::filesystem::path path)
        : m_descriptor(descriptor), m_path(std::move(path)) {}
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile() {
        if (m_descriptor >= 0) {
            ::close(m_descriptor);
        }
        if (!m_committed) {
            std::error_code ignored;
            std::filesystem::remove(m_path, ignored);
        }
    }

    int descriptor() const { return m_descriptor; }
    const std::filesystem::path& path() const { return m_path; }

    // Closes the descriptor; returns errno on failure, 0 on success.
    int close() {
        const int result = ::close(m_descriptor);
        m_descriptor = -1;
        return result == 0 ? 0 : errno;
    }
    void mark_committed() { m_committed = true; }

private:
    int m_descriptor = -1;
    std::filesystem::path m_path;
    bool m_committed = false;
};

TemporaryFile create_temporary_beside(const std::filesystem::path& target) {
    static std::atomic<unsigned> counter{0};
    const std::filesystem::path folder =
        target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::filesystem::path candidate =
            folder / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                      "-" + std::to_string(counter++));
        const int descriptor =
            ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (descriptor >= 0) {
            return TemporaryFile(descriptor, candidate);
        }
        if (errno != EEXIST) {
            throw ExportError("cannot write '" + target.string() + "': cannot create a file in '" +
                              folder.string() + "': " + system_reason(errno));
        }
    }
    throw ExportError("cannot write '" + target.string() +
                      "': no free temporary file name in its folder");
}

} // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
    TemporaryFile temporary = create_temporary_beside(target);
    const auto fail = [&](const std::string& what, int error_number) {
        throw ExportError("cannot write '" + target.string() + "': " + what + ": " +
                          system_reason(error_number));
    };
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t result =
            ::write(temporary.descriptor(), bytes.data() + written, bytes.size() - written);
        if (result < 0) {
            if (errno == EINTR) {
                continue;
            }
            fail("write failed", errno);
        }
        written += static_cast<std::size_t>(result);
    }
    if (::fsync(temporary.descriptor()) != 0) {
        fail("flush to disk failed", errno);
    }
    if (const int error_number = temporary.close(); error_number != 0) {
        fail("close failed", error_number);
    }
    if (::rename(temporary.path().c_str(), target.c_str()) != 0) {
        fail("rename from '" + temporary.path().filename().string() + "' failed", errno);
    }
    temporary.mark_committed();
}

} // namespace planner::exporters
