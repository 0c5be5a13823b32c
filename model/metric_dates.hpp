#pragma once
// Dates as analytics exports write them. Internal to the metric readers; public for tests.

#include "model/calendar.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace planner::model::metric_detail {

// A real calendar date, or nullopt (2025-02-29 is not one).
std::optional<Date> make_date(int year, int month, int day);

// "2025-12-24", with anything after it: "2025-12-24T00:00:00", "2021-12-01 16:00 +0000".
std::optional<Date> parse_iso_date_prefix(std::string_view text);

// Month first: "8/19/2015", "03/15/2025 03:06".
std::optional<Date> parse_us_date(std::string_view text);

// A date with the month in words, in any order with the day, an optional year and an optional
// weekday: "Aug 28, 2025", "Sat, Sep 6, 2025", "March 2", "2 March", "2. marts", "28 апреля".
struct WordDate {
    int month = 1;
    int day = 1;
    std::optional<int> year;
};
std::optional<WordDate> parse_word_date(std::string_view text);

// Month names in English, Latvian, Lithuanian, Estonian, Russian and German (with their
// inflections), and in every other language of TikTok's interface in Europe from ICU (Greek,
// Polish, French, ...: running-text and stand-alone forms), full or abbreviated, in any
// letter case: 1..12.
std::optional<int> month_from_name(std::string_view word);

// Lower case for ASCII, Latin-1, Latin Extended-A and Cyrillic letters.
std::string lower_utf8(std::string_view text);

// Years for dates written without one, in a file whose rows go forward in time: the first
// date gets `first_year`, and each time the month goes back (December to January) the year
// moves on by one.
class YearSequence {
public:
    explicit YearSequence(int first_year) : m_year(first_year) {}
    int year_for(int month) {
        if (m_last_month != 0 && month < m_last_month)
            ++m_year;
        m_last_month = month;
        return m_year;
    }

private:
    int m_year;
    int m_last_month = 0;
};

} // namespace planner::model::metric_detail
