// planner show PLAN: a summary of goals, channels with their duties' weekly hours, roles,
// people and vacancies.
#include "planner/cli/commands/commands.hpp"

#include "exporters/json_writer.hpp"
#include "exporters/number_format.hpp"
#include "exporters/text_table.hpp"
#include "model/plan_queries.hpp"
#include "planner/cli/output.hpp"
#include "planner/core/plan_source.hpp"

#include <ostream>
#include <sstream>

namespace planner {

namespace {
using namespace model;

std::string join(const std::vector<std::string>& items, const char* separator = ", ") {
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : separator) + item;
    return out;
}

template <class IdT> std::vector<std::string> ids(const std::vector<IdT>& list) {
    std::vector<std::string> out;
    for (const auto& id : list)
        out.push_back(id.str());
    return out;
}

std::string render_text(const Plan& plan, int width) {
    PlanIndex index(plan);
    std::ostringstream out;
    out << plan.info.name;
    if (plan.info.organization)
        out << " - " << *plan.info.organization;
    out << "\n";
    out << "Quarter " << (plan.info.quarter ? format_quarter(*plan.info.quarter) : "not set")
        << ", time zone " << plan.info.timezone << ", "
        << exporters::format_fixed(plan.info.week.hours, 0) << "-hour week, overhead "
        << exporters::format_fixed(plan.info.overhead * 100, 0) << "%\n\n";

    out << "Goals (" << plan.goals.size() << ")\n";
    std::vector<std::vector<std::string>> rows;
    for (const Goal& g : plan.goals) {
        const Person* owner = g.owner ? index.person(*g.owner) : nullptr;
        rows.push_back({display_name(g), std::string(to_string(g.kind)), std::to_string(g.priority),
                        owner ? display_name(*owner) : "-", std::to_string(g.kpis.size()),
                        join(ids(g.channels))});
    }
    out << exporters::render_text_table({{"goal"},
                                         {"kind"},
                                         {"priority", exporters::Align::right},
                                         {"owner"},
                                         {"KPIs", exporters::Align::right},
                                         {"channels"}},
                                        rows, width)
        << "\n";

    out << "Channels (" << plan.channels.size() << "), hours per week by duty\n";
    rows.clear();
    std::vector<exporters::TextColumn> columns = {{"channel"}, {"network"}};
    for (const auto& duty : standard_duty_ids())
        columns.push_back({duty, exporters::Align::right});
    columns.push_back({"custom", exporters::Align::right});
    columns.push_back({"total", exporters::Align::right});
    double grand_total = 0;
    for (const Channel& c : plan.channels) {
        std::vector<std::string> row = {display_name(c), std::string(to_string(c.network))};
        double total = 0;
        for (const auto& duty : standard_duty_ids()) {
            double hours = standard_duty_hours(c, duty);
            total += hours;
            row.push_back(hours > 0 ? exporters::format_fixed(hours, 1) : "-");
        }
        double custom = 0;
        auto [first, last] = index.channel_duty_range(c.id);
        for (size_t k = first; k < last; ++k)
            if (!is_standard_duty(index.channel_duties()[k].duty.str()))
                custom += index.channel_duties()[k].hours;
        total += custom;
        grand_total += total;
        row.push_back(custom > 0 ? exporters::format_fixed(custom, 1) : "-");
        row.push_back(exporters::format_fixed(total, 1));
        rows.push_back(std::move(row));
    }
    for (const ChannelDuty& cd : index.channel_duties())
        if (!cd.channel)
            grand_total += cd.hours;
    out << exporters::render_text_table(columns, rows, width);
    out << "Channel work in total: " << exporters::format_fixed(grand_total, 1)
        << " hours a week\n\n";

    out << "Roles (" << plan.roles.size() << ")\n";
    rows.clear();
    for (const Role& r : plan.roles) {
        int holders = 0;
        for (const Person& p : plan.people)
            for (const RoleId& id : p.roles)
                if (id == r.id && p.status != PersonStatus::vacancy)
                    ++holders;
        rows.push_back({display_name(r), join(ids(r.duties)), std::to_string(holders)});
    }
    out << exporters::render_text_table({{"role"}, {"duties"}, {"people", exporters::Align::right}},
                                        rows, width)
        << "\n";

    auto people_table = [&](bool vacancies) {
        std::vector<std::vector<std::string>> list;
        for (const Person& p : plan.people) {
            if ((p.status == PersonStatus::vacancy) != vacancies)
                continue;
            const Person* manager = p.reports_to ? index.person(*p.reports_to) : nullptr;
            list.push_back({display_name(p), join(ids(p.roles)), exporters::format_fixed(p.fte, 2),
                            exporters::format_fixed(capacity_hours(plan.info, p), 1),
                            manager ? display_name(*manager) : "-",
                            std::string(to_string(p.status))});
        }
        return list;
    };
    auto active = people_table(false);
    out << "People (" << active.size() << ")\n";
    std::vector<exporters::TextColumn> person_columns = {{"person"},
                                                         {"roles"},
                                                         {"fte", exporters::Align::right},
                                                         {"h/week", exporters::Align::right},
                                                         {"reports to"},
                                                         {"status"}};
    out << exporters::render_text_table(person_columns, active, width) << "\n";
    auto open = people_table(true);
    out << "Vacancies (" << open.size() << ")\n";
    if (open.empty())
        out << "  none\n";
    else
        out << exporters::render_text_table(person_columns, open, width);
    return out.str();
}

std::string render_json(const Plan& plan) {
    PlanIndex index(plan);
    exporters::JsonWriter json(exporters::JsonStyle::compact);
    json.begin_object().field("plan", plan.info.name);
    if (plan.info.organization)
        json.field("organization", *plan.info.organization);
    else
        json.field_null("organization");
    if (plan.info.quarter)
        json.field("quarter", format_quarter(*plan.info.quarter));
    else
        json.field_null("quarter");
    json.field_integer("goals", static_cast<std::int64_t>(plan.goals.size()))
        .key("channels")
        .begin_array();
    for (const Channel& c : plan.channels) {
        json.begin_object()
            .field("id", c.id.str())
            .field("name", display_name(c))
            .key("duties")
            .begin_object();
        auto [first, last] = index.channel_duty_range(c.id);
        for (size_t k = first; k < last; ++k) {
            const ChannelDuty& cd = index.channel_duties()[k];
            json.field_fixed(cd.duty.str(), cd.hours, 2);
        }
        json.end_object().end_object();
    }
    int active = 0, vacancies = 0;
    for (const Person& p : plan.people)
        (p.status == PersonStatus::vacancy ? vacancies : active)++;
    json.end_array()
        .field_integer("roles", static_cast<std::int64_t>(plan.roles.size()))
        .field_integer("people", active)
        .field_integer("vacancies", vacancies)
        .end_object();
    return json.take();
}

int run_show(const ParsedArgs& args, Streams& io) {
    const OutputFormat format =
        output_format(args, "show", {OutputFormat::text, OutputFormat::json});
    const LoadedPlan loaded = load_plan_argument(args.positional[0]);
    const std::string text =
        format == OutputFormat::json
            ? render_json(loaded.plan)
            : fit_to_terminal(args, io, render_text(loaded.plan, text_width(args, io)));
    emit_output(args, io, text, "the plan summary");
    return 0;
}
} // namespace

CommandSpec show_command() {
    return CommandSpec{"show",
                       "planner show PLAN [--format text|json] [-o FILE]",
                       "Summarise a plan: goals, channels and their hours, roles, people",
                       "Channel hours are the weekly hours of each standard duty, computed from\n"
                       "the channel's workload drivers (see docs/staffing.md).",
                       {format_option({OutputFormat::text, OutputFormat::json}), output_option()},
                       1,
                       1,
                       run_show};
}

} // namespace planner
