// The quarterly review: KPI attainment per goal with red/amber/green, trends over the last
// four quarters as charts, channel performance, team changes since the previous quarter's
// snapshot, staffing status and the ask for next quarter, open findings.
#include "planner/cost/cost.hpp"
#include "planner/reports/report_common.hpp"
#include "planner/review/kpi_review.hpp"
#include "planner/review/plan_diff.hpp"
#include "planner/staffing/staffing.hpp"

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

ex::Section kpi_section(const ReportText& t, const QuarterReview& review) {
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
    ex::Table table;
    table.id = "kpi_results";
    table.columns = {
        {"goal", t.get("quarterly.col_goal"), ex::Alignment::left, 2.0},
        {"kpi", t.get("quarterly.col_kpi"), ex::Alignment::left, 1.4},
        {"metric", t.get("common.metric"), ex::Alignment::left, 1.9},
        {"actual", t.get("quarterly.col_actual"), ex::Alignment::right, 1, true},
        {"target", t.get("quarterly.col_target"), ex::Alignment::right, 1, true},
        {"attainment", t.get("quarterly.col_attainment"), ex::Alignment::right, 1, true},
        {"status", t.get("quarterly.col_status"), ex::Alignment::left, 0.9}};
    for (const KpiResult& k : review.kpis)
        table.rows.push_back(
            {k.goal_name, k.kpi_id, k.metric, format_metric(k.metric, k.actual),
             format_metric(k.metric, k.target),
             k.attainment ? t.number(*k.attainment * 100, 0) + "%" : "\xE2\x80\x94",
             ex::Cell(status_text(t, k.status), colour_of(k.status))});
    s.blocks.push_back(std::move(table));
    return s;
}

ex::Section trends_section(const ReportText& t, const QuarterReview& review) {
    ex::Section s{t.get("quarterly.trends"), {}, {}, ex::SectionStart::new_page};
    for (const KpiResult& k : review.kpis) {
        if (k.trend.empty())
            continue;
        ex::LineChart chart;
        chart.title = k.goal_name + ": " + k.kpi_id;
        bool rate = is_rate(k.metric);
        double scale = rate ? 100 : 1;
        chart.y_axis_label = k.metric;
        chart.value_suffix = rate ? "%" : (k.metric == "response_minutes" ? " min" : "");
        ex::LineSeries series;
        series.name = k.kpi_id;
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
    table.columns.push_back({"channel", t.get("common.channel"), ex::Alignment::left, 1.4});
    for (const std::string& m : review.channel_metrics)
        table.columns.push_back({m, m, ex::Alignment::right, 1, true});
    for (const ChannelQuarter& c : review.channels) {
        std::vector<ex::Cell> row = {c.channel_name};
        for (const auto& [metric, value] : c.figures)
            row.emplace_back(format_metric(metric, value));
        table.rows.push_back(std::move(row));
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
    const CheckReport checks = run_checks(facts);
    std::string quarter = format_quarter(input.quarter);
    Quarter prev_q = input.quarter.number == 1
                         ? Quarter{input.quarter.year - 1, 4}
                         : Quarter{input.quarter.year, input.quarter.number - 1};
    std::string previous = format_quarter(prev_q);
    ex::Document doc = report::start_document(plan, t, options, "quarterly",
                                              {{"plan", plan.info.name}, {"quarter", quarter}});
    for (const std::string& name : t.list("quarterly.sections")) {
        if (name == "kpis") {
            doc.sections.push_back(kpi_section(t, review));
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
                        table.rows.push_back({c.area, report::subject_label(index, c.subject),
                                              report::clean_text(index, describe(c))});
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
                    roles += (roles.empty() ? "" : ", ") + std::to_string(r.hires) + " \xC3\x97 " +
                             (role ? display_name(*role) : r.role.str());
                }
            }
            ex::Section s{t.get("quarterly.staffing"), {}, {}, ex::SectionStart::new_page};
            s.blocks.push_back(ex::Paragraph{
                t.get("quarterly.staffing_lead", {{"required", t.number(required, 1)},
                                                  {"current", t.number(current, 1)},
                                                  {"planned", t.number(planned, 1)}})});
            std::string ask = hires > 0
                                  ? t.get("quarterly.ask_hires",
                                          {{"hires", std::to_string(hires)}, {"roles", roles}})
                                  : t.get("quarterly.ask_none");
            s.blocks.push_back(
                ex::Paragraph{t.get("quarterly.ask", {{"ask", ask}}), ex::ParagraphStyle::callout});
            doc.sections.push_back(std::move(s));
        } else if (name == "findings") {
            ex::Section s{t.get("quarterly.findings"), {}, {}, ex::SectionStart::same_page};
            std::vector<Finding> findings = checks.findings;
            for (const KpiResult& k : review.kpis)
                if (k.status == KpiStatus::no_data)
                    findings.push_back(Finding{
                        "KPI",
                        Severity::warning,
                        "kpi:" + k.kpi_id,
                        t.get("quarterly.no_data_finding",
                              {{"kpi", k.kpi_id}, {"quarter", quarter}, {"metric", k.metric}}),
                        {},
                        ""});
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
