#include "model/plan_decoder.hpp"

#include "model/plan_queries.hpp"
#include "model/suggest.hpp"

#include <unicode/ucurr.h>
#include <unicode/ustring.h>

namespace planner::model {

namespace {
std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

template <class Enum> std::vector<std::string> names_of(std::initializer_list<Enum> values) {
    std::vector<std::string> out;
    for (Enum v : values)
        out.emplace_back(to_string(v));
    return out;
}

// ISO 4217 through ICU's currency data: three capital letters naming a currency in use.
bool is_iso_currency(const std::string& code) {
    if (code.size() != 3)
        return false;
    for (char c : code)
        if (c < 'A' || c > 'Z')
            return false;
    UChar iso[4] = {static_cast<UChar>(code[0]), static_cast<UChar>(code[1]),
                    static_cast<UChar>(code[2]), 0};
    UErrorCode status = U_ZERO_ERROR;
    // Available at some time from 1950 on: current and recently replaced currencies.
    const UDate from = -631152000000.0; // 1950-01-01
    const UDate to = 4102444800000.0;   // 2100-01-01
    const UBool ok = ucurr_isAvailable(iso, from, to, &status);
    return U_SUCCESS(status) && ok;
}

const std::vector<std::string> k_network_names = names_of(
    {Network::instagram, Network::facebook, Network::linkedin, Network::x, Network::youtube,
     Network::tiktok, Network::pinterest, Network::threads, Network::other});
} // namespace

void PlanDecoder::define(IdNodes& seen, const std::string& kind, const std::string& id,
                         uint32_t node) {
    auto [it, inserted] = seen.emplace(RefId(id), node);
    if (!inserted)
        m_yaml.error(node, "duplicate " + kind + " id " + quoted(id) + " (first defined at line " +
                               std::to_string(m_yaml.position(it->second).line) + "); give each " +
                               kind + " its own id");
}

const PlanDecoder::IdNodes& PlanDecoder::defined(RefKind kind) const {
    switch (kind) {
    case RefKind::channel:
        return m_channels;
    case RefKind::role:
        return m_roles;
    case RefKind::duty:
        return m_duties;
    case RefKind::goal:
        return m_goals;
    case RefKind::person:
    case RefKind::owner:
        break;
    }
    return m_people;
}

bool PlanDecoder::is_defined(RefKind kind, const RefId& id) const {
    static const std::set<std::string, std::less<>> standard(standard_duty_ids().begin(),
                                                             standard_duty_ids().end());
    return defined(kind).count(id) > 0 || (kind == RefKind::duty && standard.count(id.str()) > 0);
}

void PlanDecoder::refer(RefKind kind, const std::string& id, uint32_t node) {
    const RefId handle(id);
    if (!is_defined(kind, handle))
        m_references.push_back(Reference{kind, handle, node});
}

Plan PlanDecoder::decode() {
    Plan plan;
    auto top = m_yaml.mapping(m_yaml.tree().root(), "the plan file",
                              {"version", "plan", "goals", "channels", "duties", "roles", "people",
                               "assignments", "suppress"});
    if (m_yaml.node(m_yaml.tree().root()).kind != YamlKind::mapping)
        return plan;
    uint32_t root = m_yaml.tree().root();

    if (auto it = top.find("version"); it == top.end()) {
        m_yaml.missing(root, "the plan file", "version");
    } else if (auto v = m_yaml.integer(it->second.value, "version", 1, 1000)) {
        if (*v != 1)
            m_yaml.error(it->second.value, "this planner reads plan format version 1, not " +
                                               std::to_string(*v) + "; write `version: 1`");
    }
    if (auto it = top.find("plan"); it == top.end())
        m_yaml.missing(root, "the plan file", "plan");
    else
        decode_info(it->second.value, plan.info);

    // People first: other sections refer to them, and references are checked at the end.
    if (auto it = top.find("people"); it != top.end())
        decode_people(it->second.value, plan.people);
    if (auto it = top.find("goals"); it != top.end())
        decode_goals(it->second.value, plan.goals);
    if (auto it = top.find("channels"); it != top.end())
        decode_channels(it->second.value, plan.channels);
    if (auto it = top.find("duties"); it != top.end())
        decode_duties(it->second.value, plan.duties);
    if (auto it = top.find("roles"); it != top.end())
        decode_roles(it->second.value, plan.roles);
    if (auto it = top.find("assignments"); it != top.end())
        decode_assignments(it->second.value, plan, plan.assignments);
    if (auto it = top.find("suppress"); it != top.end())
        decode_suppressions(it->second.value, plan.suppressions);
    check_references(plan);
    return plan;
}

void PlanDecoder::decode_info(uint32_t node, PlanInfo& info) {
    auto e = m_yaml.mapping(node, "plan",
                            {"name", "organization", "quarter", "timezone", "week", "overhead",
                             "thresholds", "currency", "budget", "cost_loading"});
    if (m_yaml.node(node).kind != YamlKind::mapping) {
        if (m_yaml.tree().is_null(node))
            m_yaml.missing(node, "plan", "name");
        return;
    }
    if (auto it = e.find("name"); it == e.end())
        m_yaml.missing(node, "plan", "name");
    else if (auto v = m_yaml.text(it->second.value, "name"))
        info.name = *v;
    if (auto it = e.find("organization"); it != e.end())
        info.organization = m_yaml.text(it->second.value, "organization");
    if (auto it = e.find("quarter"); it != e.end())
        info.quarter = m_yaml.quarter(it->second.value, "quarter");
    if (auto it = e.find("timezone"); it != e.end())
        if (auto v = m_yaml.time_zone(it->second.value, "timezone"))
            info.timezone = *v;
    if (auto it = e.find("overhead"); it != e.end())
        if (auto v = m_yaml.number(it->second.value, "overhead", 0, 0.9))
            info.overhead = *v;
    if (auto it = e.find("currency"); it != e.end())
        if (auto v = m_yaml.text(it->second.value, "currency")) {
            if (is_iso_currency(*v))
                info.currency = *v;
            else
                m_yaml.error(it->second.value,
                             "currency " + quoted(*v) +
                                 " is not an ISO 4217 code; write three capital letters such as "
                                 "EUR, USD or GBP");
        }
    if (auto it = e.find("budget"); it != e.end())
        info.budget = m_yaml.number(it->second.value, "budget", 0, 1e12);
    if (auto it = e.find("cost_loading"); it != e.end())
        if (auto v = m_yaml.number(it->second.value, "cost_loading", 0, 5))
            info.cost_loading = *v;
    if (auto it = e.find("week"); it != e.end()) {
        auto w = m_yaml.mapping(it->second.value, "week", {"hours", "days", "start", "end"});
        if (auto f = w.find("hours"); f != w.end())
            if (auto v = m_yaml.number(f->second.value, "hours", 1, 168))
                info.week.hours = *v;
        if (auto f = w.find("days"); f != w.end())
            if (auto v = m_yaml.days(f->second.value, "days"))
                info.week.days = *v;
        if (auto f = w.find("start"); f != w.end())
            if (auto v = m_yaml.time(f->second.value, "start"))
                info.week.start = *v;
        if (auto f = w.find("end"); f != w.end())
            if (auto v = m_yaml.time(f->second.value, "end"))
                info.week.end = *v;
        if (!(info.week.start < info.week.end))
            m_yaml.error(it->second.value, "the working day must end after it starts (week.start "
                                           "is " +
                                               format_time_of_day(info.week.start) + ", week.end " +
                                               format_time_of_day(info.week.end) + ")");
    }
    if (auto it = e.find("thresholds"); it != e.end()) {
        Thresholds& t = info.thresholds;
        auto th = m_yaml.mapping(it->second.value, "thresholds",
                                 {"overload", "underuse", "span_of_control", "bus_factor",
                                  "max_responsible", "approval_steps", "attainment_amber"});
        auto num = [&](const char* key, double& out, double lo, double hi) {
            if (auto f = th.find(key); f != th.end())
                if (auto v = m_yaml.number(f->second.value, key, lo, hi))
                    out = *v;
        };
        auto whole = [&](const char* key, int& out, int lo, int hi) {
            if (auto f = th.find(key); f != th.end())
                if (auto v = m_yaml.integer(f->second.value, key, lo, hi))
                    out = *v;
        };
        num("overload", t.overload, 0.1, 10);
        num("underuse", t.underuse, 0, 1);
        whole("span_of_control", t.span_of_control, 1, 1000);
        whole("bus_factor", t.bus_factor, 1, 100);
        whole("max_responsible", t.max_responsible, 1, 100);
        whole("approval_steps", t.approval_steps, 1, 100);
        num("attainment_amber", t.attainment_amber, 0, 1);
    }
}

void PlanDecoder::decode_goals(uint32_t node, std::vector<Goal>& goals) {
    static const std::vector<std::string> kinds =
        names_of({GoalKind::engagement, GoalKind::customer_care, GoalKind::reach,
                  GoalKind::conversion, GoalKind::awareness, GoalKind::roi, GoalKind::other});
    const std::vector<uint32_t> items = m_yaml.sequence(node, "goals");
    goals.reserve(goals.size() + items.size());
    for (uint32_t item : items) {
        auto e = m_yaml.mapping(item, "a goal",
                                {"id", "name", "kind", "priority", "owner", "channels", "kpis"});
        if (m_yaml.node(item).kind != YamlKind::mapping)
            continue;
        Goal goal;
        if (auto it = e.find("id"); it == e.end()) {
            m_yaml.missing(item, "a goal", "id");
        } else if (auto v = m_yaml.id(it->second.value, "id")) {
            goal.id = GoalId(*v);
            define(m_goals, "goal", *v, it->second.value);
        }
        if (auto it = e.find("name"); it != e.end())
            goal.name = m_yaml.text(it->second.value, "name");
        if (auto it = e.find("kind"); it != e.end())
            if (auto v = m_yaml.choice(it->second.value, "kind", kinds))
                goal.kind = *parse_goal_kind(*v);
        if (auto it = e.find("priority"); it != e.end())
            if (auto v = m_yaml.integer(it->second.value, "priority", 1, 3))
                goal.priority = *v;
        if (auto it = e.find("owner"); it != e.end())
            if (auto v = m_yaml.id(it->second.value, "owner")) {
                goal.owner = PersonId(*v);
                refer(RefKind::owner, *v, it->second.value);
            }
        if (auto it = e.find("channels"); it != e.end())
            for (auto& [id, at] : m_yaml.id_list(it->second.value, "channels")) {
                goal.channels.emplace_back(id);
                refer(RefKind::channel, id, at);
            }
        if (auto it = e.find("kpis"); it != e.end())
            for (uint32_t k : m_yaml.sequence(it->second.value, "kpis"))
                if (m_yaml.node(k).kind == YamlKind::mapping || !m_yaml.tree().is_null(k))
                    goal.kpis.push_back(decode_kpi(k));
        goals.push_back(std::move(goal));
    }
}

Kpi PlanDecoder::decode_kpi(uint32_t item) {
    Kpi kpi;
    auto e =
        m_yaml.mapping(item, "a KPI", {"id", "metric", "channel", "target", "direction", "owner"});
    if (m_yaml.node(item).kind != YamlKind::mapping)
        return kpi;
    if (auto it = e.find("id"); it == e.end()) {
        m_yaml.missing(item, "a KPI", "id");
    } else if (auto v = m_yaml.id(it->second.value, "id")) {
        kpi.id = KpiId(*v);
        define(m_kpis, "KPI", *v, it->second.value);
    }
    if (auto it = e.find("metric"); it == e.end())
        m_yaml.missing(item, "a KPI", "metric");
    else if (auto v = m_yaml.choice(it->second.value, "metric", metric_names()))
        kpi.metric = *v;
    if (auto it = e.find("channel"); it != e.end())
        if (auto v = m_yaml.id(it->second.value, "channel")) {
            kpi.channel = ChannelId(*v);
            refer(RefKind::channel, *v, it->second.value);
        }
    if (auto it = e.find("target"); it != e.end())
        kpi.target = m_yaml.number(it->second.value, "target", -1e15, 1e15);
    if (auto it = e.find("direction"); it != e.end())
        if (auto v = m_yaml.choice(it->second.value, "direction", {"up", "down"}))
            kpi.direction = parse_direction(*v);
    if (auto it = e.find("owner"); it != e.end())
        if (auto v = m_yaml.id(it->second.value, "owner")) {
            kpi.owner = PersonId(*v);
            refer(RefKind::owner, *v, it->second.value);
        }
    return kpi;
}

void PlanDecoder::decode_channels(uint32_t node, std::vector<Channel>& channels) {
    const std::vector<uint32_t> items = m_yaml.sequence(node, "channels");
    channels.reserve(channels.size() + items.size());
    for (uint32_t item : items) {
        auto e =
            m_yaml.mapping(item, "a channel",
                           {"id", "network", "name", "profiles", "workload", "care", "approval"});
        if (m_yaml.node(item).kind != YamlKind::mapping)
            continue;
        Channel channel;
        if (auto it = e.find("id"); it == e.end()) {
            m_yaml.missing(item, "a channel", "id");
        } else if (auto v = m_yaml.id(it->second.value, "id")) {
            channel.id = ChannelId(*v);
            define(m_channels, "channel", *v, it->second.value);
        }
        if (auto it = e.find("network"); it != e.end())
            if (auto v = m_yaml.choice(it->second.value, "network", k_network_names)) {
                channel.network = *parse_network(*v);
                m_networks_used.insert(*v);
            }
        if (auto it = e.find("name"); it != e.end())
            channel.name = m_yaml.text(it->second.value, "name");
        if (auto it = e.find("profiles"); it != e.end()) {
            IdNodes seen;
            for (uint32_t p : m_yaml.sequence(it->second.value, "profiles")) {
                auto pe = m_yaml.mapping(p, "a profile", {"id", "handle", "name"});
                if (m_yaml.node(p).kind != YamlKind::mapping)
                    continue;
                Profile profile;
                if (auto f = pe.find("id"); f == pe.end()) {
                    m_yaml.missing(p, "a profile", "id");
                } else if (auto v = m_yaml.id(f->second.value, "id")) {
                    profile.id = ProfileId(*v);
                    define(seen, "profile", *v, f->second.value);
                }
                if (auto f = pe.find("handle"); f != pe.end())
                    profile.handle = m_yaml.text(f->second.value, "handle");
                if (auto f = pe.find("name"); f != pe.end())
                    profile.name = m_yaml.text(f->second.value, "name");
                channel.profiles.push_back(std::move(profile));
            }
        }
        if (auto it = e.find("workload"); it != e.end())
            decode_workload(it->second.value, channel.workload);
        if (auto it = e.find("care"); it != e.end())
            if (!m_yaml.tree().is_null(it->second.value))
                channel.care = decode_care(it->second.value);
        if (auto it = e.find("approval"); it != e.end()) {
            auto a = m_yaml.mapping(it->second.value, "approval", {"required", "steps"});
            if (auto f = a.find("required"); f != a.end())
                if (auto v = m_yaml.boolean(f->second.value, "required"))
                    channel.approval.required = *v;
            if (auto f = a.find("steps"); f != a.end())
                if (auto v = m_yaml.integer(f->second.value, "steps", 1, 20))
                    channel.approval.steps = *v;
        }
        channels.push_back(std::move(channel));
    }
}

void PlanDecoder::decode_workload(uint32_t node, ChannelWorkload& w) {
    auto e = m_yaml.mapping(node, "workload",
                            {"posts_per_week", "hours_per_post", "minutes_per_publish",
                             "minutes_per_approval", "inbound_per_day", "minutes_per_inbound",
                             "listening_hours_per_week", "reporting_hours_per_week",
                             "ads_hours_per_week"});
    auto num = [&](const char* key, double& out, double max) {
        if (auto f = e.find(key); f != e.end())
            if (auto v = m_yaml.number(f->second.value, key, 0, max))
                out = *v;
    };
    num("posts_per_week", w.posts_per_week, 10000);
    num("hours_per_post", w.hours_per_post, 168);
    num("minutes_per_publish", w.minutes_per_publish, 600);
    num("minutes_per_approval", w.minutes_per_approval, 600);
    num("inbound_per_day", w.inbound_per_day, 1000000);
    num("minutes_per_inbound", w.minutes_per_inbound, 600);
    num("listening_hours_per_week", w.listening_hours_per_week, 1000);
    num("reporting_hours_per_week", w.reporting_hours_per_week, 1000);
    num("ads_hours_per_week", w.ads_hours_per_week, 1000);
}

CareWindow PlanDecoder::decode_care(uint32_t node) {
    CareWindow care;
    auto e = m_yaml.mapping(
        node, "care", {"days", "start", "end", "timezone", "response_minutes", "service_level"});
    if (auto f = e.find("days"); f != e.end())
        care.days = m_yaml.days(f->second.value, "days");
    if (auto f = e.find("start"); f != e.end())
        care.start = m_yaml.time(f->second.value, "start");
    if (auto f = e.find("end"); f != e.end())
        care.end = m_yaml.time(f->second.value, "end");
    if (auto f = e.find("timezone"); f != e.end())
        care.timezone = m_yaml.time_zone(f->second.value, "timezone");
    if (auto f = e.find("response_minutes"); f != e.end())
        if (auto v = m_yaml.number(f->second.value, "response_minutes", 1, 10080))
            care.response_minutes = *v;
    if (auto f = e.find("service_level"); f != e.end())
        if (auto v = m_yaml.number(f->second.value, "service_level", 0.01, 0.999))
            care.service_level = *v;
    if (care.start && care.end && !(*care.start < *care.end))
        m_yaml.error(node, "the care window must end after it starts (start " +
                               format_time_of_day(*care.start) + ", end " +
                               format_time_of_day(*care.end) +
                               "); a window past midnight is written as two channels' windows");
    return care;
}

void PlanDecoder::decode_duties(uint32_t node, std::vector<CustomDuty>& duties) {
    for (uint32_t item : m_yaml.sequence(node, "duties")) {
        auto e = m_yaml.mapping(
            item, "a duty",
            {"id", "name", "hours_per_week", "channel_bound", "skills", "exclusive"});
        if (m_yaml.node(item).kind != YamlKind::mapping)
            continue;
        CustomDuty duty;
        if (auto it = e.find("id"); it == e.end()) {
            m_yaml.missing(item, "a duty", "id");
        } else if (auto v = m_yaml.id(it->second.value, "id")) {
            if (is_standard_duty(*v) || *v == "all")
                m_yaml.error(it->second.value,
                             quoted(*v) + " is a standard duty; custom duties need another id");
            else
                define(m_duties, "duty", *v, it->second.value);
            duty.id = DutyId(*v);
        }
        if (auto it = e.find("name"); it != e.end())
            duty.name = m_yaml.text(it->second.value, "name");
        if (auto it = e.find("hours_per_week"); it != e.end())
            if (auto v = m_yaml.number(it->second.value, "hours_per_week", 0, 1000))
                duty.hours_per_week = *v;
        if (auto it = e.find("channel_bound"); it != e.end())
            if (auto v = m_yaml.boolean(it->second.value, "channel_bound"))
                duty.channel_bound = *v;
        if (auto it = e.find("skills"); it != e.end())
            duty.skills = m_yaml.text_list(it->second.value, "skills");
        if (auto it = e.find("exclusive"); it != e.end())
            if (auto v = m_yaml.boolean(it->second.value, "exclusive"))
                duty.exclusive = *v;
        duties.push_back(std::move(duty));
    }
}

void PlanDecoder::decode_roles(uint32_t node, std::vector<Role>& roles) {
    const std::vector<uint32_t> items = m_yaml.sequence(node, "roles");
    roles.reserve(roles.size() + items.size());
    for (uint32_t item : items) {
        auto e = m_yaml.mapping(item, "a role", {"id", "name", "duties", "skills", "cost"});
        if (m_yaml.node(item).kind != YamlKind::mapping)
            continue;
        Role role;
        if (auto it = e.find("id"); it == e.end()) {
            m_yaml.missing(item, "a role", "id");
        } else if (auto v = m_yaml.id(it->second.value, "id")) {
            role.id = RoleId(*v);
            define(m_roles, "role", *v, it->second.value);
        }
        if (auto it = e.find("name"); it != e.end())
            role.name = m_yaml.text(it->second.value, "name");
        if (auto it = e.find("duties"); it != e.end())
            for (auto& [id, at] : m_yaml.id_list(it->second.value, "duties")) {
                role.duties.emplace_back(id);
                refer(RefKind::duty, id, at);
            }
        if (auto it = e.find("skills"); it != e.end())
            role.skills = m_yaml.text_list(it->second.value, "skills");
        if (auto it = e.find("cost"); it != e.end())
            role.cost = m_yaml.number(it->second.value, "cost", 0, 1e9);
        roles.push_back(std::move(role));
    }
}

} // namespace planner::model
