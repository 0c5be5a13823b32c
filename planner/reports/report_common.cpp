#include "planner/reports/report_common.hpp"

#include "exporters/org_layout.hpp"
#include "planner/checks/evidence_words.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

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
    const std::string half = text.number(0.5, 1); // "0.5", "0,5": the language's decimal point
    doc.labels.decimal_point = half.substr(1, half.size() - 2);
    const std::string ten_thousand = text.number(10000, 0); // "10,000", "10 000"
    doc.labels.group_separator = ten_thousand.substr(2, ten_thousand.size() - 5);
    doc.labels.group_four_digits = text.number(1000, 0).size() > 4;
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

std::string duty_label(const ReportText* text, const DutyId& id, const DutyInfo* info) {
    if (info == nullptr)
        return id.str();
    if (text != nullptr && is_standard_duty(id.str()) && text->has("duty_names." + id.str()))
        return text->get("duty_names." + id.str());
    return info->name;
}

std::string subject_label(const PlanIndex& index, const std::string& subject,
                          const ReportText* text) {
    const size_t colon = subject.find(':');
    if (colon == std::string::npos)
        return subject == "plan" ? index.plan().info.name : subject;
    const std::string kind = subject.substr(0, colon);
    std::string id = subject.substr(colon + 1);
    std::string profile;
    if (size_t at = id.find('@'); at != std::string::npos) {
        profile = id.substr(at + 1);
        id = id.substr(0, at);
    }
    std::string label = id;
    if (kind == "person") {
        label = person_name(index, PersonId(id));
    } else if (kind == "goal") {
        if (const Goal* g = index.goal(GoalId(id)))
            label = display_name(*g);
    } else if (kind == "role") {
        if (const Role* r = index.role(RoleId(id)))
            label = display_name(*r);
    } else if (kind == "duty") {
        if (const DutyInfo* d = index.duty(DutyId(id)))
            label = duty_label(text, DutyId(id), d);
    } else if (kind == "kpi") {
        for (const Goal& g : index.plan().goals)
            for (const Kpi& k : g.kpis)
                if (k.id.str() == id)
                    label = display_name(g) + ": " + k.metric;
    } else if (kind == "channel") {
        const size_t slash = id.find('/');
        const std::string channel = id.substr(0, slash);
        const Channel* c = index.channel(ChannelId(channel));
        label = c ? display_name(*c) : channel;
        if (slash != std::string::npos) {
            const DutyId duty(id.substr(slash + 1));
            label += ": " + duty_label(text, duty, index.duty(duty));
        }
    }
    return profile.empty() ? label : label + " (" + profile + ")";
}

std::string clean_text(const PlanIndex& index, const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '`') {
            const size_t end = text.find('`', i + 1);
            if (end != std::string::npos) {
                const std::string id = text.substr(i + 1, end - i - 1);
                const DutyInfo* duty = index.duty(DutyId(id));
                out += duty ? duty->name : id;
                i = end + 1;
                continue;
            }
            ++i; // a lone backtick is markup too
            continue;
        }
        out += text[i++];
    }
    return out;
}

std::string evidence_text(const ReportText& text, const PlanIndex& index, const Finding& finding) {
    return evidence_in_words(text, finding,
                             [&](const std::string& value) { return clean_text(index, value); });
}

std::string group_headline(const ReportText& text, const FindingGroup& group) {
    const std::string title = check_title(text, group.check);
    if (group.cause.empty())
        return fill_count(text, "findings.group_headline_plain", title, group.instances.size());
    return text.get(
        "findings.group_headline",
        {{"title", title},
         {"cause", group.cause},
         {"cases", text.count("findings.cases", static_cast<long long>(group.instances.size()))}});
}

std::string check_title(const ReportText& text, const std::string& check) {
    if (text.has("checks." + check))
        return text.get("checks." + check);
    const CheckInfo* info = find_check(check);
    return info ? std::string(info->title) : check;
}

