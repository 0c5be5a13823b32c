#pragma once
// Strong ids: a PersonId cannot be passed where a ChannelId is expected.
// Invariant (checked by the plan reader, not here): 1-64 characters of a-z 0-9 _ -,
// starting with a letter or digit.

#include <functional>
#include <string>
#include <string_view>

namespace planner::model {

template <class Tag> class Id {
public:
    Id() = default;
    explicit Id(std::string value) : m_value(std::move(value)) {}

    const std::string& str() const { return m_value; }
    bool empty() const { return m_value.empty(); }

    friend bool operator==(const Id& a, const Id& b) { return a.m_value == b.m_value; }
    friend bool operator!=(const Id& a, const Id& b) { return a.m_value != b.m_value; }
    friend bool operator<(const Id& a, const Id& b) { return a.m_value < b.m_value; }

private:
    std::string m_value;
};

using PersonId = Id<struct PersonTag>;
using ChannelId = Id<struct ChannelTag>;
using ProfileId = Id<struct ProfileTag>;
using DutyId = Id<struct DutyTag>;
using RoleId = Id<struct RoleTag>;
using GoalId = Id<struct GoalTag>;
using KpiId = Id<struct KpiTag>;

// True when `text` is a valid id.
bool is_valid_id(std::string_view text);

} // namespace planner::model

template <class Tag> struct std::hash<planner::model::Id<Tag>> {
    size_t operator()(const planner::model::Id<Tag>& id) const noexcept {
        return std::hash<std::string>()(id.str());
    }
};
