// Time from a patch to updated findings in `planner serve`: Site::edit (the same call as
// POST /api/plan) applies a JSON Patch to the plan's JSON form, checks it with the plan
// file's rules, saves the YAML file in place, builds the new plan's facts and runs every
// check to say which findings appeared and disappeared. Over REPEATS edits that change one
// person's FTE back and forth, on a copy of PLAN. The parts are measured apart first, each
// as Site::edit does it (the in-place edit from the parse kept with the stored text); the
// total is Site::edit itself, where the save runs beside the checks (the version it replaces
// held by no request, as usual in the server; edits 0.3 s apart). Prints wall and CPU
// time (medians, p99); passes or fails nothing. "total" as the third argument measures only
// Site::edit (for a profiler).
//
//     bench_edit PLAN [REPEATS [plain|total]]
#include "model/json_patch.hpp"
#include "model/plan_json.hpp"
#include "model/yaml_surgery.hpp"
#include "planner/checks/checks.hpp"
#include "planner/core/heap.hpp"
#include "planner/server/site.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

using namespace planner;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {
double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}
// The process's CPU time in ms: on a shared machine it varies far less than the wall time
// (the save's fsync waits without using the CPU, so the total's wall time is the one to read).
double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}
struct Timer {
    Clock::time_point wall = Clock::now();
    double cpu = cpu_ms();
};
std::vector<double> g_cpu[6];
void stop(const Timer& t, std::vector<double>& wall, int part) {
    wall.push_back(ms_since(t.wall));
    g_cpu[part].push_back(cpu_ms() - t.cpu);
}
void report(const char* label, std::vector<double> ms, int part) {
    std::sort(ms.begin(), ms.end());
    double median = ms[ms.size() / 2];
    double p99 = ms[std::min(ms.size() - 1, (ms.size() * 99) / 100)];
    std::vector<double>& cpu = g_cpu[part];
    std::sort(cpu.begin(), cpu.end());
    std::printf("%-40s median %8.1f ms   p99 %8.1f ms   CPU median %8.1f ms   (%zu runs)\n", label,
                median, p99, cpu[cpu.size() / 2], ms.size());
}
// Edits a person makes come seconds apart: the work an edit leaves (the replaced version let
// go on the server's own thread) is done before the next one is timed.
void between_edits() {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
}
} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_edit PLAN [REPEATS [plain|total]]\n");
        return 2;
    }
    const int repeats = argc > 2 ? std::stoi(argv[2]) : 20;
    // As the planner executable (and so `planner serve`) does; "plain" as a third argument
    // leaves the heap as the C library sets it up, to compare.
    const bool plain_heap = argc > 3 && std::string(argv[3]) == "plain";
    const bool total_only = argc > 3 && std::string(argv[3]) == "total";
    if (!plain_heap)
        planner::prepare_heap();
    fs::path copy =
        fs::temp_directory_path() / ("bench-edit-" + std::to_string(::getpid()) + ".yaml");
    fs::copy_file(argv[1], copy, fs::copy_options::overwrite_existing);

    auto start = Clock::now();
    server::Site site(copy.string());
    auto state = site.current();
    state->findings();
    std::printf("%-40s %8.1f ms (%zu people, %zu findings)\n", "read plan, facts and findings",
                ms_since(start), state->facts->plan().people.size(),
                state->findings()->findings.size());
    const std::string person =
        state->facts->plan().people[state->facts->plan().people.size() / 2].id.str();

    // The parts, measured apart on the current plan.
    std::vector<double> patch_ms, validate_ms, facts_checks_ms, surgery_ms, undo_ms, total_ms;
    for (int i = 0; i < repeats; ++i) {
        const std::string value = i % 2 ? "0.9" : "0.8";
        const std::string patch = "[{\"op\":\"replace\",\"path\":\"/people/" + person +
                                  "/fte\",\"value\":" + value + "}]";
        auto s = site.current();
        const std::uint64_t version = s->version;
        Timer t;
        if (total_only) {
            s.reset(); // as in the server, where no request holds the plan being replaced
            between_edits();
            t = Timer();
            server::EditAnswer answer = site.edit(patch, version, false);
            stop(t, total_ms, 5);
            if (answer.status != 200) {
                std::fprintf(stderr, "edit failed: %d %s\n", answer.status, answer.body.c_str());
                return 1;
            }
            continue;
        }
        model::Json json = s->stored->json;
        model::PatchFailure failure;
        model::JsonParseError error;
        auto ops = model::parse_patch(*model::parse_json(patch, error), failure);
        model::apply_patch(json, *ops);
        stop(t, patch_ms, 0);
        t = Timer();
        auto checked = model::read_plan_json(json);
        stop(t, validate_ms, 1);
        t = Timer();
        PlanFacts facts(std::move(*checked.plan), *s->facts);
        CheckReport r = run_checks(facts);
        stop(t, facts_checks_ms, 2);

        t = Timer();
        // From the parse kept with the stored text (as Site::edit does): the read-back only.
        auto edited = s->stored->parsed
                          ? model::edit_yaml_in_place(*s->stored->parsed, json, &s->stored->json)
                          : nullptr;
        stop(t, surgery_ms, 3);
        if (!edited) {
            std::fprintf(stderr, "the edit could not be made in place\n");
            return 1;
        }
        t = Timer();
        auto undo = model::diff_json(json, s->stored->json);
        stop(t, undo_ms, 4);
        s.reset();
        between_edits();
        t = Timer();
        server::EditAnswer answer = site.edit(patch, version, false);
        stop(t, total_ms, 5);
        if (answer.status != 200) {
            std::fprintf(stderr, "edit failed: %d %s\n", answer.status, answer.body.c_str());
            return 1;
        }
    }
    if (!total_only) {
        report("patch the JSON", patch_ms, 0);
        report("check with the plan file's rules", validate_ms, 1);
        report("facts and every check", facts_checks_ms, 2);
        report("the YAML text changed in place", surgery_ms, 3);
        report("the undo patch", undo_ms, 4);
    }
    report("patch to updated findings, saved", total_ms, 5);
    fs::remove(copy);
    return 0;
}
