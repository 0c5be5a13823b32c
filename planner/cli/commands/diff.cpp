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
    LoadedPlan before = load_plan_argument(args.positional[0]);
    LoadedPlan after = load_plan_argument(args.positional[1]);
    std::vector<PlanChange> changes = diff_plans(before.plan, after.plan);
    std::string format = args.value_or("--format", "text");
    std::string text;
    if (format == "text") {
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
    } else if (format == "csv") {
        std::vector<std::vector<std::string>> rows;
        for (const PlanChange& c : changes)
            rows.push_back({c.area, std::string(to_string(c.kind)), c.subject, c.label, c.field,
                            c.before, c.after});
        text = exporters::render_csv(
            {"area", "change", "subject", "label", "field", "before", "after"}, rows);
    } else if (format == "json") {
        text = "{\"before\": " + exporters::json_quote(before.source) +
               ", \"after\": " + exporters::json_quote(after.source) + ", \"changes\": [";
        for (size_t i = 0; i < changes.size(); ++i) {
            const PlanChange& c = changes[i];
            text += std::string(i ? ", " : "") + "{\"area\": " + exporters::json_quote(c.area) +
                    ", \"change\": " + exporters::json_quote(std::string(to_string(c.kind))) +
                    ", \"subject\": " + exporters::json_quote(c.subject) +
                    ", \"label\": " + exporters::json_quote(c.label) +
                    ", \"field\": " + exporters::json_quote(c.field) +
                    ", \"before\": " + exporters::json_quote(c.before) +
                    ", \"after\": " + exporters::json_quote(c.after) + "}";
        }
        text += "]}\n";
    } else {
        throw UsageError("unknown format '" + format + "'; use text, json or csv");
    }
    emit_output(args, io, text);
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
        {format_option(), output_option()},
        2,
        2,
        run_diff};
}

} // namespace planner
