// libFuzzer target: the roster reader (planner/imports/roster.hpp) applied to a small plan.
#include "model/plan_reader.hpp"
#include "model/roster_table.hpp"
#include "planner/imports/roster.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {
// The small-team sample (three people, three roles), read once.
const planner::model::Plan& base_plan() {
    static const planner::model::Plan plan = [] {
        auto result = planner::model::read_plan_file(PLANNER_SOURCE_DIR "/samples/small-team.yaml");
        if (!result.ok())
            std::abort();
        return result.plan;
    }();
    return plan;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)planner::model::looks_like_roster(bytes);
    planner::model::Plan plan = base_plan();
    auto result = planner::apply_roster(plan, "fuzz.csv", bytes);
    for (const auto& error : result.errors)
        (void)error.to_string();
    return 0;
}
