#include "planner/staffing/erlang.hpp"

#include <cmath>

namespace planner {

namespace {
// Beyond a million Erlangs the search would take too long to be of use (and N overflow int).
constexpr double k_max_traffic = 1e6;
} // namespace

double erlang_b(int agents, double traffic) {
    double b = 1.0;
    for (int k = 1; k <= agents; ++k)
        b = traffic * b / (static_cast<double>(k) + traffic * b);
    return b;
}

double erlang_c(int agents, double traffic) {
    const double n = static_cast<double>(agents);
    if (agents <= 0 || n <= traffic)
        return 1.0;
    const double b = erlang_b(agents, traffic);
    return n * b / (n - traffic * (1.0 - b));
}

double erlang_service_level(int agents, double traffic, double target_minutes,
                            double handling_minutes) {
    const double n = static_cast<double>(agents);
    if (agents <= 0 || n <= traffic)
        return 0.0;
    if (handling_minutes <= 0)
        return 1.0;
    const double c = erlang_c(agents, traffic);
    return 1.0 - c * std::exp(-(n - traffic) * target_minutes / handling_minutes);
}

std::optional<ErlangAgents> erlang_agents_needed(double traffic, double handling_minutes,
                                                 double target_minutes,
                                                 double target_service_level) {
    if (!(traffic > 0) || traffic > k_max_traffic)
        return std::nullopt;
    const int first = static_cast<int>(std::floor(traffic)) + 1; // smallest N > A
    const int last = first + 100000;
    // B(N) by the same recursion, carried along instead of restarting for every N.
    double b = 1.0;
    for (int k = 1; k < first; ++k)
        b = traffic * b / (static_cast<double>(k) + traffic * b);
    for (int n = first; n <= last; ++n) {
        b = traffic * b / (static_cast<double>(n) + traffic * b);
        const double dn = static_cast<double>(n);
        const double c = dn * b / (dn - traffic * (1.0 - b));
        const double sl =
            handling_minutes <= 0
                ? 1.0
                : 1.0 - c * std::exp(-(dn - traffic) * target_minutes / handling_minutes);
        if (sl >= target_service_level)
            return ErlangAgents{n, sl, c};
    }
    return std::nullopt;
}

} // namespace planner
