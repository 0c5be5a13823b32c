// planner diff OLD NEW: what changed between two plans, workspaces or snapshots.
#include "planner/cli/commands/commands.hpp"

#include "exporters/csv_renderer.hpp"
#include "exporters/json_writer.hpp"
#include "planner/cli/output.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/review/plan_diff.hpp"

#include <ostream>

namespace planner {

namespace {
int run_diff(const ParsedArgs& args, Streams& io) {
    const OutputFormat format = output_format(args, "diff", k_analysis_formats);
    LoadedPlan before = load_plan_argument(args.positional[0]);
    LoadedPlan after = load_plan_argument(args.positional[1]);
    std::vector<PlanChange> changes = diff_plans(before.plan, after.plan);
    std::string text;
    if (format == OutputFormat::text) {
        if (changes.empty()) {
            text = "No changes between " + before.source + " and " + after.source + ".\n";
        } else {
            text = std::to_string(changes.size()) + (changes.size() == 1 ? " change" : " changes") +
                   " from " + before.source + " to " + after.source + "\n";
            std::string area;
            for (const PlanChange& c : changes) {
                if (c.area != area) {
                    area = c.area;
                    text += "\n" + std::string(1, static_cast<char>(area[0] - 'a' + 'A')) +
                            area.substr(1) + "\n";
                }
                const char* mark = c.kind == ChangeKind::added     ? "+ "
                                   : c.kind == ChangeKind::removed ? "- "
                                                                   : "~ ";
                std::string where = c.area == "ownership"
                                        ? c.subject.substr(c.subject.find(':') + 1) + ": "
                                        : std::string();
                text += "  " + std::string(mark) + where + describe(c) + "\n";
            }
        }
    } else if (format == OutputFormat::csv) {
        std::vector<std::vector<std::string>> rows;
        for (const PlanChange& c : changes)
            rows.push_back({c.area, std::string(to_string(c.kind)), c.subject, c.label, c.field,
                            c.before, c.after});
        text = exporters::render_csv(
            {"area", "change", "subject", "label", "field", "before", "after"}, rows);
    } else if (format == OutputFormat::json) {
        exporters::JsonWriter json(exporters::JsonStyle::compact);
        json.begin_object()
            .field("before", before.source)
            .field("after", after.source)
            .key("changes")
            .begin_array();
        for (const PlanChange& c : changes)
            json.begin_object()
                .field("area", c.area)
                .field("change", to_string(c.kind))
                .field("subject", c.subject)
                .field("label", c.label)
                .field("field", c.field)
                .field("before", c.before)
                .field("after", c.after)
                .end_object();
        text = json.end_array().end_object().take();
    }
    emit_output(args, io, text, "the changes");
    return 0;
}
} // namespace

CommandSpec diff_command() {
    return CommandSpec{
        "diff",
        "planner diff OLD NEW [--format text|json|csv] [-o FILE]",
        "What changed between two plans: people, roles, ownership, drivers",
        "OLD and NEW are plan YAML files, workspaces, or a workspace's snapshot written\n"
        "WORKSPACE@YYYY-Qn (e.g. team.db@2026-Q3). CSV columns:\n"
        "area,change,subject,label,field,before,after.",
        {format_option(k_analysis_formats), output_option()},
        2,
        2,
        run_diff};
}

} // namespace planner
