#pragma once
// Pieces every report builder shares: the cover and metadata, findings as blocks, the
// workload table and chart.

#include "exporters/document.hpp"
#include "model/plan_queries.hpp"
#include "planner/checks/checks.hpp"
#include "planner/core/workload.hpp"
#include "planner/reports/report_text.hpp"
#include "planner/reports/reports.hpp"

#include <string>

namespace planner::report {

// Metadata, cover and running header for `kind` ("staffing", "audit", "quarterly").
exporters::Document start_document(const model::Plan& plan, const ReportText& text,
                                   const ReportOptions& options, const std::string& kind,
                                   const std::map<std::string, std::string>& subtitle_values);

std::string severity_label(const ReportText& text, Severity severity);
exporters::StatusColour severity_colour(Severity severity);

// Findings as a table (check, severity, message, recommendation) with the table id given.
exporters::Table findings_table(const ReportText& text, const std::vector<Finding>& findings,
                                const std::string& id);

// One callout and evidence list per finding: for the audit's findings by area.
void append_finding_blocks(const ReportText& text, const Finding& finding,
                           std::vector<exporters::Block>& blocks);

// Workload per person: the table (capacity, available, load, utilisation) and a bar chart.
exporters::Table workload_table(const ReportText& text, const model::PlanIndex& index,
                                const Workload& workload);
exporters::BarChart workload_chart(const ReportText& text, const model::PlanIndex& index,
                                   const Workload& workload);

// Org chart from reporting lines; vacancies and people above the overload threshold are
// highlighted.
exporters::OrgChart org_chart(const ReportText& text, const model::PlanIndex& index,
                              const Workload& workload);

std::string person_name(const model::PlanIndex& index, const model::PersonId& id);
std::string channel_duty_label(const model::PlanIndex& index, const model::ChannelDuty& duty);

} // namespace planner::report
