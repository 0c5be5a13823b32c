// planner rebalance PLAN -o proposed.yaml [--format text|json|csv]: proposed assignments by
// minimum-cost flow, written as a plan; the before/after utilisation and the hiring need
// are printed.
#include "planner/cli/commands/rebalance.hpp"

#include "exporters/csv_renderer.hpp"
#include "exporters/json_writer.hpp"
#include "exporters/number_format.hpp"
#include "exporters/text_table.hpp"
#include "model/plan_queries.hpp"
#include "model/plan_writer.hpp"
#include "planner/cli/output.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/rebalance/rebalance.hpp"

#include <ostream>
#include <sstream>

namespace planner {

namespace {
using namespace model;

std::string utilisation_text(const std::optional<double>& u) {
    return u ? exporters::format_fixed(*u, 3) : "inf";
}
std::string utilisation_json(const std::optional<double>& u) {
    return u ? exporters::format_fixed(*u, 3) : "null";
}

// Prose wrapped at 100 columns (words are never split).
std::string wrap(const std::string& text, size_t width = 100) {
    std::string out, line;
    std::istringstream words(text);
    std::string word;
    while (words >> word) {
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    return out + line + "\n";
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
                        const std::string& output) {
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
                                        people_rows(plan, result));
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
                                            rows);
    }
    if (!result.kept_duties.empty()) {
        std::string kept = "Left as they were (no active person whose role performs them has "
                           "available hours):";
        for (size_t d : result.kept_duties)
            kept += " " + channel_duty_subject(index.channel_duties()[d]);
        out << wrap(kept);
    }
    if (output == "-")
        out << "Proposed plan written to standard output.\n";
    else
        out << "Proposed plan written to " << output << ".\n"
            << "Review it with `planner check " << output << "`.\n";
    return out.str();
}

std::string render_json(const Plan& plan, const PlanIndex& index, const RebalanceResult& result,
                        const std::string& output) {
    std::ostringstream out;
    out << "{\"plan\": " << exporters::json_quote(plan.info.name)
        << ", \"output\": " << exporters::json_quote(output) << ", \"people\": [";
    const auto rows = people_rows(plan, result);
    for (size_t i = 0; i < result.people.size(); ++i) {
        const PersonBalance& p = result.people[i];
        out << (i ? ", " : "") << "{\"person\": " << exporters::json_quote(rows[i][0])
            << ", \"name\": " << exporters::json_quote(rows[i][1])
            << ", \"status\": " << exporters::json_quote(rows[i][2])
            << ", \"available_hours\": " << rows[i][3] << ", \"load_before\": " << rows[i][4]
            << ", \"utilisation_before\": " << utilisation_json(p.utilisation_before)
            << ", \"load_after\": " << rows[i][6]
            << ", \"utilisation_after\": " << utilisation_json(p.utilisation_after)
            << ", \"overtime_hours\": " << rows[i][8] << "}";
    }
    out << "], \"needs\": [";
    for (size_t i = 0; i < result.needs.size(); ++i)
        out << (i ? ", " : "") << "{\"role\": " << exporters::json_quote(result.needs[i].role)
            << ", \"unstaffed_hours\": "
            << exporters::format_fixed(result.needs[i].unstaffed_hours, 2)
            << ", \"overtime_hours\": "
            << exporters::format_fixed(result.needs[i].overtime_hours, 2) << "}";
    out << "], \"kept\": [";
    for (size_t i = 0; i < result.kept_duties.size(); ++i)
        out << (i ? ", " : "")
            << exporters::json_quote(
                   channel_duty_subject(index.channel_duties()[result.kept_duties[i]]));
    out << "], \"overloaded_before\": " << result.overloaded_before
        << ", \"overloaded_after\": " << result.overloaded_after
        << ", \"unstaffed_hours\": " << exporters::format_fixed(result.unstaffed_hours, 2)
        << ", \"overtime_hours\": " << exporters::format_fixed(result.overtime_hours, 2)
        << ", \"cost\": " << exporters::format_fixed(result.cost, 2) << "}\n";
    return out.str();
}

int run_rebalance(const ParsedArgs& args, Streams& io) {
    const std::string format = args.value_or("--format", "text");
    if (format != "text" && format != "json" && format != "csv")
        throw UsageError("unknown format '" + format +
                         "' for `planner rebalance`; use text, json or csv");
    const auto output = args.value("--output");
    if (!output)
        throw UsageError("`planner rebalance` writes the proposed plan to a file; give it with "
                         "-o FILE (e.g. -o proposed.yaml)");
    const PlanFacts facts(load_plan_argument(args.positional[0]).plan);
    const RebalanceResult result = compute_rebalance(facts);
    const PlanIndex& index = facts.index();

    const std::string yaml = write_plan_yaml(result.proposed);
    std::string text;
    if (format == "csv")
        text = exporters::render_csv({"person", "name", "status", "available_hours", "load_before",
                                      "utilisation_before", "load_after", "utilisation_after",
                                      "overtime_hours"},
                                     people_rows(facts.plan(), result));
    else if (format == "json")
        text = render_json(facts.plan(), index, result, *output);
    else
        text = render_text(facts.plan(), index, result, *output);

    if (*output == "-") {
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
        "planner rebalance PLAN -o proposed.yaml [--format text|json|csv]",
        "Propose assignments by minimum-cost flow",
        "Plans every channel duty's hours onto the people whose roles perform it at the\n"
        "least cost (kept work 0, new assignment 1, outside interests +2, each missing\n"
        "skill +4, overtime 20, unstaffed 1000 per hour), writes the proposed plan to\n"
        "FILE (\"-\": standard output, with the summary on standard error) and prints the\n"
        "utilisation before and after and the hours no one can carry, per role.\n"
        "Formulas: docs/staffing.md.",
        {OptionSpec{"--output", "-o", "FILE", "where to write the proposed plan (required)"},
         format_option()},
        1,
        1,
        run_rebalance};
}

} // namespace planner
