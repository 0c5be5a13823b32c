#include "model/plan_writer.hpp"

#include "model/yaml_decoder.hpp"

#include <cstdio>
#include <sstream>

namespace planner::model {

namespace {
bool is_plain_safe(const std::string& text) {
    if (text.empty())
        return false;
    static const char* reserved[] = {"true", "false", "null", "Null", "NULL", "~",    "yes",
                                     "no",   "on",    "off",  "Yes",  "No",   "True", "False"};
    for (const char* r : reserved)
        if (text == r)
            return false;
    char first = text.front();
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_'))
        return false;
    for (char c : text) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '.' || c == '/';
        if (!ok)
            return false;
    }
    return true;
}

std::string word(const std::string& text) {
    return is_plain_safe(text) ? text : yaml_quote(text);
}

std::string days(DaySet set) {
    std::string out = "[";
    bool first = true;
    for (int i = 0; i < 7; ++i) {
        auto day = static_cast<Weekday>(i);
        if (!set.contains(day))
            continue;
        out += (first ? "" : ", ") + std::string(weekday_name(day));
        first = false;
    }
    return out + "]";
}

std::string time(TimeOfDay t) {
    return "\"" + format_time_of_day(t) + "\"";
}

template <class T, class F> std::string list(const std::vector<T>& items, F to_text) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + to_text(items[i]);
    return out + "]";
}

std::string id_list(const std::vector<ChannelId>& ids) {
    return list(ids, [](const ChannelId& id) { return id.str(); });
}

std::string text_list(const std::vector<std::string>& items) {
    return list(items, [](const std::string& s) { return word(s); });
}

std::string num(double value) {
    return format_number(value);
}

// Flow mapping "{a: 1, b: 2}" built from key/value pairs.
class Flow {
public:
    Flow& add(const std::string& key, const std::string& value) {
        m_text += (m_text.empty() ? "" : ", ") + key + ": " + value;
        return *this;
    }
    std::string str() const { return "{" + m_text + "}"; }

private:
    std::string m_text;
};

void write_info(std::ostream& out, const PlanInfo& info) {
    out << "plan:\n";
    out << "  name: " << yaml_quote(info.name) << "\n";
    if (info.organization)
        out << "  organization: " << yaml_quote(*info.organization) << "\n";
    if (info.quarter)
        out << "  quarter: " << format_quarter(*info.quarter) << "\n";
    out << "  timezone: " << word(info.timezone) << "\n";
    out << "  week:\n";
    out << "    hours: " << num(info.week.hours) << "\n";
    out << "    days: " << days(info.week.days) << "\n";
    out << "    start: " << time(info.week.start) << "\n";
    out << "    end: " << time(info.week.end) << "\n";
    out << "  overhead: " << num(info.overhead) << "\n";
    const Thresholds& t = info.thresholds;
    out << "  thresholds:\n";
    out << "    overload: " << num(t.overload) << "\n";
    out << "    underuse: " << num(t.underuse) << "\n";
    out << "    span_of_control: " << t.span_of_control << "\n";
    out << "    bus_factor: " << t.bus_factor << "\n";
    out << "    max_responsible: " << t.max_responsible << "\n";
    out << "    approval_steps: " << t.approval_steps << "\n";
    out << "    attainment_amber: " << num(t.attainment_amber) << "\n";
    if (info.currency)
        out << "  currency: " << *info.currency << "\n";
    if (info.budget)
        out << "  budget: " << num(*info.budget) << "\n";
    if (info.cost_loading != 0)
        out << "  cost_loading: " << num(info.cost_loading) << "\n";
}

