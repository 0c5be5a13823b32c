// libFuzzer target: the YAML plan reader (model/plan_reader.hpp) on arbitrary bytes.
#include "model/plan_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto result = planner::model::read_plan_text("fuzz.yaml", text);
    for (const auto& error : result.errors)
        (void)error.to_string();
    return 0;
}
