#include "planner/reports/report_common.hpp"

#include <algorithm>
#include <cmath>

namespace planner::report {

using namespace model;
namespace ex = exporters;

exporters::Document start_document(const Plan& plan, const ReportText& text,
                                   const ReportOptions& options, const std::string& kind,
                                   const std::map<std::string, std::string>& subtitle_values) {
    ex::Document doc;
    doc.metadata.title = text.get(kind + ".title");
    doc.metadata.subtitle = text.get(kind + ".subtitle", subtitle_values);
    doc.metadata.subject = doc.metadata.title + ": " + plan.info.name;
    doc.metadata.language = text.language();
    doc.metadata.keywords = {"social media", "team", kind};
    if (plan.info.organization)
        doc.metadata.keywords.push_back(*plan.info.organization);
    doc.metadata.author = options.brand && !options.brand->consultant.empty()
                              ? options.brand->consultant
                              : (plan.info.organization ? *plan.info.organization : "planner");
    doc.cover.title = doc.metadata.title;
    doc.cover.subtitle = doc.metadata.subtitle;
    std::string client = options.brand && !options.brand->client.empty()
                             ? options.brand->client
                             : (plan.info.organization ? *plan.info.organization : "");
    if (!client.empty())
        doc.cover.client_line = text.get("common.prepared_for", {{"client", client}});
    if (options.brand && !options.brand->consultant.empty())
        doc.cover.consultant_line =
            text.get("common.prepared_by", {{"consultant", options.brand->consultant}});
    if (options.brand) {
        doc.cover.logo_png = options.brand->logo_png;
        doc.cover.primary_colour = options.brand->primary;
    }
    doc.cover.date_text = text.date(ex::resolve_creation_time(doc.metadata));
    doc.running_header = doc.metadata.title + " \xE2\x80\x94 " + plan.info.name;
    doc.labels.page_number = text.get("labels.page_number");
    doc.labels.continued = text.get("labels.continued");
    return doc;
}

std::string severity_label(const ReportText& text, Severity severity) {
    return text.get("common.severity_" + std::string(to_string(severity)));
}

exporters::StatusColour severity_colour(Severity severity) {
    switch (severity) {
    case Severity::error:
        return ex::StatusColour::red;
    case Severity::warning:
        return ex::StatusColour::amber;
    case Severity::info:
        return ex::StatusColour::none;
    }
    return ex::StatusColour::none;
}

exporters::Table findings_table(const ReportText& text, const std::vector<Finding>& findings,
                                const std::string& id) {
    ex::Table table;
    table.id = id;
    table.columns = {
        {"check", "ID", ex::Alignment::left, 0.8},
        {"severity", text.get("audit.col_severity"), ex::Alignment::left, 1.0},
        {"subject", text.get("common.subject"), ex::Alignment::left, 1.4},
        {"message", text.get("audit.col_title"), ex::Alignment::left, 3.2},
        {"recommendation", text.get("common.recommendation"), ex::Alignment::left, 3.0}};
    for (const Finding& f : findings)
        table.rows.push_back(
            {f.check, ex::Cell(severity_label(text, f.severity), severity_colour(f.severity)),
             f.subject, f.message, f.recommendation});
    return table;
}

void append_finding_blocks(const ReportText& text, const Finding& finding,
                           std::vector<exporters::Block>& blocks) {
    blocks.push_back(ex::Paragraph{finding.check + " \xC2\xB7 " +
                                       severity_label(text, finding.severity) + ": " +
                                       finding.message,
                                   ex::ParagraphStyle::strong});
    if (!finding.evidence.empty()) {
        std::string evidence = text.get("common.evidence") + ": ";
        for (size_t i = 0; i < finding.evidence.size(); ++i) {
            std::string key = finding.evidence[i].first;
            for (char& ch : key)
                if (ch == '_')
                    ch = ' ';
            evidence += (i ? "; " : "") + key + " " + finding.evidence[i].second;
        }
        blocks.push_back(ex::Paragraph{evidence, ex::ParagraphStyle::note});
    }
    if (!finding.recommendation.empty())
        blocks.push_back(
            ex::Paragraph{text.get("common.recommendation") + ": " + finding.recommendation,
                          ex::ParagraphStyle::callout});
}

std::string person_name(const PlanIndex& index, const PersonId& id) {
    const Person* p = index.person(id);
    return p ? display_name(*p) : id.str();
}

std::string channel_duty_label(const PlanIndex& index, const ChannelDuty& duty) {
    const DutyInfo* info = index.duty(duty.duty);
    std::string name = info ? info->name : duty.duty.str();
    if (!duty.channel)
        return name;
    const Channel* c = index.channel(*duty.channel);
    return (c ? display_name(*c) : duty.channel->str()) + ": " + name;
}

namespace {
std::string utilisation_text(const ReportText& text, const PersonLoad& p) {
    if (!p.utilisation)
        return "\xE2\x88\x9E"; // infinity: load with no available hours
    return text.number(*p.utilisation * 100, 0) + "%";
}

ex::StatusColour utilisation_colour(const PlanInfo& info, const PersonLoad& p) {
    if (!p.utilisation)
        return ex::StatusColour::red;
    if (*p.utilisation > 1.25 * info.thresholds.overload)
        return ex::StatusColour::red;
    if (*p.utilisation > info.thresholds.overload)
        return ex::StatusColour::amber;
    return ex::StatusColour::none;
}
} // namespace

exporters::Table workload_table(const ReportText& text, const PlanIndex& index,
                                const Workload& workload) {
    ex::Table table;
    table.id = "workload";
    table.title = text.get("staffing.workload");
    table.columns = {
        {"person", text.get("common.person"), ex::Alignment::left, 2.4},
        {"status", text.get("common.status"), ex::Alignment::left, 1.0},
        {"capacity_hours", text.get("staffing.col_capacity"), ex::Alignment::right, 1, true},
        {"available_hours", text.get("staffing.col_available"), ex::Alignment::right, 1, true},
        {"load_hours", text.get("staffing.col_load"), ex::Alignment::right, 1, true},
        {"utilisation", text.get("staffing.col_utilisation"), ex::Alignment::right, 1, true}};
    const PlanInfo& info = index.plan().info;
    for (const PersonLoad& p : workload.people) {
        const Person* person = index.person(p.person);
        std::string status = person ? std::string(to_string(person->status)) : "";
        table.rows.push_back({person_name(index, p.person), status,
                              text.number(p.capacity_hours, 1), text.number(p.available_hours, 1),
                              text.number(p.load_hours, 1),
                              ex::Cell(utilisation_text(text, p), utilisation_colour(info, p))});
    }
    return table;
}

exporters::BarChart workload_chart(const ReportText& text, const PlanIndex& index,
                                   const Workload& workload) {
    ex::BarChart chart;
    chart.title = text.get("staffing.workload_chart");
    chart.orientation = ex::BarOrientation::horizontal;
    chart.value_axis_label = text.get("staffing.workload_axis");
    chart.value_suffix = "%";
    chart.reference = ex::ReferenceLine{100, text.get("staffing.capacity_line")};
    ex::Series series;
    series.name = text.get("staffing.col_utilisation");
    for (const PersonLoad& p : workload.people) {
        const Person* person = index.person(p.person);
        if (person && person->status == PersonStatus::vacancy)
            continue;
        chart.categories.push_back(person_name(index, p.person));
        // An infinite load is drawn at 200% and labelled in the table.
        series.values.push_back(p.utilisation ? std::round(*p.utilisation * 1000) / 10 : 200.0);
    }
    chart.series.push_back(std::move(series));
    return chart;
}

exporters::OrgChart org_chart(const ReportText& text, const PlanIndex& index,
                              const Workload& workload) {
    ex::OrgChart chart;
    chart.title = text.get("staffing.org_chart");
    const Plan& plan = index.plan();
    std::map<std::string, const PersonLoad*> loads;
    for (const PersonLoad& p : workload.people)
        loads[p.person.str()] = &p;
    for (const Person& p : plan.people) {
        ex::OrgNode node;
        node.id = p.id.str();
        bool vacancy = p.status == PersonStatus::vacancy;
        node.label =
            vacancy ? text.get("common.vacancy") + ": " + display_name(p) : display_name(p);
        std::string roles;
        for (const RoleId& r : p.roles) {
            const Role* role = index.role(r);
            roles += (roles.empty() ? "" : ", ") + (role ? display_name(*role) : r.str());
        }
        node.sublabel = roles.empty() ? text.get("common.unassigned") : roles;
        if (p.reports_to)
            node.parent_id = p.reports_to->str();
        auto load = loads.find(p.id.str());
        bool overloaded =
            load != loads.end() && (!load->second->utilisation ||
                                    *load->second->utilisation > plan.info.thresholds.overload);
        node.highlight = vacancy || overloaded;
        chart.nodes.push_back(std::move(node));
    }
    return chart;
}

} // namespace planner::report
