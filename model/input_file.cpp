#include "model/input_file.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace planner::model {

InputFile read_input_file(const std::string& path) {
    InputFile file;
    auto fail = [&](const std::string& why) {
        file.bytes.clear();
        file.error = why;
        return file;
    };
    // Without O_NONBLOCK, opening a FIFO waits for a writer; with it, a FIFO without one
    // reads as empty. Blocking reads are restored for the reading itself.
    int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (descriptor < 0)
        return fail(std::string("cannot open the file (") + std::strerror(errno) +
                    "); check the path and that you may read it");
    struct stat st {};
    if (::fstat(descriptor, &st) != 0 || S_ISDIR(st.st_mode)) {
        ::close(descriptor);
        return fail("this is a folder, not a file; give the path of a file in it");
    }
    int flags = ::fcntl(descriptor, F_GETFL);
    if (flags >= 0)
        ::fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK);
    if (S_ISREG(st.st_mode) && st.st_size > 0)
        file.bytes.reserve(static_cast<size_t>(st.st_size));
    char buffer[1 << 16];
    for (;;) {
        ssize_t got = ::read(descriptor, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            int error = errno;
            ::close(descriptor);
            return fail(std::string("reading the file failed: ") + std::strerror(error));
        }
        if (got == 0)
            break;
        file.bytes.append(buffer, static_cast<size_t>(got));
    }
    ::close(descriptor);
    return file;
}

} // namespace planner::model
