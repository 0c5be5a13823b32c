// Care windows in UTC and the rotas that serve overlapping windows (STAFFING.md step 3).
#include "planner/staffing/staffing.hpp"

#include "planner/staffing/erlang.hpp"

#include <date/tz.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace planner {

namespace {

constexpr int k_week_minutes = 7 * 24 * 60;

// Monday of the first full week of the plan's quarter (or 2024-01-01).
date::sys_days reference_monday(const model::PlanInfo& info) {
    model::Date first{2024, 1, 1};
    if (info.quarter)
        first = info.quarter->first_day();
    int64_t days = model::days_since_epoch(first);
    while (model::weekday_of(model::date_from_days(days)) != model::Weekday::mon)
        ++days;
    return date::sys_days{date::days{days}};
}

// Sorted, merged [start, end) spans.
std::vector<std::pair<int, int>> merge_spans(std::vector<std::pair<int, int>> spans) {
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<int, int>> merged;
    for (const auto& span : spans) {
        if (span.second <= span.first)
            continue;
        if (!merged.empty() && span.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, span.second);
        else
            merged.push_back(span);
    }
    return merged;
}

int find_root(std::vector<size_t>& parent, size_t i) {
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return static_cast<int>(i);
}

} // namespace

std::vector<std::pair<int, int>> care_window_utc(const model::PlanInfo& info,
                                                 const model::CareWindow& care) {
    const model::ResolvedCare resolved = model::resolve_care(info, care);
    const date::time_zone* zone = date::locate_zone(resolved.timezone);
    const date::sys_days monday = reference_monday(info);
    const date::local_days local_monday{monday.time_since_epoch()};

    std::vector<std::pair<int, int>> spans;
    for (int day = 0; day < 7; ++day) {
        if (!resolved.days.contains(static_cast<model::Weekday>(day)))
            continue;
        int start = resolved.start.minutes;
        int end = resolved.end.minutes;
        if (end <= start)
            end += 24 * 60; // a window past midnight ends the next day
        auto to_utc = [&](int minutes) {
            const date::local_time<std::chrono::minutes> local =
                local_monday + date::days{day} + std::chrono::minutes{minutes};
            const auto sys = zone->to_sys(local, date::choose::earliest);
            return static_cast<int>(
                std::chrono::duration_cast<std::chrono::minutes>(sys - monday).count());
        };
        int utc_start = to_utc(start);
        int utc_end = to_utc(end);
        // Wrap into [0, week).
        int shift = ((utc_start % k_week_minutes) + k_week_minutes) % k_week_minutes - utc_start;
        utc_start += shift;
        utc_end += shift;
        if (utc_end <= k_week_minutes) {
            spans.emplace_back(utc_start, utc_end);
        } else {
            spans.emplace_back(utc_start, k_week_minutes);
            spans.emplace_back(0, std::min(k_week_minutes, utc_end - k_week_minutes));
        }
    }
    return merge_spans(std::move(spans));
}

std::vector<CareRota> compute_care_rotas(const model::PlanIndex& index) {
    const model::Plan& plan = index.plan();
    struct CareChannel {
        const model::Channel* channel;
        std::vector<std::pair<int, int>> spans;
    };
    std::vector<CareChannel> served;
    for (const model::Channel& channel : plan.channels) {
        if (!channel.care)
            continue;
        if (model::standard_duty_hours(channel, "engage") <= 0)
            continue;
        CareChannel entry{&channel, care_window_utc(plan.info, *channel.care)};
        if (!entry.spans.empty())
            served.push_back(std::move(entry));
    }

    // Channels whose windows overlap (by a positive length) share a rota: sweep the spans by
    // start, joining each span to the cluster whose end it starts before.
    std::vector<size_t> parent(served.size());
    std::iota(parent.begin(), parent.end(), size_t{0});
    struct Span {
        int start, end;
        size_t owner;
    };
    std::vector<Span> spans;
    for (size_t c = 0; c < served.size(); ++c)
        for (const auto& span : served[c].spans)
            spans.push_back(Span{span.first, span.second, c});
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
        return a.start != b.start ? a.start < b.start : a.owner < b.owner;
    });
    int cluster_end = -1;
    size_t cluster_owner = 0;
    for (const Span& span : spans) {
        if (span.start < cluster_end) {
            size_t a = static_cast<size_t>(find_root(parent, span.owner));
            size_t b = static_cast<size_t>(find_root(parent, cluster_owner));
            if (a != b)
                parent[std::max(a, b)] = std::min(a, b);
            cluster_end = std::max(cluster_end, span.end);
        } else {
            cluster_end = span.end;
            cluster_owner = span.owner;
        }
    }

    std::vector<CareRota> rotas;
    std::vector<int> rota_of(served.size(), -1);
    std::vector<std::vector<std::pair<int, int>>> rota_spans;
    for (size_t c = 0; c < served.size(); ++c) {
        size_t root = static_cast<size_t>(find_root(parent, c));
        if (rota_of[root] < 0) {
            rota_of[root] = static_cast<int>(rotas.size());
            rotas.emplace_back();
            rota_spans.emplace_back();
        }
        const size_t r = static_cast<size_t>(rota_of[root]);
        rotas[r].channels.push_back(served[c].channel->id);
        rota_spans[r].insert(rota_spans[r].end(), served[c].spans.begin(), served[c].spans.end());
    }

    const double week_hours = plan.info.week.hours;
    for (size_t r = 0; r < rotas.size(); ++r) {
        CareRota& rota = rotas[r];
        int minutes = 0;
        for (const auto& span : merge_spans(rota_spans[r]))
            minutes += span.second - span.first;
        rota.window_hours = minutes / 60.0;
        double weighted_handling = 0;
        bool first = true;
        for (const model::ChannelId& id : rota.channels) {
            const model::Channel& channel = *index.channel(id);
            const model::ResolvedCare care = model::resolve_care(plan.info, *channel.care);
            const double inbound = channel.workload.inbound_per_day * 7.0;
            rota.inbound_per_week += inbound;
            weighted_handling += inbound * channel.workload.minutes_per_inbound;
            rota.response_minutes = first ? care.response_minutes
                                          : std::min(rota.response_minutes, care.response_minutes);
            rota.service_level =
                first ? care.service_level : std::max(rota.service_level, care.service_level);
            first = false;
        }
        rota.handling_minutes =
            rota.inbound_per_week > 0 ? weighted_handling / rota.inbound_per_week : 0;
        rota.arrival_rate = rota.window_hours > 0 ? rota.inbound_per_week / rota.window_hours : 0;
        rota.traffic = rota.arrival_rate * rota.handling_minutes / 60.0;
        const auto needed = erlang_agents_needed(rota.traffic, rota.handling_minutes,
                                                 rota.response_minutes, rota.service_level);
        if (needed) {
            rota.agents = needed->agents;
            rota.achieved_service_level = needed->service_level;
            rota.wait_probability = needed->wait_probability;
            rota.floor_people =
                week_hours > 0 ? static_cast<int>(
                                     std::ceil(rota.window_hours * rota.agents / week_hours - 1e-9))
                               : 0;
        } else {
            rota.reachable = rota.traffic <= 0;
        }
    }
    return rotas;
}

} // namespace planner
