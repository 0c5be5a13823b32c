#include "model/plan.hpp"

#include <array>

namespace planner::model {

namespace {
template <class Enum, size_t N>
std::optional<Enum> parse_enum(const std::array<std::string_view, N>& names,
                               std::string_view text) {
    for (size_t i = 0; i < N; ++i)
        if (names[i] == text)
            return static_cast<Enum>(i);
    return std::nullopt;
}

constexpr std::array<std::string_view, 7> k_goal_kinds = {
    "engagement", "customer_care", "reach", "conversion", "awareness", "roi", "other"};
constexpr std::array<std::string_view, 2> k_directions = {"up", "down"};
constexpr std::array<std::string_view, 9> k_networks = {
    "instagram", "facebook", "linkedin", "x", "youtube", "tiktok", "pinterest", "threads", "other"};
constexpr std::array<std::string_view, 4> k_statuses = {"active", "vacancy", "leaving",
                                                        "contractor"};
constexpr std::array<std::string_view, 4> k_raci = {"R", "A", "C", "I"};
} // namespace

std::string_view to_string(GoalKind kind) {
    return k_goal_kinds[static_cast<size_t>(kind)];
}
std::string_view to_string(Direction direction) {
    return k_directions[static_cast<size_t>(direction)];
}
std::string_view to_string(Network network) {
    return k_networks[static_cast<size_t>(network)];
}
std::string_view to_string(PersonStatus status) {
    return k_statuses[static_cast<size_t>(status)];
}
std::string_view to_string(Raci raci) {
    return k_raci[static_cast<size_t>(raci)];
}

std::optional<GoalKind> parse_goal_kind(std::string_view text) {
    return parse_enum<GoalKind>(k_goal_kinds, text);
}
std::optional<Direction> parse_direction(std::string_view text) {
    return parse_enum<Direction>(k_directions, text);
}
std::optional<Network> parse_network(std::string_view text) {
    return parse_enum<Network>(k_networks, text);
}
std::optional<PersonStatus> parse_person_status(std::string_view text) {
    return parse_enum<PersonStatus>(k_statuses, text);
}
std::optional<Raci> parse_raci(std::string_view text) {
    return parse_enum<Raci>(k_raci, text);
}

} // namespace planner::model
