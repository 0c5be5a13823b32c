// The quarterly review: KPI attainment per goal with red/amber/green, trends over the last
// four quarters as charts, channel performance, team changes since the previous quarter's
// snapshot, staffing status and the ask for next quarter, open findings.
#include "planner/cost/cost.hpp"
#include "planner/reports/report_common.hpp"
#include "planner/review/kpi_review.hpp"
#include "planner/review/plan_diff.hpp"
#include "planner/staffing/staffing.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace planner {

using namespace model;
namespace ex = exporters;

namespace {
ex::StatusColour colour_of(KpiStatus s) {
    switch (s) {
    case KpiStatus::green:
        return ex::StatusColour::green;
    case KpiStatus::amber:
        return ex::StatusColour::amber;
    case KpiStatus::red:
        return ex::StatusColour::red;
    default:
        return ex::StatusColour::none;
    }
}

std::string status_text(const ReportText& t, KpiStatus s) {
    switch (s) {
    case KpiStatus::green:
        return t.get("quarterly.status_green");
    case KpiStatus::amber:
        return t.get("quarterly.status_amber");
    case KpiStatus::red:
        return t.get("quarterly.status_red");
    case KpiStatus::no_data:
        return t.get("quarterly.status_no_data");
    case KpiStatus::no_target:
        return t.get("quarterly.status_no_target");
    }
    return "";
}

bool is_rate(const std::string& metric) {
    return metric == "engagement_rate" || metric == "ctr" || metric == "follower_growth" ||
           metric == "response_rate" || metric == "roi";
}

// A metric as a reader names it ("Engagement rate"); the key when the templates have no name.
std::string metric_label(const ReportText& t, const std::string& metric) {
    return t.has("metric_labels." + metric) ? t.get("metric_labels." + metric) : metric;
}

// A metric's value in the language's numbers: rates as percentages with two decimals, response
// times in minutes with one, money with two, counts whole.
std::string metric_value(const ReportText& t, const std::string& metric,
                         const std::optional<double>& value) {
    if (!value || !std::isfinite(*value))
        return "\xE2\x80\x94";
    if (is_rate(metric))
        return t.get("common.percent", {{"value", t.number(*value * 100, 2)}});
    if (metric == "response_minutes")
        return t.get("quarterly.minutes", {{"value", t.number(*value, 1)}});
    if (metric == "spend" || metric == "revenue" || metric == "cost_per_conversion")
        return t.number(*value, 2);
    return t.number(*value, 0);
}

// The change against the previous quarter with data: "↑ 7%" (relative) or "↓ 0.4 pp" for
// rates. Arrows, not signs: a sign that starts a cell reads as a formula in a spreadsheet.
std::string change_text(const ReportText& t, const KpiResult& k) {
    if (k.trend.size() < 2 || !k.trend.back().value || !k.trend[k.trend.size() - 2].value)
        return "\xE2\x80\x94";
    const double now = *k.trend.back().value;
    const double before = *k.trend[k.trend.size() - 2].value;
    auto arrow = [](double rounded) {
        return rounded > 0   ? std::string("\xE2\x86\x91 ")  // up
               : rounded < 0 ? std::string("\xE2\x86\x93 ")  // down
                             : std::string("\xE2\x86\x92 "); // level
    };
    if (is_rate(k.metric)) {
        const double points = (now - before) * 100;
        return arrow(std::round(points * 10)) +
               t.get("quarterly.points", {{"value", t.number(std::fabs(points), 1)}});
    }
    if (before == 0)
        return "\xE2\x80\x94";
    const double relative = (now - before) / std::fabs(before);
    return arrow(std::round(relative * 100)) + t.percent(std::fabs(relative));
}

template <typename Field, typename Value>
std::string change_sentence(const ReportText& t, const PlanChange& c, Field field, Value value);

// A change since the previous quarter in the report's language: the kind of change and the
// field from the templates (block team_change), names and values as the plan has them.
std::string change_words(const ReportText& t, const PlanChange& c) {
    auto field = [&](const std::string& key) {
        return t.has("team_change.fields." + key) ? t.get("team_change.fields." + key) : key;
    };
    // Plain decimal numbers as the language writes them ("0.8" -> "0,8").
    auto number = [&](const std::string& text) {
        if (text.empty() || text.find_first_not_of("0123456789.") != std::string::npos ||
            text.front() == '.' || text.back() == '.' ||
            std::count(text.begin(), text.end(), '.') > 1)
            return text;
        const size_t dot = text.find('.');
        return t.number(std::stod(text),
                        dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1));
    };
    auto value = [&](const std::string& text) {
        if (text.empty())
            return std::string("\xE2\x80\x94");
        if (t.has("common.status_" + text))
            return t.get("common.status_" + text);
        if (text.rfind("share ", 0) == 0) // "share 0.2"
            return field("share") + " " + number(text.substr(6));
        return number(text);
    };
    // "Olga Petrova (backup)": the backup mark in the language.
    PlanChange c_words = c;
    if (c_words.label == "plan" && t.has("team_change.areas.plan"))
        c_words.label = t.get("team_change.areas.plan");
    const std::string backup = " (backup)";
    if (const size_t at = c_words.label.find(backup); at != std::string::npos)
        c_words.label.replace(at, backup.size(), " (" + t.get("team_change.backup") + ")");
    return change_sentence(t, c_words, field, value);
}

