#pragma once
// Required staff per role (STAFFING.md "Required staff per role"): the hours of every channel
// duty divided among the roles that perform it, the Erlang C care-coverage floor per rota,
// current and planned FTE, gap and hires. Results are data: `planner staff`, the staffing
// report and its appendix all render these values.

#include "model/plan_queries.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/core/workload.hpp"

#include <optional>
#include <string>
#include <vector>

namespace planner {

// One channel duty's contribution to one role.
struct RoleDriver {
    size_t duty_index = 0;   // into PlanIndex::channel_duties()
    double duty_hours = 0;   // the duty's weekly hours
    double fraction = 1;     // part of them this role takes (1 when it is the only role)
    double hours = 0;        // duty_hours x fraction
    std::string split_basis; // "only role", "by hours carried today", "equally"
};

// Inbound served by one rota: channels whose care windows overlap (STAFFING.md step 3).
struct CareRota {
    std::vector<model::ChannelId> channels;
    double window_hours = 0;           // W: the union of the windows, hours per week (UTC)
    double inbound_per_week = 0;       // sum of inbound_per_day x 7
    double arrival_rate = 0;           // lambda, messages per hour = inbound_per_week / W
    double handling_minutes = 0;       // h: minutes_per_inbound, inbound-weighted over channels
    double traffic = 0;                // A = lambda h / 60, Erlangs
    double response_minutes = 0;       // T: the strictest (lowest) of the channels
    double service_level = 0;          // target: the strictest (highest) of the channels
    int agents = 0;                    // N: smallest N > A with SL(N) >= target; 0 when none
    double achieved_service_level = 0; // SL(N)
    double wait_probability = 0;       // C(N, A)
    int floor_people = 0;              // ceil(W x N / week.hours)
    std::optional<model::RoleId> role; // the role that performs engage on these channels
    bool reachable = true;             // false when no N reaches the target (SL of 1 or more)
};

// One holder's contribution to a role's current or planned FTE.
struct HolderFte {
    model::PersonId person;
    double fte = 0;       // the person's fte
    double fraction = 1;  // part of it in this role: 1 for one role, else by load in its duties
    double counted = 0;   // fte x fraction
    bool vacancy = false; // counted as planned, not current
};

struct RoleStaffing {
    model::RoleId role;
    std::vector<RoleDriver> drivers;
    std::vector<HolderFte> holders;
    double hours = 0;                // sum of drivers' hours
    double volume_fte = 0;           // hours / (week.hours x (1 - overhead))
    std::optional<int> floor_people; // care floor of the rotas this role serves
    bool floor_wins = false;         // the floor is above the volume FTE
    double required_fte = 0;         // max(volume, floor)
    double current_fte = 0;          // active holders (active, leaving)
    double planned_fte = 0;          // vacancies
    double gap = 0;                  // required - current
    int hires = 0;                   // max(0, ceil(gap - 0.2))
    double gap_after_planned = 0;    // required - current - planned
    std::string reason;              // why required is what it is, one sentence
};

// Hours of a duty that no role performs.
struct UnroledDuty {
    size_t duty_index = 0;
    double hours = 0;
    std::string recommended_role; // an existing role id, or a suggested new role's name
    bool recommended_exists = false;
};

struct StaffingResult {
    double hours_per_fte = 0;        // week.hours x (1 - overhead)
    std::vector<RoleStaffing> roles; // plan order
    std::vector<UnroledDuty> unroled;
    double unroled_hours = 0;
    double unroled_fte = 0;
    std::vector<CareRota> rotas; // in the order of their first channel in the plan
};

// Required against current FTE per role, from the facts' workload (STAFFING.md).
StaffingResult compute_staffing(const PlanFacts& facts);

// The care rotas of the plan without their roles (`role` empty): channels with a care window
// and engage hours, grouped by overlapping windows, with the Erlang C figures.
std::vector<CareRota> compute_care_rotas(const model::PlanIndex& index);

// The formula of a channel duty's hours with the plan's figures, e.g.
// "7 posts/week x 1.5 h/post = 10.50 h".
std::string duty_hours_formula(const model::PlanIndex& index, const model::ChannelDuty& duty);
class Texts;
// A driver's split basis ("only role", "by hours carried today", "equally") in the language of
// `texts`.
std::string split_basis_text(const std::string& basis, const Texts& texts);
// The same in the language of `texts` (templates, block `explain`).
std::string duty_hours_formula(const model::PlanIndex& index, const model::ChannelDuty& duty,
                               const Texts& texts);

// The drivers and arithmetic behind one role's figures, one line each, for `staff --explain`
// and report appendices. Empty when the role is not in the result.
std::vector<std::string> explain_role(const model::PlanIndex& index, const StaffingResult& result,
                                      const model::RoleId& role);
// The same in the language of `texts` (templates, block `explain`); English is the text above.
std::vector<std::string> explain_role(const model::PlanIndex& index, const StaffingResult& result,
                                      const model::RoleId& role_id, const Texts& texts);

// Weekly care windows of one channel in UTC, as [start, end) minutes from Monday 00:00 UTC,
// wrapped into one week, sorted and merged. Computed for the first full week (Monday to
// Sunday) of the plan's quarter, or of 2024-01-01 when the plan has none, so that daylight
// saving time follows the quarter. Throws std::runtime_error for an unknown time zone.
std::vector<std::pair<int, int>> care_window_utc(const model::PlanInfo& info,
                                                 const model::CareWindow& care);

} // namespace planner
