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

void utilisation_json(exporters::JsonWriter& json, const char* key,
                      const std::optional<double>& utilisation) {
    if (utilisation)
        json.field_fixed(key, *utilisation, 3);
    else
        json.field_null(key);
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

std::string render_people(const Plan& plan, const Workload& workload, OutputFormat format,
                          int width) {
    static const std::vector<std::string> k_header = {
        "person",          "name",       "status",     "capacity_hours",
        "available_hours", "load_hours", "utilisation"};
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < workload.people.size(); ++i)
        rows.push_back(person_row(plan, workload.people[i], i));
    if (format == OutputFormat::csv)
        return exporters::render_csv(k_header, rows);
    if (format == OutputFormat::json) {
        exporters::JsonWriter json(exporters::JsonStyle::compact);
        json.begin_object().field("plan", plan.info.name).key("people").begin_array();
        for (size_t i = 0; i < workload.people.size(); ++i) {
            const PersonLoad& load = workload.people[i];
            json.begin_object()
                .field("person", rows[i][0])
                .field("name", rows[i][1])
                .field("status", rows[i][2])
                .field_fixed("capacity_hours", load.capacity_hours, 2)
                .field_fixed("available_hours", load.available_hours, 2)
                .field_fixed("load_hours", load.load_hours, 2);
            utilisation_json(json, "utilisation", load.utilisation);
            json.end_object();
        }
        json.end_array().end_object();
        return json.take();
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
                                        rows, width);
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

std::string render_duties(const PlanIndex& index, const Workload& workload, OutputFormat format,
                          int width) {
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
    if (format == OutputFormat::csv)
        return exporters::render_csv(k_header, rows);
    if (format == OutputFormat::json) {
        exporters::JsonWriter json(exporters::JsonStyle::compact);
        json.begin_object().field("plan", plan.info.name).key("duties").begin_array();
        for (const DutyLoad& duty : workload.duties) {
            const ChannelDuty& cd = index.channel_duties()[duty.duty_index];
            json.begin_object();
            if (cd.channel)
                json.field("channel", cd.channel->str());
            else
                json.field_null("channel");
            json.field("duty", cd.duty.str())
                .field_fixed("hours", duty.hours, 2)
                .field_fixed("responsible_share", duty.responsible_share, 3)
                .key("people")
                .begin_array();
            for (const std::string& person : duty_people(duty))
                json.write_string(person);
            json.end_array().end_object();
        }
        json.end_array().end_object();
        return json.take();
    }
    std::ostringstream out;
    out << plan.info.name << ": workload per channel duty, hours per week\n";
    out << exporters::render_text_table({{"channel"},
                                         {"duty"},
                                         {"hours", exporters::Align::right},
                                         {"R share", exporters::Align::right},
                                         {"people"}},
                                        rows, width);
    return out.str();
}

int run_workload(const ParsedArgs& args, Streams& io) {
    const OutputFormat format = output_format(args, "workload", k_analysis_formats);
    const std::string by = args.value_or("--by", "person");
    if (by != "person" && by != "duty")
        throw UsageError("unknown grouping '" + by + "' for --by; use person or duty");

    const PlanFacts facts(load_plan_argument(args.positional[0]).plan);
    const int width = text_width(args, io);
    const std::string text = by == "duty"
                                 ? render_duties(facts.index(), facts.workload(), format, width)
                                 : render_people(facts.plan(), facts.workload(), format, width);
    emit_output(args, io, format == OutputFormat::text ? fit_to_terminal(args, io, text) : text,
                "the workload");
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
        {OptionSpec{"--by", "", "GROUPING", "person (default) or duty"},
         format_option(k_analysis_formats), output_option()},
        1,
        1,
        run_workload};
}

} // namespace planner