std::string area_label(const ReportText& text, const std::string& area) {
    std::string key = "areas." + area;
    for (char& ch : key)
        if (ch == ' ')
            ch = '_';
    return text.has(key) ? text.get(key) : area;
}

std::string fill_count(const ReportText& text, const std::string& key, const std::string& title,
                       size_t count) {
    return text.get(key, {{"title", title},
                          {"cases", text.count("findings.cases", static_cast<long long>(count))}});
}

exporters::Table findings_table(const ReportText& text, const PlanIndex& index,
                                const std::vector<FindingGroup>& groups, const std::string& id,
                                size_t limit) {
    ex::Table table;
    table.id = id;
    table.columns = {{"number", text.get("findings.col_number"), ex::Alignment::right, 0.4, true},
                     {"check", text.get("audit.col_check"), ex::Alignment::left, 0.8},
                     {"severity", text.get("audit.col_severity"), ex::Alignment::left, 1.0},
                     {"finding", text.get("findings.col_finding"), ex::Alignment::left, 4.0},
                     {"impact", text.get("findings.col_impact"), ex::Alignment::right, 0.8, true}};
    for (size_t g = 0; g < groups.size() && g < limit; ++g) {
        const FindingGroup& group = groups[g];
        std::string what = group.instances.size() == 1
                               ? clean_text(index, group.instances.front().message)
                               : group_headline(text, group);
        table.rows.push_back(
            {std::to_string(g + 1), group.check,
             ex::Cell(severity_label(text, group.severity), severity_colour(group.severity)), what,
             group.impact > 0 ? text.number(group.impact, 1) : std::string("\xE2\x80\x94")});
    }
    return table;
}

exporters::Table findings_detail_table(const ReportText& text, const PlanIndex& index,
                                       const std::vector<Finding>& findings,
                                       const std::string& id) {
    ex::Table table;
    table.id = id;
    table.printed = false;
    table.columns = {
        {"check", text.get("audit.col_check"), ex::Alignment::left, 0.8},
        {"severity", text.get("audit.col_severity"), ex::Alignment::left, 1.0},
        {"subject", text.get("common.subject"), ex::Alignment::left, 1.4},
        {"message", text.get("audit.col_title"), ex::Alignment::left, 3.2},
        {"recommendation", text.get("common.recommendation"), ex::Alignment::left, 3.0}};
    for (const Finding& f : findings)
        table.rows.push_back(
            {f.check, ex::Cell(severity_label(text, f.severity), severity_colour(f.severity)),
             subject_label(index, f.subject, &text), clean_text(index, f.message),
             clean_text(index, f.recommendation)});
    return table;
}

void append_group_blocks(const ReportText& text, const PlanIndex& index, const FindingGroup& group,
                         size_t number, size_t max_instances,
                         std::vector<exporters::Block>& blocks) {
    const std::string lead = text.get("findings.number", {{"number", std::to_string(number)}}) +
                             " \xC2\xB7 " + group.check + " \xC2\xB7 " +
                             severity_label(text, group.severity) + ": ";
    if (group.instances.size() == 1) {
        const Finding& finding = group.instances.front();
        blocks.push_back(
            ex::Paragraph{lead + clean_text(index, finding.message), ex::ParagraphStyle::strong});
        if (!finding.evidence.empty())
            blocks.push_back(ex::Paragraph{text.get("common.evidence") + ": " +
                                               evidence_text(text, index, finding),
                                           ex::ParagraphStyle::note});
        if (!finding.recommendation.empty())
            blocks.push_back(ex::Paragraph{text.get("common.recommendation") + ": " +
                                               clean_text(index, finding.recommendation),
                                           ex::ParagraphStyle::callout});
        return;
    }
    blocks.push_back(ex::Paragraph{lead + group_headline(text, group), ex::ParagraphStyle::strong});
    ex::BulletList items;
    for (size_t i = 0; i < group.instances.size() && i < max_instances; ++i) {
        const Finding& finding = group.instances[i];
        std::string item = clean_text(index, finding.message);
        if (!finding.recommendation.empty())
            item += " " + text.get("common.recommendation") + ": " +
                    clean_text(index, finding.recommendation);
        items.items.push_back(item);
    }
    if (group.instances.size() > max_instances)
        items.items.push_back(text.get(
            "findings.more_in_csv",
            {{"count", text.number(static_cast<double>(group.instances.size() - max_instances), 0)},
             {"file", "findings_detail.csv"}}));
    blocks.push_back(std::move(items));
}

