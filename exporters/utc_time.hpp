#pragma once
// Calendar fields of a Unix time in UTC, without the C library's time zone state.

#include <cstdint>
#include <string>

namespace planner::exporters {

struct UtcDateTime {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31
    int hour = 0;
    int minute = 0;
    int second = 0;
};

UtcDateTime utc_from_unix(std::int64_t seconds);

// "2025-03-12T09:30:00Z"
std::string iso8601_utc(std::int64_t seconds);

} // namespace planner::exporters
