// planner workload PLAN [--by duty] [--format text|json|csv] [-o FILE]: capacity, available
// hours, load and utilisation per person, or hours and Responsibles per channel duty.
#include "planner/cli/commands/workload.hpp"

#include "exporters/csv_renderer.hpp"
#include "exporters/json_writer.hpp"
#include "exporters/number_format.hpp"
#include "exporters/text_table.hpp"
#include "model/plan_queries.hpp"
#include "planner/cli/output.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/core/workload.hpp"

#include <ostream>
#include <sstream>

namespace planner {

namespace {
using namespace model;

std::string utilisation_text(const std::optional<double>& utilisation) {
    return utilisation ? exporters::format_fixed(*utilisation, 3) : "inf";
}

std::string utilisation_json(const std::optional<double>& utilisation) {
    return utilisation ? exporters::format_fixed(*utilisation, 3) : "null";
}

std::vector<std::string> person_row(const Plan& plan, const PersonLoad& load, size_t i) {
    const Person& person = plan.people[i];
    return {person.id.str(),
            display_name(person),
            std::string(to_string(person.status)),
            exporters::format_fixed(load.capacity_hours, 2),
            exporters::format_fixed(load.available_hours, 2),
            exporters::format_fixed(load.load_hours, 2),
            utilisation_text(load.utilisation)};
}

std::vector<std::string> duty_people(const DutyLoad& duty) {
    std::vector<std::string> people;
    for (const DutyResponsible& r : duty.responsible)
        people.push_back(r.person.str() + (r.profile ? "@" + r.profile->str() : std::string()));
    return people;
}

std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i)
        out += (i ? separator : "") + items[i];
    return out;
}

std::string render_people(const Plan& plan, const Workload& workload, const std::string& format) {
    static const std::vector<std::string> k_header = {
        "person",          "name",       "status",     "capacity_hours",
        "available_hours", "load_hours", "utilisation"};
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < workload.people.size(); ++i)
        rows.push_back(person_row(plan, workload.people[i], i));
    if (format == "csv")
        return exporters::render_csv(k_header, rows);
    if (format == "json") {
        std::ostringstream out;
        out << "{\"plan\": " << exporters::json_quote(plan.info.name) << ", \"people\": [";
        for (size_t i = 0; i < workload.people.size(); ++i) {
            const PersonLoad& load = workload.people[i];
            out << (i ? ", " : "") << "{\"person\": " << exporters::json_quote(rows[i][0])
                << ", \"name\": " << exporters::json_quote(rows[i][1])
                << ", \"status\": " << exporters::json_quote(rows[i][2])
                << ", \"capacity_hours\": " << rows[i][3] << ", \"available_hours\": " << rows[i][4]
                << ", \"load_hours\": " << rows[i][5]
                << ", \"utilisation\": " << utilisation_json(load.utilisation) << "}";
        }
        out << "]}\n";
        return out.str();
    }
    std::ostringstream out;
    out << plan.info.name << ": workload per person, hours per week"
        << (plan.info.quarter ? " (" + format_quarter(*plan.info.quarter) + ", absences included)"
                              : std::string())
        << "\n";
    out << exporters::render_text_table({{"person"},
                                         {"name"},
                                         {"status"},
                                         {"capacity", exporters::Align::right},
                                         {"available", exporters::Align::right},
                                         {"load", exporters::Align::right},
                                         {"utilisation", exporters::Align::right}},
                                        rows);
    int over = 0, vacancies = 0;
    for (size_t i = 0; i < workload.people.size(); ++i) {
        const auto& u = workload.people[i].utilisation;
        if (!u || *u > plan.info.thresholds.overload)
            ++over;
        if (plan.people[i].status == PersonStatus::vacancy)
            ++vacancies;
    }
    out << over << " of " << workload.people.size() << " people above utilisation "
        << exporters::format_fixed(plan.info.thresholds.overload, 2);
    if (vacancies == 1)
        out << "; 1 vacancy is planned capacity";
    if (vacancies > 1)
        out << "; " << vacancies << " vacancies are planned capacity";
    out << "\n";
    return out.str();
}

