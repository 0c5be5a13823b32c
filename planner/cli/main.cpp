// The planner executable: hands the command line to the command table.
#include "planner/cli/cli.hpp"
#include "planner/core/heap.hpp"

#include <iostream>
#include <sys/ioctl.h>
#include <unistd.h>

namespace {
// The terminal's width when standard output is one (at least 40), else 80.
int output_columns() {
    winsize size{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col < 40 ? 40 : size.ws_col;
    return 80;
}
} // namespace

int main(int argc, char** argv) {
    planner::prepare_heap();
    std::vector<std::string> args(argv + 1, argv + argc);
    planner::Streams streams{std::cout, std::cerr, isatty(STDOUT_FILENO) != 0,
                             isatty(STDERR_FILENO) != 0, output_columns()};
    return planner::run_cli(args, streams);
}
