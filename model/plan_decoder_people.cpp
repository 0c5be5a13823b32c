// PlanDecoder, second part: people, assignments, suppressions and the reference checks.
#include "model/plan_decoder.hpp"

#include "model/plan_queries.hpp"
#include "model/suggest.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace planner::model {

namespace {
std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

// The ids of `map`, sorted (suggestions and lists come out the same on every run).
template <class Map> std::vector<std::string> keys_of(const Map& map) {
    std::vector<std::string> keys;
    keys.reserve(map.size());
    for (const auto& entry : map)
        keys.push_back(entry.first.str());
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace

WorkingHours PlanDecoder::decode_hours(uint32_t node, const std::string& what) {
    WorkingHours hours;
    auto e = m_yaml.mapping(node, what, {"days", "start", "end"});
    if (auto f = e.find("days"); f != e.end())
        hours.days = m_yaml.days(f->second.value, "days");
    if (auto f = e.find("start"); f != e.end())
        hours.start = m_yaml.time(f->second.value, "start");
    if (auto f = e.find("end"); f != e.end())
        hours.end = m_yaml.time(f->second.value, "end");
    if (hours.start && hours.end && !(*hours.start < *hours.end))
        m_yaml.error(node, "working hours must end after they start (start " +
                               format_time_of_day(*hours.start) + ", end " +
                               format_time_of_day(*hours.end) + ")");
    return hours;
}

void PlanDecoder::decode_people(uint32_t node, std::vector<Person>& people) {
    static const std::vector<std::string> statuses = {"active", "vacancy", "leaving", "contractor"};
    const std::vector<uint32_t> items = m_yaml.sequence(node, "people");
    people.reserve(people.size() + items.size()); // a large plan: no copies while growing
    for (uint32_t item : items) {
        auto e = m_yaml.mapping(item, "a person",
                                {"id", "name", "status", "roles", "fte", "capacity_hours",
                                 "reports_to", "timezone", "hours", "skills", "interests",
                                 "absences", "cost", "hourly_rate"});
        if (m_yaml.node(item).kind != YamlKind::mapping)
            continue;
        Person person;
        if (auto it = e.find("id"); it == e.end()) {
            m_yaml.missing(item, "a person", "id");
        } else if (auto v = m_yaml.id(it->second.value, "id")) {
            person.id = PersonId(*v);
            define(m_people, "person", *v, it->second.value);
        }
        if (auto it = e.find("name"); it != e.end())
            person.name = m_yaml.text(it->second.value, "name");
        if (auto it = e.find("status"); it != e.end())
            if (auto v = m_yaml.choice(it->second.value, "status", statuses))
                person.status = *parse_person_status(*v);
        if (auto it = e.find("roles"); it != e.end())
            for (auto& [id, at] : m_yaml.id_list(it->second.value, "roles")) {
                person.roles.emplace_back(id);
                refer(RefKind::role, id, at);
            }
        if (auto it = e.find("fte"); it != e.end())
            if (auto v = m_yaml.number(it->second.value, "fte", 0, 1))
                person.fte = *v;
        if (auto it = e.find("capacity_hours"); it != e.end())
            person.capacity_hours = m_yaml.number(it->second.value, "capacity_hours", 0, 168);
        if (auto it = e.find("reports_to"); it != e.end())
            if (auto v = m_yaml.id(it->second.value, "reports_to")) {
                person.reports_to = PersonId(*v);
                refer(RefKind::person, *v, it->second.value);
            }
        if (auto it = e.find("timezone"); it != e.end())
            person.timezone = m_yaml.time_zone(it->second.value, "timezone");
        if (auto it = e.find("hours"); it != e.end())
            person.hours = decode_hours(it->second.value, "hours");
        if (auto it = e.find("skills"); it != e.end())
            person.skills = m_yaml.text_list(it->second.value, "skills");
        if (auto it = e.find("interests"); it != e.end())
            for (uint32_t at : m_yaml.sequence(it->second.value, "interests"))
                if (auto v = m_yaml.text(at, "interests")) {
                    person.interests.push_back(*v);
                    m_interests.emplace_back(*v, at);
                }
        if (auto it = e.find("absences"); it != e.end())
            for (uint32_t a : m_yaml.sequence(it->second.value, "absences")) {
                auto ae = m_yaml.mapping(a, "an absence", {"from", "to", "reason"});
                if (m_yaml.node(a).kind != YamlKind::mapping)
                    continue;
                Absence absence;
                auto from = ae.count("from") ? m_yaml.date(ae["from"].value, "from") : std::nullopt;
                auto to = ae.count("to") ? m_yaml.date(ae["to"].value, "to") : std::nullopt;
                if (!ae.count("from"))
                    m_yaml.missing(a, "an absence", "from");
                if (!ae.count("to"))
                    m_yaml.missing(a, "an absence", "to");
                if (ae.count("reason"))
                    absence.reason = m_yaml.text(ae["reason"].value, "reason");
                if (from && to) {
                    if (*to < *from)
                        m_yaml.error(ae["to"].value, "the absence ends (" + format_date(*to) +
                                                         ") before it starts (" +
                                                         format_date(*from) + ")");
                    absence.from = *from;
                    absence.to = *to;
                }
                person.absences.push_back(std::move(absence));
            }
        if (auto it = e.find("cost"); it != e.end())
            person.cost = m_yaml.number(it->second.value, "cost", 0, 1e9);
        if (auto it = e.find("hourly_rate"); it != e.end()) {
            person.hourly_rate = m_yaml.number(it->second.value, "hourly_rate", 0, 1e6);
            if (person.status != PersonStatus::contractor)
                m_yaml.error(it->second.value,
                             "an hourly rate is for a contractor; add `status: contractor` to "
                             "this person or give a yearly `cost` instead");
            else if (e.count("cost"))
                m_yaml.error(it->second.value,
                             "a contractor is paid either by the hour or by the year; keep "
                             "`hourly_rate` or `cost`, not both");
        }
        people.push_back(std::move(person));
    }
}

void PlanDecoder::decode_assignments(uint32_t node, const Plan& plan,
                                     std::vector<Assignment>& out) {
    const std::vector<uint32_t> items = m_yaml.sequence(node, "assignments");
    out.reserve(out.size() + items.size());
    for (uint32_t item : items) {
        auto e =
            m_yaml.mapping(item, "an assignment",
                           {"person", "duty", "channel", "profile", "raci", "share", "backup"});
        if (m_yaml.node(item).kind != YamlKind::mapping)
            continue;
        Assignment a;
        if (auto it = e.find("person"); it == e.end()) {
            m_yaml.missing(item, "an assignment", "person");
        } else if (auto v = m_yaml.id(it->second.value, "person")) {
            a.person = PersonId(*v);
            refer(RefKind::person, *v, it->second.value);
        }
        bool channel_bound = true;
        if (auto it = e.find("duty"); it == e.end()) {
            m_yaml.missing(item, "an assignment", "duty");
        } else if (auto v = m_yaml.id(it->second.value, "duty")) {
            a.duty = DutyId(*v);
            if (*v != "all")
                refer(RefKind::duty, *v, it->second.value);
            for (const CustomDuty& d : plan.duties)
                if (d.id.str() == *v)
                    channel_bound = d.channel_bound;
        }
        if (auto it = e.find("channel"); it != e.end()) {
            if (auto v = m_yaml.id(it->second.value, "channel")) {
                a.channel = ChannelId(*v);
                refer(RefKind::channel, *v, it->second.value);
                if (!channel_bound)
                    m_yaml.error(it->second.value,
                                 "duty " + quoted(a.duty.str()) +
                                     " is not bound to a channel (channel_bound: false); "
                                     "remove `channel` from this assignment");
            }
        } else if (channel_bound && !a.duty.empty()) {
            m_yaml.missing(item, "an assignment of duty " + quoted(a.duty.str()), "channel");
        }
        if (auto it = e.find("profile"); it != e.end()) {
            if (auto v = m_yaml.id(it->second.value, "profile")) {
                a.profile = ProfileId(*v);
                if (a.channel)
                    m_profile_references.push_back(
                        {RefId(a.channel->str()), RefId(*v), it->second.value});
                else
                    m_yaml.error(it->second.value,
                                 "a profile needs its channel; add `channel: ...` to this "
                                 "assignment");
            }
        }
        if (auto it = e.find("raci"); it != e.end())
            if (auto v = m_yaml.choice(it->second.value, "raci", {"R", "A", "C", "I"}))
                a.raci = *parse_raci(*v);
        if (auto it = e.find("backup"); it != e.end())
            if (auto v = m_yaml.boolean(it->second.value, "backup"))
                a.backup = *v;
        if (auto it = e.find("share"); it != e.end()) {
            a.share = m_yaml.number(it->second.value, "share", 0, 1);
            if (a.raci != Raci::R || a.backup)
                m_yaml.error(it->second.value,
                             "a share is for a Responsible (R) assignment that is not a backup; "
                             "remove `share` here");
        }
        if (a.backup && a.raci != Raci::R)
            m_yaml.error(e["backup"].value, "a backup is trained to do the work, so it has raci R; "
                                            "remove `raci` or `backup`");
        out.push_back(std::move(a));
    }
}

void PlanDecoder::decode_suppressions(uint32_t node, std::vector<Suppression>& out) {
    for (uint32_t item : m_yaml.sequence(node, "suppress")) {
        auto e = m_yaml.mapping(item, "a suppression", {"check", "subject", "reason"});
        if (m_yaml.node(item).kind != YamlKind::mapping)
            continue;
        Suppression s;
        if (auto it = e.find("check"); it == e.end()) {
            m_yaml.missing(item, "a suppression", "check");
        } else if (auto v = m_yaml.text(it->second.value, "check")) {
            bool shape = v->size() >= 4;
            size_t letters = 0;
            while (letters < v->size() && (*v)[letters] >= 'A' && (*v)[letters] <= 'Z')
                ++letters;
            shape = shape && letters >= 2 && v->size() - letters == 3;
            for (size_t i = letters; i < v->size(); ++i)
                shape = shape && (*v)[i] >= '0' && (*v)[i] <= '9';
            if (!shape)
                m_yaml.error(it->second.value, quoted(*v) + " is not a check id; write one such as "
                                                            "FIT001 (see `planner check --list`)");
            s.check = *v;
        }
        if (auto it = e.find("subject"); it != e.end())
            s.subject = m_yaml.text(it->second.value, "subject");
        if (auto it = e.find("reason"); it == e.end())
            m_yaml.missing(item, "a suppression", "reason");
        else if (auto v = m_yaml.text(it->second.value, "reason"))
            s.reason = *v;
        out.push_back(std::move(s));
    }
}

void PlanDecoder::check_references(const Plan& plan) {
    for (const Reference& ref : m_references) {
        if (ref.kind == RefKind::owner && m_owners_may_be_missing)
            continue; // a roster of the same import brings them; checked after it
        if (is_defined(ref.kind, ref.id))
            continue;
        const char* kind = ref.kind == RefKind::channel ? "channel"
                           : ref.kind == RefKind::role  ? "role"
                           : ref.kind == RefKind::duty  ? "duty"
                           : ref.kind == RefKind::goal  ? "goal"
                                                        : "person";
        std::vector<std::string> known = keys_of(defined(ref.kind));
        if (ref.kind == RefKind::duty) {
            known.insert(known.end(), standard_duty_ids().begin(), standard_duty_ids().end());
            std::sort(known.begin(), known.end());
            known.erase(std::unique(known.begin(), known.end()), known.end());
        }
        const std::string& id = ref.id.str();
        m_yaml.error(ref.node,
                     std::string("unknown ") + kind + " " + quoted(id) + did_you_mean(id, known));
    }
    std::unordered_map<std::string_view, const Channel*> channel_by_id;
    for (const Channel& channel : plan.channels)
        channel_by_id.emplace(channel.id.str(), &channel);
    for (const ProfileReference& ref : m_profile_references) {
        auto channel = channel_by_id.find(ref.channel.str());
        if (channel == channel_by_id.end())
            continue;
        std::vector<std::string> ids;
        for (const Profile& p : channel->second->profiles)
            ids.push_back(p.id.str());
        const std::string& profile = ref.profile.str();
        if (std::find(ids.begin(), ids.end(), profile) == ids.end())
            m_yaml.error(ref.node, "unknown profile " + quoted(profile) + " of channel " +
                                       quoted(ref.channel.str()) + did_you_mean(profile, ids));
    }
    std::vector<std::string> interest_words = keys_of(m_channels);
    for (Network n : {Network::instagram, Network::facebook, Network::linkedin, Network::x,
                      Network::youtube, Network::tiktok, Network::pinterest, Network::threads})
        interest_words.emplace_back(to_string(n));
    std::unordered_set<std::string_view> interest_set(interest_words.begin(), interest_words.end());
    for (const auto& [word, at] : m_interests)
        if (!interest_set.count(word))
            m_yaml.error(at, "interest " + quoted(word) +
                                 " is neither a channel id nor a network name" +
                                 did_you_mean(word, interest_words));
}

} // namespace planner::model