std::string render_duties(const PlanIndex& index, const Workload& workload,
                          const std::string& format) {
    static const std::vector<std::string> k_header = {"channel", "duty", "hours",
                                                      "responsible_share", "people"};
    const Plan& plan = index.plan();
    std::vector<std::vector<std::string>> rows;
    for (const DutyLoad& duty : workload.duties) {
        const ChannelDuty& cd = index.channel_duties()[duty.duty_index];
        rows.push_back({cd.channel ? cd.channel->str() : std::string(), cd.duty.str(),
                        exporters::format_fixed(duty.hours, 2),
                        exporters::format_fixed(duty.responsible_share, 3),
                        join(duty_people(duty), " ")});
    }
    if (format == "csv")
        return exporters::render_csv(k_header, rows);
    if (format == "json") {
        std::ostringstream out;
        out << "{\"plan\": " << exporters::json_quote(plan.info.name) << ", \"duties\": [";
        for (size_t i = 0; i < workload.duties.size(); ++i) {
            const DutyLoad& duty = workload.duties[i];
            const ChannelDuty& cd = index.channel_duties()[duty.duty_index];
            out << (i ? ", " : "") << "{\"channel\": "
                << (cd.channel ? exporters::json_quote(cd.channel->str()) : "null")
                << ", \"duty\": " << exporters::json_quote(cd.duty.str())
                << ", \"hours\": " << rows[i][2] << ", \"responsible_share\": " << rows[i][3]
                << ", \"people\": [";
            std::vector<std::string> people = duty_people(duty);
            for (size_t p = 0; p < people.size(); ++p)
                out << (p ? ", " : "") << exporters::json_quote(people[p]);
            out << "]}";
        }
        out << "]}\n";
        return out.str();
    }
    std::ostringstream out;
    out << plan.info.name << ": workload per channel duty, hours per week\n";
    out << exporters::render_text_table({{"channel"},
                                         {"duty"},
                                         {"hours", exporters::Align::right},
                                         {"R share", exporters::Align::right},
                                         {"people"}},
                                        rows);
    return out.str();
}

int run_workload(const ParsedArgs& args, Streams& io) {
    const std::string format = args.value_or("--format", "text");
    if (format != "text" && format != "json" && format != "csv")
        throw UsageError("unknown format '" + format +
                         "' for `planner workload`; use text, json or csv");
    const std::string by = args.value_or("--by", "person");
    if (by != "person" && by != "duty")
        throw UsageError("unknown grouping '" + by + "' for --by; use person or duty");

    const PlanFacts facts(load_plan_argument(args.positional[0]).plan);
    const std::string text = by == "duty" ? render_duties(facts.index(), facts.workload(), format)
                                          : render_people(facts.plan(), facts.workload(), format);
    emit_output(args, io, text);
    return 0;
}
} // namespace

CommandSpec workload_command() {
    return CommandSpec{
        "workload",
        "planner workload PLAN [--by person|duty] [--format text|json|csv] [-o FILE]",
        "Hours, capacity and utilisation per person or per channel duty",
        "Per person: capacity (capacity_hours, default week.hours x fte), available hours\n"
        "(capacity x (1 - overhead) x presence in the plan's quarter), load (the sum of\n"
        "share x hours over the person's Responsible assignments) and utilisation\n"
        "(load / available; \"inf\" when someone with no available hours has load).\n"
        "--by duty lists each channel duty's weekly hours, the sum of its Responsible\n"
        "shares and its Responsible people. Formulas: docs/staffing.md.",
        {OptionSpec{"--by", "", "GROUPING", "person (default) or duty"}, format_option(),
         output_option()},
        1,
        1,
        run_workload};
}

} // namespace planner
