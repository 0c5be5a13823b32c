#pragma once
// Pieces every report builder shares: the cover and metadata, findings as blocks, the
// workload table and chart.

#include "exporters/document.hpp"
#include "model/plan_queries.hpp"
#include "planner/checks/checks.hpp"
#include "planner/checks/finding_groups.hpp"
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

// Report text for a finding's subject: "Facebook: Post approval", "Anna Bērziņa", never
// "channel:facebook/approve".
std::string subject_label(const model::PlanIndex& index, const std::string& subject,
                          const ReportText* text = nullptr);
// Text without markup: `duty` ids in backticks become the duty's name.
std::string clean_text(const model::PlanIndex& index, const std::string& text);
// "Load: 41.1; Available: 25.6" with the evidence keys in the report's language.
std::string evidence_text(const ReportText& text, const model::PlanIndex& index,
                          const Finding& finding);
std::string check_title(const ReportText& text, const std::string& check);
std::string area_label(const ReportText& text, const std::string& area);
std::string fill_count(const ReportText& text, const std::string& key, const std::string& title,
                       size_t count);
// "Single point of failure: Līga Kalniņa, 4 cases".
std::string group_headline(const ReportText& text, const FindingGroup& group);

// The ranked findings as one table (number, check, severity, finding, impact), at most
// `limit` rows.
exporters::Table findings_table(const ReportText& text, const model::PlanIndex& index,
                                const std::vector<FindingGroup>& groups, const std::string& id,
                                size_t limit = static_cast<size_t>(-1));
// Every instance (check, severity, subject, message, recommendation): for the CSV and JSON
// only; the printed report names the file.
exporters::Table findings_detail_table(const ReportText& text, const model::PlanIndex& index,
                                       const std::vector<Finding>& findings, const std::string& id);

// One finding as numbered blocks: headline, evidence and recommendation; a group lists its
// first `max_instances` instances and points to the CSV for the rest.
void append_group_blocks(const ReportText& text, const model::PlanIndex& index,
                         const FindingGroup& group, size_t number, size_t max_instances,
                         std::vector<exporters::Block>& blocks);

// Workload per person: the table (capacity, available, load, utilisation) and a bar chart.
exporters::Table workload_table(const ReportText& text, const model::PlanIndex& index,
                                const Workload& workload);
exporters::BarChart workload_chart(const ReportText& text, const model::PlanIndex& index,
                                   const Workload& workload);

// The workload section's blocks: chart and table of everyone for a small team; for a large one
// the distribution and the 20 most loaded, with everyone in workload.csv (not printed).
void append_workload(const ReportText& text, const model::PlanIndex& index,
                     const Workload& workload, std::vector<exporters::Block>& blocks);

// Org chart from reporting lines; vacancies and people above the overload threshold are
// highlighted.
exporters::OrgChart org_chart(const ReportText& text, const model::PlanIndex& index,
                              const Workload& workload);

// The org chart block; for a large team the top levels with team sizes, everyone in
// org_chart.csv (a table that is not printed).
void append_org_chart(const ReportText& text, exporters::OrgChart chart,
                      std::vector<exporters::Block>& blocks);

std::string person_name(const model::PlanIndex& index, const model::PersonId& id);
// A duty's name: the standard duties in the language of `text`, a plan's own as the plan has
// it; the id when `info` is null.
std::string duty_label(const ReportText* text, const model::DutyId& id,
                       const model::DutyInfo* info);
std::string channel_duty_label(const model::PlanIndex& index, const model::ChannelDuty& duty,
                               const ReportText* text = nullptr);

} // namespace planner::report
