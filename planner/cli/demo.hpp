#pragma once
#include "planner/cli/cli.hpp"

namespace planner {
// The demo: summary, checks, staffing and reports of the bundled sample.
int run_demo(const ParsedArgs& args, Streams& io);
} // namespace planner
