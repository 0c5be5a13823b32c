#include "planner/core/plan_source.hpp"

#include "model/calendar.hpp"
#include "model/diagnostic_context.hpp"
#include "model/plan_binary.hpp"
#include "model/plan_reader.hpp"
#include "model/workspace.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace planner {

namespace {
// `source`: the text the errors' lines count in, to show each offending line; empty when the
// plan came from a workspace.
[[noreturn]] void throw_plan_errors(const std::vector<model::Diagnostic>& errors,
                                    std::string_view source = {}) {
    std::vector<std::string> lines;
    for (const auto& e : errors) {
        if (source.empty()) {
            lines.push_back(e.to_string());
            continue;
        }
        model::DiagnosticWithContext shown = model::with_context(e, source);
        lines.push_back(shown.diagnostic.to_string());
        for (std::string& context : shown.context)
            lines.push_back(std::move(context));
    }
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

std::optional<long long> parse_version_reference(const std::string& text) {
    if (text.size() < 2 || text.size() > 12 || (text[0] != 'v' && text[0] != 'V') ||
        text.find_first_not_of("0123456789", 1) != std::string::npos)
        return std::nullopt;
    return std::stoll(text.substr(1));
}

std::optional<model::Plan> stored_plan_version(const model::Workspace& workspace,
                                               long long number) {
    std::optional<std::string> yaml = workspace.plan_version_yaml(number);
    if (!yaml)
        return std::nullopt;
    auto result = model::read_plan_text(
        workspace.path() + "@v" + std::to_string(number) + " (version)", *yaml);
    if (!result.ok())
        throw_plan_errors(result.errors);
    return std::move(result.plan);
}

LoadedPlan load_plan_argument(const std::string& path) {
    LoadedPlan loaded;
    loaded.source = path;
    // WORKSPACE@vN: a version of the plan.
    if (auto at = path.rfind('@'); !std::filesystem::exists(path) && at != std::string::npos &&
                                   parse_version_reference(path.substr(at + 1)) &&
                                   model::is_workspace_file(path.substr(0, at))) {
        std::string workspace_path = path.substr(0, at);
        long long number = *parse_version_reference(path.substr(at + 1));
        loaded.from_workspace = true;
        try {
            model::Workspace workspace(workspace_path, model::OpenMode::read_only);
            auto plan = stored_plan_version(workspace, number);
            if (!plan) {
                const auto versions = workspace.plan_versions();
                throw UsageError("workspace '" + workspace_path + "' has no version " +
                                 std::to_string(number) + " of its plan" +
                                 (versions.empty()
                                      ? "; it has no versions yet"
                                      : "; it has versions 1 to " +
                                            std::to_string(versions.back().number) +
                                            " (`planner log " + workspace_path + "` lists them)"));
            }
            loaded.plan = std::move(*plan);
        } catch (const model::WorkspaceError& e) {
            throw workspace_failure(workspace_path, e);
        }
        return loaded;
    }
    // WORKSPACE@YYYY-Qn: a snapshot.
    if (auto at = path.rfind('@'); !std::filesystem::exists(path) && at != std::string::npos &&
                                   model::is_workspace_file(path.substr(0, at))) {
        std::string workspace_path = path.substr(0, at);
        std::string quarter = path.substr(at + 1);
        // Quarters are read in any case: team.db@2026-q3 is team.db@2026-Q3.
        if (const auto parsed = model::parse_quarter(quarter))
            quarter = model::format_quarter(*parsed);
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
    if (!result.ok()) {
        // The lines to show under the messages; only a regular file is read again (a FIFO
        // would wait for a writer, a folder has no lines).
        std::string source;
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) {
            std::ifstream in(path, std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            if (in)
                source = bytes.str();
        }
        throw_plan_errors(result.errors, source);
    }
    loaded.plan = std::move(result.plan);
    return loaded;
}

} // namespace planner
