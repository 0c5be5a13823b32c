#include "planner/checks/finding_groups.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <tuple>

namespace planner {

namespace {
const std::string* evidence_value(const Finding& finding, const std::string& key) {
    for (const auto& [k, v] : finding.evidence)
        if (k == key)
            return &v;
    return nullptr;
}

bool evidence_number(const Finding& finding, const std::string& key, double& value) {
    const std::string* text = evidence_value(finding, key);
    if (text == nullptr || text->empty())
        return false;
    char* end = nullptr;
    value = std::strtod(text->c_str(), &end);
    return end != nullptr && *end == '\0';
}

int severity_rank(Severity severity) {
    return severity == Severity::error ? 0 : severity == Severity::warning ? 1 : 2;
}
} // namespace

double finding_impact(const Finding& finding) {
    double load = 0;
    double available = 0;
    if (evidence_number(finding, "load_hours", load) &&
        evidence_number(finding, "available_hours", available) && load > available)
        return load - available;
    for (const char* key : {"uncovered_hours_per_week", "unassigned_hours", "double_planned_hours",
                            "hours_per_week", "reporting_hours_per_week"}) {
        double value = 0;
        if (evidence_number(finding, key, value) && value > 0)
            return value;
    }
    return 0;
}

std::string cause_key(const std::string& check) {
    static const std::map<std::string, std::string> k_causes = {
        {"COV004", "covered_by"}, // duties that depend on one person
        {"COV007", "absent"},     // duties uncovered while one person is away
        {"GOV002", "approver"},   // channels where one person approves their own work
    };
    auto it = k_causes.find(check);
    return it == k_causes.end() ? std::string() : it->second;
}

std::vector<FindingIndexGroup> group_finding_indexes(size_t count, const FindingAt& at) {
    std::vector<FindingIndexGroup> groups;
    // Per group, the subject and impact of each instance, for ranking them.
    std::vector<std::vector<std::pair<double, std::string>>> keys;
    std::map<std::pair<std::string, std::string>, size_t> by_cause;
    Finding scratch;
    for (size_t i = 0; i < count; ++i) {
        const Finding& finding = at(i, scratch);
        const double impact = finding_impact(finding);
        const std::string key = cause_key(finding.check);
        const std::string* cause = key.empty() ? nullptr : evidence_value(finding, key);
        if (cause == nullptr || cause->empty()) {
            groups.push_back(FindingIndexGroup{finding.check, finding.severity, "", {i}, impact});
            keys.push_back({{impact, finding.subject}});
            continue;
        }
        auto [it, added] = by_cause.try_emplace({finding.check, *cause}, groups.size());
        if (added) {
            groups.push_back(FindingIndexGroup{finding.check, finding.severity, *cause, {}, 0});
            keys.emplace_back();
        }
        FindingIndexGroup& group = groups[it->second];
        if (severity_rank(finding.severity) < severity_rank(group.severity))
            group.severity = finding.severity;
        group.impact += impact;
        group.instances.push_back(i);
        keys[it->second].emplace_back(impact, finding.subject);
    }
    std::vector<size_t> rank(groups.size());
    for (size_t g = 0; g < groups.size(); ++g) {
        rank[g] = g;
        FindingIndexGroup& group = groups[g];
        if (group.instances.size() == 1) {
            group.cause.clear();
            continue;
        }
        std::vector<size_t> order(group.instances.size());
        for (size_t k = 0; k < order.size(); ++k)
            order[k] = k;
        const auto& key = keys[g];
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            if (key[a].first != key[b].first)
                return key[a].first > key[b].first;
            return key[a].second < key[b].second;
        });
        std::vector<size_t> sorted;
        sorted.reserve(order.size());
        std::vector<std::pair<double, std::string>> sorted_keys;
        sorted_keys.reserve(order.size());
        for (size_t k : order) {
            sorted.push_back(group.instances[k]);
            sorted_keys.push_back(std::move(keys[g][k]));
        }
        group.instances = std::move(sorted);
        keys[g] = std::move(sorted_keys);
    }
    std::stable_sort(rank.begin(), rank.end(), [&](size_t x, size_t y) {
        const FindingIndexGroup& a = groups[x];
        const FindingIndexGroup& b = groups[y];
        const int severity_a = severity_rank(a.severity);
        const int severity_b = severity_rank(b.severity);
        const double impact_a = -a.impact;
        const double impact_b = -b.impact;
        const auto size_a = -static_cast<long>(a.instances.size());
        const auto size_b = -static_cast<long>(b.instances.size());
        return std::tie(severity_a, impact_a, size_a, a.check, keys[x].front().second) <
               std::tie(severity_b, impact_b, size_b, b.check, keys[y].front().second);
    });
    std::vector<FindingIndexGroup> ranked;
    ranked.reserve(groups.size());
    for (size_t g : rank)
        ranked.push_back(std::move(groups[g]));
    return ranked;
}

std::vector<FindingGroup> group_findings(const std::vector<Finding>& findings) {
    std::vector<FindingGroup> out;
    for (FindingIndexGroup& group : group_finding_indexes(
             findings.size(), [&](size_t i, Finding&) -> const Finding& { return findings[i]; })) {
        FindingGroup copy{
            std::move(group.check), group.severity, std::move(group.cause), {}, group.impact};
        copy.instances.reserve(group.instances.size());
        for (size_t i : group.instances)
            copy.instances.push_back(findings[i]);
        out.push_back(std::move(copy));
    }
    return out;
}

} // namespace planner
