#pragma once
// Progress of long work, reported in steps. The analyses and commands say which step they are
// in; a front end decides whether and how to show it (the command line draws a bar on a
// terminal's standard error; the web server shows nothing).

#include <string_view>

namespace planner {

class Progress {
public:
    virtual ~Progress() = default;
    // A new step begins: `what` in the user's words ("checking the plan"), `share` the part of
    // the whole work it is expected to take (the shares of one run add up to about 1).
    virtual void step(std::string_view what, double share) = 0;
    // The work is finished: anything drawn is cleared.
    virtual void done() = 0;
};

// Reports nothing.
class NoProgress final : public Progress {
public:
    void step(std::string_view, double) override {}
    void done() override {}
};

} // namespace planner
