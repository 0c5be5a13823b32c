// Goals and measurement checks GOAL001-GOAL006.

#include "planner/checks/check_functions.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace planner {

using model::PersonId;

namespace {

std::string goal_phrase(const model::Goal& goal) {
    return "the goal \"" + model::display_name(goal) + "\"";
}

std::string capitalised(std::string text) {
    if (!text.empty() && text.front() >= 'a' && text.front() <= 'z')
        text.front() = static_cast<char>(text.front() - 'a' + 'A');
    return text;
}

// A metric that usually measures a goal of this kind.
std::string suggested_metric(model::GoalKind kind) {
    switch (kind) {
    case model::GoalKind::engagement:
        return "engagement_rate";
    case model::GoalKind::customer_care:
        return "response_minutes";
    case model::GoalKind::reach:
        return "reach";
    case model::GoalKind::conversion:
        return "conversions";
    case model::GoalKind::awareness:
        return "followers_gained";
    case model::GoalKind::roi:
        return "roi";
    case model::GoalKind::other:
        break;
    }
    return "";
}

std::string owner_recommendation(const CheckContext& context, const std::string& what) {
    if (auto head = context.team_head())
        return "Make an active person the owner of " + what + ", for example " +
               context.name(*head) + ", who leads the team.";
    return "Make an active person the owner of " + what + ".";
}

} // namespace

std::vector<Finding> find_goals_without_kpi(const CheckContext& context) {
    std::vector<Finding> findings;
    for (const model::Goal& goal : context.plan().goals) {
        if (!goal.kpis.empty())
            continue;
        std::string metric = suggested_metric(goal.kind);
        std::string recommendation =
            "Add a KPI to " + goal_phrase(goal) +
            (metric.empty() ? " with a metric from the metric list" : ", for example " + metric) +
            ", with a target for the quarter.";
        findings.push_back(make_finding("GOAL001", "goal:" + goal.id.str(),
                                        capitalised(goal_phrase(goal)) +
                                            " has no KPI, so nobody can tell whether it is met.",
                                        {{"kind", std::string(model::to_string(goal.kind))},
                                         {"priority", std::to_string(goal.priority)}},
                                        std::move(recommendation)));
    }
    return findings;
}

std::vector<Finding> find_kpis_without_target(const CheckContext& context) {
    std::vector<Finding> findings;
    for (const model::Goal& goal : context.plan().goals) {
        for (const model::Kpi& kpi : goal.kpis) {
            if (kpi.target)
                continue;
            findings.push_back(make_finding(
                "GOAL002", "kpi:" + kpi.id.str(),
                "The KPI " + kpi.id.str() + " (" + kpi.metric + ") of " + goal_phrase(goal) +
                    " has no target, so its result cannot be judged.",
                {{"metric", kpi.metric}, {"goal", goal.id.str()}},
                "Set a `target` for " + kpi.id.str() + " for the quarter."));
        }
    }
    return findings;
}

std::vector<Finding> find_goals_without_channel(const CheckContext& context) {
    std::vector<Finding> findings;
    for (const model::Goal& goal : context.plan().goals) {
        bool kpi_channel =
            std::any_of(goal.kpis.begin(), goal.kpis.end(),
                        [](const model::Kpi& kpi) { return kpi.channel.has_value(); });
        if (!goal.channels.empty() || kpi_channel)
            continue;
        findings.push_back(
            make_finding("GOAL003", "goal:" + goal.id.str(),
                         capitalised(goal_phrase(goal)) + " is served by no channel.",
                         {{"channels", "0"}, {"kpis", std::to_string(goal.kpis.size())}},
                         "List the channels that work towards " + goal_phrase(goal) +
                             " in its `channels`, or drop the goal."));
    }
    return findings;
}

