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
#include "planner/core/texts.hpp"
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

// A figure of the text output: as the CSV writes it in English, the language's numbers else.
std::string text_number(const Texts& texts, const std::string& plain) {
    if (texts.language() == "en" || plain.empty() || plain == "inf")
        return plain;
    const size_t dot = plain.find('.');
    return texts.number(std::stod(plain),
                        dot == std::string::npos ? 0 : static_cast<int>(plain.size() - dot - 1));
}

std::string render_people(const Plan& plan, const Workload& workload, OutputFormat format,
                          const Texts& texts, int width) {
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
    out << texts.get("workload_output.title_person", {{"plan", plan.info.name}})
        << (plan.info.quarter ? texts.get("workload_output.quarter",
                                          {{"quarter", format_quarter(*plan.info.quarter)}})
                              : std::string())
        << "\n";
    if (texts.language() != "en")
        for (size_t i = 0; i < rows.size(); ++i) {
            rows[i][2] = texts.get("common.status_" + rows[i][2]);
            for (size_t c = 3; c < rows[i].size(); ++c)
                rows[i][c] = text_number(texts, rows[i][c]);
        }
    auto heading = [&](const char* key) {
        return texts.get(std::string("workload_output.") + key);
    };
    out << exporters::render_text_table({{heading("col_person")},
                                         {heading("col_name")},
                                         {heading("col_status")},
                                         {heading("col_capacity"), exporters::Align::right},
                                         {heading("col_available"), exporters::Align::right},
                                         {heading("col_load"), exporters::Align::right},
                                         {heading("col_utilisation"), exporters::Align::right}},
                                        rows, width);
    int over = 0, vacancies = 0;
    for (size_t i = 0; i < workload.people.size(); ++i) {
        const auto& u = workload.people[i].utilisation;
        if (!u || *u > plan.info.thresholds.overload)
            ++over;
        if (plan.people[i].status == PersonStatus::vacancy)
            ++vacancies;
    }
    out << texts.count("workload_output.above", static_cast<long long>(workload.people.size()),
                       {{"over", std::to_string(over)},
                        {"threshold", text_number(texts, exporters::format_fixed(
                                                             plan.info.thresholds.overload, 2))}});
    if (vacancies > 0)
        out << texts.count("workload_output.vacancies", vacancies);
    out << "\n";
    return out.str();
}

std::string render_duties(const PlanIndex& index, const Workload& workload, OutputFormat format,
                          const Texts& texts, int width) {
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
    out << texts.get("workload_output.title_duty", {{"plan", plan.info.name}}) << "\n";
    if (texts.language() != "en")
        for (auto& row : rows)
            for (size_t c = 2; c < 4; ++c)
                row[c] = text_number(texts, row[c]);
    auto heading = [&](const char* key) {
        return texts.get(std::string("workload_output.") + key);
    };
    out << exporters::render_text_table({{heading("col_channel")},
                                         {heading("col_duty")},
                                         {heading("col_hours"), exporters::Align::right},
                                         {heading("col_share"), exporters::Align::right},
                                         {heading("col_people")}},
                                        rows, width);
    return out.str();
}

int run_workload(const ParsedArgs& args, Streams& io) {
    const OutputFormat format = output_format(args, "workload", k_analysis_formats);
    const std::string by = args.value_or("--by", "person");
    if (by != "person" && by != "duty")
        throw UsageError("unknown grouping '" + by + "' for --by; use person or duty");

    const Texts texts = Texts::load(args.value_or("--lang", "en"));
    const PlanFacts facts(load_plan_argument(args.positional[0]).plan);
    const int width = text_width(args, io);
    const std::string text =
        by == "duty" ? render_duties(facts.index(), facts.workload(), format, texts, width)
                     : render_people(facts.plan(), facts.workload(), format, texts, width);
    emit_output(args, io, format == OutputFormat::text ? fit_to_terminal(args, io, text) : text,
                "the workload");
    return 0;
}
} // namespace

CommandSpec workload_command() {
    return CommandSpec{
        "workload",
        "planner workload PLAN [--by person|duty] [--format text|json|csv] [--lang en|lv] "
        "[-o FILE]",
        "Hours, capacity and utilisation per person or per channel duty",
        "Per person: capacity (capacity_hours, default week.hours x fte), available hours\n"
        "(capacity x (1 - overhead) x presence in the plan's quarter), load (the sum of\n"
        "share x hours over the person's Responsible assignments) and utilisation\n"
        "(load / available; \"inf\" when someone with no available hours has load).\n"
        "--by duty lists each channel duty's weekly hours, the sum of its Responsible\n"
        "shares and its Responsible people. Formulas: docs/staffing.md.\n"
        "--lang lv prints the text output in Latvian (JSON and CSV keys stay as they are).",
        {OptionSpec{"--by", "", "GROUPING", "person (default) or duty"},
         OptionSpec{"--lang", "", "LANG", "en (default) or lv: the language of the text output"},
         format_option(k_analysis_formats), output_option()},
        1,
        1,
        run_workload};
}

} // namespace planner
