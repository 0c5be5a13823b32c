// The planner executable: hands the command line to the command table.
#include "planner/cli/cli.hpp"
#include "planner/core/heap.hpp"

#include <iostream>
#include <unistd.h>

int main(int argc, char** argv) {
    planner::prepare_heap();
    std::vector<std::string> args(argv + 1, argv + argc);
    planner::Streams streams{std::cout, std::cerr, isatty(STDOUT_FILENO) != 0,
                             isatty(STDERR_FILENO) != 0};
    return planner::run_cli(args, streams);
}
