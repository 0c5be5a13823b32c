#pragma once
// Calendar value types of the plan format: days of the week, times of day, dates, quarters.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planner::model {

enum class Weekday { mon, tue, wed, thu, fri, sat, sun };

std::string_view weekday_name(Weekday day);
std::optional<Weekday> parse_weekday(std::string_view text);

// A set of weekdays, bit 0 = Monday.
class DaySet {
public:
    DaySet() = default;
    static DaySet monday_to_friday() { return DaySet(0x1f); }
    static DaySet all() { return DaySet(0x7f); }

    void add(Weekday day) { m_bits |= bit(day); }
    bool contains(Weekday day) const { return (m_bits & bit(day)) != 0; }
    bool empty() const { return m_bits == 0; }
    int count() const;
    uint8_t bits() const { return m_bits; }
    friend bool operator==(DaySet a, DaySet b) { return a.m_bits == b.m_bits; }
    friend bool operator!=(DaySet a, DaySet b) { return a.m_bits != b.m_bits; }

private:
    explicit DaySet(uint8_t bits) : m_bits(bits) {}
    static uint8_t bit(Weekday day) { return static_cast<uint8_t>(1u << static_cast<int>(day)); }
    uint8_t m_bits = 0;
};

// Minutes since midnight, 0..1440 ("24:00" is allowed as an end time).
struct TimeOfDay {
    int minutes = 0;
    friend bool operator==(TimeOfDay a, TimeOfDay b) { return a.minutes == b.minutes; }
    friend bool operator<(TimeOfDay a, TimeOfDay b) { return a.minutes < b.minutes; }
};
std::optional<TimeOfDay> parse_time_of_day(std::string_view text); // "HH:MM"
std::string format_time_of_day(TimeOfDay time);

// A civil date. Days since 1970-01-01 give arithmetic and the weekday.
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    friend bool operator==(const Date& a, const Date& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
    friend bool operator<(const Date& a, const Date& b) {
        if (a.year != b.year)
            return a.year < b.year;
        if (a.month != b.month)
            return a.month < b.month;
        return a.day < b.day;
    }
    friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
};
std::optional<Date> parse_date(std::string_view text); // "YYYY-MM-DD", a real calendar date
std::string format_date(const Date& date);
int64_t days_since_epoch(const Date& date);
Date date_from_days(int64_t days);
Weekday weekday_of(const Date& date);

struct Quarter {
    int year = 0;
    int number = 1; // 1..4
    Date first_day() const;
    Date last_day() const;
    friend bool operator==(const Quarter& a, const Quarter& b) {
        return a.year == b.year && a.number == b.number;
    }
    friend bool operator<(const Quarter& a, const Quarter& b) {
        return a.year != b.year ? a.year < b.year : a.number < b.number;
    }
};
std::optional<Quarter> parse_quarter(std::string_view text); // "YYYY-Qn" (or "YYYY-qn")
std::string format_quarter(const Quarter& quarter);
Quarter quarter_of(const Date& date);

// True when `name` is a time zone in the system's tz database (e.g. "Europe/Riga").
bool is_known_time_zone(const std::string& name);

} // namespace planner::model
