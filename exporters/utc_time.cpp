#include "exporters/utc_time.hpp"

#include <cstdio>

namespace planner::exporters {

UtcDateTime utc_from_unix(std::int64_t seconds) {
    constexpr std::int64_t k_seconds_per_day = 86400;
    std::int64_t days = seconds / k_seconds_per_day;
    std::int64_t rest = seconds % k_seconds_per_day;
    if (rest < 0) {
        rest += k_seconds_per_day;
        --days;
    }
    // Civil date from days since 1970-01-01 (Howard Hinnant's days_from_civil, inverted).
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t day_of_era = z - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_index = (5 * day_of_year + 2) / 153;
    UtcDateTime out;
    out.day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
    out.month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
    out.year = static_cast<int>(year_of_era + era * 400 + (out.month <= 2 ? 1 : 0));
    out.hour = static_cast<int>(rest / 3600);
    out.minute = static_cast<int>(rest % 3600 / 60);
    out.second = static_cast<int>(rest % 60);
    return out;
}

std::string iso8601_utc(std::int64_t seconds) {
    const UtcDateTime t = utc_from_unix(seconds);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day,
                  t.hour, t.minute, t.second);
    return buffer;
}

} // namespace planner::exporters
