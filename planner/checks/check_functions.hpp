#pragma once
// One function per check of the catalogue, grouped by the file that implements it. Each reads
// the shared CheckContext and returns its findings in a deterministic order; run_checks sorts
// and applies suppressions. Internal to the checks; report builders use planner/checks.hpp.

#include "planner/checks/check_context.hpp"

#include <vector>

namespace planner {

using CheckFunction = std::vector<Finding> (*)(const CheckContext& context);

// check_coverage.cpp
std::vector<Finding> find_duties_without_responsible(const CheckContext& context);      // COV001
std::vector<Finding> find_duties_without_accountable(const CheckContext& context);      // COV002
std::vector<Finding> find_duties_with_several_accountable(const CheckContext& context); // COV003
std::vector<Finding> find_single_points_of_failure(const CheckContext& context);        // COV004
std::vector<Finding> find_duties_covered_by_vacancies(const CheckContext& context);     // COV005
// check_absence_cover.cpp
std::vector<Finding> find_absence_gaps(const CheckContext& context); // COV007
// check_care_window.cpp
std::vector<Finding> find_care_window_gaps(const CheckContext& context); // COV006

// check_goals.cpp
std::vector<Finding> find_goals_without_kpi(const CheckContext& context);     // GOAL001
std::vector<Finding> find_kpis_without_target(const CheckContext& context);   // GOAL002
std::vector<Finding> find_goals_without_channel(const CheckContext& context); // GOAL003
std::vector<Finding> find_channels_without_goal(const CheckContext& context); // GOAL004
std::vector<Finding> find_unmeasured_channels(const CheckContext& context);   // GOAL005
std::vector<Finding> find_missing_owners(const CheckContext& context);        // GOAL006

// check_governance.cpp
std::vector<Finding> find_channels_without_approver(const CheckContext& context); // GOV001
std::vector<Finding> find_self_approval(const CheckContext& context);             // GOV002
std::vector<Finding> find_long_approval_chains(const CheckContext& context);      // GOV003
std::vector<Finding> find_exclusive_duty_collisions(const CheckContext& context); // COL001
std::vector<Finding> find_profile_overlaps(const CheckContext& context);          // COL002

// check_organisation.cpp
std::vector<Finding> find_reporting_cycles(const CheckContext& context);          // ORG001
std::vector<Finding> find_wide_spans(const CheckContext& context);                // ORG002
std::vector<Finding> find_several_heads(const CheckContext& context);             // ORG003
std::vector<Finding> find_unfilled_roles(const CheckContext& context);            // ORG004
std::vector<Finding> find_people_without_role(const CheckContext& context);       // ORG005
std::vector<Finding> find_people_without_assignment(const CheckContext& context); // ORG006

// check_workload.cpp
std::vector<Finding> find_overloaded_people(const CheckContext& context);  // LOAD001
std::vector<Finding> find_underused_people(const CheckContext& context);   // LOAD002
std::vector<Finding> find_undershared_duties(const CheckContext& context); // LOAD003
std::vector<Finding> find_overshared_duties(const CheckContext& context);  // LOAD004
std::vector<Finding> find_crowded_duties(const CheckContext& context);     // LOAD005

// check_fit.cpp
std::vector<Finding> find_work_outside_interests(const CheckContext& context); // FIT001
std::vector<Finding> find_missing_skills(const CheckContext& context);         // FIT002
std::vector<Finding> find_duties_outside_roles(const CheckContext& context);   // FIT003

// check_cost.cpp
std::vector<Finding> find_team_over_budget(const CheckContext& context);          // COST001
std::vector<Finding> find_missing_costs(const CheckContext& context);             // COST002
std::vector<Finding> find_contractor_work_for_staff(const CheckContext& context); // COST003

} // namespace planner
