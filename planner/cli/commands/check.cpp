#include "planner/cli/commands/check.hpp"

#include "planner/checks/check_render.hpp"
#include "planner/checks/checks.hpp"
#include "planner/checks/finding_spool.hpp"
#include "planner/cli/output.hpp"
#include "planner/cli/terminal_progress.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/core/texts.hpp"

#include <cstdlib>
#include <ostream>

namespace planner {

namespace {

bool colour_allowed(const Streams& streams) {
    // NO_COLOR set to anything, even empty, turns colour off.
    return streams.out_is_terminal && std::getenv("NO_COLOR") == nullptr;
}

std::string suppression_text(const model::Suppression& suppression) {
    std::string text = suppression.check;
    if (suppression.subject)
        text += " for " + *suppression.subject;
    return text;
}

} // namespace

int run_check_command(const ParsedArgs& args, Streams& streams) {
    const bool list = args.flag("--list");
    const OutputFormat format =
        output_format(args, "check",
                      list ? std::vector<OutputFormat>{OutputFormat::text, OutputFormat::json,
                                                       OutputFormat::csv, OutputFormat::markdown}
                           : k_analysis_formats);
    const std::string fail_on_text = args.value_or("--fail-on", "error");
    const std::optional<FailOn> fail_on = parse_fail_on(fail_on_text);
    if (!fail_on)
        throw UsageError("unknown --fail-on level '" + fail_on_text +
                         "' (use error, warning, info or never)");

    if (list) {
        if (!args.positional.empty())
            throw UsageError("check --list takes no PLAN");
        emit_output(
            args, streams,
            format == OutputFormat::json  ? render_catalogue_json()
            : format == OutputFormat::csv ? render_catalogue_csv()
            : format == OutputFormat::markdown
                ? catalogue_markdown()
                : fit_to_terminal(args, streams, render_catalogue_text(text_width(args, streams))),
            "the check catalogue");
        return 0;
    }
    const Texts texts = Texts::load(args.value_or("--lang", "en"));
    if (args.positional.empty())
        throw UsageError("check needs a PLAN: a plan file (.yaml) or a workspace; "
                         "see `planner help check`");

    TerminalProgress progress(args, streams);
    progress.step("reading the plan", 0.4);
    // The findings are kept compactly (a spool) and the plan's facts freed before they are
    // written: on a plan of a million people both would not fit in memory together.
    SpooledReport report;
    {
        const PlanFacts facts(load_plan_argument(args.positional.front()).plan);
        progress.step("checking the plan", 0.6);
        run_checks(facts, texts, report);
    }
    progress.done();
    for (const model::Suppression& unused : report.unused_suppressions)
        streams.err << "planner: warning: suppression of " << suppression_text(unused)
                    << " matches no finding\n";

    const bool to_file = args.value("--output").value_or("-") != "-";
    const Colour colour = !to_file && colour_allowed(streams) ? Colour::on : Colour::off;
    // Written in pieces: the findings of a very large plan run to hundreds of megabytes.
    PiecedOutput output(args, streams, format == OutputFormat::text);
    const TextSink sink = [&](std::string_view piece) { output.write(piece); };
    if (format == OutputFormat::json)
        render_check_json(report, sink);
    else if (format == OutputFormat::csv)
        render_check_csv(report, sink);
    else
        render_check_text(report, colour, texts, text_width(args, streams), sink);
    output.finish("the findings");
    return fails(report.counts, *fail_on) ? 1 : 0;
}

CommandSpec check_command() {
    CommandSpec spec;
    spec.name = "check";
    spec.usage = "planner check PLAN [--format text|json|csv] [--fail-on LEVEL] [--lang en|lv] "
                 "[-o FILE] [--quiet]\n"
                 "       planner check --list [--format text|json|csv|markdown]";
    spec.summary = "Run the check catalogue and report gaps in the plan";
    spec.description =
        "Runs every check of the catalogue (see docs/checks.md or `planner check --list`) on "
        "PLAN, a plan file or a workspace, and prints the open findings: errors first, then "
        "warnings, then info, each with its evidence and a recommendation. Findings that the "
        "plan suppresses (`suppress`) are listed apart with their reason and never fail a "
        "run.\n\n"
        "Exit status: 0 when no open finding is at or above --fail-on (default error), 1 when "
        "one is, 2 on a usage or input error. `--fail-on never` always exits 0 on a valid "
        "plan.\n\n"
        "--lang lv words the findings, their recommendations, the text output and an "
        "invalid plan file's errors in Latvian (check ids, subjects and JSON/CSV keys stay as "
        "they are).";
    spec.options = {format_option(k_analysis_formats),
                    {"--fail-on", "", "LEVEL",
                     "error, warning, info or never: the mildest open finding that fails the "
                     "run (default error)"},
                    {"--list", "", "", "print the check catalogue instead of checking a plan"},
                    {"--lang", "", "LANG", "en (default) or lv: the language of the findings"},
                    output_option(),
                    quiet_option()};
    spec.min_positional = 0;
    spec.max_positional = 1;
    spec.handler = &run_check_command;
    return spec;
}

} // namespace planner
