#pragma once
// The domain model of a plan file (PLAN-FORMAT.md, version 1).
//
// Fields whose default is derived from another field (a name that defaults to the id, a
// capacity that defaults to week.hours x fte, a time zone that defaults to the plan's) are
// std::optional and resolved through the accessors in model/plan_queries.hpp; fields with a
// constant default hold that default. The writer writes back what was given.

#include "model/calendar.hpp"
#include "model/ids.hpp"

#include <optional>
#include <string>
#include <vector>

namespace planner::model {

struct WorkWeek {
    double hours = 40;
    DaySet days = DaySet::monday_to_friday();
    TimeOfDay start{9 * 60};
    TimeOfDay end{17 * 60};
};

struct Thresholds {
    double overload = 1.0;
    double underuse = 0.5;
    int span_of_control = 8;
    int bus_factor = 2;
    int max_responsible = 3;
    int approval_steps = 4;
    double attainment_amber = 0.9;
};

struct PlanInfo {
    std::string name;
    std::optional<std::string> organization;
    std::optional<Quarter> quarter;
    std::string timezone = "UTC";
    WorkWeek week;
    double overhead = 0.2;
    Thresholds thresholds;
    // Money (docs/plan-format.md "Money"): amounts a year, in `currency` (ISO 4217, default
    // EUR). `budget` is what the planned team may cost a year; `cost_loading` the employer's
    // costs on top of a salary (0.24: 24 %), applied to salaried people, not to contractors.
    std::optional<std::string> currency;
    std::optional<double> budget;
    double cost_loading = 0;
};

enum class GoalKind { engagement, customer_care, reach, conversion, awareness, roi, other };
enum class Direction { up, down };

struct Kpi {
    KpiId id;
    std::string metric;
    std::optional<ChannelId> channel;
    std::optional<double> target;
    std::optional<Direction> direction; // default from the metric
    std::optional<PersonId> owner;      // default the goal's owner
};

struct Goal {
    GoalId id;
    std::optional<std::string> name;
    GoalKind kind = GoalKind::other;
    int priority = 2; // 1 (highest) .. 3
    std::optional<PersonId> owner;
    std::vector<ChannelId> channels;
    std::vector<Kpi> kpis;
};

enum class Network { instagram, facebook, linkedin, x, youtube, tiktok, pinterest, threads, other };

struct Profile {
    ProfileId id;
    std::optional<std::string> handle;
    std::optional<std::string> name;
};

// Drivers of the standard duties (hours and minutes per week, per post, per message).
struct ChannelWorkload {
    double posts_per_week = 0;
    double hours_per_post = 0;
    double minutes_per_publish = 10;
    double minutes_per_approval = 10;
    double inbound_per_day = 0;
    double minutes_per_inbound = 0;
    double listening_hours_per_week = 0;
    double reporting_hours_per_week = 0;
    double ads_hours_per_week = 0;
};

// The window in which inbound messages must be answered. Days, start and end default to the
// plan's working week; the time zone to the plan's.
struct CareWindow {
    std::optional<DaySet> days;
    std::optional<TimeOfDay> start;
    std::optional<TimeOfDay> end;
    std::optional<std::string> timezone;
    double response_minutes = 60;
    double service_level = 0.8;
};

struct Approval {
    bool required = false;
    int steps = 1;
};

struct Channel {
    ChannelId id;
    Network network = Network::other;
    std::optional<std::string> name;
    std::vector<Profile> profiles;
    ChannelWorkload workload;
    std::optional<CareWindow> care;
    Approval approval;
};

// A duty defined by the plan, next to the standard ones (create, publish, ...).
struct CustomDuty {
    DutyId id;
    std::optional<std::string> name;
    double hours_per_week = 0;
    bool channel_bound = true;
    std::vector<std::string> skills;
    bool exclusive = false;
};

struct Role {
    RoleId id;
    std::optional<std::string> name;
    std::vector<DutyId> duties;
    std::vector<std::string> skills;
    std::optional<double> cost; // salary per FTE-year, before cost_loading
};

// A contractor is paid for the hours they carry (hourly_rate) rather than a salary.
enum class PersonStatus { active, vacancy, leaving, contractor };

// Working days and hours of one person; each part defaults to the plan's week.
struct WorkingHours {
    std::optional<DaySet> days;
    std::optional<TimeOfDay> start;
    std::optional<TimeOfDay> end;
};

struct Absence {
    Date from;
    Date to; // inclusive
    std::optional<std::string> reason;
};

struct Person {
    PersonId id;
    std::optional<std::string> name;
    PersonStatus status = PersonStatus::active;
    std::vector<RoleId> roles;
    double fte = 1;
    std::optional<double> capacity_hours; // default week.hours x fte
    std::optional<PersonId> reports_to;
    std::optional<std::string> timezone;
    std::optional<WorkingHours> hours;
    std::vector<std::string> skills;
    std::vector<std::string> interests; // channel ids or network names
    std::vector<Absence> absences;
    std::optional<double> cost;        // own salary per FTE-year; overrides the role's
    std::optional<double> hourly_rate; // a contractor's rate per hour carried
};

enum class Raci { R, A, C, I };

struct Assignment {
    PersonId person;
    DutyId duty; // "all" means every duty of the channel
    std::optional<ChannelId> channel;
    std::optional<ProfileId> profile;
    Raci raci = Raci::R;
    std::optional<double> share; // R only, in [0, 1]
    bool backup = false;
};

struct Suppression {
    std::string check;
    std::optional<std::string> subject;
    std::string reason;
};

struct Plan {
    int version = 1;
    PlanInfo info;
    std::vector<Goal> goals;
    std::vector<Channel> channels;
    std::vector<CustomDuty> duties;
    std::vector<Role> roles;
    std::vector<Person> people;
    std::vector<Assignment> assignments;
    std::vector<Suppression> suppressions;
};

// Names used in files and messages.
std::string_view to_string(GoalKind kind);
std::string_view to_string(Direction direction);
std::string_view to_string(Network network);
std::string_view to_string(PersonStatus status);
std::string_view to_string(Raci raci);
std::optional<GoalKind> parse_goal_kind(std::string_view text);
std::optional<Direction> parse_direction(std::string_view text);
std::optional<Network> parse_network(std::string_view text);
std::optional<PersonStatus> parse_person_status(std::string_view text);
std::optional<Raci> parse_raci(std::string_view text);

} // namespace planner::model
