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

std::vector<FindingGroup> group_findings(const std::vector<Finding>& findings) {
    std::vector<FindingGroup> groups;
    std::map<std::pair<std::string, std::string>, size_t> by_cause;
    for (const Finding& finding : findings) {
        const std::string key = cause_key(finding.check);
        const std::string* cause = key.empty() ? nullptr : evidence_value(finding, key);
        if (cause == nullptr || cause->empty()) {
            FindingGroup group{
                finding.check, finding.severity, "", {finding}, finding_impact(finding)};
            groups.push_back(std::move(group));
            continue;
        }
        auto [it, added] = by_cause.try_emplace({finding.check, *cause}, groups.size());
        if (added)
            groups.push_back(FindingGroup{finding.check, finding.severity, *cause, {}, 0});
        FindingGroup& group = groups[it->second];
        if (severity_rank(finding.severity) < severity_rank(group.severity))
            group.severity = finding.severity;
        group.impact += finding_impact(finding);
        group.instances.push_back(finding);
    }
    for (FindingGroup& group : groups) {
        if (group.instances.size() == 1)
            group.cause.clear();
        std::stable_sort(group.instances.begin(), group.instances.end(),
                         [](const Finding& a, const Finding& b) {
                             const double ia = finding_impact(a);
                             const double ib = finding_impact(b);
                             if (ia != ib)
                                 return ia > ib;
                             return a.subject < b.subject;
                         });
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const FindingGroup& a, const FindingGroup& b) {
                         const auto size_a = static_cast<long>(a.instances.size());
                         const auto size_b = static_cast<long>(b.instances.size());
                         return std::make_tuple(severity_rank(a.severity), -a.impact, -size_a,
                                                a.check, a.instances.front().subject) <
                                std::make_tuple(severity_rank(b.severity), -b.impact, -size_b,
                                                b.check, b.instances.front().subject);
                     });
    return groups;
}

} // namespace planner
