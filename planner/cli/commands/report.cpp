// planner report staffing|audit|quarterly PLAN -o FILE
#include "planner/cli/commands/commands.hpp"

#include "exporters/csv_renderer.hpp"
#include "exporters/export_error.hpp"
#include "exporters/json_renderer.hpp"
#include "exporters/pdf_renderer.hpp"
#include "model/plan_reader.hpp"
#include "model/workspace.hpp"
#include "planner/cli/terminal_progress.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/reports/quarterly_input.hpp"
#include "planner/reports/reports.hpp"

#include <filesystem>
#include <ostream>

namespace planner {

namespace {
const std::vector<OutputFormat> k_report_formats = {OutputFormat::pdf, OutputFormat::csv,
                                                    OutputFormat::json};
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

    TerminalProgress progress(args, io);
    progress.step("reading the plan", 0.2);
    exporters::Document document;
    if (kind == "quarterly") {
        QuarterlyRun run = load_quarterly_input(plan_path, args.value("--quarter"));
        const PlanFacts facts(std::move(run.plan));
        progress.step("analysing the quarter", 0.3);
        document = build_quarterly_report(facts, run.input, options);
    } else {
        const PlanFacts facts(load_plan_argument(plan_path).plan);
        progress.step("analysing the plan", 0.3);
        document = kind == "staffing" ? build_staffing_report(facts, options)
                                      : build_audit_report(facts, options);
    }
    std::string output =
        args.value_or("--output", kind + (format == OutputFormat::pdf    ? ".pdf"
                                          : format == OutputFormat::json ? ".json"
                                                                         : "-csv"));
    progress.step(format == OutputFormat::pdf ? "writing the PDF" : "writing the report", 0.5);
    try {
        if (output == "-") { // standard output, as every command reads "-"
            if (format == OutputFormat::csv)
                throw UsageError("--format csv writes a folder of tables; give it with -o FOLDER");
            if (format == OutputFormat::pdf && io.out_is_terminal)
                throw UsageError("a PDF is not for the terminal; write it to a file with -o FILE, "
                                 "or send it to another program with a pipe");
            const std::string bytes = format == OutputFormat::pdf
                                          ? exporters::render_pdf(document)
                                          : exporters::render_json(document);
            progress.done();
            io.out << bytes;
        } else if (format == OutputFormat::pdf) {
            exporters::write_pdf(document, output);
            progress.done();
            io.out << "Wrote the " << kind << " report to " << output << ".\n";
        } else if (format == OutputFormat::json) {
            exporters::write_json(document, output);
            progress.done();
            io.out << "Wrote the " << kind << " report as JSON to " << output << ".\n";
        } else {
            exporters::CsvOptions csv;
            if (args.flag("--bom"))
                csv.byte_order_mark = exporters::ByteOrderMark::include;
            auto files = exporters::write_csv_tables(document, output, csv);
            progress.done();
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
        "[--lang en|lv] [--brand brand.yaml] [--bom] [--quarter YYYY-Qn] [--quiet]",
        "Render a report: staffing, audit or quarterly, as PDF, CSV or JSON",
        "staffing: the staffing plan for leadership (summary, org chart, roles, workload,\n"
        "  RACI, care coverage, findings, and every driver and formula).\n"
        "audit: the audit report (score, findings with evidence and recommendations, single\n"
        "  points of failure, workload, KPI coverage, accepted findings, the checks).\n"
        "quarterly: the quarterly review of a workspace (KPI results, trends, channels, team\n"
        "  changes since the previous quarter's snapshot, staffing ask, findings).\n"
        "PDF goes to FILE (default KIND.pdf); CSV writes one file per table into the folder\n"
        "FILE (default KIND-csv); JSON writes the whole document. -o - writes the PDF or\n"
        "JSON to standard output (a PDF only into a pipe or a file). See docs/reports.md.",
        {{"--output", "-o", "FILE", "where to write (a folder for --format csv)"},
         format_option(k_report_formats),
         {"--lang", "", "LANG", "en (default) or lv"},
         {"--brand", "", "FILE", "brand.yaml: consultant, client, logo (PNG), primary_colour"},
         {"--bom", "", "", "CSV: start each file with a UTF-8 byte-order mark for spreadsheets"},
         {"--quarter", "", "YYYY-Qn", "quarterly: the quarter to review (default the plan's)"},
         quiet_option()},
        2,
        2,
        run_report};
}

} // namespace planner
