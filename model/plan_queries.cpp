#include "model/plan_queries.hpp"

#include <set>
#include <unordered_map>

namespace planner::model {

namespace {
struct StandardDuty {
    const char* id;
    const char* name;
    bool exclusive;
};
constexpr StandardDuty k_standard_duties[] = {
    {"create", "Content creation", false}, {"publish", "Scheduling and publishing", true},
    {"approve", "Post approval", true},    {"engage", "Community management", false},
    {"listen", "Social listening", false}, {"report", "Analytics and reporting", false},
    {"ads", "Paid social", false},
};

template <class T, class Index>
const T* find_in(const std::vector<T>& items, const Index& index, std::string_view id) {
    auto it = index.find(id);
    return it == index.end() ? nullptr : &items[it->second];
}
} // namespace

const std::vector<std::string>& standard_duty_ids() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> out;
        for (const auto& duty : k_standard_duties)
            out.emplace_back(duty.id);
        return out;
    }();
    return ids;
}

bool is_standard_duty(std::string_view id) {
    for (const auto& duty : k_standard_duties)
        if (id == duty.id)
            return true;
    return false;
}

double standard_duty_hours(const Channel& channel, std::string_view duty) {
    const ChannelWorkload& w = channel.workload;
    if (duty == "create")
        return w.posts_per_week * w.hours_per_post;
    if (duty == "publish")
        return w.posts_per_week * w.minutes_per_publish / 60.0;
    if (duty == "approve")
        return channel.approval.required
                   ? w.posts_per_week * w.minutes_per_approval * channel.approval.steps / 60.0
                   : 0.0;
    if (duty == "engage")
        return w.inbound_per_day * 7.0 * w.minutes_per_inbound / 60.0;
    if (duty == "listen")
        return w.listening_hours_per_week;
    if (duty == "report")
        return w.reporting_hours_per_week;
    if (duty == "ads")
        return w.ads_hours_per_week;
    return 0.0;
}

std::string channel_duty_subject(const ChannelDuty& duty, const std::optional<ProfileId>& profile) {
    std::string subject = duty.channel ? "channel:" + duty.channel->str() + "/" + duty.duty.str()
                                       : "duty:" + duty.duty.str();
    if (profile)
        subject += "@" + profile->str();
    return subject;
}

PlanIndex::PlanIndex(const Plan& plan) : m_plan(plan) {
    m_people.reserve(plan.people.size());
    m_channels.reserve(plan.channels.size());
    for (size_t i = 0; i < plan.people.size(); ++i)
        m_people.emplace(plan.people[i].id.str(), i);
    for (size_t i = 0; i < plan.channels.size(); ++i)
        m_channels.emplace(plan.channels[i].id.str(), i);
    for (size_t i = 0; i < plan.roles.size(); ++i)
        m_roles.emplace(plan.roles[i].id.str(), i);
    for (size_t i = 0; i < plan.goals.size(); ++i)
        m_goals.emplace(plan.goals[i].id.str(), i);

    for (const auto& duty : k_standard_duties) {
        DutyInfo info;
        info.id = DutyId(duty.id);
        info.name = duty.name;
        info.exclusive = duty.exclusive;
        m_duties.push_back(std::move(info));
    }
    for (const CustomDuty& custom : plan.duties) {
        DutyInfo info;
        info.id = custom.id;
        info.name = custom.name ? *custom.name : custom.id.str();
        info.standard = false;
        info.channel_bound = custom.channel_bound;
        info.exclusive = custom.exclusive;
        info.hours_per_week = custom.hours_per_week;
        info.skills = custom.skills;
        m_duties.push_back(std::move(info));
    }
    for (size_t i = 0; i < m_duties.size(); ++i)
        m_duty_index.emplace(m_duties[i].id.str(), i);

    // Custom channel-bound duties exist on the channels they are assigned on.
    std::set<std::pair<std::string_view, std::string_view>> custom_on_channel;
    for (const Assignment& a : plan.assignments) {
        if (!a.channel || is_standard_duty(a.duty.str()))
            continue;
        const DutyInfo* info = duty(a.duty);
        if (info && !info->standard && info->channel_bound)
            custom_on_channel.emplace(a.channel->str(), a.duty.str());
    }
    auto add = [this](ChannelDuty cd) { m_channel_duties.push_back(std::move(cd)); };
    for (const Channel& channel : plan.channels) {
        for (const auto& duty : k_standard_duties) {
            double hours = standard_duty_hours(channel, duty.id);
            if (hours > 0)
                add(ChannelDuty{channel.id, DutyId(duty.id), hours});
        }
        for (const CustomDuty& custom : plan.duties)
            if (custom.channel_bound &&
                custom_on_channel.count({channel.id.str(), custom.id.str()}))
                add(ChannelDuty{channel.id, custom.id, custom.hours_per_week});
    }
    for (const CustomDuty& custom : plan.duties)
        if (!custom.channel_bound)
            add(ChannelDuty{std::nullopt, custom.id, custom.hours_per_week});

    m_channel_duty_index.reserve(m_channel_duties.size());
    for (size_t i = 0; i < m_channel_duties.size(); ++i) {
        const ChannelDuty& cd = m_channel_duties[i];
        m_channel_duty_index.emplace(
            std::make_pair(cd.channel ? std::string_view(cd.channel->str()) : std::string_view(),
                           std::string_view(cd.duty.str())),
            i);
    }

    // Channel duties of each channel are contiguous: remember where each channel's run is.
    for (size_t i = 0; i < m_channel_duties.size(); ++i) {
        if (!m_channel_duties[i].channel)
            continue;
        auto [it, inserted] = m_duties_of_channel.emplace(m_channel_duties[i].channel->str(),
                                                          std::make_pair(i, i + 1));
        if (!inserted)
            it->second.second = i + 1;
    }
    // The duties that `duty: all` on a channel stands for (none when the channel has none).
    auto run_of = [&](const Assignment& a) {
        return a.channel ? channel_duty_range(*a.channel) : std::make_pair(size_t{0}, size_t{0});
    };
    size_t expanded = 0;
    for (const Assignment& a : plan.assignments) {
        auto run = a.duty.str() == "all" ? run_of(a) : std::make_pair(size_t{0}, size_t{1});
        expanded += run.second - run.first;
    }
    m_expanded.reserve(expanded);
    for (size_t i = 0; i < plan.assignments.size(); ++i) {
        const Assignment& a = plan.assignments[i];
        if (a.duty.str() != "all") {
            m_expanded.push_back(Expanded{a, i});
            continue;
        }
        auto run = run_of(a);
        for (size_t k = run.first; k < run.second; ++k) {
            Assignment& copy = m_expanded_all.emplace_back(a);
            copy.duty = m_channel_duties[k].duty;
            m_expanded.push_back(Expanded{copy, i});
        }
    }
}

