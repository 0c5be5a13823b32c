#pragma once
// Findings grouped per cause and ranked: what a reader acts on. One group per check and
// shared cause (the one person a set of duties depends on, the person who is away, ...); a
// finding with no shared cause is a group of one. Groups rank by severity, then impact (hours
// a week uncovered or over capacity), then the number of instances, then check id. `check --format
// json` and the CSV keep every instance; the text output and the reports print each group once.

#include "planner/checks/checks.hpp"

#include <functional>
#include <string>
#include <vector>

namespace planner {

struct FindingGroup {
    std::string check;
    Severity severity = Severity::warning; // the most serious of its instances
    std::string cause;                     // display text of the shared cause; "" for one
    std::vector<Finding> instances;        // by impact, then subject
    double impact = 0;                     // sum of the instances' impact
};

// The impact of one finding in hours a week, for ranking: hours over capacity, uncovered,
// unassigned or double-planned; else the hours of the duty concerned; else 0. Groups with the
// same impact rank by how many instances they have.
double finding_impact(const Finding& finding);

// The evidence key whose value is the cause shared by the instances of `check`
// ("covered_by" for COV004), or "" when each finding is its own cause.
std::string cause_key(const std::string& check);

// Groups and ranks. Deterministic for a given list of findings.
std::vector<FindingGroup> group_findings(const std::vector<Finding>& findings);

// The same grouping with findings named by their index, for findings that are not all held as
// Finding objects (a spool): `at(i, scratch)` gives finding i, in `scratch` or elsewhere.
struct FindingIndexGroup {
    std::string check;
    Severity severity = Severity::warning;
    std::string cause;
    std::vector<size_t> instances; // indexes, by impact, then subject
    double impact = 0;
};
using FindingAt = std::function<const Finding&(size_t index, Finding& scratch)>;
std::vector<FindingIndexGroup> group_finding_indexes(size_t count, const FindingAt& at);

} // namespace planner
