// Workload checks LOAD001-LOAD005, over the figures of compute_workload (STAFFING.md).

#include "planner/checks/check_functions.hpp"

#include "exporters/number_format.hpp"

#include <algorithm>
#include <map>

namespace planner {

using model::PersonId;

namespace {

constexpr double k_tolerance = 1e-6;

// "Anna 0.5, Bob 0.75": plain numbers for evidence, the language's numbers in prose.
std::string shares_text(const CheckContext& context, const DutyLoad& duty, bool prose = false) {
    std::vector<std::string> parts;
    for (const DutyResponsible& responsible : duty.responsible) {
        std::string part =
            context.name(responsible.person) + " " +
            (prose ? context.texts().share(responsible.share) : format_share(responsible.share));
        if (responsible.profile)
            part += " (" + responsible.profile->str() + ")";
        parts.push_back(std::move(part));
    }
    return join_list(parts);
}

bool has_free_hours(const CheckContext& context, const model::Person& person) {
    return context.free_hours(person.id) >= 0.05;
}

} // namespace

std::vector<Finding> find_overloaded_people(const CheckContext& context) {
    FindingOutput findings(context);
    const double overload = context.info().thresholds.overload;
    const auto& duties = context.index().channel_duties();
    for (const PersonLoad& load : context.workload().people) {
        const bool infinite = !load.utilisation && load.load_hours > k_tolerance;
        if (!infinite && (!load.utilisation || *load.utilisation <= overload + k_tolerance))
            continue;
        const std::string name = context.name(load.person);
        const std::string load_text = format_hours(load.load_hours);
        const std::string available_text = format_hours(load.available_hours);
        std::map<std::string, std::string> values = {
            {"person", name},
            {"load", context.hours(load.load_hours)},
            {"available", context.hours(load.available_hours)}};
        if (!infinite)
            values["percent"] = context.texts().percent(*load.utilisation);
        std::string message =
            context.say(infinite ? "LOAD001.message_none" : "LOAD001.message", values);

        const double excess = load.load_hours - overload * load.available_hours;
        // The person's largest piece of work is the first candidate to move.
        const LoadItem* largest = nullptr;
        for (const LoadItem& item : load.items)
            if (largest == nullptr || item.hours > largest->hours + k_tolerance)
                largest = &item;
        values["excess"] = context.hours(excess);
        std::string recommendation;
        FindingChange change;
        if (largest != nullptr && largest->duty_index < duties.size()) {
            const model::DutyId& duty = duties[largest->duty_index].duty;
            values["duty"] = context.duty_phrase(largest->duty_index);
            values["duty_id"] = duty.str();
            values["duty_name"] = context.duty_name(duty);
            if (auto candidate =
                    context.candidate_for(duty, {load.person}, [&](const model::Person& p) {
                        return has_free_hours(context, p);
                    })) {
                values["candidate"] = context.candidate_clause(*candidate, duty);
                recommendation = context.say("LOAD001.do_candidate", values);
                if (!largest->profile) { // a profile's share is not the duty's
                    change = duty_change("move", *candidate, duties[largest->duty_index]);
                    change.from = load.person.str();
                    change.hours = std::min(
                        {excess, largest->hours, std::max(context.free_hours(*candidate), 0.0)});
                }
            } else {
                recommendation = context.say("LOAD001.do_hire", values);
            }
        } else {
            recommendation = context.say("LOAD001.do", values);
        }

        Finding finding = make_finding(
            "LOAD001", "person:" + load.person.str(), std::move(message),
            {{"load_hours", load_text},
             {"available_hours", available_text},
             {"utilisation", infinite ? "infinite" : exporters::format_fixed(*load.utilisation, 3)},
             {"threshold", format_share(overload)}},
            std::move(recommendation));
        if (infinite || *load.utilisation > 1.25 * overload + k_tolerance)
            finding.severity = Severity::error;
        finding.change = std::move(change);
        findings.push_back(std::move(finding));
    }
    return findings;
}

std::vector<Finding> find_underused_people(const CheckContext& context) {
    FindingOutput findings(context);
    const double underuse = context.info().thresholds.underuse;
    const auto& duties = context.index().channel_duties();
    const Workload& workload = context.workload();

    // For each duty id, the channel duty with the most hours that nobody carries.
    std::map<std::string, std::pair<size_t, double>> open_work;
    for (const DutyLoad& duty : workload.duties) {
        if (duty.duty_index >= duties.size())
            continue;
        const double open = duty.hours * (1 - std::min(1.0, duty.responsible_share));
        if (open <= 0.05)
            continue;
        auto [entry, inserted] = open_work.emplace(duties[duty.duty_index].duty.str(),
                                                   std::make_pair(duty.duty_index, open));
        if (!inserted && open > entry->second.second + k_tolerance)
            entry->second = {duty.duty_index, open};
    }

    for (const PersonLoad& load : workload.people) {
        const model::Person& person = context.person(load.person);
        if (!model::is_active(person) || load.available_hours <= k_tolerance || !load.utilisation ||
            *load.utilisation >= underuse - k_tolerance)
            continue;
        const std::string name = model::display_name(person);
        const double spare = load.available_hours - load.load_hours;

        const std::pair<size_t, double>* best = nullptr;
        for (const model::RoleId& role_id : person.roles) {
            const model::Role* role = context.index().role(role_id);
            if (role == nullptr)
                continue;
            for (const model::DutyId& duty : role->duties) {
                auto found = open_work.find(duty.str());
                if (found != open_work.end() &&
                    (best == nullptr || found->second.second > best->second + k_tolerance))
                    best = &found->second;
            }
        }
        std::map<std::string, std::string> values = {
            {"person", name},
            {"load", context.hours(load.load_hours)},
            {"available", context.hours(load.available_hours)},
            {"percent", context.texts().percent(*load.utilisation)},
            {"spare", context.hours(spare)}};
        std::string recommendation;
        if (best != nullptr) {
            values["hours"] = context.hours(best->second);
            values["duty"] = context.duty_phrase(best->first);
            recommendation = context.say("LOAD002.do_duty", values);
        } else {
            recommendation = context.say("LOAD002.do", values);
        }
        findings.push_back(make_finding(
            "LOAD002", "person:" + load.person.str(), context.say("LOAD002.message", values),
            {{"load_hours", format_hours(load.load_hours)},
             {"available_hours", format_hours(load.available_hours)},
             {"utilisation", exporters::format_fixed(*load.utilisation, 3)},
             {"threshold", format_share(underuse)}},
            std::move(recommendation)));
    }
    return findings;
}

std::vector<Finding> find_undershared_duties(const CheckContext& context) {
    FindingOutput findings(context);
    const auto& duties = context.index().channel_duties();
    for (const DutyLoad& duty : context.workload().duties) {
        if (duty.duty_index >= duties.size() ||
            context.coverage(duty.duty_index).responsible.empty())
            continue; // COV001 reports a duty nobody does
        if (duty.responsible_share >= 1 - k_tolerance)
            continue;
        const std::string phrase = context.duty_phrase(duty.duty_index);
        const double missing = 1 - duty.responsible_share;
        const double open_hours = duty.hours * missing;
        const model::DutyId& duty_id = duties[duty.duty_index].duty;
        std::map<std::string, std::string> values = {
            {"duty", phrase},
            {"missing", context.texts().share(missing)},
            {"open", context.hours(open_hours)},
            {"hours", context.hours(duty.hours)},
            {"sum", context.texts().share(duty.responsible_share)}};
        std::string recommendation;
        FindingChange change;
        if (auto candidate = context.candidate_for(
                duty_id, {}, [&](const model::Person& p) { return has_free_hours(context, p); })) {
            change = duty_change("move", *candidate, duties[duty.duty_index]);
            change.hours = open_hours;
            values["candidate"] = context.candidate_clause(*candidate, duty_id);
            recommendation = context.say("LOAD003.do_candidate", values);
        } else {
            recommendation = context.say("LOAD003.do", values);
        }
        findings.push_back(
            make_finding("LOAD003", model::channel_duty_subject(duties[duty.duty_index]),
                         context.say("LOAD003.message", values),
                         {{"responsible_share", format_share(duty.responsible_share)},
                          {"shares", shares_text(context, duty)},
                          {"unassigned_hours", format_hours(open_hours)}},
                         std::move(recommendation)));
        findings.back().change = std::move(change);
    }
    return findings;
}

std::vector<Finding> find_overshared_duties(const CheckContext& context) {
    FindingOutput findings(context);
    const auto& duties = context.index().channel_duties();
    for (const DutyLoad& duty : context.workload().duties) {
        if (duty.duty_index >= duties.size() || duty.responsible_share <= 1 + k_tolerance)
            continue;
        const std::string phrase = context.duty_phrase(duty.duty_index);
        const double twice = duty.hours * (duty.responsible_share - 1);
        const std::map<std::string, std::string> values = {
            {"duty", phrase},
            {"sum", context.texts().share(duty.responsible_share)},
            {"twice", context.hours(twice)},
            {"shares", shares_text(context, duty, true)}};
        findings.push_back(
            make_finding("LOAD004", model::channel_duty_subject(duties[duty.duty_index]),
                         context.say("LOAD004.message", values),
                         {{"responsible_share", format_share(duty.responsible_share)},
                          {"shares", shares_text(context, duty)},
                          {"double_planned_hours", format_hours(twice)}},
                         context.say("LOAD004.do", values)));
    }
    return findings;
}

std::vector<Finding> find_crowded_duties(const CheckContext& context) {
    FindingOutput findings(context);
    const int limit = context.info().thresholds.max_responsible;
    const auto& duties = context.index().channel_duties();
    for (size_t i = 0; i < duties.size(); ++i) {
        const std::vector<PersonId>& responsible = context.coverage(i).responsible;
        if (static_cast<int>(responsible.size()) <= limit)
            continue;
        const std::string phrase = context.duty_phrase(i);
        findings.push_back(make_finding(
            "LOAD005", model::channel_duty_subject(duties[i]),
            context.say_count("LOAD005.message", static_cast<long long>(responsible.size()),
                              {{"duty", phrase},
                               {"limit", std::to_string(limit)},
                               {"people", context.names(responsible)}}),
            {{"responsible", std::to_string(responsible.size())},
             {"threshold", std::to_string(limit)}},
            context.say("LOAD005.do", {{"duty", phrase}, {"limit", std::to_string(limit)}})));
    }
    return findings;
}

} // namespace planner
