// Organisation checks ORG001-ORG006: reporting lines, spans of control, roles and people.

#include "planner/checks/check_functions.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace planner {

using model::PersonId;

namespace {

// A person's status in the language of the findings ("active", "strādā").
std::string status_words(const CheckContext& context, model::PersonStatus status) {
    const std::string key = "common.status_" + std::string(model::to_string(status));
    return context.texts().has(key) ? context.texts().get(key)
                                    : std::string(model::to_string(status));
}

// At most `limit` names, then "and N others".
std::string some_names(const CheckContext& context, const std::vector<PersonId>& ids,
                       size_t limit = 5) {
    if (ids.size() <= limit)
        return context.names(ids);
    std::vector<std::string> words;
    for (size_t i = 0; i < limit; ++i)
        words.push_back(context.name(ids[i]));
    words.push_back(context.say_count("others", static_cast<long long>(ids.size() - limit)));
    return context.join(words);
}

std::string role_name(const CheckContext& context, const model::RoleId& id) {
    const model::Role* role = context.index().role(id);
    return role == nullptr ? id.str() : model::display_name(*role);
}

} // namespace

std::vector<Finding> find_reporting_cycles(const CheckContext& context) {
    FindingOutput findings(context);
    for (const std::vector<PersonId>& cycle : context.graph().reporting_cycles()) {
        std::vector<std::string> names;
        for (const PersonId& id : cycle) {
            names.push_back(context.name(id));
        }
        names.push_back(names.front());
        findings.push_back(make_finding(
            "ORG001", "person:" + cycle.front().str(),
            context.say("ORG001.message", {{"cycle", join_list(names, " \u2192 ")}}),
            {{"cycle", join_list(names, " \u2192 ")}, {"people", std::to_string(cycle.size())}},
            cycle.size() == 1
                ? context.say("ORG001.do_self", {{"person", context.name(cycle.front())}})
                : context.say("ORG001.do", {{"people", context.names(cycle)}})));
        if (cycle.size() == 1) {
            FindingChange change;
            change.kind = "no_manager";
            change.person = cycle.front().str();
            findings.back().change = std::move(change);
        }
    }
    return findings;
}

std::vector<Finding> find_wide_spans(const CheckContext& context) {
    FindingOutput findings(context);
    const int limit = context.info().thresholds.span_of_control;
    for (const model::Person& person : context.plan().people) {
        const size_t reports = context.graph().direct_reports(person.id).size();
        if (static_cast<int>(reports) <= limit)
            continue;
        const std::string name = model::display_name(person);
        const size_t leads =
            limit > 0 ? (reports + static_cast<size_t>(limit) - 1) / static_cast<size_t>(limit)
                      : reports;
        const std::map<std::string, std::string> values = {{"person", name},
                                                           {"reports", std::to_string(reports)},
                                                           {"limit", std::to_string(limit)},
                                                           {"leads", std::to_string(leads)}};
        findings.push_back(make_finding(
            "ORG002", "person:" + person.id.str(),
            context.say_count("ORG002.message", static_cast<long long>(reports), values),
            {{"direct_reports", std::to_string(reports)}, {"threshold", std::to_string(limit)}},
            context.say_count("ORG002.do", static_cast<long long>(leads), values)));
    }
    return findings;
}

std::vector<Finding> find_several_heads(const CheckContext& context) {
    std::vector<PersonId> heads = context.graph().people_without_manager();
    if (heads.size() < 2)
        return {};
    std::vector<std::string> names;
    for (const PersonId& id : heads)
        names.push_back(context.name(id));
    std::string recommendation;
    FindingChange change;
    if (auto head = context.team_head()) {
        change.kind = "reports_to";
        change.person = head->str();
        for (const PersonId& id : heads)
            if (id != *head)
                change.people.push_back(id.str());
        std::size_t tree = context.graph().reporting_tree_size(*head);
        recommendation = context.say_count("ORG003.do_head", static_cast<long long>(tree),
                                           {{"head", context.name(*head)}});
    } else {
        recommendation = context.say("ORG003.do");
    }
    Finding finding = make_finding(
        "ORG003", "plan",
        context.say_count("ORG003.message", static_cast<long long>(heads.size()),
                          {{"people", some_names(context, heads)}}),
        {{"people_without_manager", std::to_string(heads.size())}, {"people", join_list(names)}},
        std::move(recommendation));
    finding.change = std::move(change);
    return {finding};
}

