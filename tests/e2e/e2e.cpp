#include "e2e.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace e2e {

namespace {
std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}
} // namespace

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

TempDir::TempDir(const std::string& name) {
    m_path = std::filesystem::temp_directory_path() /
             ("planner-e2e-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

void TempDir::write(const std::string& name, const std::string& content) const {
    std::filesystem::create_directories((m_path / name).parent_path());
    std::ofstream(m_path / name, std::ios::binary) << content;
}

std::string TempDir::read(const std::string& name) const {
    return read_file(file(name));
}

Run planner(const TempDir& dir, const std::vector<std::string>& args,
            const std::vector<std::string>& env) {
    std::string command = "cd " + shell_quote(dir.path().string()) + " && env NO_COLOR=1";
    for (const auto& e : env)
        command += " " + shell_quote(e);
    command += " " + shell_quote(PLANNER_EXE);
    for (const auto& a : args)
        command += " " + shell_quote(a);
    command += " >.out 2>.err";
    int raw = std::system(command.c_str());
    Run run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = dir.read(".out");
    run.err = dir.read(".err");
    std::filesystem::remove(dir.file(".out"));
    std::filesystem::remove(dir.file(".err"));
    return run;
}

std::string sample(const std::string& name) {
    return read_file(std::string(PLANNER_SOURCE_DIR) + "/samples/" + name);
}

} // namespace e2e