std::string person_name(const PlanIndex& index, const PersonId& id) {
    const Person* p = index.person(id);
    return p ? display_name(*p) : id.str();
}

std::string channel_duty_label(const PlanIndex& index, const ChannelDuty& duty,
                               const ReportText* text) {
    std::string name = duty_label(text, duty.duty, index.duty(duty.duty));
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
        std::string status =
            person ? text.get("common.status_" + std::string(to_string(person->status))) : "";
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
        series.values.push_back(p.utilisation ? std::round(*p.utilisation * 100) : 200.0);
    }
    chart.series.push_back(std::move(series));
    return chart;
}

void append_workload(const ReportText& text, const PlanIndex& index, const Workload& workload,
                     std::vector<exporters::Block>& blocks) {
    constexpr size_t k_everyone = 40; // a team this size is shown person by person
    constexpr size_t k_top = 20;
    if (workload.people.size() <= k_everyone) {
        blocks.push_back(workload_chart(text, index, workload));
        blocks.push_back(workload_table(text, index, workload));
        return;
    }
    // Large teams: the distribution, then the 20 most loaded; everyone is in workload.csv.
    const double overload = index.plan().info.thresholds.overload;
    const std::vector<std::pair<double, std::string>> bands = {{0.5, "< 50%"},
                                                               {0.85, "50\u201385%"},
                                                               {overload, "85\u2013100%"},
                                                               {1.25 * overload, "100\u2013125%"},
                                                               {1e300, "> 125%"}};
    std::vector<int> counts(bands.size(), 0);
    int people = 0;
    for (const PersonLoad& p : workload.people) {
        const Person* person = index.person(p.person);
        if (person && person->status == PersonStatus::vacancy)
            continue;
        ++people;
        const double u = p.utilisation ? *p.utilisation : 1e299;
        for (size_t b = 0; b < bands.size(); ++b)
            if (u < bands[b].first || b + 1 == bands.size()) {
                ++counts[b];
                break;
            }
    }
    blocks.push_back(
        ex::Paragraph{text.get("workload.large_lead", {{"people", text.number(people, 0)},
                                                       {"top", std::to_string(k_top)},
                                                       {"file", "workload.csv"}}),
                      ex::ParagraphStyle::body});
    ex::Table distribution;
    distribution.id = "workload_distribution";
    distribution.title = text.get("workload.distribution");
    distribution.columns = {
        {"band", text.get("staffing.col_utilisation"), ex::Alignment::left, 1},
        {"people", text.get("workload.col_people"), ex::Alignment::right, 1, true}};
    for (size_t b = 0; b < bands.size(); ++b)
        distribution.rows.push_back({bands[b].second, text.number(counts[b], 0)});
    blocks.push_back(std::move(distribution));

    Workload top = workload;
    std::stable_sort(top.people.begin(), top.people.end(),
                     [](const PersonLoad& a, const PersonLoad& b) {
                         const double ua = a.utilisation ? *a.utilisation : 1e300;
                         const double ub = b.utilisation ? *b.utilisation : 1e300;
                         return ua > ub;
                     });
    if (top.people.size() > k_top)
        top.people.resize(k_top);
    ex::BarChart chart = workload_chart(text, index, top);
    chart.title = text.get("workload.top_chart", {{"top", std::to_string(k_top)}});
    blocks.push_back(std::move(chart));
    ex::Table top_table = workload_table(text, index, top);
    top_table.id = "workload_top";
    top_table.title = text.get("workload.top_table", {{"top", std::to_string(k_top)}});
    blocks.push_back(std::move(top_table));
    ex::Table all = workload_table(text, index, workload);
    all.printed = false;
    blocks.push_back(std::move(all));
}

