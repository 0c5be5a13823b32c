// planner snapshots WORKSPACE [--format text|json|csv]: the quarters frozen in a workspace,
// when each was taken and how many people and vacancies its plan holds.
#include "planner/cli/commands/commands.hpp"

#include "exporters/csv_renderer.hpp"
#include "exporters/json_writer.hpp"
#include "exporters/text_table.hpp"
#include "model/workspace.hpp"
#include "planner/cli/output.hpp"
#include "planner/core/plan_source.hpp"

namespace planner {

namespace {
struct SnapshotRow {
    std::string quarter;
    std::string taken_at;
    std::string plan;
    int people = 0;
    int vacancies = 0;
};

std::vector<SnapshotRow> snapshot_rows(const std::string& path) {
    if (!model::is_workspace_file(path))
        throw UsageError("'" + path + "' is not a workspace; snapshots are kept in a workspace");
    std::vector<SnapshotRow> rows;
    try {
        model::Workspace workspace(path, model::OpenMode::read_only);
        for (const model::Workspace::SnapshotInfo& info : workspace.snapshot_list()) {
            SnapshotRow row{info.quarter, info.taken_at, {}, 0, 0};
            if (const std::optional<model::Plan> plan = stored_plan(workspace, info.quarter)) {
                row.plan = plan->info.name;
                for (const model::Person& person : plan->people)
                    ++(person.status == model::PersonStatus::vacancy ? row.vacancies : row.people);
            }
            rows.push_back(std::move(row));
        }
    } catch (const model::WorkspaceError& e) {
        throw workspace_failure(path, e);
    }
    return rows;
}

int run_snapshots(const ParsedArgs& args, Streams& io) {
    const OutputFormat format = output_format(args, "snapshots", k_analysis_formats);
    const std::string& path = args.positional[0];
    const std::vector<SnapshotRow> rows = snapshot_rows(path);
    std::vector<std::vector<std::string>> cells;
    for (const SnapshotRow& row : rows)
        cells.push_back({row.quarter, row.taken_at, row.plan, std::to_string(row.people),
                         std::to_string(row.vacancies)});
    std::string text;
    if (format == OutputFormat::csv) {
        text = exporters::render_csv({"quarter", "taken_at", "plan", "people", "vacancies"}, cells);
    } else if (format == OutputFormat::json) {
        exporters::JsonWriter json(exporters::JsonStyle::compact);
        json.begin_object().field("workspace", path).key("snapshots").begin_array();
        for (const SnapshotRow& row : rows)
            json.begin_object()
                .field("quarter", row.quarter)
                .field("taken_at", row.taken_at)
                .field("plan", row.plan)
                .field_integer("people", row.people)
                .field_integer("vacancies", row.vacancies)
                .end_object();
        text = json.end_array().end_object().take();
    } else if (rows.empty()) {
        text = "No snapshots in " + path + " yet; freeze the current plan with `planner snapshot " +
               path + " --quarter YYYY-Qn`.\n";
    } else {
        text = std::to_string(rows.size()) + (rows.size() == 1 ? " snapshot" : " snapshots") +
               " in " + path + "\n";
        text += exporters::render_text_table({{"quarter"},
                                              {"taken (UTC)"},
                                              {"plan"},
                                              {"people", exporters::Align::right},
                                              {"vacancies", exporters::Align::right}},
                                             cells, text_width(args, io));
        text += "Read one as " + path + "@QUARTER, e.g. `planner diff " + path + "@" +
                rows.back().quarter + " " + path + "`.\n";
    }
    if (format == OutputFormat::text)
        text = fit_to_terminal(args, io, text);
    emit_output(args, io, text, "the list of snapshots");
    return 0;
}
} // namespace

CommandSpec snapshots_command() {
    return CommandSpec{"snapshots",
                       "planner snapshots WORKSPACE [--format text|json|csv] [-o FILE]",
                       "List the quarters frozen in a workspace",
                       "Each snapshot's quarter, when it was taken (UTC), its plan's name and how\n"
                       "many people and vacancies it holds. Make one with `planner snapshot`.",
                       {format_option(k_analysis_formats), output_option()},
                       1,
                       1,
                       run_snapshots};
}

} // namespace planner