template <typename Field, typename Value>
std::string change_sentence(const ReportText& t, const PlanChange& c, Field field, Value value) {
    switch (c.kind) {
    case ChangeKind::added:
        return c.after.empty() ? t.get("team_change.added", {{"label", c.label}})
                               : t.get("team_change.added_detail",
                                       {{"label", c.label}, {"detail", value(c.after)}});
    case ChangeKind::removed:
        return c.before.empty() ? t.get("team_change.removed", {{"label", c.label}})
                                : t.get("team_change.removed_detail",
                                        {{"label", c.label}, {"detail", value(c.before)}});
    case ChangeKind::changed:
        return t.get("team_change.changed", {{"label", c.label},
                                             {"field", field(c.field)},
                                             {"before", value(c.before)},
                                             {"after", value(c.after)}});
    }
    return describe(c);
}

// A goal's status: red if one of its KPIs is red, else amber if one is amber, else green if
// one is green; no data when none of its KPIs has data and a target.
KpiStatus goal_status(const std::vector<const KpiResult*>& kpis) {
    bool green = false, amber = false;
    for (const KpiResult* k : kpis) {
        if (k->status == KpiStatus::red)
            return KpiStatus::red;
        amber = amber || k->status == KpiStatus::amber;
        green = green || k->status == KpiStatus::green;
    }
    return amber ? KpiStatus::amber : green ? KpiStatus::green : KpiStatus::no_data;
}

