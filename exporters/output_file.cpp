#include "exporters/output_file.hpp"

#include "exporters/export_error.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace planner::exporters {
namespace fs = std::filesystem;

namespace {

std::string reason(int error_number) {
    return std::strerror(error_number);
}

[[noreturn]] void fail(const fs::path& target, const std::string& what, int error_number) {
    throw ExportError("cannot write '" + target.string() + "': " + what +
                      (error_number ? ": " + reason(error_number) : std::string()));
}

struct FileIdentity {
    dev_t device;
    ino_t inode;
};
std::vector<FileIdentity>& inputs() {
    static std::vector<FileIdentity> list;
    return list;
}

fs::path folder_of(const fs::path& target) {
    return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

// The process id in a temporary name of planner, or 0 when `name` is none.
long temporary_owner(const std::string& name) {
    auto digits_at = [&](size_t at) -> long {
        size_t end = at;
        while (end < name.size() && name[end] >= '0' && name[end] <= '9' && end - at < 10)
            ++end;
        if (end == at)
            return 0;
        return std::strtol(name.substr(at, end - at).c_str(), nullptr, 10);
    };
    if (name.size() < 2 || name[0] != '.')
        return 0;
    if (size_t at = name.rfind(k_temporary_marker); at != std::string::npos && at > 1)
        return digits_at(at + k_temporary_marker.size());
    // The earlier form of the exporters: .NAME.tmp-PID-N
    static constexpr std::string_view k_old = ".tmp-";
    if (size_t at = name.rfind(k_old); at != std::string::npos && at > 1) {
        size_t dash = name.find('-', at + k_old.size());
        if (dash != std::string::npos && digits_at(at + k_old.size()) > 0)
            return digits_at(at + k_old.size());
    }
    return 0;
}

bool process_gone(long pid) {
    if (pid <= 0 || pid == static_cast<long>(::getpid()))
        return false;
    return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

// Writes everything; returns 0 or errno.
int write_all(int descriptor, std::string_view bytes) {
    size_t written = 0;
    while (written < bytes.size()) {
        ssize_t result = ::write(descriptor, bytes.data() + written, bytes.size() - written);
        if (result < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (result == 0)
            return EIO;
        written += static_cast<size_t>(result);
    }
    return 0;
}

int sync_descriptor(int descriptor) {
    if (::fsync(descriptor) == 0)
        return 0;
    // File systems and devices that cannot sync have nothing to lose by it.
    return errno == EINVAL || errno == EROFS || errno == ENOTSUP ? 0 : errno;
}

} // namespace

fs::path temporary_name_beside(const fs::path& target) {
    static std::atomic<unsigned> counter{0};
    return folder_of(target) / ("." + target.filename().string() + std::string(k_temporary_marker) +
                                std::to_string(::getpid()) + "-" + std::to_string(counter++));
}

void remove_stale_temporaries(const fs::path& folder) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec), end;
    std::vector<fs::path> stale;
    for (; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (process_gone(temporary_owner(name)))
            stale.push_back(it->path());
    }
    for (const fs::path& path : stale)
        fs::remove_all(path, ec);
}

InputFiles::InputFiles(const std::vector<std::string>& paths) {
    for (const std::string& path : paths) {
        struct stat st {};
        if (path.empty() || path == "-" || ::stat(path.c_str(), &st) != 0)
            continue;
        if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
            continue; // devices and FIFOs can be read and written at once
        inputs().push_back({st.st_dev, st.st_ino});
        ++m_count;
    }
}

InputFiles::~InputFiles() {
    inputs().resize(inputs().size() - m_count);
}

void refuse_input_as_output(const fs::path& target) {
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0)
        return;
    for (const FileIdentity& input : inputs())
        if (input.device == st.st_dev && input.inode == st.st_ino)
            throw ExportError("the output '" + target.string() +
                              "' is one of this command's inputs; writing it would destroy the "
                              "input. Give another output name");
}

void write_output(const fs::path& target, std::string_view bytes) {
    OutputFile file(target);
    file.write(bytes);
    file.commit();
}

