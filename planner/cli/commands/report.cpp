// planner report staffing|audit|quarterly PLAN -o FILE
#include "planner/cli/commands/commands.hpp"

#include "exporters/csv_renderer.hpp"
#include "exporters/export_error.hpp"
#include "exporters/json_renderer.hpp"
#include "exporters/pdf_renderer.hpp"
#include "model/plan_reader.hpp"
#include "model/workspace.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/reports/reports.hpp"

#include <filesystem>
#include <ostream>

namespace planner {

namespace {
const std::vector<OutputFormat> k_report_formats = {OutputFormat::pdf, OutputFormat::csv,
                                                    OutputFormat::json};
} // namespace

namespace {
// The quarter's plan (its snapshot when there is one, else the current plan) and what the
// quarterly review reads beside it.
struct QuarterlyRun {
    model::Plan plan;
    QuarterlyInput input;
};

QuarterlyRun read_quarterly_input(const std::string& path, const ParsedArgs& args);

QuarterlyRun quarterly_input(const std::string& path, const ParsedArgs& args) {
    if (!model::is_workspace_file(path))
        throw UsageError("the quarterly review reads metrics from a workspace; give one "
                         "(e.g. `planner report quarterly team.db`), not '" +
                         path + "'");
    try {
        return read_quarterly_input(path, args);
    } catch (const model::WorkspaceError& e) {
        throw workspace_failure(path, e);
    }
}

QuarterlyRun read_quarterly_input(const std::string& path, const ParsedArgs& args) {
    QuarterlyRun run;
    QuarterlyInput& input = run.input;
    model::Workspace workspace(path, model::OpenMode::read_only);
    LoadedPlan current = load_plan_argument(path);
    std::optional<model::Quarter> quarter = current.plan.info.quarter;
    if (auto q = args.value("--quarter")) {
        quarter = model::parse_quarter(*q);
        if (!quarter)
            throw UsageError("'" + *q + "' is not a quarter; write YYYY-Qn, e.g. 2026-Q4");
    }
    if (!quarter)
        throw UsageError("which quarter? The plan names none; add --quarter YYYY-Qn");
    input.quarter = *quarter;
    std::string name = model::format_quarter(*quarter);
    if (workspace.snapshot(name))
        run.plan = load_plan_argument(path + "@" + name).plan;
    else
        run.plan = std::move(current.plan);
    model::Quarter previous = quarter->number == 1
                                  ? model::Quarter{quarter->year - 1, 4}
                                  : model::Quarter{quarter->year, quarter->number - 1};
    std::string previous_name = model::format_quarter(previous);
    if (workspace.snapshot(previous_name))
        input.previous = load_plan_argument(path + "@" + previous_name).plan;
    input.metrics = workspace.metric_values();
    return run;
}
} // namespace

namespace {
int run_report(const ParsedArgs& args, Streams& io) {
    const std::string& kind = args.positional[0];
    const std::string& plan_path = args.positional[1];
    if (kind != "staffing" && kind != "audit" && kind != "quarterly") {
        std::string hint = nearest(kind, {"staffing", "audit", "quarterly"});
        throw UsageError("unknown report '" + kind + "'" +
                         (hint.empty() ? "" : " (did you mean '" + hint + "'?)") +
                         "; reports are staffing, audit and quarterly");
    }
    const OutputFormat format = output_format(args, "report", k_report_formats);
    ReportOptions options;
    options.language = args.value_or("--lang", "en");
    if (auto brand = args.value("--brand"))
        options.brand = load_brand(*brand);

    exporters::Document document;
    if (kind == "quarterly") {
        QuarterlyRun run = quarterly_input(plan_path, args);
        const PlanFacts facts(std::move(run.plan));
        document = build_quarterly_report(facts, run.input, options);
    } else {
        const PlanFacts facts(load_plan_argument(plan_path).plan);
        document = kind == "staffing" ? build_staffing_report(facts, options)
                                      : build_audit_report(facts, options);
    }
    std::string output =
        args.value_or("--output", kind + (format == OutputFormat::pdf    ? ".pdf"
                                          : format == OutputFormat::json ? ".json"
                                                                         : "-csv"));
    try {
        if (format == OutputFormat::pdf) {
            exporters::write_pdf(document, output);
            io.out << "Wrote the " << kind << " report to " << output << ".\n";
        } else if (format == OutputFormat::json) {
            exporters::write_json(document, output);
            io.out << "Wrote the " << kind << " report as JSON to " << output << ".\n";
        } else {
            exporters::CsvOptions csv;
            if (args.flag("--bom"))
                csv.byte_order_mark = exporters::ByteOrderMark::include;
            auto files = exporters::write_csv_tables(document, output, csv);
            io.out << "Wrote " << files.size() << " CSV tables of the " << kind << " report to "
                   << output << "/.\n";
        }
    } catch (const exporters::ExportError& e) {
        throw OutputError(std::string("the report could not be written: ") + e.what());
    }
    return 0;
}

} // namespace

CommandSpec report_command() {
    return CommandSpec{
        "report",
        "planner report staffing|audit|quarterly PLAN [-o FILE] [--format pdf|csv|json] "
        "[--lang en|lv] [--brand brand.yaml] [--bom] [--quarter YYYY-Qn]",
        "Render a report: staffing, audit or quarterly, as PDF, CSV or JSON",
        "staffing: the staffing plan for leadership (summary, org chart, roles, workload,\n"
        "  RACI, care coverage, findings, and every driver and formula).\n"
        "audit: the audit report (score, findings with evidence and recommendations, single\n"
        "  points of failure, workload, KPI coverage, accepted findings, the checks).\n"
        "quarterly: the quarterly review of a workspace (KPI results, trends, channels, team\n"
        "  changes since the previous quarter's snapshot, staffing ask, findings).\n"
        "PDF goes to FILE (default KIND.pdf); CSV writes one file per table into the folder\n"
        "FILE (default KIND-csv); JSON writes the whole document. See docs/reports.md.",
        {{"--output", "-o", "FILE", "where to write (a folder for --format csv)"},
         format_option(k_report_formats),
         {"--lang", "", "LANG", "en (default) or lv"},
         {"--brand", "", "FILE", "brand.yaml: consultant, client, logo (PNG), primary_colour"},
         {"--bom", "", "", "CSV: start each file with a UTF-8 byte-order mark for spreadsheets"},
         {"--quarter", "", "YYYY-Qn", "quarterly: the quarter to review (default the plan's)"}},
        2,
        2,
        run_report};
}

} // namespace planner
