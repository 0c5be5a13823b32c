// COV007: during absences, is anyone left to do each channel duty?
//
// The people who can do a channel duty are its Responsible people and backups. A person is
// available on their working days when not absent; vacancies are never available. A date is
// a gap when at least one of these people would work that day but is absent, and nobody of
// them is available. Dates are those of the plan's quarter; without a quarter, all dates of
// the absences. Consecutive gap dates, and days between them on which none of them works
// (weekends), form one range.

#include "planner/checks/check_functions.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>

namespace planner {

using model::PersonId;

namespace {

struct DayRange {
    std::int64_t first = 0;
    std::int64_t last = 0; // inclusive
};

model::Weekday weekday_of_day(std::int64_t day) {
    return model::weekday_of(model::date_from_days(day));
}

// The person's absences as merged, inclusive day ranges, clipped to [lower, upper].
std::vector<DayRange> absent_days(const model::Person& person, std::int64_t lower,
                                  std::int64_t upper) {
    std::vector<DayRange> ranges;
    for (const model::Absence& absence : person.absences) {
        DayRange range{std::max(lower, model::days_since_epoch(absence.from)),
                       std::min(upper, model::days_since_epoch(absence.to))};
        if (range.first <= range.last)
            ranges.push_back(range);
    }
    std::sort(ranges.begin(), ranges.end(),
              [](const DayRange& a, const DayRange& b) { return a.first < b.first; });
    std::vector<DayRange> result;
    for (const DayRange& range : ranges) {
        if (!result.empty() && range.first <= result.back().last + 1)
            result.back().last = std::max(result.back().last, range.last);
        else
            result.push_back(range);
    }
    return result;
}

std::string format_day(std::int64_t day) {
    return model::format_date(model::date_from_days(day));
}

std::string format_range(const DayRange& range, const std::string& separator) {
    if (range.first == range.last)
        return format_day(range.first);
    return format_day(range.first) + separator + format_day(range.last);
}

} // namespace

std::vector<Finding> find_absence_gaps(const CheckContext& context) {
    FindingOutput findings(context);
    const model::PlanInfo& info = context.info();
    std::int64_t lower = std::numeric_limits<std::int64_t>::min() / 4;
    std::int64_t upper = std::numeric_limits<std::int64_t>::max() / 4;
    if (info.quarter) {
        lower = model::days_since_epoch(info.quarter->first_day());
        upper = model::days_since_epoch(info.quarter->last_day());
    }

    const auto& duties = context.index().channel_duties();
    for (size_t i = 0; i < duties.size(); ++i) {
        const DutyCoverage& coverage = context.coverage(i);
        std::vector<PersonId> covering = coverage.responsible;
        covering.insert(covering.end(), coverage.backups.begin(), coverage.backups.end());
        std::sort(covering.begin(), covering.end());
        covering.erase(std::unique(covering.begin(), covering.end()), covering.end());

        // How many of them work on each weekday, and who is away on each date they would work.
        std::array<int, 7> working{};
        std::map<std::int64_t, std::vector<size_t>> away; // date -> positions in `covering`
        for (size_t p = 0; p < covering.size(); ++p) {
            const model::Person& person = context.person(covering[p]);
            if (person.status == model::PersonStatus::vacancy)
                continue;
            const model::DaySet days = model::working_hours(info, person).days;
            for (int d = 0; d < 7; ++d)
                if (days.contains(static_cast<model::Weekday>(d)))
                    ++working[static_cast<size_t>(d)];
            for (const DayRange& range : absent_days(person, lower, upper))
                for (std::int64_t day = range.first; day <= range.last; ++day)
                    if (days.contains(weekday_of_day(day)))
                        away[day].push_back(p);
        }
        auto works_that_day = [&](std::int64_t day) {
            return working[static_cast<size_t>(weekday_of_day(day))];
        };

        std::vector<DayRange> gaps;
        std::vector<bool> absent_in_gap(covering.size(), false);
        int gap_days = 0;
        for (const auto& [day, people] : away) {
            if (static_cast<int>(people.size()) < works_that_day(day))
                continue; // someone is available
            ++gap_days;
            for (size_t p : people)
                absent_in_gap[p] = true;
            bool joins = !gaps.empty();
            for (std::int64_t between = joins ? gaps.back().last + 1 : day; joins && between < day;
                 ++between)
                joins = works_that_day(between) == 0;
            if (joins)
                gaps.back().last = day;
            else
                gaps.push_back({day, day});
        }
        if (gaps.empty())
            continue;

        std::vector<PersonId> absent;
        for (size_t p = 0; p < covering.size(); ++p)
            if (absent_in_gap[p])
                absent.push_back(covering[p]);
        std::vector<std::string> ranges_text;
        std::vector<std::string> ranges_evidence;
        for (const DayRange& range : gaps) {
            ranges_text.push_back(format_range(range, context.say("date_to")));
            ranges_evidence.push_back(format_range(range, "\u2013"));
        }

        std::string phrase = context.duty_phrase(i);
        std::map<std::string, std::string> values = {{"duty", phrase},
                                                     {"people", context.names(absent)},
                                                     {"dates", context.join(ranges_text)}};
        values["days"] = context.say_count("COV007.days", gap_days);
        std::string message =
            context.say_count("COV007.message", static_cast<long long>(absent.size()), values);

        // A backup who is not away on any of these dates.
        auto present = [&](const model::Person& person) {
            for (const DayRange& gap : gaps)
                if (!absent_days(person, gap.first, gap.last).empty())
                    return false;
            return true;
        };
        std::string recommendation;
        FindingChange change;
        if (auto candidate = context.candidate_for(duties[i].duty, covering, present)) {
            change = duty_change("backup", *candidate, duties[i]);
            values["candidate"] = context.candidate_clause(*candidate, duties[i].duty);
            recommendation = context.say("COV007.do_candidate", values);
        } else if (absent.size() > 1) {
            recommendation = context.say("COV007.do_stagger", values);
        } else {
            recommendation = context.say("COV007.do", values);
        }

        findings.push_back(make_finding("COV007", model::channel_duty_subject(duties[i]),
                                        std::move(message),
                                        {{"days", std::to_string(gap_days)},
                                         {"dates", join_list(ranges_evidence)},
                                         {"absent", context.names(absent)}},
                                        std::move(recommendation)));
        findings.back().change = std::move(change);
    }
    return findings;
}

} // namespace planner
