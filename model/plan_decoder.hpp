#pragma once
// Decodes a YamlTree into a Plan: every field, default and rule of PLAN-FORMAT.md. References
// are checked after all sections are read, so they may point forward.

#include "model/plan.hpp"
#include "model/yaml_decoder.hpp"

#include <map>
#include <set>
#include <unordered_map>

namespace planner::model {

class PlanDecoder {
public:
    PlanDecoder(const YamlTree& tree, std::string file, std::vector<Diagnostic>& errors,
                bool owners_may_be_missing = false)
        : m_yaml(tree, std::move(file), errors), m_owners_may_be_missing(owners_may_be_missing) {}

    Plan decode();

private:
    enum class RefKind { person, owner, channel, role, duty, goal }; // owner: of a goal or KPI
    // Ids as handles (8 bytes): a plan of a million people makes about nine million references.
    using RefId = Id<struct ReferenceTag>;
    struct Reference {
        RefKind kind;
        RefId id;
        uint32_t node;
    };
    struct ProfileReference {
        RefId channel;
        RefId profile;
        uint32_t node;
    };

    void decode_info(uint32_t node, PlanInfo& info);
    void decode_goals(uint32_t node, std::vector<Goal>& goals);
    Kpi decode_kpi(uint32_t node);
    void decode_channels(uint32_t node, std::vector<Channel>& channels);
    void decode_workload(uint32_t node, ChannelWorkload& workload);
    CareWindow decode_care(uint32_t node);
    void decode_duties(uint32_t node, std::vector<CustomDuty>& duties);
    void decode_roles(uint32_t node, std::vector<Role>& roles);
    void decode_people(uint32_t node, std::vector<Person>& people);
    WorkingHours decode_hours(uint32_t node, const std::string& what);
    void decode_assignments(uint32_t node, const Plan& plan, std::vector<Assignment>& out);
    void decode_suppressions(uint32_t node, std::vector<Suppression>& out);

    // Ids defined so far, with the node that defines each (hashed handles: a large plan
    // defines millions).
    using IdNodes = std::unordered_map<RefId, uint32_t>;
    // Records an id of `kind` and reports a duplicate.
    void define(IdNodes& seen, const std::string& kind, const std::string& id, uint32_t node);
    // Records a reference to check once every section is read; one to an id already defined
    // is known to be good and not kept (a large plan makes millions of references).
    void refer(RefKind kind, const std::string& id, uint32_t node);
    // The ids of `kind` defined so far (for duties, the plan's own: see is_defined).
    const IdNodes& defined(RefKind kind) const;
    // True when `id` names a `kind` defined so far, or a standard duty.
    bool is_defined(RefKind kind, const RefId& id) const;
    void check_references(const Plan& plan);

    YamlDecoder m_yaml;
    bool m_owners_may_be_missing = false;
    IdNodes m_people, m_channels, m_roles, m_duties, m_goals, m_kpis;
    std::set<std::string> m_networks_used;
    std::vector<Reference> m_references;
    std::vector<ProfileReference> m_profile_references;
    std::vector<std::pair<std::string, uint32_t>> m_interests;
};

} // namespace planner::model
