#pragma once
// A progress bar on a terminal's standard error: what is being done, how far, and an estimate of
// the time left, redrawn on one line and cleared at the end. Shown only when standard error is
// a terminal (never in files, pipes or CI logs), TERM is not "dumb", --quiet is not given, and
// the work has taken longer than PLANNER_PROGRESS_AFTER_MS milliseconds (default 1000), so
// quick commands print nothing.

#include "planner/cli/cli.hpp"
#include "planner/core/progress.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace planner {

class TerminalProgress final : public Progress {
public:
    // Shown when `streams.err_is_terminal` and `args` has no --quiet.
    TerminalProgress(const ParsedArgs& args, Streams& streams);
    ~TerminalProgress() override;
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;

    void step(std::string_view what, double share) override;
    void done() override;

private:
    void run();
    void draw_locked();

    std::ostream& m_err;
    const bool m_enabled;
    std::chrono::milliseconds m_after{1000};
    const std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::string m_what;
    double m_completed = 0; // shares of the finished steps
    double m_share = 0;     // share of the current step
    bool m_drawn = false;
    bool m_stop = false;
    std::thread m_thread;
};

// The --quiet option of the commands that show progress.
OptionSpec quiet_option();

} // namespace planner
