// Goals and measurement checks GOAL001-GOAL006.

#include "planner/checks/check_functions.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace planner {

using model::PersonId;

namespace {

std::map<std::string, std::string> goal_values(const CheckContext& context,
                                               const model::Goal& goal) {
    const std::string name = model::display_name(goal);
    return {{"goal", context.say("goal", {{"name", name}})},
            {"goal_start", context.say("goal_start", {{"name", name}})},
            {"goal_name", name}};
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

// The one-click form of the recommendation below: the team's head as the owner.
FindingChange owner_change(const CheckContext& context, const model::Goal& goal,
                           const model::Kpi* kpi) {
    FindingChange change;
    if (auto head = context.team_head()) {
        change.kind = "owner";
        change.person = head->str();
        change.target = goal.id.str();
        if (kpi != nullptr)
            change.kpi = kpi->id.str();
    }
    return change;
}

std::string owner_recommendation(const CheckContext& context, const std::string& what) {
    if (auto head = context.team_head())
        return context.say("GOAL006.do_head", {{"what", what}, {"head", context.name(*head)}});
    return context.say("GOAL006.do", {{"what", what}});
}

// A metric as a reader names it ("Engagement rate"); the key when the templates have none.
std::string metric_words(const CheckContext& context, const std::string& metric) {
    return context.texts().has("metric_labels." + metric)
               ? context.texts().get("metric_labels." + metric)
               : metric;
}

// A KPI by its metric's name and, when it has its own, its channel: "Engagement rate ·
// Instagram"; plans give KPIs no names of their own.
std::string kpi_words(const CheckContext& context, const model::Kpi& kpi) {
    std::string words = metric_words(context, kpi.metric);
    if (kpi.channel)
        if (const model::Channel* channel = context.index().channel(*kpi.channel))
            words += " \xC2\xB7 " + model::display_name(*channel);
    return words;
}

} // namespace

std::vector<Finding> find_goals_without_kpi(const CheckContext& context) {
    FindingOutput findings(context);
    for (const model::Goal& goal : context.plan().goals) {
        if (!goal.kpis.empty())
            continue;
        std::string metric = suggested_metric(goal.kind);
        auto values = goal_values(context, goal);
        values["metric"] = metric.empty() ? metric : metric_words(context, metric);
        std::string recommendation =
            context.say(metric.empty() ? "GOAL001.do" : "GOAL001.do_metric", values);
        findings.push_back(make_finding("GOAL001", "goal:" + goal.id.str(),
                                        context.say("GOAL001.message", values),
                                        {{"kind", std::string(model::to_string(goal.kind))},
                                         {"priority", std::to_string(goal.priority)}},
                                        std::move(recommendation)));
    }
    return findings;
}

std::vector<Finding> find_kpis_without_target(const CheckContext& context) {
    FindingOutput findings(context);
    for (const model::Goal& goal : context.plan().goals) {
        for (const model::Kpi& kpi : goal.kpis) {
            if (kpi.target)
                continue;
            auto values = goal_values(context, goal);
            values["kpi"] = kpi_words(context, kpi);
            values["metric"] = metric_words(context, kpi.metric);
            findings.push_back(make_finding("GOAL002", "kpi:" + kpi.id.str(),
                                            context.say("GOAL002.message", values),
                                            {{"metric", kpi.metric}, {"goal", goal.id.str()}},
                                            context.say("GOAL002.do", values)));
        }
    }
    return findings;
}

std::vector<Finding> find_goals_without_channel(const CheckContext& context) {
    FindingOutput findings(context);
    for (const model::Goal& goal : context.plan().goals) {
        bool kpi_channel =
            std::any_of(goal.kpis.begin(), goal.kpis.end(),
                        [](const model::Kpi& kpi) { return kpi.channel.has_value(); });
        if (!goal.channels.empty() || kpi_channel)
            continue;
        const auto values = goal_values(context, goal);
        findings.push_back(
            make_finding("GOAL003", "goal:" + goal.id.str(), context.say("GOAL003.message", values),
                         {{"channels", "0"}, {"kpis", std::to_string(goal.kpis.size())}},
                         context.say("GOAL003.do", values)));
    }
    return findings;
}

std::vector<Finding> find_channels_without_goal(const CheckContext& context) {
    FindingOutput findings(context);
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
        const std::map<std::string, std::string> values = {
            {"channel", model::display_name(channel)}, {"hours", context.hours(hours)}};
        findings.push_back(make_finding(
            "GOAL004", "channel:" + channel.id.str(), context.say("GOAL004.message", values),
            {{"hours_per_week", format_hours(hours)}}, context.say("GOAL004.do", values)));
    }
    return findings;
}