std::vector<Finding> find_channels_without_goal(const CheckContext& context) {
    std::vector<Finding> findings;
    const model::Plan& plan = context.plan();
    std::map<std::string, double> hours_by_channel;
    for (const model::ChannelDuty& duty : context.index().channel_duties())
        if (duty.channel)
            hours_by_channel[duty.channel->str()] += duty.hours;
    std::set<std::string> served;
    for (const model::Goal& goal : plan.goals) {
        for (const model::ChannelId& channel : goal.channels)
            served.insert(channel.str());
        for (const model::Kpi& kpi : goal.kpis)
            if (kpi.channel)
                served.insert(kpi.channel->str());
    }
    for (const model::Channel& channel : plan.channels) {
        if (served.count(channel.id.str()) != 0)
            continue;
        const double hours = hours_by_channel[channel.id.str()];
        findings.push_back(
            make_finding("GOAL004", "channel:" + channel.id.str(),
                         model::display_name(channel) + " serves no goal: its " +
                             format_hours(hours) + " hours of work a week have no stated purpose.",
                         {{"hours_per_week", format_hours(hours)}},
                         "Add " + model::display_name(channel) +
                             " to the `channels` of the goal it serves, or stop working on it."));
    }
    return findings;
}

std::vector<Finding> find_unmeasured_channels(const CheckContext& context) {
    std::vector<Finding> findings;
    const model::DutyId report("report");
    for (const model::Channel& channel : context.plan().channels) {
        const std::vector<model::KpiId>& kpis = context.kpis_of_channel(channel.id);
        if (kpis.empty())
            continue;
        std::vector<model::DutyCover> covers = context.graph().covers(channel.id, report);
        bool measured =
            std::any_of(covers.begin(), covers.end(), [](const model::DutyCover& cover) {
                return cover.raci == model::Raci::R && !cover.backup;
            });
        if (measured)
            continue;
        std::vector<std::string> kpi_ids;
        for (const model::KpiId& kpi : kpis)
            kpi_ids.push_back(kpi.str());
        std::string name = model::display_name(channel);
        std::string recommendation;
        if (auto candidate = context.candidate_for(report, {}))
            recommendation = "Make someone Responsible for `report` on " + name + ": " +
                             context.candidate_clause(*candidate, report) + ".";
        else
            recommendation = "Make someone Responsible for `report` on " + name +
                             "; no active person holds a role that performs `report`, so add "
                             "it to a role.";
        findings.push_back(make_finding(
            "GOAL005", "channel:" + channel.id.str() + "/report",
            name + " has KPIs (" + join_list(kpi_ids) +
                ") but nobody is Responsible for reporting on it, so nobody measures them.",
            {{"kpis", join_list(kpi_ids)},
             {"reporting_hours_per_week", format_hours(channel.workload.reporting_hours_per_week)}},
            std::move(recommendation)));
    }
    return findings;
}

std::vector<Finding> find_missing_owners(const CheckContext& context) {
    std::vector<Finding> findings;
    const model::PlanIndex& index = context.index();
    // Empty when the owner is fine; otherwise the problem and the evidence.
    auto problem =
        [&](const PersonId& owner) -> std::optional<std::pair<std::string, std::string>> {
        const model::Person* person = index.person(owner);
        if (person == nullptr)
            return std::make_pair(owner.str() + ", who is not one of the plan's people",
                                  std::string("not in plan"));
        if (person->status == model::PersonStatus::vacancy)
            return std::make_pair(model::display_name(*person) +
                                      ", a vacancy: nobody answers for it until the hire starts",
                                  std::string("vacancy"));
        return std::nullopt;
    };
    for (const model::Goal& goal : context.plan().goals) {
        std::string what = goal_phrase(goal);
        if (!goal.owner) {
            findings.push_back(make_finding(
                "GOAL006", "goal:" + goal.id.str(), capitalised(what) + " has no owner.",
                {{"owner", "missing"}}, owner_recommendation(context, what)));
        } else if (auto issue = problem(*goal.owner)) {
            findings.push_back(
                make_finding("GOAL006", "goal:" + goal.id.str(),
                             capitalised(what) + " is owned by " + issue->first + ".",
                             {{"owner", goal.owner->str()}, {"status", issue->second}},
                             owner_recommendation(context, what)));
        }
        for (const model::Kpi& kpi : goal.kpis) {
            if (!kpi.owner)
                continue; // the goal's owner, judged above
            if (auto issue = problem(*kpi.owner)) {
                std::string kpi_what = "the KPI " + kpi.id.str();
                findings.push_back(
                    make_finding("GOAL006", "kpi:" + kpi.id.str(),
                                 capitalised(kpi_what) + " is owned by " + issue->first + ".",
                                 {{"owner", kpi.owner->str()}, {"status", issue->second}},
                                 owner_recommendation(context, kpi_what)));
            }
        }
    }
    return findings;
}

} // namespace planner
