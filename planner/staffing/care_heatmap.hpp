#pragma once
// Who is on duty in each hour of a channel's care window: days x hours in the channel's time
// zone, counting the people Responsible for `engage` on the channel (backups not counted) whose
// working hours (in their own time zone) cover the middle of the hour. Computed for the same
// reference week as the care rotas (the first full week of the plan's quarter, or of 2024-01-01),
// so daylight saving follows the quarter. Absences are not considered (COV007 does that).

#include "model/plan_queries.hpp"

#include <array>
#include <string>
#include <vector>

namespace planner {

struct CareHour {
    bool in_window = false;     // the hour's middle lies inside the care window
    std::vector<size_t> people; // indices into CareHeatmap::people, on duty in this hour
};

struct CareHeatmap {
    model::ChannelId channel;
    std::string timezone;                            // the care window's zone
    std::vector<model::PersonId> people;             // Responsible for engage, plan order
    std::array<std::array<CareHour, 24>, 7> hours{}; // [weekday mon..sun][hour 0..23]
    int uncovered_hours = 0;                         // in the window with nobody on duty
    int window_hours = 0;
};

// One heatmap per channel with a care window, in plan order. Throws std::runtime_error for an
// unknown time zone (the plan reader rejects such plans).
std::vector<CareHeatmap> compute_care_heatmaps(const model::PlanIndex& index);

} // namespace planner
