#include "planner/checks/check_context.hpp"

#include "exporters/number_format.hpp"
#include "model/plan_queries.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

namespace planner {

using model::DutyId;
using model::Person;
using model::PersonId;

std::string CheckContext::say(const std::string& key,
                              const std::map<std::string, std::string>& values) const {
    return m_texts.get("check_text." + key, values);
}

std::string CheckContext::say_count(const std::string& key, long long count,
                                    const std::map<std::string, std::string>& values) const {
    return m_texts.count("check_text." + key, count, values);
}

std::string CheckContext::say_hours(const std::string& key, double hours,
                                    const std::map<std::string, std::string>& values) const {
    const double rounded = std::round(hours * 10) / 10;
    std::map<std::string, std::string> all = values;
    if (rounded == std::round(rounded))
        return m_texts.count("check_text." + key, static_cast<long long>(rounded), all);
    all["count"] = m_texts.hours(rounded);
    return m_texts.get("check_text." + key + ".other", all);
}

void FindingOutput::push_back(Finding finding) {
    const CheckContext::FindingBatchSink* sink = m_context.finding_sink();
    if (sink != nullptr && m_items.size() >= k_batch) {
        (*sink)(m_items);
        m_items.clear();
    }
    m_items.push_back(std::move(finding));
}

CheckContext::CheckContext(const PlanFacts& facts, const Texts& texts)
    : m_facts(facts), m_texts(texts) {
    const model::Plan& plan = facts.plan();
    const model::PlanIndex& index = facts.index();
    // Assignments by person, a compressed sparse row of indexes.
    const auto& assignments = index.assignments();
    std::vector<std::uint32_t> owner(assignments.size(), UINT32_MAX);
    m_assignment_offsets.assign(plan.people.size() + 1, 0);
    for (size_t i = 0; i < assignments.size(); ++i)
        if (auto at = position(assignments[i].assignment.person)) {
            owner[i] = static_cast<std::uint32_t>(*at);
            ++m_assignment_offsets[*at + 1];
        }
    for (size_t p = 0; p < plan.people.size(); ++p)
        m_assignment_offsets[p + 1] += m_assignment_offsets[p];
    m_assignments.resize(m_assignment_offsets.back());
    {
        std::vector<std::uint32_t> next(m_assignment_offsets.begin(),
                                        m_assignment_offsets.end() - 1);
        for (size_t i = 0; i < assignments.size(); ++i)
            if (owner[i] != UINT32_MAX)
                m_assignments[next[owner[i]]++] = static_cast<std::uint32_t>(i);
    }

    for (const model::Goal& goal : plan.goals) {
        for (const model::Kpi& kpi : goal.kpis) {
            if (kpi.channel) {
                m_kpis_by_channel[kpi.channel->str()].push_back(kpi.id);
                continue;
            }
            for (const model::ChannelId& channel : goal.channels) {
                std::vector<model::KpiId>& kpis = m_kpis_by_channel[channel.str()];
                if (std::find(kpis.begin(), kpis.end(), kpi.id) == kpis.end())
                    kpis.push_back(kpi.id);
            }
        }
    }

    std::size_t head_size = 0;
    for (const auto& [root, size] : graph().reporting_tree_sizes()) {
        if (!model::is_active(person(root)))
            continue;
        if (!m_team_head || size > head_size) {
            m_team_head = root;
            head_size = size;
        }
    }

    const Person* people = plan.people.data();
    std::vector<std::uint32_t> holders;
    std::vector<std::pair<double, std::uint32_t>> ranked;
    for (const auto& [duty, roles] : facts.roles_by_duty()) {
        holders.clear();
        for (size_t role : roles)
            for (const PersonId& holder : graph().role_holders(plan.roles[role].id)) {
                auto at = position(holder);
                if (at && people[*at].status == model::PersonStatus::active)
                    holders.push_back(static_cast<std::uint32_t>(*at));
            }
        std::sort(holders.begin(), holders.end(), [people](std::uint32_t a, std::uint32_t b) {
            return people[a].id.str() < people[b].id.str();
        });
        holders.erase(std::unique(holders.begin(), holders.end()), holders.end());
        ranked.clear();
        ranked.reserve(holders.size());
        for (std::uint32_t holder : holders)
            ranked.emplace_back(free_hours(people[holder].id), holder);
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<std::uint32_t>& candidates = m_candidates_by_duty[duty];
        candidates.reserve(ranked.size());
        for (const auto& entry : ranked)
            candidates.push_back(entry.second);
    }
}

std::optional<size_t> CheckContext::position(const PersonId& id) const {
    const Person* found = index().person(id);
    if (found == nullptr)
        return std::nullopt;
    return static_cast<size_t>(found - plan().people.data());
}

const Person& CheckContext::person(const PersonId& id) const {
    const Person* found = index().person(id);
    if (found == nullptr)
        throw std::out_of_range("CheckContext::person: no person " + id.str());
    return *found;
}

std::string CheckContext::name(const PersonId& id) const {
    const Person* found = index().person(id);
    if (found == nullptr)
        return id.str();
    return model::display_name(*found);
}

std::string CheckContext::names(const std::vector<PersonId>& ids) const {
    std::vector<std::string> words;
    words.reserve(ids.size());
    for (const PersonId& id : ids)
        words.push_back(name(id));
    return m_texts.join(words);
}

CheckContext::IndexRange CheckContext::assignments_of(const PersonId& id) const {
    auto at = position(id);
    if (!at)
        return {};
    return IndexRange(m_assignments.data() + m_assignment_offsets[*at],
                      m_assignments.data() + m_assignment_offsets[*at + 1]);
}

const PersonLoad* CheckContext::load(const PersonId& id) const {
    // The workload has one load per person of the plan, in plan order.
    auto at = position(id);
    const std::vector<PersonLoad>& loads = workload().people;
    if (!at || *at >= loads.size())
        return nullptr;
    return &loads[*at];
}

double CheckContext::free_hours(const PersonId& id) const {
    const PersonLoad* person_load = load(id);
    return person_load == nullptr ? 0 : person_load->available_hours - person_load->load_hours;
}

std::string CheckContext::duty_name(const DutyId& duty) const {
    const model::DutyInfo* info = index().duty(duty);
    if (info == nullptr)
        return duty.str();
    // The standard duties have names in every language; a plan's own duties keep theirs.
    if (m_texts.language() != "en" && m_texts.has("duty_names." + duty.str()) &&
        model::is_standard_duty(duty.str()))
        return m_texts.get("duty_names." + duty.str());
    return info->name;
}

std::string CheckContext::channel_name(const model::ChannelId& channel) const {
    const model::Channel* found = index().channel(channel);
    return found == nullptr ? channel.str() : model::display_name(*found);
}

std::string CheckContext::duty_phrase(size_t duty_index) const {
    const model::ChannelDuty& duty = index().channel_duties().at(duty_index);
    if (!duty.channel)
        return duty_name(duty.duty);
    return say("duty_on_channel",
               {{"duty", duty_name(duty.duty)}, {"channel", channel_name(*duty.channel)}});
}

const std::vector<model::KpiId>&
CheckContext::kpis_of_channel(const model::ChannelId& channel) const {
    static const std::vector<model::KpiId> none;
    auto found = m_kpis_by_channel.find(channel.str());
    return found == m_kpis_by_channel.end() ? none : found->second;
}

std::optional<PersonId> CheckContext::team_head() const {
    return m_team_head;
}

std::vector<model::RoleId> CheckContext::roles_performing(const DutyId& duty) const {
    std::vector<model::RoleId> roles;
    for (size_t role : m_facts.roles_performing(duty))
        roles.push_back(plan().roles[role].id);
    return roles;
}

bool CheckContext::performs(const Person& person, const DutyId& duty) const {
    return !m_facts.person_roles_performing(person, duty).empty();
}

std::optional<PersonId>
CheckContext::candidate_for(const DutyId& duty, const std::vector<PersonId>& exclude,
                            const std::function<bool(const Person&)>& acceptable) const {
    auto found = m_candidates_by_duty.find(duty.str());
    if (found == m_candidates_by_duty.end())
        return std::nullopt;
    size_t tries = 0;
    for (std::uint32_t at : found->second) {
        const Person& candidate = plan().people[at];
        if (std::find(exclude.begin(), exclude.end(), candidate.id) != exclude.end())
            continue;
        if (++tries > k_candidate_tries)
            break;
        if (acceptable && !acceptable(candidate))
            continue;
        return candidate.id;
    }
    return std::nullopt;
}

std::string CheckContext::candidate_clause(const PersonId& candidate, const DutyId& duty) const {
    const double free = free_hours(candidate);
    const std::map<std::string, std::string> values = {
        {"name", name(candidate)}, {"duty_id", duty.str()}, {"duty", duty_name(duty)}};
    if (free >= 0.05)
        return say_hours("candidate_free", free, values);
    return say("candidate_busy", values);
}

// ---- wording helpers -----------------------------------------------------------------------

std::string format_hours(double hours) {
    double rounded = std::round(hours * 10) / 10;
    if (rounded == 0)
        rounded = 0; // no "-0"
    std::string text = exporters::format_fixed(rounded, 1);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
        text.resize(text.size() - 2);
    return text;
}

std::string format_percent(double fraction) {
    return exporters::format_fixed(std::round(fraction * 100), 0) + "%";
}

std::string format_share(double share) {
    std::string text = exporters::format_fixed(share, 2);
    while (!text.empty() && text.back() == '0')
        text.pop_back();
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text == "-0" ? "0" : text;
}

std::string format_days(model::DaySet days) {
    std::vector<std::string> parts;
    int day = 0;
    while (day < 7) {
        if (!days.contains(static_cast<model::Weekday>(day))) {
            ++day;
            continue;
        }
        int end = day;
        while (end + 1 < 7 && days.contains(static_cast<model::Weekday>(end + 1)))
            ++end;
        auto label = [](int index) {
            return std::string(model::weekday_name(static_cast<model::Weekday>(index)));
        };
        if (end - day >= 2) {
            parts.push_back(label(day) + "\u2013" + label(end));
        } else {
            for (int each = day; each <= end; ++each)
                parts.push_back(label(each));
        }
        day = end + 1;
    }
    return join_list(parts);
}

std::string join_words(const std::vector<std::string>& words) {
    std::string text;
    for (size_t i = 0; i < words.size(); ++i) {
        if (i > 0)
            text += (i + 1 == words.size()) ? " and " : ", ";
        text += words[i];
    }
    return text;
}

std::string join_list(const std::vector<std::string>& words, const std::string& separator) {
    std::string text;
    for (size_t i = 0; i < words.size(); ++i) {
        if (i > 0)
            text += separator;
        text += words[i];
    }
    return text;
}

Finding make_finding(std::string_view check, std::string subject, std::string message,
                     std::vector<std::pair<std::string, std::string>> evidence,
                     std::string recommendation) {
    Finding finding;
    finding.check = std::string(check);
    const CheckInfo* info = find_check(check);
    finding.severity = info != nullptr ? info->severity : Severity::warning;
    finding.subject = std::move(subject);
    finding.message = std::move(message);
    finding.evidence = std::move(evidence);
    finding.recommendation = std::move(recommendation);
    return finding;
}

FindingChange duty_change(std::string kind, const model::PersonId& person,
                          const model::ChannelDuty& duty) {
    FindingChange change;
    change.kind = std::move(kind);
    change.person = person.str();
    change.duty = duty.duty.str();
    if (duty.channel)
        change.channel = duty.channel->str();
    return change;
}

FindingChange duty_change(std::string kind, const model::PersonId& person,
                          const model::DutyId& duty, const model::ChannelId& channel) {
    FindingChange change;
    change.kind = std::move(kind);
    change.person = person.str();
    change.duty = duty.str();
    change.channel = channel.str();
    return change;
}

} // namespace planner
