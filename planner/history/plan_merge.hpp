#pragma once
// Three-way merge of plans by meaning. Each plan is read as entities keyed by id (the plan's
// settings, people, roles, channels and their profiles, duties, goals and their KPIs,
// suppressions; assignments keyed by person, channel, profile and duty), each entity as a
// map of fields taken from the plan's canonical YAML. Nothing here names a field: a field added
// to the plan format merges like every other.
//
// Per entity and field: a change on one side applies; the same change on both sides applies
// once; different changes to one field, or a change on one side to what the other removed, is
// a conflict, resolved for our side (or theirs, when preferred) and listed.

#include "model/plan.hpp"

#include <string>
#include <vector>

namespace planner {

struct MergeConflict {
    std::string subject; // "person Anna Bērziņa (anna)"
    std::string field;   // "fte"; "(the whole person)" for a change against a removal
    std::string base;    // values as written in the plan; "(none)" / "(removed)" when absent
    std::string ours;
    std::string theirs;
};

struct MergeResult {
    model::Plan plan;
    std::vector<MergeConflict> conflicts;
};

// `base` may be null: no common ancestor (everything counts as added on both sides).
// Throws InputError when the merged plan is not a valid plan: a reference to something one
// side removed, or a reporting cycle that neither side had ("a validation error, not a silent
// bad plan").
MergeResult merge_plans(const model::Plan* base, const model::Plan& ours, const model::Plan& theirs,
                        bool prefer_theirs);

// "person Anna Bērziņa (anna): fte: base 1, ours 0.8, theirs 0.6"
std::string describe(const MergeConflict& conflict);

} // namespace planner