OutputFile::OutputFile(const fs::path& target) : m_target(target), m_final(target) {
    refuse_input_as_output(target);
    struct stat st {};
    const bool exists = ::stat(target.c_str(), &st) == 0;
    if (!exists && errno != ENOENT)
        fail(target, "cannot look at it", errno);
    if (exists && S_ISDIR(st.st_mode))
        fail(target, "it is a folder; give a file name", 0);
    if (exists && !S_ISREG(st.st_mode)) {
        // A device, FIFO or terminal: written directly, every write checked.
        m_descriptor = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
        if (m_descriptor < 0)
            fail(target, "cannot open it", errno);
        return;
    }
    if (exists) {
        // A symbolic link to a file: replace the file it points to, not the link.
        std::error_code ec;
        fs::path real =
            fs::is_symlink(fs::symlink_status(target, ec)) ? fs::canonical(target, ec) : target;
        if (!ec)
            m_final = real;
    }
    const fs::path folder = folder_of(m_final);
    remove_stale_temporaries(folder);
    for (int attempt = 0; attempt < 100 && m_descriptor < 0; ++attempt) {
        m_temporary = temporary_name_beside(m_final);
        m_descriptor = ::open(m_temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (m_descriptor < 0 && errno != EEXIST)
            fail(target, "cannot create a file in '" + folder.string() + "'", errno);
    }
    if (m_descriptor < 0)
        fail(target, "no free temporary name in its folder", 0);
    if (exists && ::fchmod(m_descriptor, st.st_mode & 07777) != 0)
        give_up("cannot keep its permissions", errno);
}

OutputFile::~OutputFile() {
    if (m_descriptor >= 0)
        ::close(m_descriptor);
    if (!m_committed && !m_temporary.empty())
        ::unlink(m_temporary.c_str());
}

void OutputFile::give_up(const std::string& what, int error_number) {
    if (m_descriptor >= 0)
        ::close(m_descriptor);
    m_descriptor = -1;
    if (!m_temporary.empty())
        ::unlink(m_temporary.c_str());
    m_temporary.clear();
    fail(m_target, what, error_number);
}

void OutputFile::write(std::string_view bytes) {
    if (m_descriptor < 0)
        fail(m_target, "writing after the file was finished", 0);
    if (int error = write_all(m_descriptor, bytes))
        give_up("writing failed", error);
}

void OutputFile::commit() {
    if (m_descriptor < 0)
        fail(m_target, "writing after the file was finished", 0);
    if (!m_temporary.empty()) {
        if (int error = sync_descriptor(m_descriptor))
            give_up("flushing it to disk failed", error);
    }
    const int closed = ::close(m_descriptor);
    m_descriptor = -1;
    if (closed != 0)
        give_up("closing it failed", errno);
    if (!m_temporary.empty()) {
        if (::rename(m_temporary.c_str(), m_final.c_str()) != 0)
            give_up("renaming '" + m_temporary.filename().string() + "' to it failed", errno);
        m_committed = true;
        sync_folder(folder_of(m_final));
    }
    m_committed = true;
}

void sync_folder(const fs::path& folder) {
    int descriptor = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor < 0)
        throw ExportError("cannot sync the folder '" + folder.string() + "': " + reason(errno));
    int error = sync_descriptor(descriptor);
    ::close(descriptor);
    if (error)
        throw ExportError("cannot sync the folder '" + folder.string() + "': " + reason(error));
}

StagedFolder::StagedFolder(fs::path target, Replaceable replaceable)
    : m_target(std::move(target)), m_replaceable(replaceable) {
    if (m_target.filename().empty())
        m_target = m_target.parent_path(); // "out/" names the folder "out"
    refuse_input_as_output(m_target);
    std::error_code ec;
    fs::file_status status = fs::status(m_target, ec);
    if (fs::exists(status)) {
        if (!fs::is_directory(status))
            throw ExportError("cannot write the folder '" + m_target.string() +
                              "': a file of that name exists; give a folder name");
        for (fs::directory_iterator it(m_target, ec), end; !ec && it != end; it.increment(ec)) {
            std::string name = it->path().filename().string();
            const bool folder = it->is_directory();
            if (!(it->is_regular_file() || folder) || !m_replaceable(name, folder))
                throw ExportError("cannot write the folder '" + m_target.string() +
                                  "': it holds '" + name +
                                  "', which this command does not write; give a new folder "
                                  "name or move that out");
        }
        if (ec)
            throw ExportError("cannot read the folder '" + m_target.string() +
                              "': " + ec.message());
    }
    fs::path parent = folder_of(m_target);
    if (!fs::exists(parent, ec))
        fs::create_directories(parent, ec);
    remove_stale_temporaries(parent);
    for (int attempt = 0; attempt < 100; ++attempt) {
        m_temporary = temporary_name_beside(m_target);
        if (::mkdir(m_temporary.c_str(), 0777) == 0)
            return;
        if (errno != EEXIST)
            throw ExportError("cannot write the folder '" + m_target.string() +
                              "': cannot create a folder in '" + parent.string() +
                              "': " + reason(errno));
    }
    throw ExportError("cannot write the folder '" + m_target.string() +
                      "': no free temporary name beside it");
}