ex::Section kpi_section(const ReportText& t, const QuarterReview& review, double amber_from) {
    ex::Section s{t.get("quarterly.kpis"), {}, {}, ex::SectionStart::same_page};
    int green = 0, amber = 0, red = 0, no_data = 0;
    for (const KpiResult& k : review.kpis) {
        green += k.status == KpiStatus::green;
        amber += k.status == KpiStatus::amber;
        red += k.status == KpiStatus::red;
        no_data += k.status == KpiStatus::no_data;
    }
    std::string quarter = format_quarter(review.quarter);
    s.blocks.push_back(ex::KeyFigures{{
        {t.get("quarterly.status_green"), std::to_string(green), "", ex::StatusColour::green},
        {t.get("quarterly.status_amber"), std::to_string(amber), "", ex::StatusColour::amber},
        {t.get("quarterly.status_red"), std::to_string(red), "", ex::StatusColour::red},
        {t.get("quarterly.status_no_data"), std::to_string(no_data), "", ex::StatusColour::none},
    }});
    s.blocks.push_back(
        ex::Paragraph{t.get("quarterly.kpis_lead", {{"green", std::to_string(green)},
                                                    {"total", std::to_string(review.kpis.size())},
                                                    {"amber", std::to_string(amber)},
                                                    {"red", std::to_string(red)},
                                                    {"no_data", std::to_string(no_data)},
                                                    {"quarter", quarter}}),
                      ex::ParagraphStyle::lead});
    // Red, amber, green per goal, then per KPI.
    std::vector<std::string> goal_order;
    std::map<std::string, std::vector<const KpiResult*>> by_goal;
    std::map<std::string, std::string> goal_names;
    for (const KpiResult& k : review.kpis) {
        if (by_goal.find(k.goal_id) == by_goal.end())
            goal_order.push_back(k.goal_id);
        by_goal[k.goal_id].push_back(&k);
        goal_names[k.goal_id] = k.goal_name;
    }
    ex::Table goals;
    goals.id = "goal_results";
    goals.title = t.get("quarterly.goals_table");
    goals.columns = {{"goal", t.get("quarterly.col_goal"), ex::Alignment::left, 0},
                     {"kpis", t.get("quarterly.col_kpis"), ex::Alignment::right, 0, true},
                     {"status", t.get("quarterly.col_status"), ex::Alignment::left, 0}};
    for (const std::string& goal : goal_order) {
        const KpiStatus status = goal_status(by_goal[goal]);
        goals.rows.push_back({goal_names[goal], std::to_string(by_goal[goal].size()),
                              ex::Cell(status_text(t, status), colour_of(status))});
    }
    s.blocks.push_back(std::move(goals));
    s.blocks.push_back(
        ex::Paragraph{t.get("quarterly.thresholds",
                            {{"amber", t.percent(amber_from)}, {"green", t.percent(1.0)}}),
                      ex::ParagraphStyle::note});

    ex::Table table;
    table.id = "kpi_results";
    table.title = t.get("quarterly.kpis_table");
    table.columns = {
        {"goal", t.get("quarterly.col_goal"), ex::Alignment::left, 0},
        {"kpi", t.get("quarterly.col_kpi"), ex::Alignment::left, 0},
        {"actual", t.get("quarterly.col_actual"), ex::Alignment::right, 0, true},
        {"target", t.get("quarterly.col_target"), ex::Alignment::right, 0, true},
        {"attainment", t.get("quarterly.col_attainment"), ex::Alignment::right, 0, true},
        {"change", t.get("quarterly.col_change_quarter"), ex::Alignment::right, 0, true},
        {"status", t.get("quarterly.col_status"), ex::Alignment::left, 0}};
    for (const KpiResult& k : review.kpis)
        table.rows.push_back(
            {k.goal_name, metric_label(t, k.metric), metric_value(t, k.metric, k.actual),
             metric_value(t, k.metric, k.target),
             k.attainment ? t.percent(*k.attainment) : "\xE2\x80\x94", change_text(t, k),
             ex::Cell(status_text(t, k.status), colour_of(k.status))});
    s.blocks.push_back(std::move(table));
    s.blocks.push_back(ex::Paragraph{t.get("quarterly.change_note"), ex::ParagraphStyle::note});
    return s;
}

ex::Section trends_section(const ReportText& t, const QuarterReview& review) {
    ex::Section s{t.get("quarterly.trends"), {}, {}, ex::SectionStart::new_page};
    for (const KpiResult& k : review.kpis) {
        if (k.trend.empty())
            continue;
        ex::LineChart chart;
        chart.title = k.goal_name + ": " + metric_label(t, k.metric);
        bool rate = is_rate(k.metric);
        double scale = rate ? 100 : 1;
        chart.y_axis_label = metric_label(t, k.metric);
        chart.value_suffix = rate ? "%" : (k.metric == "response_minutes" ? " min" : "");
        ex::LineSeries series;
        series.name = metric_label(t, k.metric);
        for (const QuarterValue& q : k.trend) {
            chart.x_labels.push_back(format_quarter(q.quarter));
            series.values.push_back(q.value ? std::optional<double>(*q.value * scale)
                                            : std::nullopt);
        }
        chart.series.push_back(std::move(series));
        if (k.target)
            chart.reference = ex::ReferenceLine{*k.target * scale, t.get("quarterly.trend_target")};
        s.blocks.push_back(std::move(chart));
    }
    if (s.blocks.empty())
        s.blocks.push_back(ex::Paragraph{t.get("common.none")});
    return s;
}