std::vector<Finding> find_unfilled_roles(const CheckContext& context) {
    FindingOutput findings(context);
    for (const model::Role& role : context.plan().roles) {
        std::vector<PersonId> holders = context.graph().role_holders(role.id);
        std::vector<PersonId> vacancies;
        bool active = false;
        for (const PersonId& holder : holders) {
            const model::Person& person = context.person(holder);
            if (model::is_active(person))
                active = true;
            else if (person.status == model::PersonStatus::vacancy)
                vacancies.push_back(holder);
        }
        if (active)
            continue;
        const std::string name = model::display_name(role);
        if (vacancies.empty()) {
            findings.push_back(make_finding(
                "ORG004", "role:" + role.id.str(), context.say("ORG004.message", {{"role", name}}),
                {{"holders", "0"}}, context.say("ORG004.do", {{"role", name}})));
            continue;
        }
        Finding finding = make_finding(
            "ORG004", "role:" + role.id.str(),
            context.say_count("ORG004.message_vacancy", static_cast<long long>(vacancies.size()),
                              {{"role", name}, {"people", context.names(vacancies)}}),
            {{"holders", "0"}, {"vacancies", std::to_string(vacancies.size())}},
            context.say("ORG004.do_vacancy", {{"role", name}}));
        finding.severity = Severity::info;
        findings.push_back(std::move(finding));
    }
    return findings;
}

std::vector<Finding> find_people_without_role(const CheckContext& context) {
    FindingOutput findings(context);
    const model::PlanIndex& index = context.index();
    for (const model::Person& person : context.plan().people) {
        if (!model::is_active(person) || !person.roles.empty())
            continue;
        // The role that performs most of the duties the person is Responsible for.
        std::map<std::string, int> matches;
        std::set<std::string> duties;
        for (size_t a : context.assignments_of(person.id)) {
            const model::Assignment& assignment = index.assignments()[a].assignment;
            if (assignment.raci == model::Raci::R && !assignment.backup)
                duties.insert(assignment.duty.str());
        }
        for (const std::string& duty : duties)
            for (const model::RoleId& role : context.roles_performing(model::DutyId(duty)))
                ++matches[role.str()];
        const model::Role* best = nullptr;
        int best_count = 0;
        for (const model::Role& role : context.plan().roles) {
            auto found = matches.find(role.id.str());
            if (found != matches.end() && found->second > best_count) {
                best = &role;
                best_count = found->second;
            }
        }
        const std::string name = model::display_name(person);
        std::string recommendation =
            best != nullptr
                ? context.say("ORG005.do_role",
                              {{"person", name}, {"role", role_name(context, best->id)}})
                : context.say("ORG005.do", {{"person", name}});
        findings.push_back(make_finding("ORG005", "person:" + person.id.str(),
                                        context.say("ORG005.message", {{"person", name}}),
                                        {{"status", status_words(context, person.status)}},
                                        std::move(recommendation)));
        if (best != nullptr) {
            FindingChange change;
            change.kind = "role";
            change.person = person.id.str();
            change.target = best->id.str();
            findings.back().change = std::move(change);
        }
    }
    return findings;
}

std::vector<Finding> find_people_without_assignment(const CheckContext& context) {
    std::set<std::string> assigned;
    for (const model::Assignment& assignment : context.plan().assignments)
        assigned.insert(assignment.person.str());
    FindingOutput findings(context);
    for (const model::Person& person : context.plan().people) {
        if (!model::is_active(person) || assigned.count(person.id.str()) != 0)
            continue;
        const std::string name = model::display_name(person);
        std::vector<std::pair<std::string, std::string>> evidence;
        if (const PersonLoad* load = context.load(person.id))
            evidence.emplace_back("available_hours", format_hours(load->available_hours));
        std::string recommendation =
            person.roles.empty()
                ? context.say("ORG006.do", {{"person", name}})
                : context.say(
                      "ORG006.do_role",
                      {{"person", name}, {"role", role_name(context, person.roles.front())}});
        findings.push_back(make_finding("ORG006", "person:" + person.id.str(),
                                        context.say("ORG006.message", {{"person", name}}),
                                        std::move(evidence), std::move(recommendation)));
    }
    return findings;
}

} // namespace planner
