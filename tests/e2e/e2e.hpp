#pragma once
// Running the planner executable the way a user does: in its own temporary folder, with its
// output and exit status captured.

#include <filesystem>
#include <string>
#include <vector>

namespace e2e {

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

// A fresh temporary folder per test, removed at the end.
class TempDir {
public:
    explicit TempDir(const std::string& name);
    ~TempDir();
    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    void write(const std::string& name, const std::string& content) const;
    std::string read(const std::string& name) const;

private:
    std::filesystem::path m_path;
};

// Runs `planner ARGS...` in `dir` with the environment extras given as "NAME=value".
Run planner(const TempDir& dir, const std::vector<std::string>& args,
            const std::vector<std::string>& env = {});

std::string sample(const std::string& name); // contents of samples/NAME
std::string read_file(const std::string& path);

} // namespace e2e
