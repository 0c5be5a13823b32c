// planner rebalance PLAN [-o proposed.yaml] [--patch moves.json] [--format text|json|csv]:
// proposed assignments by minimum-cost flow, written as a plan and/or as moves in a JSON
// Patch; the before/after utilisation and the hiring need are printed.
#include "planner/cli/commands/rebalance.hpp"

#include "exporters/csv_renderer.hpp"
#include "exporters/json_writer.hpp"
#include "exporters/number_format.hpp"
#include "exporters/text_table.hpp"
#include "exporters/text_wrap.hpp"
#include "model/json_value.hpp"
#include "model/plan_queries.hpp"
#include "model/plan_writer.hpp"
#include "model/workspace.hpp"
#include "planner/cli/output.hpp"
#include "planner/cli/terminal_progress.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/editing/plan_edit.hpp"
#include "planner/history/history.hpp"
#include "planner/rebalance/rebalance.hpp"

#include <ostream>
#include <sstream>

namespace planner {

namespace {
using namespace model;

std::string utilisation_text(const std::optional<double>& u) {
    return u ? exporters::format_fixed(*u, 3) : "inf";
}

std::vector<std::vector<std::string>> people_rows(const Plan& plan, const RebalanceResult& result) {
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < result.people.size(); ++i) {
        const PersonBalance& p = result.people[i];
        rows.push_back(
            {p.person.str(), display_name(plan.people[i]), std::string(to_string(p.status)),
             exporters::format_fixed(p.available_hours, 2),
             exporters::format_fixed(p.load_before, 2), utilisation_text(p.utilisation_before),
             exporters::format_fixed(p.load_after, 2), utilisation_text(p.utilisation_after),
             exporters::format_fixed(p.overtime_hours, 2)});
    }
    return rows;
}

std::string render_text(const Plan& plan, const PlanIndex& index, const RebalanceResult& result,
                        const std::string& output, int width) {
    std::ostringstream out;
    out << plan.info.name << ": proposed rebalance (hours per week)\n";
    out << exporters::render_text_table({{"person"},
                                         {"name"},
                                         {"status"},
                                         {"available", exporters::Align::right},
                                         {"load before", exporters::Align::right},
                                         {"util", exporters::Align::right},
                                         {"load after", exporters::Align::right},
                                         {"util", exporters::Align::right},
                                         {"overtime", exporters::Align::right}},
                                        people_rows(plan, result), width);
    out << "Overloaded (utilisation above "
        << exporters::format_fixed(plan.info.thresholds.overload, 2)
        << "): " << result.overloaded_before << " before, " << result.overloaded_after
        << " after\n";
    if (result.needs.empty()) {
        out << "The team can carry every channel duty within its available hours.\n";
    } else {
        out << "\nHours no one can carry within their available hours (the hiring need):\n";
        std::vector<std::vector<std::string>> rows;
        for (const RoleNeed& need : result.needs)
            rows.push_back(
                {need.role, exporters::format_fixed(need.unstaffed_hours, 2),
                 exporters::format_fixed(need.overtime_hours, 2),
                 exporters::format_fixed(need.unstaffed_hours + need.overtime_hours, 2)});
        out << exporters::render_text_table({{"role"},
                                             {"unstaffed", exporters::Align::right},
                                             {"overtime", exporters::Align::right},
                                             {"total", exporters::Align::right}},
                                            rows, width);
    }
    if (!result.kept_duties.empty()) {
        std::string kept = "Left as they were (no active person whose role performs them has "
                           "available hours):";
        for (size_t d : result.kept_duties)
            kept += " " + channel_duty_subject(index.channel_duties()[d]);
        out << exporters::wrap_columns(kept, 100);
    }
    // An empty output: --apply without -o, and the caller says where the plan went.
    if (output == "-")
        out << "Proposed plan written to standard output.\n";
    else if (!output.empty())
        out << "Proposed plan written to " << output << ".\n"
            << "Review it with `planner check " << output << "`.\n";
    return out.str();
}

std::string render_json(const Plan& plan, const PlanIndex& index, const RebalanceResult& result,
                        const std::string& output) {
    const auto utilisation = [](exporters::JsonWriter& json, const char* key,
                                const std::optional<double>& value) {
        if (value)
            json.field_fixed(key, *value, 3);
        else
            json.field_null(key);
    };
    exporters::JsonWriter json(exporters::JsonStyle::compact);
    json.begin_object().field("plan", plan.info.name).field("output", output);
    json.key("people").begin_array();
    for (size_t i = 0; i < result.people.size(); ++i) {
        const PersonBalance& p = result.people[i];
        json.begin_object()
            .field("person", p.person.str())
            .field("name", display_name(plan.people[i]))
            .field("status", to_string(p.status))
            .field_fixed("available_hours", p.available_hours, 2)
            .field_fixed("load_before", p.load_before, 2);
        utilisation(json, "utilisation_before", p.utilisation_before);
        json.field_fixed("load_after", p.load_after, 2);
        utilisation(json, "utilisation_after", p.utilisation_after);
        json.field_fixed("overtime_hours", p.overtime_hours, 2).end_object();
    }
    json.end_array().key("needs").begin_array();
    for (const auto& need : result.needs)
        json.begin_object()
            .field("role", need.role)
            .field_fixed("unstaffed_hours", need.unstaffed_hours, 2)
            .field_fixed("overtime_hours", need.overtime_hours, 2)
            .end_object();
    json.end_array().key("kept").begin_array();
    for (size_t duty : result.kept_duties)
        json.write_string(channel_duty_subject(index.channel_duties()[duty]));
    json.end_array()
        .field_integer("overloaded_before", result.overloaded_before)
        .field_integer("overloaded_after", result.overloaded_after)
        .field_fixed("unstaffed_hours", result.unstaffed_hours, 2)
        .field_fixed("overtime_hours", result.overtime_hours, 2)
        .field_fixed("cost", result.cost, 2)
        .end_object();
    return json.take();
}

int run_rebalance(const ParsedArgs& args, Streams& io) {
    const OutputFormat format = output_format(args, "rebalance", k_analysis_formats);
    const bool apply = args.flag("--apply");
    const std::string& plan_path = args.positional[0];
    if (apply && !model::is_workspace_file(plan_path))
        throw UsageError("--apply stores the proposed plan in a workspace, and '" + plan_path +
                         "' is not one; write it to a file with -o instead");
    const auto output =
        apply && !args.value("--output") ? std::optional<std::string>("") : args.value("--output");
    const auto patch_file = args.value("--patch");
    if (!output && !patch_file)
        throw UsageError("`planner rebalance` writes the proposed plan to a file; give it with "
                         "-o FILE (e.g. -o proposed.yaml), the moves as a patch with --patch "
                         "FILE, or store it in the workspace with --apply");
    TerminalProgress progress(args, io);
    progress.step("reading the plan", 0.2);
    const PlanFacts facts(load_plan_argument(args.positional[0]).plan);
    progress.step("planning the work", 0.8);
    const RebalanceResult result = compute_rebalance(facts);
    progress.done();
    const PlanIndex& index = facts.index();

    if (patch_file) {
        const EditablePlan stored = load_editable_plan(args.positional[0]);
        const RebalanceMoves moves = rebalance_moves(facts, stored.json, result);
        write_output_file(*patch_file, model::write_json(model::patch_to_json(moves.patch)) + "\n");
        const Plan& plan = facts.plan();
        auto name_of = [&](const PersonId& id) -> std::string {
            if (id.str().empty())
                return "nobody";
            for (const Person& p : plan.people)
                if (p.id == id)
                    return display_name(p);
            return id.str();
        };
        auto utilisation_of_person = [&](const PersonId& id) -> std::string {
            for (const PersonBalance& b : result.people)
                if (b.person == id)
                    return utilisation_text(b.utilisation_before) + " -> " +
                           utilisation_text(b.utilisation_after);
            return "";
        };
        std::ostringstream out;
        out << plan.info.name << ": " << moves.moves.size()
            << (moves.moves.size() == 1 ? " move" : " moves") << " (hours per week)\n";
        for (const RebalanceMove& m : moves.moves) {
            out << "  " << name_of(m.from) << " gives " << exporters::format_fixed(m.hours, 2)
                << " h of " << channel_duty_subject(facts.index().channel_duties()[m.duty_index])
                << " to " << name_of(m.to);
            std::string uf = m.from.str().empty() ? "" : utilisation_of_person(m.from);
            std::string ut = m.to.str().empty() ? "" : utilisation_of_person(m.to);
            if (!uf.empty() || !ut.empty())
                out << " (utilisation " << (uf.empty() ? "" : name_of(m.from) + " " + uf)
                    << (!uf.empty() && !ut.empty() ? ", " : "")
                    << (ut.empty() ? "" : name_of(m.to) + " " + ut) << ")";
            out << "\n";
        }
        out << "Patch of " << moves.patch.size() << " operations written to " << *patch_file
            << "; apply it with `planner apply " << args.positional[0] << " " << *patch_file
            << "`.\n";
        if (!output) {
            io.out << out.str();
            return 0;
        }
        io.err << out.str();
    }
    const std::string yaml = write_plan_yaml(result.proposed);
    std::string text;
    if (format == OutputFormat::csv)
        text = exporters::render_csv({"person", "name", "status", "available_hours", "load_before",
                                      "utilisation_before", "load_after", "utilisation_after",
                                      "overtime_hours"},
                                     people_rows(facts.plan(), result));
    else if (format == OutputFormat::json)
        text = render_json(facts.plan(), index, result, *output);
    else
        text = render_text(facts.plan(), index, result, *output, text_width(args, io));

    if (apply) {
        CommittedPlan committed;
        try {
            model::Workspace workspace(plan_path, model::OpenMode::read_write);
            model::Workspace::Transaction transaction(workspace);
            committed = commit_plan(workspace, result.proposed, {"rebalance", plan_path, ""});
            transaction.commit();
        } catch (const model::WorkspaceError& e) {
            throw workspace_failure(plan_path, e);
        }
        if (args.value("--output"))
            write_output_file(*args.value("--output"), yaml);
        io.out << text;
        if (committed.changed)
            io.out << "Stored the proposed plan in " << plan_path << " as version "
                   << committed.number << "; `planner restore " << plan_path << " "
                   << committed.previous << "` brings back the plan as it was.\n";
        else
            io.out << "The proposal is the plan " << plan_path << " holds; nothing changed.\n";
    } else if (*output == "-") {
        io.out << yaml; // the plan on stdout, the summary on stderr
        io.err << text;
    } else {
        write_output_file(*output, yaml);
        io.out << text;
    }
    return 0;
}
} // namespace

