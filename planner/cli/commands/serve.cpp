// planner serve PLAN [--port N] [--no-open] [--lang en|lv]: the team in a browser.
#include "planner/cli/commands/commands.hpp"

#include "planner/server/serve.hpp"

#include <string>

namespace planner {

namespace {
int run_serve_command(const ParsedArgs& args, Streams& io) {
    server::ServeOptions options;
    options.plan_path = args.positional[0];
    options.open_browser = !args.flag("--no-open");
    options.language = args.value_or("--lang", "en");
    if (options.language != "en" && options.language != "lv")
        throw UsageError("unknown language '" + options.language + "'; use en or lv");
    if (auto port = args.value("--port")) {
        std::size_t used = 0;
        int value = -1;
        try {
            value = std::stoi(*port, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != port->size() || value < 0 || value > 65535)
            throw UsageError("--port takes a number from 1 to 65535 (0: any free port), not '" +
                             *port + "'");
        options.port = value;
    }
    return server::run_serve(options, io.out, io.err);
}
} // namespace

CommandSpec serve_command() {
    return CommandSpec{
        "serve",
        "planner serve PLAN [--port N] [--no-open] [--lang en|lv]",
        "Show the team in your browser: pages, charts and report downloads",
        "Serves the plan (a workspace or a plan YAML) as a small web app on this computer\n"
        "only (127.0.0.1). The first line printed is the address to open, with a secret\n"
        "token; without --no-open the browser opens it. Pages: overview, team (org chart and\n"
        "people), channels, who owns what (RACI), care coverage, workload and staffing,\n"
        "findings, quarter (for a workspace) and report downloads (PDF, CSV, JSON). Edits\n"
        "to the file on disk are picked up and announced on the page. Ctrl-C stops the\n"
        "server. See docs/serve.md.",
        {{"--port", "", "N", "port to listen on (default: a free one)"},
         {"--no-open", "", "", "do not open the browser; just print the address"},
         {"--lang", "", "LANG", "page language: en (default) or lv"}},
        1,
        1,
        run_serve_command};
}

} // namespace planner