void write_goals(std::ostream& out, const std::vector<Goal>& goals) {
    if (goals.empty())
        return;
    out << "goals:\n";
    for (const Goal& g : goals) {
        out << "  - id: " << g.id.str() << "\n";
        if (g.name)
            out << "    name: " << yaml_quote(*g.name) << "\n";
        out << "    kind: " << to_string(g.kind) << "\n";
        out << "    priority: " << g.priority << "\n";
        if (g.owner)
            out << "    owner: " << g.owner->str() << "\n";
        if (!g.channels.empty())
            out << "    channels: " << id_list(g.channels) << "\n";
        if (g.kpis.empty())
            continue;
        out << "    kpis:\n";
        for (const Kpi& k : g.kpis) {
            out << "      - id: " << k.id.str() << "\n";
            out << "        metric: " << k.metric << "\n";
            if (k.channel)
                out << "        channel: " << k.channel->str() << "\n";
            if (k.target)
                out << "        target: " << num(*k.target) << "\n";
            if (k.direction)
                out << "        direction: " << to_string(*k.direction) << "\n";
            if (k.owner)
                out << "        owner: " << k.owner->str() << "\n";
        }
    }
}

void write_channels(std::ostream& out, const std::vector<Channel>& channels) {
    if (channels.empty())
        return;
    out << "channels:\n";
    for (const Channel& c : channels) {
        out << "  - id: " << c.id.str() << "\n";
        out << "    network: " << to_string(c.network) << "\n";
        if (c.name)
            out << "    name: " << yaml_quote(*c.name) << "\n";
        if (!c.profiles.empty()) {
            out << "    profiles:\n";
            for (const Profile& p : c.profiles) {
                Flow f;
                f.add("id", p.id.str());
                if (p.handle)
                    f.add("handle", yaml_quote(*p.handle));
                if (p.name)
                    f.add("name", yaml_quote(*p.name));
                out << "      - " << f.str() << "\n";
            }
        }
        const ChannelWorkload& w = c.workload;
        out << "    workload:\n";
        out << "      posts_per_week: " << num(w.posts_per_week) << "\n";
        out << "      hours_per_post: " << num(w.hours_per_post) << "\n";
        out << "      minutes_per_publish: " << num(w.minutes_per_publish) << "\n";
        out << "      minutes_per_approval: " << num(w.minutes_per_approval) << "\n";
        out << "      inbound_per_day: " << num(w.inbound_per_day) << "\n";
        out << "      minutes_per_inbound: " << num(w.minutes_per_inbound) << "\n";
        out << "      listening_hours_per_week: " << num(w.listening_hours_per_week) << "\n";
        out << "      reporting_hours_per_week: " << num(w.reporting_hours_per_week) << "\n";
        out << "      ads_hours_per_week: " << num(w.ads_hours_per_week) << "\n";
        if (c.care) {
            const CareWindow& care = *c.care;
            out << "    care:\n";
            if (care.days)
                out << "      days: " << days(*care.days) << "\n";
            if (care.start)
                out << "      start: " << time(*care.start) << "\n";
            if (care.end)
                out << "      end: " << time(*care.end) << "\n";
            if (care.timezone)
                out << "      timezone: " << word(*care.timezone) << "\n";
            out << "      response_minutes: " << num(care.response_minutes) << "\n";
            out << "      service_level: " << num(care.service_level) << "\n";
        }
        if (c.approval.required || c.approval.steps != 1) {
            out << "    approval:\n";
            out << "      required: " << (c.approval.required ? "true" : "false") << "\n";
            out << "      steps: " << c.approval.steps << "\n";
        }
    }
}

void write_duties_and_roles(std::ostream& out, const Plan& plan) {
    if (!plan.duties.empty()) {
        out << "duties:\n";
        for (const CustomDuty& d : plan.duties) {
            out << "  - id: " << d.id.str() << "\n";
            if (d.name)
                out << "    name: " << yaml_quote(*d.name) << "\n";
            out << "    hours_per_week: " << num(d.hours_per_week) << "\n";
            out << "    channel_bound: " << (d.channel_bound ? "true" : "false") << "\n";
            if (!d.skills.empty())
                out << "    skills: " << text_list(d.skills) << "\n";
            out << "    exclusive: " << (d.exclusive ? "true" : "false") << "\n";
        }
    }
    if (!plan.roles.empty()) {
        out << "roles:\n";
        for (const Role& r : plan.roles) {
            out << "  - id: " << r.id.str() << "\n";
            if (r.name)
                out << "    name: " << yaml_quote(*r.name) << "\n";
            out << "    duties: " << list(r.duties, [](const DutyId& id) { return id.str(); })
                << "\n";
            if (!r.skills.empty())
                out << "    skills: " << text_list(r.skills) << "\n";
            if (r.cost)
                out << "    cost: " << num(*r.cost) << "\n";
        }
    }
}

