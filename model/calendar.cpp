#include "model/calendar.hpp"
#include "model/ids.hpp"

#include <date/tz.h>

#include <array>
#include <cstdio>

namespace planner::model {

namespace {
constexpr std::array<std::string_view, 7> k_weekday_names = {"mon", "tue", "wed", "thu",
                                                             "fri", "sat", "sun"};

bool all_digits(std::string_view text) {
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return !text.empty();
}

int to_int(std::string_view text) {
    int value = 0;
    for (char c : text)
        value = value * 10 + (c - '0');
    return value;
}
} // namespace

bool is_valid_id(std::string_view text) {
    if (text.empty() || text.size() > 64)
        return false;
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!alnum(text.front()))
        return false;
    for (char c : text)
        if (!alnum(c) && c != '_' && c != '-')
            return false;
    return true;
}

std::string_view weekday_name(Weekday day) {
    return k_weekday_names[static_cast<size_t>(day)];
}

std::optional<Weekday> parse_weekday(std::string_view text) {
    for (size_t i = 0; i < k_weekday_names.size(); ++i)
        if (k_weekday_names[i] == text)
            return static_cast<Weekday>(i);
    return std::nullopt;
}

int DaySet::count() const {
    int n = 0;
    for (int i = 0; i < 7; ++i)
        if (m_bits & (1u << i))
            ++n;
    return n;
}

std::optional<TimeOfDay> parse_time_of_day(std::string_view text) {
    if (text.size() != 5 || text[2] != ':' || !all_digits(text.substr(0, 2)) ||
        !all_digits(text.substr(3, 2)))
        return std::nullopt;
    int hours = to_int(text.substr(0, 2));
    int minutes = to_int(text.substr(3, 2));
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        return std::nullopt;
    return TimeOfDay{hours * 60 + minutes};
}

std::string format_time_of_day(TimeOfDay time) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", time.minutes / 60, time.minutes % 60);
    return buffer;
}

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
        !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2)))
        return std::nullopt;
    Date date{to_int(text.substr(0, 4)), to_int(text.substr(5, 2)), to_int(text.substr(8, 2))};
    auto ymd = date::year{date.year} / date::month{static_cast<unsigned>(date.month)} /
               date::day{static_cast<unsigned>(date.day)};
    if (!ymd.ok())
        return std::nullopt;
    return date;
}

std::string format_date(const Date& date) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

int64_t days_since_epoch(const Date& date) {
    auto ymd = date::year{date.year} / date::month{static_cast<unsigned>(date.month)} /
               date::day{static_cast<unsigned>(date.day)};
    return date::sys_days{ymd}.time_since_epoch().count();
}

Date date_from_days(int64_t days) {
    date::year_month_day ymd{date::sys_days{date::days{days}}};
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Weekday weekday_of(const Date& date) {
    date::weekday wd{date::sys_days{date::days{days_since_epoch(date)}}};
    unsigned iso = wd.iso_encoding(); // 1 = Monday .. 7 = Sunday
    return static_cast<Weekday>(iso - 1);
}

Date Quarter::first_day() const {
    return Date{year, (number - 1) * 3 + 1, 1};
}

Date Quarter::last_day() const {
    Quarter next = number == 4 ? Quarter{year + 1, 1} : Quarter{year, number + 1};
    return date_from_days(days_since_epoch(next.first_day()) - 1);
}

std::optional<Quarter> parse_quarter(std::string_view text) {
    if (text.size() != 7 || !all_digits(text.substr(0, 4)) || text[4] != '-' ||
        (text[5] != 'Q' && text[5] != 'q') || text[6] < '1' || text[6] > '4')
        return std::nullopt;
    return Quarter{to_int(text.substr(0, 4)), text[6] - '0'};
}

std::string format_quarter(const Quarter& quarter) {
    return std::to_string(quarter.year) + "-Q" + std::to_string(quarter.number);
}

Quarter quarter_of(const Date& date) {
    return Quarter{date.year, (date.month - 1) / 3 + 1};
}

bool is_known_time_zone(const std::string& name) {
    if (name.empty())
        return false;
    try {
        return date::locate_zone(name) != nullptr;
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace planner::model
