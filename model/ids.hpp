#pragma once
// Strong ids: a PersonId cannot be passed where a ChannelId is expected.
// Invariant (checked by the plan reader, not here): 1-64 characters of a-z 0-9 _ -,
// starting with a letter or digit.
//
// An id is a handle to its text, kept once per process in a table of every id text seen
// (docs/decisions.md, "Ids are kept once"): a plan of a million people names each person in
// its reporting lines, assignments, coverage lists and findings, and each copy is 8 bytes
// instead of a string. Copying and == are a pointer's; < compares the texts, so sorting by id
// is alphabetical as before; std::hash gives the hash of the text. The table is never
// emptied: it holds the ids of the plans a process read, which a process keeps anyway.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace planner::model {

namespace id_detail {
struct Text {
    std::string text;
    std::size_t hash = 0; // std::hash<std::string>()(text)
};
// The one Text of `text`; null for "". Thread-safe.
const Text* intern(std::string_view text);
const std::string& empty_text();
} // namespace id_detail

template <class Tag> class Id {
public:
    Id() = default;
    explicit Id(std::string_view value) : m_text(id_detail::intern(value)) {}
    explicit Id(const std::string& value) : Id(std::string_view(value)) {}
    explicit Id(const char* value) : Id(std::string_view(value)) {}

    // Stays valid for the life of the process.
    const std::string& str() const { return m_text ? m_text->text : id_detail::empty_text(); }
    bool empty() const { return m_text == nullptr; }
    std::size_t hash() const { return m_text ? m_text->hash : std::hash<std::string>()({}); }

    friend bool operator==(const Id& a, const Id& b) { return a.m_text == b.m_text; }
    friend bool operator!=(const Id& a, const Id& b) { return a.m_text != b.m_text; }
    friend bool operator<(const Id& a, const Id& b) {
        return a.m_text != b.m_text && a.str() < b.str();
    }

private:
    const id_detail::Text* m_text = nullptr;
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
    size_t operator()(const planner::model::Id<Tag>& id) const noexcept { return id.hash(); }
};
