// Benchmark of the exact choice of hires within a budget (docs/staffing.md "Hires within a
// budget"): random sets of candidates of growing size, each timed with the size of the result.
// Prints figures; passes or fails on nothing.
//
// Usage: bench_cost   (5 and 10 roles with 2, 4 and 8 candidates each, half the total budget)

#include "planner/cost/budget_choice.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

int main() {
    using planner::HireCandidate;
    using planner::HireGroup;
    std::mt19937 random(17);
    std::printf("%-8s %-11s %-10s %-12s %s\n", "roles", "candidates", "seconds", "chosen",
                "weighted h covered");
    for (int roles : {5, 10}) {
        for (int per_role : {2, 4, 8}) {
            std::vector<HireGroup> groups;
            std::vector<HireCandidate> candidates;
            std::uniform_real_distribution<double> cost(20000, 60000), hours(10, 200);
            std::uniform_int_distribution<int> weight(1, 3), fte(2, 4);
            double total = 0;
            for (int g = 0; g < roles; ++g) {
                groups.push_back({"r" + std::to_string(g), "", hours(random),
                                  static_cast<double>(weight(random))});
                for (int c = 0; c < per_role; ++c) {
                    // Distinct costs: the worst case for the frontier (no equal candidates).
                    candidates.push_back({static_cast<size_t>(g), "c", "", fte(random) * 0.25,
                                          std::round(cost(random))});
                    total += candidates.back().cost;
                }
            }
            const auto start = std::chrono::steady_clock::now();
            const planner::BudgetChoice choice =
                planner::choose_hires(groups, candidates, total / 2, 32);
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            int chosen = 0;
            for (bool c : choice.chosen)
                chosen += c;
            std::printf("%-8d %-11zu %-10.4f %-12d %.1f\n", roles, candidates.size(), seconds,
                        chosen, choice.value);
        }
    }
    return 0;
}
