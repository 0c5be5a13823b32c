// Benchmark of the staffing analyses: reads a plan YAML and times compute_workload,
// compute_staffing and compute_rebalance on it.
//
// Usage: bench_staffing PLAN [workload|staff|rebalance]...   (default: all three)
// PLAN is a plan YAML or a workspace; for a workspace, reading its blob and decoding it are
// timed apart.
// Targets (STAFFING work item): workload on 100,000 people under 1 s; rebalance on 1,000
// people under 2 s and on 10,000 under 30 s. Plans come from tests/bench/generate_plan.py;
// tests/bench/bench_staffing.sh generates them and runs this driver and the CLI.

#include "model/plan_binary.hpp"
#include "model/plan_reader.hpp"
#include "model/plan_writer.hpp"
#include "model/workspace.hpp"
#include "planner/core/heap.hpp"
#include "planner/core/workload.hpp"
#include "planner/rebalance/rebalance.hpp"
#include "planner/staffing/staffing.hpp"

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv) {
    planner::prepare_heap(); // as the planner executable does
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_staffing PLAN.yaml [workload|staff|rebalance]...\n");
        return 2;
    }
    std::vector<std::string> what(argv + 2, argv + argc);
    if (what.empty())
        what = {"workload", "staff", "rebalance"};

    auto start = std::chrono::steady_clock::now();
    planner::model::PlanReadResult read;
    if (planner::model::is_workspace_file(argv[1])) {
        std::optional<std::string> blob =
            planner::model::Workspace(argv[1], planner::model::OpenMode::read_only).plan_model();
        std::printf("%-28s %8.3f s  (%zu bytes)\n", "read model from workspace",
                    seconds_since(start), blob ? blob->size() : 0);
        start = std::chrono::steady_clock::now();
        auto decoded = blob ? planner::model::decode_plan(*blob) : std::nullopt;
        if (!decoded) {
            std::fprintf(stderr, "the workspace holds no readable plan model\n");
            return 2;
        }
        read.plan = std::move(*decoded);
    } else {
        read = planner::model::read_plan_file(argv[1]);
        if (!read.ok()) {
            for (const auto& e : read.errors)
                std::fprintf(stderr, "%s\n", e.to_string().c_str());
            return 2;
        }
    }
    const planner::model::Plan& plan = read.plan;
    std::printf("%-28s %8.3f s  (%zu people, %zu channels, %zu assignments)\n", "read plan",
                seconds_since(start), plan.people.size(), plan.channels.size(),
                plan.assignments.size());

    for (const std::string& name : what) {
        if (name == "workload") {
            start = std::chrono::steady_clock::now();
            const planner::model::PlanIndex index(plan);
            const double index_time = seconds_since(start);
            start = std::chrono::steady_clock::now();
            const planner::Workload workload = planner::compute_workload(index);
            const double compute_time = seconds_since(start);
            int over = 0;
            for (const auto& p : workload.people)
                if (!p.utilisation || *p.utilisation > plan.info.thresholds.overload)
                    ++over;
            std::printf("%-28s %8.3f s\n", "PlanIndex", index_time);
            std::printf("%-28s %8.3f s  (%zu duties, %d overloaded)\n", "compute_workload",
                        compute_time, workload.duties.size(), over);
        } else if (name == "staff") {
            start = std::chrono::steady_clock::now();
            const planner::PlanFacts facts(plan);
            const planner::StaffingResult staffing = planner::compute_staffing(facts);
            std::printf("%-28s %8.3f s  (%zu roles, %zu rotas)\n", "facts + compute_staffing",
                        seconds_since(start), staffing.roles.size(), staffing.rotas.size());
        } else if (name == "rebalance") {
            start = std::chrono::steady_clock::now();
            const planner::RebalanceResult result = planner::compute_rebalance(plan);
            const double time = seconds_since(start);
            start = std::chrono::steady_clock::now();
            const std::string yaml = planner::model::write_plan_yaml(result.proposed);
            const double write_time = seconds_since(start);
            std::printf("%-28s %8.3f s  (%d rounds; overloaded %d -> %d; unstaffed %.1f h, "
                        "overtime %.1f h)\n",
                        "compute_rebalance", time, result.flow_rounds, result.overloaded_before,
                        result.overloaded_after, result.unstaffed_hours, result.overtime_hours);
            std::printf("%-28s %8.3f s  (%zu bytes)\n", "write proposed plan", write_time,
                        yaml.size());
        } else {
            std::fprintf(stderr, "unknown analysis '%s'\n", name.c_str());
            return 2;
        }
    }
    return 0;
}