StagedFolder::~StagedFolder() {
    if (!m_committed) {
        std::error_code ignored;
        fs::remove_all(m_temporary, ignored);
    }
}

void StagedFolder::commit() {
    auto failed = [&](const std::string& what, int error) {
        throw ExportError("cannot write the folder '" + m_target.string() + "': " + what + ": " +
                          reason(error));
    };
    std::error_code ec;
    for (fs::recursive_directory_iterator it(m_temporary, ec), end; !ec && it != end;
         it.increment(ec)) {
        const bool folder = it->is_directory();
        int descriptor =
            ::open(it->path().c_str(), O_RDONLY | O_CLOEXEC | (folder ? O_DIRECTORY : 0));
        if (descriptor < 0)
            failed("cannot sync '" + it->path().filename().string() + "'", errno);
        int error = sync_descriptor(descriptor);
        ::close(descriptor);
        if (error)
            failed("flushing '" + it->path().filename().string() + "' to disk failed", error);
    }
    sync_folder(m_temporary);
    const fs::path parent = folder_of(m_target);
    if (::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
        if (errno != EEXIST && errno != ENOTEMPTY)
            failed("renaming '" + m_temporary.filename().string() + "' to it failed", errno);
        // An earlier output: swap the two atomically, then remove the old one (checked
        // replaceable by the constructor).
        if (::renameat2(AT_FDCWD, m_temporary.c_str(), AT_FDCWD, m_target.c_str(),
                        RENAME_EXCHANGE) != 0) {
            if (errno != EINVAL && errno != ENOSYS)
                failed("replacing it failed", errno);
            // A file system without atomic exchange: move the old folder aside first.
            fs::path old = temporary_name_beside(m_target);
            if (::rename(m_target.c_str(), old.c_str()) != 0)
                failed("moving the earlier folder aside failed", errno);
            if (::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
                int error = errno;
                ::rename(old.c_str(), m_target.c_str());
                failed("renaming '" + m_temporary.filename().string() + "' to it failed", error);
            }
            m_temporary = old;
        }
        m_committed = true;
        sync_folder(parent);
        fs::remove_all(m_temporary, ec); // the earlier folder, now under the temporary name
        return;
    }
    m_committed = true;
    sync_folder(parent);
}

CheckedOutputBuffer::CheckedOutputBuffer(int descriptor) : m_descriptor(descriptor) {
    m_buffer.resize(1 << 16);
    setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
}

CheckedOutputBuffer::~CheckedOutputBuffer() {
    if (!m_finished)
        sync();
}

bool CheckedOutputBuffer::write_all(const char* data, size_t size) {
    if (m_error)
        return false;
    if (int error = exporters::write_all(m_descriptor, std::string_view(data, size))) {
        m_error = error;
        return false;
    }
    return true;
}

CheckedOutputBuffer::int_type CheckedOutputBuffer::overflow(int_type c) {
    if (sync() != 0)
        return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

std::streamsize CheckedOutputBuffer::xsputn(const char* data, std::streamsize size) {
    if (size <= epptr() - pptr()) {
        std::memcpy(pptr(), data, static_cast<size_t>(size));
        pbump(static_cast<int>(size));
        return size;
    }
    if (sync() != 0)
        return 0;
    if (!write_all(data, static_cast<size_t>(size)))
        return 0;
    return size;
}

int CheckedOutputBuffer::sync() {
    const size_t pending = static_cast<size_t>(pptr() - pbase());
    setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    if (pending == 0)
        return m_error ? -1 : 0;
    return write_all(m_buffer.data(), pending) ? 0 : -1;
}

int CheckedOutputBuffer::finish() {
    if (m_finished)
        return m_error;
    sync();
    m_finished = true;
    if (::close(m_descriptor) != 0 && m_error == 0 && errno != EBADF)
        m_error = errno;
    return m_error;
}

} // namespace planner::exporters
