#pragma once
// Saving an edited plan into the YAML file the user wrote, changing only what changed: a
// changed value is rewritten where it stands (in its quoting style), a removed entry's lines
// are cut out, a new entry is written after its siblings in their style (flow `{...}` lines
// stay flow lines). Comments, key order, blank lines and every unchanged byte stay.

#include "model/json_value.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace planner::model {

// `text` changed so that it reads as `target` (the plan's JSON form, model/plan_json.hpp).
// Nothing when the change cannot be made in place (a reordered list, an edit through a YAML
// alias, ...): the result is read back and compared with `target` before it is returned.
std::optional<std::string> edit_yaml_in_place(std::string_view text, const Json& target);

} // namespace planner::model