std::vector<Finding> find_unmeasured_channels(const CheckContext& context) {
    FindingOutput findings(context);
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
        std::map<std::string, std::string> values = {{"channel", name},
                                                     {"kpis", join_list(kpi_ids)}};
        std::string recommendation;
        FindingChange change;
        if (auto candidate = context.candidate_for(report, {})) {
            change = duty_change("assign", *candidate, report, channel.id);
            values["candidate"] = context.candidate_clause(*candidate, report);
            recommendation = context.say("GOAL005.do_candidate", values);
        } else {
            recommendation = context.say("GOAL005.do", values);
        }
        findings.push_back(make_finding(
            "GOAL005", "channel:" + channel.id.str() + "/report",
            context.say("GOAL005.message", values),
            {{"kpis", join_list(kpi_ids)},
             {"reporting_hours_per_week", format_hours(channel.workload.reporting_hours_per_week)}},
            std::move(recommendation)));
        findings.back().change = std::move(change);
    }
    return findings;
}

std::vector<Finding> find_missing_owners(const CheckContext& context) {
    FindingOutput findings(context);
    const model::PlanIndex& index = context.index();
    // Empty when the owner is fine; otherwise the problem and the evidence.
    auto problem =
        [&](const PersonId& owner) -> std::optional<std::pair<std::string, std::string>> {
        const model::Person* person = index.person(owner);
        if (person == nullptr)
            return std::make_pair(context.say("GOAL006.owner_unknown", {{"id", owner.str()}}),
                                  std::string("not in plan"));
        if (person->status == model::PersonStatus::vacancy)
            return std::make_pair(
                context.say("GOAL006.owner_vacancy", {{"name", model::display_name(*person)}}),
                std::string("vacancy"));
        return std::nullopt;
    };
    for (const model::Goal& goal : context.plan().goals) {
        auto values = goal_values(context, goal);
        const std::string what = context.say("goal_of", {{"name", values["goal_name"]}});
        if (!goal.owner) {
            findings.push_back(make_finding(
                "GOAL006", "goal:" + goal.id.str(), context.say("GOAL006.message", values),
                {{"owner", "missing"}}, owner_recommendation(context, what)));
            findings.back().change = owner_change(context, goal, nullptr);
        } else if (auto issue = problem(*goal.owner)) {
            values["owner"] = issue->first;
            findings.push_back(make_finding(
                "GOAL006", "goal:" + goal.id.str(), context.say("GOAL006.message_owner", values),
                {{"owner", goal.owner->str()}, {"status", issue->second}},
                owner_recommendation(context, what)));
            findings.back().change = owner_change(context, goal, nullptr);
        }
        for (const model::Kpi& kpi : goal.kpis) {
            if (!kpi.owner)
                continue; // the goal's owner, judged above
            if (auto issue = problem(*kpi.owner)) {
                const std::string kpi_what =
                    context.say("kpi_of", {{"kpi", kpi_words(context, kpi)}});
                findings.push_back(make_finding(
                    "GOAL006", "kpi:" + kpi.id.str(),
                    context.say("GOAL006.message_kpi_owner",
                                {{"kpi", kpi_words(context, kpi)}, {"owner", issue->first}}),
                    {{"owner", kpi.owner->str()}, {"status", issue->second}},
                    owner_recommendation(context, kpi_what)));
                findings.back().change = owner_change(context, goal, &kpi);
            }
        }
    }
    return findings;
}

} // namespace planner
