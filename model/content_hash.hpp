#pragma once
// SHA-256 of a plan's canonical text, the content hash that plan versions carry so that two
// copies of a workspace can find the last version they have in common. (planner/core has its
// own over Poco; the model links nothing of planner's.)

#include <string>
#include <string_view>

namespace planner::model {

// Lower-case hex SHA-256 of `bytes`.
std::string content_hash(std::string_view bytes);

} // namespace planner::model
