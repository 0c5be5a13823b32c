// COV006: is each channel's care window covered by the working hours of the people
// Responsible for `engage` on it, each in their own time zone?
//
// Every day of the plan's quarter (or, without a quarter, the representative week Monday
// 2025-01-06 to Sunday 2025-01-12) is turned into UTC intervals: the care window in its zone,
// and each Responsible person's working hours in theirs, so daylight-saving changes inside
// the quarter (even on different dates in different zones) are counted as they fall.
// Absences are not considered here (COV007 does that).

#include "planner/checks/check_functions.hpp"

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <tuple>

namespace planner {

using model::PersonId;

namespace {

using Seconds = std::int64_t; // since the Unix epoch, UTC

struct Interval {
    Seconds start = 0;
    Seconds end = 0;
};

struct Period {
    std::int64_t first_day = 0; // days since 1970-01-01
    std::int64_t last_day = 0;  // inclusive
    std::string label;
};

Period period_of(const model::PlanInfo& info) {
    if (info.quarter) {
        model::Date first = info.quarter->first_day();
        model::Date last = info.quarter->last_day();
        return {model::days_since_epoch(first), model::days_since_epoch(last),
                model::format_quarter(*info.quarter)};
    }
    const model::Date monday{2025, 1, 6};
    std::int64_t first = model::days_since_epoch(monday);
    return {first, first + 6, "a representative week (2025-01-06 to 2025-01-12)"};
}

class ZoneCache {
public:
    // Null when the zone is not in the tz database (the plan reader rejects such plans).
    const date::time_zone* find(const std::string& name) {
        auto found = m_zones.find(name);
        if (found != m_zones.end())
            return found->second;
        const date::time_zone* zone = nullptr;
        try {
            zone = date::locate_zone(name);
        } catch (const std::exception&) {
            zone = nullptr;
        }
        m_zones.emplace(name, zone);
        return zone;
    }

private:
    std::map<std::string, const date::time_zone*> m_zones;
};

Seconds to_utc(const date::time_zone& zone, std::int64_t day, int minute, date::choose choose) {
    date::local_seconds local = date::local_days(date::days(day)) + std::chrono::minutes(minute);
    return zone.to_sys(local, choose).time_since_epoch().count();
}

// The daily span [start, end) on `day` in `zone`; an end at or before the start runs into the
// next day. Empty (nullopt) when start equals end.
std::optional<Interval> daily_span(const date::time_zone& zone, std::int64_t day,
                                   model::TimeOfDay start, model::TimeOfDay end) {
    if (start.minutes == end.minutes)
        return std::nullopt;
    int end_minute = end.minutes > start.minutes ? end.minutes : end.minutes + 24 * 60;
    Interval span{to_utc(zone, day, start.minutes, date::choose::earliest),
                  to_utc(zone, day, end_minute, date::choose::latest)};
    if (span.end <= span.start)
        return std::nullopt;
    return span;
}

model::Weekday weekday_of_day(std::int64_t day) {
    return model::weekday_of(model::date_from_days(day));
}

std::vector<Interval> merged(std::vector<Interval> intervals) {
    std::sort(intervals.begin(), intervals.end(),
              [](const Interval& a, const Interval& b) { return a.start < b.start; });
    std::vector<Interval> result;
    for (const Interval& interval : intervals) {
        if (!result.empty() && interval.start <= result.back().end)
            result.back().end = std::max(result.back().end, interval.end);
        else
            result.push_back(interval);
    }
    return result;
}

// Working intervals of people with these hours in this zone, on days first..last.
void add_working_spans(const date::time_zone& zone, const model::ResolvedHours& hours,
                       std::int64_t first, std::int64_t last, std::vector<Interval>& out) {
    for (std::int64_t day = first; day <= last; ++day)
        if (hours.days.contains(weekday_of_day(day)))
            if (auto span = daily_span(zone, day, hours.start, hours.end))
                out.push_back(*span);
}

// Parts of `windows` (sorted, disjoint) not inside `covered` (sorted, disjoint).
std::vector<Interval> uncovered_parts(const std::vector<Interval>& windows,
                                      const std::vector<Interval>& covered) {
    std::vector<Interval> gaps;
    size_t next = 0;
    for (const Interval& window : windows) {
        while (next < covered.size() && covered[next].end <= window.start)
            ++next;
        Seconds cursor = window.start;
        for (size_t i = next; i < covered.size() && covered[i].start < window.end; ++i) {
            if (covered[i].start > cursor)
                gaps.push_back({cursor, covered[i].start});
            cursor = std::max(cursor, covered[i].end);
        }
        if (cursor < window.end)
            gaps.push_back({cursor, window.end});
    }
    return gaps;
}

// "sat 08:00–20:00" in the zone; "fri 22:00–sat 02:00" across midnight. With `weekdays`
// (mon ... sun in a language), the days are written in it.
std::string format_span(const date::time_zone& zone, const Interval& span, std::string* date,
                        const std::vector<std::string>* weekdays = nullptr) {
    auto day_name = [&](std::int64_t day) {
        const auto weekday = weekday_of_day(day);
        if (weekdays != nullptr && weekdays->size() == 7)
            return weekdays->at(static_cast<size_t>(weekday));
        return std::string(model::weekday_name(weekday));
    };
    auto local_parts = [&](Seconds instant) {
        date::local_seconds local = zone.to_local(date::sys_seconds(std::chrono::seconds(instant)));
        auto day = date::floor<date::days>(local);
        auto minute = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
        return std::make_pair(static_cast<std::int64_t>(day.time_since_epoch().count()),
                              static_cast<int>(minute));
    };
    auto [start_day, start_minute] = local_parts(span.start);
    auto [end_day, end_minute] = local_parts(span.end);
    if (end_minute == 0 && end_day == start_day + 1) {
        end_day = start_day;
        end_minute = 24 * 60;
    }
    if (date != nullptr)
        *date = model::format_date(model::date_from_days(start_day));
    std::string text = day_name(start_day) + " " +
                       model::format_time_of_day(model::TimeOfDay{start_minute}) + "\u2013";
    if (end_day != start_day)
        text += day_name(end_day) + " ";
    return text + model::format_time_of_day(model::TimeOfDay{end_minute});
}

// Whether the person's working hours, in their zone, cover all of `gap`.
bool works_during(const CheckContext& context, ZoneCache& zones, const model::Person& person,
                  const Interval& gap) {
    const date::time_zone* zone = zones.find(model::time_zone(context.info(), person));
    if (zone == nullptr)
        return false;
    std::int64_t day = gap.start / 86400;
    std::vector<Interval> spans;
    add_working_spans(*zone, model::working_hours(context.info(), person), day - 1, day + 1, spans);
    return uncovered_parts({gap}, merged(std::move(spans))).empty();
}

using HoursKey = std::tuple<std::string, std::uint8_t, int, int>;

} // namespace

std::vector<Finding> find_care_window_gaps(const CheckContext& context) {
    FindingOutput findings(context);
    const model::PlanInfo& info = context.info();
    const Period period = period_of(info);
    const double weeks = static_cast<double>(period.last_day - period.first_day + 1) / 7.0;
    ZoneCache zones;
    const model::DutyId engage("engage");
    std::map<HoursKey, std::vector<Interval>> windows_by_care; // merged
    std::map<HoursKey, std::vector<Interval>> spans_by_hours;  // over the whole period
    std::map<std::tuple<HoursKey, Seconds, Seconds>, bool> works_by_hours;

    const auto& duties = context.index().channel_duties();
    for (size_t i = 0; i < duties.size(); ++i) {
        const model::ChannelDuty& duty = duties[i];
        if (!duty.channel || duty.duty != engage)
            continue;
        const model::Channel* channel = context.index().channel(*duty.channel);
        if (channel == nullptr || !channel->care)
            continue;
        const DutyCoverage& coverage = context.coverage(i);
        if (coverage.responsible.empty())
            continue; // COV001 reports a duty nobody does
        const model::ResolvedCare care = model::resolve_care(info, *channel->care);
        const date::time_zone* care_zone = zones.find(care.timezone);
        if (care_zone == nullptr)
            continue;

        // Channels with the same care window share its spans: computed once per run.
        const HoursKey care_key{care.timezone, care.days.bits(), care.start.minutes,
                                care.end.minutes};
        auto known_windows = windows_by_care.find(care_key);
        if (known_windows == windows_by_care.end()) {
            std::vector<Interval> spans;
            for (std::int64_t day = period.first_day; day <= period.last_day; ++day)
                if (care.days.contains(weekday_of_day(day)))
                    if (auto span = daily_span(*care_zone, day, care.start, care.end))
                        spans.push_back(*span);
            known_windows = windows_by_care.emplace(care_key, merged(std::move(spans))).first;
        }
        const std::vector<Interval>& windows = known_windows->second;
        if (windows.empty())
            continue;

        // People with the same zone and hours cover the same spans: computed once per run.
        std::set<HoursKey> seen;
        std::vector<Interval> working;
        for (const PersonId& id : coverage.responsible) {
            const model::Person& person = context.person(id);
            const std::string& zone_name = model::time_zone(info, person);
            const model::ResolvedHours hours = model::working_hours(info, person);
            HoursKey key{zone_name, hours.days.bits(), hours.start.minutes, hours.end.minutes};
            if (!seen.insert(key).second)
                continue;
            auto known = spans_by_hours.find(key);
            if (known == spans_by_hours.end()) {
                std::vector<Interval> spans;
                if (const date::time_zone* zone = zones.find(zone_name))
                    add_working_spans(*zone, hours, period.first_day - 1, period.last_day + 1,
                                      spans);
                known = spans_by_hours.emplace(std::move(key), std::move(spans)).first;
            }
            working.insert(working.end(), known->second.begin(), known->second.end());
        }
        const std::vector<Interval> gaps = uncovered_parts(windows, merged(std::move(working)));
        if (gaps.empty())
            continue;

        Seconds window_seconds = 0;
        for (const Interval& window : windows)
            window_seconds += window.end - window.start;
        Seconds uncovered_seconds = 0;
        const Interval* worst = nullptr;
        for (const Interval& gap : gaps) {
            uncovered_seconds += gap.end - gap.start;
            if (worst == nullptr || gap.end - gap.start > worst->end - worst->start)
                worst = &gap;
        }
        const double window_per_week = static_cast<double>(window_seconds) / 3600.0 / weeks;
        const double uncovered_per_week = static_cast<double>(uncovered_seconds) / 3600.0 / weeks;
        std::string worst_date;
        const std::string worst_text = format_span(*care_zone, *worst, &worst_date);

        std::string phrase = context.duty_phrase(i);
        const std::vector<std::string> weekdays = context.texts().list("check_text.weekdays");
        std::map<std::string, std::string> values = {
            {"duty", phrase},
            {"uncovered", context.hours(uncovered_per_week)},
            {"window", context.hours(window_per_week)},
            {"worst", format_span(*care_zone, *worst, nullptr, &weekdays)},
            {"timezone", care.timezone}};
        std::string message = context.say("COV006.message", values);
        std::string window_text = format_days(care.days) + " " +
                                  model::format_time_of_day(care.start) + "\u2013" +
                                  model::format_time_of_day(care.end) + " " + care.timezone;

        // Someone who performs `engage` and works during the worst gap.
        const Interval worst_gap = *worst;
        auto acceptable = [&](const model::Person& person) {
            const model::ResolvedHours hours = model::working_hours(info, person);
            auto key = std::make_tuple(HoursKey{model::time_zone(info, person), hours.days.bits(),
                                                hours.start.minutes, hours.end.minutes},
                                       worst_gap.start, worst_gap.end);
            auto known = works_by_hours.find(key);
            if (known == works_by_hours.end())
                known =
                    works_by_hours
                        .emplace(std::move(key), works_during(context, zones, person, worst_gap))
                        .first;
            return known->second;
        };
        std::string recommendation;
        FindingChange change;
        if (auto candidate = context.candidate_for(engage, coverage.responsible, acceptable)) {
            change = duty_change("assign", *candidate, duty);
            values["person"] = context.name(*candidate);
            values["candidate"] = context.candidate_clause(*candidate, engage);
            recommendation = context.say("COV006.do_candidate", values);
        } else {
            recommendation = context.say("COV006.do", values);
        }

        findings.push_back(
            make_finding("COV006", model::channel_duty_subject(duty), std::move(message),
                         {{"care_window", window_text},
                          {"period", period.label},
                          {"window_hours_per_week", format_hours(window_per_week)},
                          {"uncovered_hours_per_week", format_hours(uncovered_per_week)},
                          {"worst_gap", worst_text},
                          {"worst_gap_first_on", worst_date},
                          {"responsible", context.names(coverage.responsible)}},
                         std::move(recommendation)));
        findings.back().change = std::move(change);
    }
    return findings;
}

} // namespace planner