void write_people(std::ostream& out, const std::vector<Person>& people) {
    if (people.empty())
        return;
    out << "people:\n";
    for (const Person& p : people) {
        out << "  - id: " << p.id.str() << "\n";
        if (p.name)
            out << "    name: " << yaml_quote(*p.name) << "\n";
        if (p.status != PersonStatus::active)
            out << "    status: " << to_string(p.status) << "\n";
        if (!p.roles.empty())
            out << "    roles: " << list(p.roles, [](const RoleId& id) { return id.str(); })
                << "\n";
        if (p.fte != 1)
            out << "    fte: " << num(p.fte) << "\n";
        if (p.cost)
            out << "    cost: " << num(*p.cost) << "\n";
        if (p.hourly_rate)
            out << "    hourly_rate: " << num(*p.hourly_rate) << "\n";
        if (p.capacity_hours)
            out << "    capacity_hours: " << num(*p.capacity_hours) << "\n";
        if (p.reports_to)
            out << "    reports_to: " << p.reports_to->str() << "\n";
        if (p.timezone)
            out << "    timezone: " << word(*p.timezone) << "\n";
        if (p.hours) {
            Flow f;
            if (p.hours->days)
                f.add("days", days(*p.hours->days));
            if (p.hours->start)
                f.add("start", time(*p.hours->start));
            if (p.hours->end)
                f.add("end", time(*p.hours->end));
            out << "    hours: " << f.str() << "\n";
        }
        if (!p.skills.empty())
            out << "    skills: " << text_list(p.skills) << "\n";
        if (!p.interests.empty())
            out << "    interests: " << text_list(p.interests) << "\n";
        if (!p.absences.empty()) {
            out << "    absences:\n";
            for (const Absence& a : p.absences) {
                Flow f;
                f.add("from", format_date(a.from)).add("to", format_date(a.to));
                if (a.reason)
                    f.add("reason", yaml_quote(*a.reason));
                out << "      - " << f.str() << "\n";
            }
        }
    }
}

void write_assignments(std::ostream& out, const std::vector<Assignment>& assignments) {
    if (assignments.empty())
        return;
    out << "assignments:\n";
    for (const Assignment& a : assignments) {
        Flow f;
        f.add("person", a.person.str()).add("duty", a.duty.str());
        if (a.channel)
            f.add("channel", a.channel->str());
        if (a.profile)
            f.add("profile", a.profile->str());
        f.add("raci", std::string(to_string(a.raci)));
        if (a.share)
            f.add("share", num(*a.share));
        if (a.backup)
            f.add("backup", "true");
        out << "  - " << f.str() << "\n";
    }
}

void write_suppressions(std::ostream& out, const std::vector<Suppression>& suppressions) {
    if (suppressions.empty())
        return;
    out << "suppress:\n";
    for (const Suppression& s : suppressions) {
        Flow f;
        f.add("check", word(s.check));
        if (s.subject)
            f.add("subject", yaml_quote(*s.subject));
        f.add("reason", yaml_quote(s.reason));
        out << "  - " << f.str() << "\n";
    }
}
} // namespace

std::string yaml_quote(const std::string& text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
                out += buffer;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

std::string write_plan_yaml(const Plan& plan) {
    std::ostringstream out;
    out << "# Plan file format version 1; see docs/plan-format.md.\n";
    out << "version: " << plan.version << "\n";
    write_info(out, plan.info);
    write_goals(out, plan.goals);
    write_channels(out, plan.channels);
    write_duties_and_roles(out, plan);
    write_people(out, plan.people);
    write_assignments(out, plan.assignments);
    write_suppressions(out, plan.suppressions);
    return out.str();
}

} // namespace planner::model