ex::Section channels_section(const ReportText& t, const QuarterReview& review) {
    ex::Section s{t.get("quarterly.channels"), {}, {}, ex::SectionStart::new_page};
    ex::Table table;
    table.id = "channel_performance";
    table.columns.push_back({"channel", t.get("common.channel"), ex::Alignment::left, 0});
    std::vector<std::string> notes;
    for (const std::string& m : review.channel_metrics) {
        const bool short_form = t.has("metric_short." + m);
        table.columns.push_back({m, short_form ? t.get("metric_short." + m) : metric_label(t, m),
                                 ex::Alignment::right, 0, true});
        if (short_form)
            notes.push_back(t.get("metric_short." + m) + " = " + metric_label(t, m));
    }
    for (const ChannelQuarter& c : review.channels) {
        std::vector<ex::Cell> row = {c.channel_name};
        for (const auto& [metric, value] : c.figures)
            row.emplace_back(metric_value(t, metric, value));
        table.rows.push_back(std::move(row));
    }
    if (!notes.empty()) {
        std::string note;
        for (const std::string& each : notes)
            note += (note.empty() ? "" : "; ") + each;
        table.footnote = note + ".";
    }
    s.blocks.push_back(std::move(table));
    return s;
}
// Cost against results: each channel's share of the team's cost for the quarter (a quarter of
// the yearly cost) per 1,000 impressions and per engagement.
ex::Section cost_results_section(const ReportText& t, const PlanFacts& facts,
                                 const QuarterReview& review) {
    ex::Section s{t.get("quarterly.cost"), {}, {}, ex::SectionStart::same_page};
    const CostResult cost = compute_cost(facts, compute_staffing(facts));
    if (!cost.any_cost) {
        s.blocks.push_back(ex::Paragraph{t.get("staffing.cost_none")});
        return s;
    }
    const std::string& cur = cost.currency;
    const double in_plan = cost.current_total + cost.vacancy_total;
    s.blocks.push_back(
        ex::Paragraph{t.get("quarterly.cost_lead", {{"cost", t.money(in_plan / 4, cur)},
                                                    {"year", t.money(in_plan, cur)}})});
    ex::Table table;
    table.id = "cost_results";
    table.columns = {
        {"channel", t.get("common.channel"), ex::Alignment::left, 1.4},
        {"cost", t.get("quarterly.cost_col_cost"), ex::Alignment::right, 1.2, true},
        {"impressions", t.get("quarterly.cost_col_impressions"), ex::Alignment::right, 1.2, true},
        {"cost_per_1000_impressions", t.get("quarterly.cost_col_cpm"), ex::Alignment::right, 1.2,
         true},
        {"engagements", t.get("quarterly.cost_col_engagements"), ex::Alignment::right, 1.2, true},
        {"cost_per_engagement", t.get("quarterly.cost_col_cpe"), ex::Alignment::right, 1.2, true}};
    auto figure = [](const ChannelQuarter& c, const std::string& metric) {
        for (const auto& [m, v] : c.figures)
            if (m == metric)
                return v;
        return std::optional<double>();
    };
    for (const ChannelQuarter& c : review.channels) {
        double yearly = 0;
        for (const CostShare& share : cost.channels)
            if (share.id == c.channel_id)
                yearly = share.cost_per_year;
        const double quarter = yearly / 4;
        const auto impressions = figure(c, "impressions");
        const auto engagements = figure(c, "engagements");
        const std::string none = "\u2014";
        table.rows.push_back(
            {c.channel_name, t.money(quarter, cur), impressions ? t.number(*impressions, 0) : none,
             impressions && *impressions > 0 ? t.money(quarter / (*impressions / 1000), cur, 2)
                                             : none,
             engagements ? t.number(*engagements, 0) : none,
             engagements && *engagements > 0 ? t.money(quarter / *engagements, cur, 2) : none});
    }
    table.footnote = t.get("quarterly.cost_note");
    s.blocks.push_back(std::move(table));
    return s;
}
} // namespace

