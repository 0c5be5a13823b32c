#pragma once
// The cost parts of the reports (docs/cost.md): the staffing plan's cost section, what a fix
// costs in the audit, and cost against results in the quarterly review. Money is formatted by
// ReportText::money (ICU) in the report's language.

#include "exporters/document.hpp"
#include "planner/cost/cost.hpp"
#include "planner/reports/report_text.hpp"
#include "planner/staffing/staffing.hpp"

#include <optional>
#include <string>

namespace planner::report {

// The staffing plan's section: key figures against the budget, a chart of the team's cost
// with the budget line, the cost per role, the hires, and the cost per channel and goal.
exporters::Section cost_section(const ReportText& text, const PlanFacts& facts,
                                const StaffingResult& staffing, const CostResult& cost);

// A year of one FTE of `role` with the plan's cost_loading; empty when the role has no cost.
std::optional<double> fte_cost(const model::Plan& plan, const model::RoleId& role);

// The yearly cost of `hours` a week of work done by `role`: hours / hours per FTE x fte_cost.
std::optional<double> hours_cost(const model::Plan& plan, const StaffingResult& staffing,
                                 const model::RoleId& role, double hours);

} // namespace planner::report
