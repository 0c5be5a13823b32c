// Coverage checks COV001-COV005: who is Responsible, Accountable and able to cover each
// channel duty. COV006 (care windows) and COV007 (absences) have files of their own.

#include "planner/checks/check_functions.hpp"

#include <algorithm>
#include <map>

namespace planner {

using model::PersonId;

namespace {

// One problem, one finding: a missing approver is GOV001's, a missing reporter on a channel
// with KPIs is GOAL005's; COV001 leaves those duties to them.
bool reported_elsewhere(const CheckContext& context, const model::ChannelDuty& duty) {
    if (!duty.channel)
        return false;
    if (duty.duty.str() == "approve") {
        const model::Channel* channel = context.index().channel(*duty.channel);
        return channel != nullptr && channel->approval.required;
    }
    if (duty.duty.str() == "report")
        return !context.kpis_of_channel(*duty.channel).empty();
    return false;
}

bool is_vacancy(const CheckContext& context, const PersonId& id) {
    return context.person(id).status == model::PersonStatus::vacancy;
}

} // namespace

std::vector<Finding> find_duties_without_responsible(const CheckContext& context) {
    FindingOutput findings(context);
    const auto& duties = context.index().channel_duties();
    for (size_t i = 0; i < duties.size(); ++i) {
        const DutyCoverage& coverage = context.coverage(i);
        if (!coverage.responsible.empty() || reported_elsewhere(context, duties[i]))
            continue;
        std::string phrase = context.duty_phrase(i);
        std::vector<std::pair<std::string, std::string>> evidence = {
            {"hours_per_week", format_hours(duties[i].hours)}};
        if (!coverage.backups.empty())
            evidence.emplace_back("backups", context.names(coverage.backups));
        std::map<std::string, std::string> values = {
            {"duty", phrase},
            {"hours", context.hours(duties[i].hours)},
            {"duty_id", duties[i].duty.str()},
            {"duty_name", context.duty_name(duties[i].duty)}};
        std::string recommendation;
        FindingChange change;
        if (auto candidate = context.candidate_for(duties[i].duty, {})) {
            values["candidate"] = context.candidate_clause(*candidate, duties[i].duty);
            recommendation = context.say("COV001.do_candidate", values);
            change = duty_change("assign", *candidate, duties[i]);
        } else {
            recommendation = context.say("COV001.do_hire", values);
        }
        findings.push_back(make_finding("COV001", model::channel_duty_subject(duties[i]),
                                        context.say("COV001.message", values), std::move(evidence),
                                        std::move(recommendation)));
        findings.back().change = std::move(change);
    }
    return findings;
}

std::vector<Finding> find_duties_without_accountable(const CheckContext& context) {
    FindingOutput findings(context);
    const auto& duties = context.index().channel_duties();
    for (size_t i = 0; i < duties.size(); ++i) {
        const DutyCoverage& coverage = context.coverage(i);
        if (!coverage.accountable.empty())
            continue;
        std::string phrase = context.duty_phrase(i);
        // The manager most of the Responsible people share (ties: smallest id).
        std::map<PersonId, std::vector<PersonId>> managed;
        for (const PersonId& responsible : coverage.responsible)
            if (auto manager = context.graph().manager(responsible))
                managed[*manager].push_back(responsible);
        const std::pair<const PersonId, std::vector<PersonId>>* best = nullptr;
        for (const auto& entry : managed)
            if (best == nullptr || entry.second.size() > best->second.size())
                best = &entry;
        std::string recommendation =
            best != nullptr
                ? context.say("COV002.do_manager", {{"duty", phrase},
                                                    {"manager", context.name(best->first)},
                                                    {"people", context.names(best->second)}})
                : context.say("COV002.do", {{"duty", phrase}});
        std::vector<std::pair<std::string, std::string>> evidence = {
            {"hours_per_week", format_hours(duties[i].hours)}};
        if (!coverage.responsible.empty())
            evidence.emplace_back("responsible", context.names(coverage.responsible));
        findings.push_back(make_finding("COV002", model::channel_duty_subject(duties[i]),
                                        context.say("COV002.message", {{"duty", phrase}}),
                                        std::move(evidence), std::move(recommendation)));
        if (best != nullptr)
            findings.back().change = duty_change("accountable", best->first, duties[i]);
    }
    return findings;
}

std::vector<Finding> find_duties_with_several_accountable(const CheckContext& context) {
    FindingOutput findings(context);
    const auto& duties = context.index().channel_duties();
    for (size_t i = 0; i < duties.size(); ++i) {
        const DutyCoverage& coverage = context.coverage(i);
        if (coverage.accountable.size() < 2)
            continue;
        std::string phrase = context.duty_phrase(i);
        findings.push_back(make_finding(
            "COV003", model::channel_duty_subject(duties[i]),
            context.say_count("COV003.message", static_cast<long long>(coverage.accountable.size()),
                              {{"duty", phrase}, {"people", context.names(coverage.accountable)}}),
            {{"accountable", std::to_string(coverage.accountable.size())},
             {"people", context.names(coverage.accountable)}},
            context.say("COV003.do", {{"duty", phrase}})));
    }
    return findings;
}

std::vector<Finding> find_single_points_of_failure(const CheckContext& context) {
    FindingOutput findings(context);
    const int bus_factor = context.info().thresholds.bus_factor;
    const auto& duties = context.index().channel_duties();
    for (size_t i = 0; i < duties.size(); ++i) {
        const DutyCoverage& coverage = context.coverage(i);
        const int able = static_cast<int>(coverage.able.size());
        if (able == 0 || able >= bus_factor || coverage.responsible.empty())
            continue;
        std::string phrase = context.duty_phrase(i);
        std::map<std::string, std::string> values = {
            {"duty", phrase},
            {"person", context.name(coverage.able.front())},
            {"people", context.names(coverage.able)},
            {"bus_factor", std::to_string(bus_factor)},
            {"duty_id", duties[i].duty.str()},
            {"duty_name", context.duty_name(duties[i].duty)}};
        std::string message = able == 1 ? context.say("COV004.message_one", values)
                                        : context.say_count("COV004.message", able, values);
        std::vector<PersonId> exclude = coverage.able;
        exclude.insert(exclude.end(), coverage.responsible.begin(), coverage.responsible.end());
        const int needed = bus_factor - able;
        values["ask"] = context.say_count("COV004.ask", needed, values);
        std::string recommendation;
        FindingChange change;
        if (auto candidate = context.candidate_for(duties[i].duty, exclude)) {
            values["candidate"] = context.candidate_clause(*candidate, duties[i].duty);
            change = duty_change("backup", *candidate, duties[i]);
            recommendation =
                context.say(needed == 1 ? "COV004.do_candidate" : "COV004.do_first", values);
        } else {
            recommendation = context.say("COV004.do_hire", values);
        }
        findings.push_back(make_finding("COV004", model::channel_duty_subject(duties[i]),
                                        std::move(message),
                                        {{"people_able", std::to_string(able)},
                                         {"bus_factor", std::to_string(bus_factor)},
                                         {"covered_by", context.names(coverage.able)}},
                                        std::move(recommendation)));
        findings.back().change = std::move(change);
    }
    return findings;
}

std::vector<Finding> find_duties_covered_by_vacancies(const CheckContext& context) {
    FindingOutput findings(context);
    const auto& duties = context.index().channel_duties();
    for (size_t i = 0; i < duties.size(); ++i) {
        const DutyCoverage& coverage = context.coverage(i);
        std::vector<PersonId> covering = coverage.responsible;
        covering.insert(covering.end(), coverage.backups.begin(), coverage.backups.end());
        std::sort(covering.begin(), covering.end());
        covering.erase(std::unique(covering.begin(), covering.end()), covering.end());
        if (covering.empty() ||
            !std::all_of(covering.begin(), covering.end(),
                         [&](const PersonId& id) { return is_vacancy(context, id); }))
            continue;
        std::string phrase = context.duty_phrase(i);
        std::map<std::string, std::string> values = {{"duty", phrase},
                                                     {"people", context.names(covering)}};
        std::string message =
            context.say_count("COV005.message", static_cast<long long>(covering.size()), values);
        std::string recommendation;
        FindingChange change;
        if (auto candidate = context.candidate_for(duties[i].duty, covering)) {
            values["candidate"] = context.candidate_clause(*candidate, duties[i].duty);
            recommendation = context.say("COV005.do_candidate", values);
            change = duty_change("assign", *candidate, duties[i]);
        } else {
            recommendation = context.say("COV005.do", values);
        }
        findings.push_back(make_finding("COV005", model::channel_duty_subject(duties[i]),
                                        std::move(message),
                                        {{"hours_per_week", format_hours(duties[i].hours)},
                                         {"vacancies", context.names(covering)}},
                                        std::move(recommendation)));
        findings.back().change = std::move(change);
    }
    return findings;
}

} // namespace planner
