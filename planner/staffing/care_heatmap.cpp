#include "planner/staffing/care_heatmap.hpp"

#include "planner/staffing/staffing.hpp"

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <set>

namespace planner {

namespace {

constexpr int k_week_minutes = 7 * 24 * 60;

date::sys_days reference_monday(const model::PlanInfo& info) {
    model::Date first{2024, 1, 1};
    if (info.quarter)
        first = info.quarter->first_day();
    int64_t days = model::days_since_epoch(first);
    while (model::weekday_of(model::date_from_days(days)) != model::Weekday::mon)
        ++days;
    return date::sys_days{date::days{days}};
}

// Minutes from the reference Monday 00:00 UTC of local `day` (0 = Monday) + `minutes` in zone,
// wrapped into [0, week).
int week_minute(const date::time_zone& zone, date::sys_days monday, int day, int minutes) {
    const date::local_days local_monday{monday.time_since_epoch()};
    const date::local_time<std::chrono::minutes> local =
        local_monday + date::days{day} + std::chrono::minutes{minutes};
    const auto sys = zone.to_sys(local, date::choose::earliest);
    int m =
        static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(sys - monday).count());
    return ((m % k_week_minutes) + k_week_minutes) % k_week_minutes;
}

// Weekly [start, end) spans in UTC week minutes, wrapped.
std::vector<std::pair<int, int>> weekly_spans(const date::time_zone& zone, date::sys_days monday,
                                              model::DaySet days, model::TimeOfDay start,
                                              model::TimeOfDay end) {
    std::vector<std::pair<int, int>> spans;
    for (int day = 0; day < 7; ++day) {
        if (!days.contains(static_cast<model::Weekday>(day)))
            continue;
        int s = start.minutes, e = end.minutes;
        if (e <= s)
            e += 24 * 60;
        int utc_start = week_minute(zone, monday, day, s);
        int utc_end = utc_start + (e - s);
        if (utc_end <= k_week_minutes) {
            spans.emplace_back(utc_start, utc_end);
        } else {
            spans.emplace_back(utc_start, k_week_minutes);
            spans.emplace_back(0, utc_end - k_week_minutes);
        }
    }
    return spans;
}

bool contains(const std::vector<std::pair<int, int>>& spans, int minute) {
    for (const auto& s : spans)
        if (minute >= s.first && minute < s.second)
            return true;
    return false;
}

} // namespace

std::vector<CareHeatmap> compute_care_heatmaps(const model::PlanIndex& index) {
    const model::Plan& plan = index.plan();
    const date::sys_days monday = reference_monday(plan.info);
    std::vector<CareHeatmap> maps;
    for (const model::Channel& channel : plan.channels) {
        if (!channel.care)
            continue;
        const model::ResolvedCare care = model::resolve_care(plan.info, *channel.care);
        const date::time_zone* zone = date::locate_zone(care.timezone);
        CareHeatmap map;
        map.channel = channel.id;
        map.timezone = care.timezone;
        std::set<std::string> seen;
        std::vector<std::vector<std::pair<int, int>>> person_spans;
        for (const auto& expanded : index.assignments()) {
            const model::Assignment& a = expanded.assignment;
            if (a.raci != model::Raci::R || a.backup || a.duty.str() != "engage" || !a.channel ||
                !(*a.channel == channel.id))
                continue;
            const model::Person* person = index.person(a.person);
            if (!person || person->status == model::PersonStatus::vacancy ||
                !seen.insert(a.person.str()).second)
                continue;
            const model::ResolvedHours hours = model::working_hours(plan.info, *person);
            const date::time_zone* person_zone =
                date::locate_zone(person->timezone ? *person->timezone : plan.info.timezone);
            map.people.push_back(a.person);
            person_spans.push_back(
                weekly_spans(*person_zone, monday, hours.days, hours.start, hours.end));
        }
        const auto window = weekly_spans(*zone, monday, care.days, care.start, care.end);
        for (int day = 0; day < 7; ++day) {
            for (int hour = 0; hour < 24; ++hour) {
                int minute = week_minute(*zone, monday, day, hour * 60 + 30);
                CareHour& cell = map.hours[static_cast<size_t>(day)][static_cast<size_t>(hour)];
                cell.in_window = contains(window, minute);
                for (size_t p = 0; p < person_spans.size(); ++p)
                    if (contains(person_spans[p], minute))
                        cell.people.push_back(p);
                if (cell.in_window) {
                    ++map.window_hours;
                    if (cell.people.empty())
                        ++map.uncovered_hours;
                }
            }
        }
        maps.push_back(std::move(map));
    }
    return maps;
}

} // namespace planner