namespace {

// The reporting tree of an org chart's nodes: children, breadth-first order from the roots,
// depth, and everyone under each node (vacancies included).
struct OrgShape {
    std::map<std::string, size_t> position;
    std::vector<std::vector<size_t>> children;
    std::vector<size_t> order;
    std::vector<int> depth;
    std::vector<size_t> team;
};

OrgShape org_shape(const ex::OrgChart& chart) {
    // The same tree the chart draws: a link that would close a reporting cycle is dropped, so
    // everyone is in it and the figures agree with the boxes.
    const ex::OrgTree tree = ex::build_org_tree(chart.nodes);
    OrgShape shape;
    const size_t n = chart.nodes.size();
    for (size_t i = 0; i < n; ++i)
        shape.position.emplace(chart.nodes[i].id, i);
    shape.children = tree.children;
    shape.depth = tree.depth;
    shape.team.assign(n, 0);
    shape.order = tree.roots;
    for (size_t i = 0; i < shape.order.size(); ++i)
        for (size_t child : shape.children[shape.order[i]])
            shape.order.push_back(child);
    for (size_t i = shape.order.size(); i-- > 0;)
        for (size_t child : shape.children[shape.order[i]])
            shape.team[shape.order[i]] += 1 + shape.team[child];
    return shape;
}

} // namespace

exporters::OrgChart org_chart(const ReportText& text, const PlanIndex& index,
                              const Workload& workload) {
    ex::OrgChart chart;
    chart.title = text.get("staffing.org_chart");
    chart.legend = {{ex::OrgMark::overloaded, text.get("org.overloaded")},
                    {ex::OrgMark::vacancy, text.get("org.vacancy")},
                    {ex::OrgMark::leaving, text.get("org.leaving")}};
    chart.legend_title = text.get("org.legend_title");
    chart.detail_note = text.get("org.detail_note");
    const Plan& plan = index.plan();
    std::map<std::string, const PersonLoad*> loads;
    for (const PersonLoad& p : workload.people)
        loads[p.person.str()] = &p;
    for (const Person& p : plan.people) {
        ex::OrgNode node;
        node.id = p.id.str();
        bool vacancy = p.status == PersonStatus::vacancy;
        // A vacancy is labelled as one; its role is the sublabel (a vacancy has no name to show).
        node.label = vacancy ? text.get("common.vacancy") : display_name(p);
        std::string roles;
        for (const RoleId& r : p.roles) {
            const Role* role = index.role(r);
            roles += (roles.empty() ? "" : ", ") + (role ? display_name(*role) : r.str());
        }
        node.sublabel = roles.empty() ? text.get("common.unassigned") : roles;
        if (p.reports_to)
            node.parent_id = p.reports_to->str();
        auto load = loads.find(p.id.str());
        bool overloaded = !vacancy && load != loads.end() &&
                          (!load->second->utilisation ||
                           *load->second->utilisation > plan.info.thresholds.overload);
        if (overloaded)
            node.marks.push_back(ex::OrgMark::overloaded);
        if (vacancy)
            node.marks.push_back(ex::OrgMark::vacancy);
        if (p.status == PersonStatus::leaving)
            node.marks.push_back(ex::OrgMark::leaving);
        chart.nodes.push_back(std::move(node));
    }
    // Each manager's span of control and the size of their team.
    const OrgShape shape = org_shape(chart);
    for (size_t i = 0; i < chart.nodes.size(); ++i)
        if (!shape.children[i].empty())
            chart.nodes[i].detail =
                text.get("org.detail",
                         {{"span", text.number(static_cast<double>(shape.children[i].size()), 0)},
                          {"team", text.number(static_cast<double>(shape.team[i]), 0)}});
    return chart;
}