CommandSpec rebalance_command() {
    return CommandSpec{
        "rebalance",
        "planner rebalance PLAN [-o proposed.yaml] [--patch moves.json] [--apply] "
        "[--format text|json|csv] [--quiet]",
        "Propose assignments by minimum-cost flow",
        "Plans every channel duty's hours onto the people whose roles perform it at the\n"
        "least cost (kept work 0, new assignment 1, outside interests +2, each missing\n"
        "skill +4, overtime 20, unstaffed 1000 per hour), writes the proposed plan to\n"
        "FILE (\"-\": standard output, with the summary on standard error) and prints the\n"
        "utilisation before and after and the hours no one can carry, per role.\n"
        "With --apply (PLAN a workspace) the proposed plan becomes the workspace's plan,\n"
        "as a new version (`planner restore` brings back the one before).\n"
        "Formulas: docs/staffing.md. With --patch FILE it prints the proposal as moves\n"
        "(who gives how many hours of which duty to whom, utilisation before and after)\n"
        "and writes them as a JSON Patch that `planner apply PLAN FILE` applies.",
        {OptionSpec{"--output", "-o", "FILE", "where to write the proposed plan"},
         OptionSpec{"--patch", "", "FILE", "write the proposed moves as a JSON Patch"},
         OptionSpec{"--apply", "", "",
                    "store the proposed plan as the workspace's plan (a new version)"},
         format_option(k_analysis_formats), quiet_option()},
        1,
        1,
        run_rebalance};
}

} // namespace planner
