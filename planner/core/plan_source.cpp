#include "planner/core/plan_source.hpp"

#include "model/plan_binary.hpp"
#include "model/plan_reader.hpp"
#include "model/workspace.hpp"

#include <filesystem>

namespace planner {

namespace {
[[noreturn]] void throw_plan_errors(const std::vector<model::Diagnostic>& errors) {
    std::vector<std::string> lines;
    for (const auto& e : errors)
        lines.push_back(e.to_string());
    std::string count = std::to_string(errors.size());
    throw InputError(errors.size() == 1
                         ? "the plan has 1 error; fix it and run again"
                         : "the plan has " + count + " errors; fix them and run again",
                     std::move(lines));
}
} // namespace

WorkspaceError workspace_failure(const std::string& path, const model::WorkspaceError& error) {
    const std::string message = error.what();
    for (const char* damage : {"malformed", "not a database", "file is encrypted"})
        if (message.find(damage) != std::string::npos)
            return WorkspaceError("workspace '" + path + "' is damaged (" + message +
                                  "); restore it from a copy, or build it again with "
                                  "`planner import " +
                                  path + " plan.yaml`");
    if (message.find(path) != std::string::npos)
        return WorkspaceError(message);
    return WorkspaceError("workspace '" + path + "': " + message);
}

std::optional<model::Plan> stored_plan(const model::Workspace& workspace,
                                       const std::string& quarter) {
    bool current = quarter.empty();
    std::optional<std::string> bytes =
        current ? workspace.plan_model() : workspace.snapshot_model(quarter);
    if (bytes)
        if (auto plan = model::decode_plan(*bytes))
            return plan;
    std::optional<std::string> yaml = current ? workspace.plan_yaml() : workspace.snapshot(quarter);
    if (!yaml)
        return std::nullopt;
    auto result = model::read_plan_text(
        workspace.path() + (current ? " (stored plan)" : "@" + quarter + " (snapshot)"), *yaml);
    if (!result.ok())
        throw_plan_errors(result.errors);
    return std::move(result.plan);
}

LoadedPlan load_plan_argument(const std::string& path) {
    LoadedPlan loaded;
    loaded.source = path;
    // WORKSPACE@YYYY-Qn: a snapshot.
    if (auto at = path.rfind('@'); !std::filesystem::exists(path) && at != std::string::npos &&
                                   model::is_workspace_file(path.substr(0, at))) {
        std::string workspace_path = path.substr(0, at);
        std::string quarter = path.substr(at + 1);
        loaded.from_workspace = true;
        try {
            model::Workspace workspace(workspace_path, model::OpenMode::read_only);
            auto plan = stored_plan(workspace, quarter);
            if (!plan) {
                std::string list;
                for (const auto& q : workspace.snapshot_quarters())
                    list += (list.empty() ? "" : ", ") + q;
                throw UsageError(
                    "workspace '" + workspace_path + "' has no snapshot for '" + quarter + "'" +
                    (list.empty() ? "; make one with `planner snapshot`" : "; it has: " + list));
            }
            loaded.plan = std::move(*plan);
        } catch (const model::WorkspaceError& e) {
            throw workspace_failure(workspace_path, e);
        }
        return loaded;
    }
    if (!std::filesystem::exists(path))
        throw UsageError("'" + path + "' does not exist; give a plan YAML file or a workspace");
    if (model::is_workspace_file(path)) {
        loaded.from_workspace = true;
        try {
            model::Workspace workspace(path, model::OpenMode::read_only);
            auto plan = stored_plan(workspace);
            if (!plan)
                throw UsageError("workspace '" + path +
                                 "' holds no plan yet; import one with "
                                 "`planner import " +
                                 path + " plan.yaml`");
            loaded.plan = std::move(*plan);
        } catch (const model::WorkspaceError& e) {
            throw workspace_failure(path, e);
        }
        return loaded;
    }
    auto result = model::read_plan_file(path);
    if (!result.ok())
        throw_plan_errors(result.errors);
    loaded.plan = std::move(result.plan);
    return loaded;
}

} // namespace planner