void append_org_chart(const ReportText& text, exporters::OrgChart chart,
                      std::vector<exporters::Block>& blocks) {
    constexpr size_t k_whole_chart = 80; // people drawn one by one up to this size
    const OrgShape shape = org_shape(chart);
    auto count = [&](size_t n) { return text.number(static_cast<double>(n), 0); };
    if (chart.nodes.size() <= k_whole_chart) {
        // The teams: each manager with their direct reports and everyone under them.
        ex::Table teams;
        teams.id = "org_teams";
        teams.title = text.get("org.teams_title");
        teams.columns = {
            {"manager", text.get("org.col_manager"), ex::Alignment::left, 2},
            {"roles", text.get("common.role"), ex::Alignment::left, 2},
            {"direct_reports", text.get("org.col_span"), ex::Alignment::right, 1, true},
            {"team_size", text.get("org.col_team"), ex::Alignment::right, 1, true}};
        for (size_t i : shape.order)
            if (!shape.children[i].empty())
                teams.rows.push_back({chart.nodes[i].label, chart.nodes[i].sublabel,
                                      count(shape.children[i].size()), count(shape.team[i])});
        blocks.push_back(std::move(chart));
        if (!teams.rows.empty())
            blocks.push_back(std::move(teams));
        return;
    }
    // Large teams: the head and the two levels under them, each manager's box with their span
    // and the size of the team under them; everyone, with their manager, direct reports and
    // team size, is in org_chart.csv.
    ex::Table all;
    all.id = "org_chart";
    all.printed = false;
    all.columns = {{"person", text.get("common.person"), ex::Alignment::left, 2},
                   {"roles", text.get("common.role"), ex::Alignment::left, 2},
                   {"reports_to", text.get("org.col_reports_to"), ex::Alignment::left, 2},
                   {"direct_reports", text.get("org.col_span"), ex::Alignment::right, 1, true},
                   {"team_size", text.get("org.col_team"), ex::Alignment::right, 1, true}};
    ex::OrgChart top;
    top.title = chart.title;
    top.legend = chart.legend;
    top.legend_title = chart.legend_title;
    top.detail_note = chart.detail_note;
    int levels = 2;
    size_t shown = 0;
    for (size_t i : shape.order)
        shown += shape.depth[i] <= levels ? 1 : 0;
    // A summary that fits the page under its heading and lead (about 40 boxes); a larger one
    // would stand on a page of its own and leave the heading alone on the page before.
    constexpr size_t k_summary_chart = 40;
    if (shown > k_summary_chart)
        levels = 1;
    for (size_t i : shape.order) {
        const ex::OrgNode& node = chart.nodes[i];
        auto parent = node.parent_id ? shape.position.find(*node.parent_id) : shape.position.end();
        all.rows.push_back({node.label, node.sublabel,
                            parent == shape.position.end() || parent->second == i
                                ? ""
                                : chart.nodes[parent->second].label,
                            count(shape.children[i].size()), count(shape.team[i])});
        if (shape.depth[i] > levels)
            continue;
        top.nodes.push_back(node);
    }
    // People, as the summary counts them: vacancies are boxes of the chart but nobody yet.
    const auto people = static_cast<size_t>(
        std::count_if(chart.nodes.begin(), chart.nodes.end(),
                      [](const ex::OrgNode& node) { return !node.has(ex::OrgMark::vacancy); }));
    blocks.push_back(
        ex::Paragraph{text.get("org.large_lead", {{"people", count(people)},
                                                  {"levels", std::to_string(levels + 1)},
                                                  {"file", "org_chart.csv"}}),
                      ex::ParagraphStyle::body});
    blocks.push_back(std::move(top));
    blocks.push_back(std::move(all));
}

} // namespace planner::report
