// libFuzzer target: opening a workspace file (model/workspace.hpp) and reading everything in
// it, including the binary plan form (model/plan_binary.hpp) and the compressed versions of
// the plan. The bytes are written to a file first: SQLite reads files.
#include "model/plan_binary.hpp"
#include "model/workspace.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace planner::model;
    static const std::string path = "/tmp/planner-fuzz-ws-" + std::to_string(getpid()) + ".db";
    std::remove((path + "-journal").c_str());
    std::remove((path + "-wal").c_str());
    for (int version = 0; version < 8; ++version) // copies kept before an upgrade
        std::remove((path + ".v" + std::to_string(version) + ".bak").c_str());
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file)
        return 0;
    std::fwrite(data, 1, size, file);
    std::fclose(file);
    try {
        Workspace workspace(path, OpenMode::read_only);
        (void)workspace.schema_version();
        if (auto model = workspace.plan_model())
            (void)decode_plan(*model);
        (void)workspace.plan_yaml();
        for (const auto& quarter : workspace.snapshot_quarters()) {
            (void)workspace.snapshot(quarter);
            if (auto model = workspace.snapshot_model(quarter))
                (void)decode_plan(*model);
        }
        for (const auto& version : workspace.plan_versions())
            (void)workspace.plan_version_yaml(version.number);
        (void)workspace.metric_values();
        (void)workspace.imports();
        (void)workspace.setting("language");
    } catch (const WorkspaceError&) {
    }
    return 0;
}