std::pair<size_t, size_t> PlanIndex::channel_duty_range(const ChannelId& channel) const {
    auto run = m_duties_of_channel.find(channel.str());
    return run == m_duties_of_channel.end() ? std::make_pair(size_t{0}, size_t{0}) : run->second;
}

const Person* PlanIndex::person(const PersonId& id) const {
    return find_in(m_plan.people, m_people, id.str());
}
const Channel* PlanIndex::channel(const ChannelId& id) const {
    return find_in(m_plan.channels, m_channels, id.str());
}
const Role* PlanIndex::role(const RoleId& id) const {
    return find_in(m_plan.roles, m_roles, id.str());
}
const Goal* PlanIndex::goal(const GoalId& id) const {
    return find_in(m_plan.goals, m_goals, id.str());
}
const DutyInfo* PlanIndex::duty(const DutyId& id) const {
    return find_in(m_duties, m_duty_index, id.str());
}

const ChannelDuty* PlanIndex::channel_duty(const std::optional<ChannelId>& channel,
                                           const DutyId& duty) const {
    auto it = m_channel_duty_index.find(
        std::make_pair(channel ? std::string_view(channel->str()) : std::string_view(),
                       std::string_view(duty.str())));
    return it == m_channel_duty_index.end() ? nullptr : &m_channel_duties[it->second];
}

const std::string& display_name(const Person& person) {
    return person.name ? *person.name : person.id.str();
}
const std::string& display_name(const Channel& channel) {
    return channel.name ? *channel.name : channel.id.str();
}
const std::string& display_name(const Role& role) {
    return role.name ? *role.name : role.id.str();
}
const std::string& display_name(const Goal& goal) {
    return goal.name ? *goal.name : goal.id.str();
}

double capacity_hours(const PlanInfo& info, const Person& person) {
    return person.capacity_hours ? *person.capacity_hours : info.week.hours * person.fte;
}

const std::string& time_zone(const PlanInfo& info, const Person& person) {
    return person.timezone ? *person.timezone : info.timezone;
}

bool is_active(const Person& person) {
    return person.status != PersonStatus::vacancy;
}

ResolvedHours working_hours(const PlanInfo& info, const Person& person) {
    ResolvedHours hours{info.week.days, info.week.start, info.week.end};
    if (person.hours) {
        if (person.hours->days)
            hours.days = *person.hours->days;
        if (person.hours->start)
            hours.start = *person.hours->start;
        if (person.hours->end)
            hours.end = *person.hours->end;
    }
    return hours;
}

ResolvedCare resolve_care(const PlanInfo& info, const CareWindow& care) {
    ResolvedCare out;
    out.days = care.days ? *care.days : info.week.days;
    out.start = care.start ? *care.start : info.week.start;
    out.end = care.end ? *care.end : info.week.end;
    out.timezone = care.timezone ? *care.timezone : info.timezone;
    out.response_minutes = care.response_minutes;
    out.service_level = care.service_level;
    return out;
}

Direction default_direction(std::string_view metric) {
    return metric == "response_minutes" || metric == "cost_per_conversion" ? Direction::down
                                                                           : Direction::up;
}

const std::vector<std::string>& metric_names() {
    static const std::vector<std::string> names = {
        "impressions",     "reach",         "engagements",         "clicks",
        "video_views",     "posts",         "followers",           "followers_gained",
        "inbound",         "replies",       "response_minutes",    "spend",
        "conversions",     "revenue",       "engagement_rate",     "ctr",
        "follower_growth", "response_rate", "cost_per_conversion", "roi"};
    return names;
}

} // namespace planner::model
