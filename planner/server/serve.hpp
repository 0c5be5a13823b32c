#pragma once
// `planner serve PLAN`: the web app on 127.0.0.1. The front-end entry point the command line
// calls; everything else of the server stays behind it.

#include <iosfwd>
#include <string>

namespace planner::server {

struct ServeOptions {
    std::string plan_path;
    int port = 0;             // 0: a free port
    bool open_browser = true; // xdg-open / open the address
    std::string language = "en";
    int timeout_seconds = 10; // a request must arrive within this time
    int threads = 8;          // requests handled at once; more wait in a bounded queue
    int queue = 32;
};

// Reads the plan (InputError/UsageError on bad input, before anything listens), listens,
// prints the address with its token as the first line of `out`, and serves until SIGINT or
// SIGTERM. Returns the exit status.
int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

} // namespace planner::server