exporters::Document build_quarterly_report(const PlanFacts& facts, const QuarterlyInput& input,
                                           const ReportOptions& options) {
    ReportText t = ReportText::load(options.language);
    const Plan& plan = facts.plan();
    const PlanIndex& index = facts.index();
    const QuarterReview review = review_quarter(index, input.metrics, input.quarter);
    const CheckReport checks = run_checks(facts, t);
    std::string quarter = format_quarter(input.quarter);
    Quarter prev_q = input.quarter.number == 1
                         ? Quarter{input.quarter.year - 1, 4}
                         : Quarter{input.quarter.year, input.quarter.number - 1};
    std::string previous = format_quarter(prev_q);
    ex::Document doc = report::start_document(plan, t, options, "quarterly",
                                              {{"plan", plan.info.name}, {"quarter", quarter}});
    for (const std::string& name : t.list("quarterly.sections")) {
        if (name == "kpis") {
            doc.sections.push_back(kpi_section(t, review, plan.info.thresholds.attainment_amber));
        } else if (name == "trends") {
            doc.sections.push_back(trends_section(t, review));
        } else if (name == "channels") {
            doc.sections.push_back(channels_section(t, review));
        } else if (name == "cost") {
            doc.sections.push_back(cost_results_section(t, facts, review));
        } else if (name == "team_changes") {
            ex::Section s{t.get("quarterly.team_changes", {{"previous", previous}}),
                          {},
                          {},
                          ex::SectionStart::new_page};
            if (!input.previous) {
                s.blocks.push_back(
                    ex::Paragraph{t.get("quarterly.no_previous", {{"previous", previous}})});
            } else {
                auto changes = diff_plans(*input.previous, plan);
                if (changes.empty()) {
                    s.blocks.push_back(ex::Paragraph{t.get("quarterly.no_changes")});
                } else {
                    ex::Table table;
                    table.id = "team_changes";
                    table.columns = {
                        {"area", t.get("quarterly.col_area"), ex::Alignment::left, 1},
                        {"subject", t.get("common.subject"), ex::Alignment::left, 1.6},
                        {"change", t.get("quarterly.col_change"), ex::Alignment::left, 4}};
                    for (const PlanChange& c : changes)
                        table.rows.push_back({t.has("team_change.areas." + c.area)
                                                  ? t.get("team_change.areas." + c.area)
                                                  : c.area,
                                              report::subject_label(index, c.subject, &t),
                                              report::clean_text(index, change_words(t, c))});
                    s.blocks.push_back(std::move(table));
                }
            }
            doc.sections.push_back(std::move(s));
        } else if (name == "staffing") {
            const StaffingResult staffing = compute_staffing(facts);
            double required = staffing.unroled_fte, current = 0, planned = 0;
            int hires = 0;
            std::string roles;
            for (const RoleStaffing& r : staffing.roles) {
                required += r.required_fte;
                current += r.current_fte;
                planned += r.planned_fte;
                hires += r.hires;
                if (r.hires > 0) {
                    const Role* role = index.role(r.role);
                    // The reason: the care floor or the volume of work, with its figures.
                    const std::string reason =
                        r.floor_wins && r.floor_people
                            ? t.count("quarterly.reason_floor", *r.floor_people,
                                      {{"current", t.number(r.current_fte, 1)}})
                            : t.get("quarterly.reason_volume",
                                    {{"required", t.number(r.required_fte, 1)},
                                     {"current", t.number(r.current_fte, 1)}});
                    roles += (roles.empty() ? "" : "; ") + std::to_string(r.hires) + " \xC3\x97 " +
                             (role ? display_name(*role) : r.role.str()) + " (" + reason + ")";
                }
            }
            ex::Section s{t.get("quarterly.staffing"), {}, {}, ex::SectionStart::new_page};
            s.blocks.push_back(ex::Paragraph{
                t.get("quarterly.staffing_lead", {{"required", t.number(required, 1)},
                                                  {"current", t.number(current, 1)},
                                                  {"planned", t.number(planned, 1)}})});
            std::string ask = hires > 0 ? t.count("quarterly.ask_hires", hires, {{"roles", roles}})
                                        : t.get("quarterly.ask_none");
            s.blocks.push_back(
                ex::Paragraph{t.get("quarterly.ask", {{"ask", ask}}), ex::ParagraphStyle::callout});
            doc.sections.push_back(std::move(s));
        } else if (name == "findings") {
            ex::Section s{t.get("quarterly.findings"), {}, {}, ex::SectionStart::same_page};
            std::vector<Finding> findings = checks.findings;
            for (const KpiResult& k : review.kpis)
                if (k.status == KpiStatus::no_data)
                    findings.push_back(
                        Finding{"KPI",
                                Severity::warning,
                                "kpi:" + k.kpi_id,
                                t.get("quarterly.no_data_finding",
                                      {{"kpi", k.goal_name + ": " + metric_label(t, k.metric)},
                                       {"quarter", quarter},
                                       {"metric", metric_label(t, k.metric)}}),
                                {},
                                "",
                                {}});
            sort_findings(findings);
            if (findings.empty())
                s.blocks.push_back(ex::Paragraph{t.get("common.no_findings")});
            else {
                const std::vector<FindingGroup> groups = group_findings(findings);
                s.blocks.push_back(report::findings_table(t, index, groups, "findings", 40));
                s.blocks.push_back(
                    report::findings_detail_table(t, index, findings, "findings_detail"));
            }
            doc.sections.push_back(std::move(s));
        }
    }
    return doc;
}

} // namespace planner
