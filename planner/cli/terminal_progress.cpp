#include "planner/cli/terminal_progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace planner {

namespace {
bool terminal_wanted(const ParsedArgs& args, const Streams& streams) {
    if (!streams.err_is_terminal || args.flag("--quiet"))
        return false;
    const char* term = std::getenv("TERM");
    return term == nullptr || std::strcmp(term, "dumb") != 0;
}

std::string seconds_text(double seconds) {
    if (seconds < 60)
        return std::to_string(static_cast<int>(std::ceil(seconds))) + " s";
    return std::to_string(static_cast<int>(std::ceil(seconds / 60))) + " min";
}
} // namespace

OptionSpec quiet_option() {
    return OptionSpec{"--quiet", "-q", "", "no progress bar on the terminal"};
}

TerminalProgress::TerminalProgress(const ParsedArgs& args, Streams& streams)
    : m_err(streams.err), m_enabled(terminal_wanted(args, streams)) {
    if (!m_enabled)
        return;
    if (const char* after = std::getenv("PLANNER_PROGRESS_AFTER_MS"))
        m_after = std::chrono::milliseconds(std::max(0L, std::strtol(after, nullptr, 10)));
    m_thread = std::thread([this] { run(); });
}

TerminalProgress::~TerminalProgress() {
    done();
}

void TerminalProgress::step(std::string_view what, double share) {
    if (!m_enabled)
        return;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_completed = std::min(1.0, m_completed + m_share);
    m_share = std::max(0.0, share);
    m_what = std::string(what);
    if (m_drawn || std::chrono::steady_clock::now() - m_start >= m_after)
        draw_locked();
}

void TerminalProgress::done() {
    if (!m_enabled)
        return;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_stop)
            return;
        m_stop = true;
        if (m_drawn)
            m_err << "\r\x1b[K" << std::flush;
        m_drawn = false;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void TerminalProgress::run() {
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stop) {
        m_wake.wait_for(lock, std::chrono::milliseconds(200));
        if (m_stop)
            break;
        if (std::chrono::steady_clock::now() - m_start >= m_after)
            draw_locked();
    }
}

void TerminalProgress::draw_locked() {
    constexpr int k_width = 24;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    const double fraction = std::clamp(m_completed, 0.0, 1.0);
    const int filled = static_cast<int>(fraction * k_width + 0.5);
    std::string line = "\r\x1b[K[" + std::string(static_cast<size_t>(filled), '#') +
                       std::string(static_cast<size_t>(k_width - filled), '.') + "] " +
                       std::to_string(static_cast<int>(fraction * 100 + 0.5)) + "% " + m_what;
    if (fraction > 0.05 && fraction < 1)
        line += ", about " + seconds_text(elapsed * (1 - fraction) / fraction) + " left";
    m_err << line << std::flush;
    m_drawn = true;
}

} // namespace planner
