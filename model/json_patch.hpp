#pragma once
// JSON Patch (RFC 6902: add, remove, replace, move, copy, test) on the plan's JSON form, with
// the plan's way of naming list elements (model/plan_json.hpp): `/people/anna/fte` is the
// `fte` of the person whose id is `anna`. Generic over the JSON: a field the plan format gains
// later is patched like any other. Every failure names the operation and says what is wrong.

#include "model/json_value.hpp"

#include <optional>
#include <string>
#include <vector>

namespace planner::model {

struct PatchOperation {
    std::string op; // add remove replace move copy test
    std::string path;
    std::string from;          // move, copy
    std::optional<Json> value; // add, replace, test
};

struct PatchFailure {
    size_t index = 0; // of the operation (0-based)
    std::string path;
    std::string message;
    bool test_failed = false; // a `test` operation found another value
};

// Reads a JSON Patch document (an array of operations). Nothing, and `failure` set, when it
// is not one.
std::optional<std::vector<PatchOperation>> parse_patch(const Json& patch, PatchFailure& failure);
Json patch_to_json(const std::vector<PatchOperation>& patch);

// Applies every operation in order to `document`; on a failure `document` is left as it was.
std::optional<PatchFailure> apply_patch(Json& document, const std::vector<PatchOperation>& patch);

// The value at `path`, or nothing (with `message`) when there is none.
const Json* resolve_pointer(const Json& document, const std::string& path, std::string& message);

// The operations that turn `from` into `to`: replace on changed values, add and remove of
// members and of list elements by their key. (The order of list elements is not compared.)
std::vector<PatchOperation> diff_json(const Json& from, const Json& to);

// "person", "channel", ... for a list's key; "element" when the list is not one of the plan's.
std::string collection_noun(const std::string& collection);

} // namespace planner::model
