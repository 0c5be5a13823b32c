#pragma once
// Erlang B and C queueing formulas for the care-coverage floor (STAFFING.md step 3).
// `traffic` is the offered load A in Erlangs (arrival rate x handling time); `agents` is N.

#include <optional>

namespace planner {

// Erlang B blocking probability by the stable recursion B(0) = 1,
// B(k) = A B(k-1) / (k + A B(k-1)). In [0, 1]; 1 for agents <= 0.
double erlang_b(int agents, double traffic);

// Erlang C probability that an arrival waits: C = N B / (N - A (1 - B)) for N > A;
// 1 when N <= A (the queue grows without bound).
double erlang_c(int agents, double traffic);

// Share of arrivals answered within `target_minutes`:
// SL = 1 - C(N, A) exp(-(N - A) T / h), with h = handling_minutes, T = target_minutes;
// 0 when N <= A. A handling time of 0 answers everything at once (SL = 1).
double erlang_service_level(int agents, double traffic, double target_minutes,
                            double handling_minutes);

struct ErlangAgents {
    int agents = 0;              // N, the smallest N > A with SL >= target
    double service_level = 0;    // SL(N)
    double wait_probability = 0; // C(N, A)
};

// The smallest number of agents N > A whose service level reaches `target_service_level`
// (a share in [0, 1]). Empty when `traffic` is not above 0 (nothing to answer) or above a
// million Erlangs, or when no N up to A + 100000 reaches the target (a target of 1 or more).
std::optional<ErlangAgents> erlang_agents_needed(double traffic, double handling_minutes,
                                                 double target_minutes,
                                                 double target_service_level);

} // namespace planner
