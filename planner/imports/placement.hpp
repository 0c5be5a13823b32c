#pragma once
// Where an analytics export found in a folder belongs: the plan's channel (and profile) it is
// about, taken from what the file itself says (an account username, a handle in a link, the
// network of its format) or from the folders and the name it was saved under. Used by
// `planner import WORKSPACE FOLDER/`, where nobody types --channel for each file.

#include "model/plan.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace planner {

struct Placement {
    std::string channel; // empty: the file could not be placed
    std::optional<std::string> profile;
    // How it was placed ("the account 'rimilatvija' named in the file"), or why it could not
    // be, in the user's words.
    std::string reason;
    bool placed() const { return !channel.empty(); }
};

// `relative_path`: the file's path below the folder the user named ("instagram/Views.csv");
// `text`: the file's text (UTF-8); `format_id`: the metric format that read it
// ("meta_posts", "tiktok_overview", ...). In order of trust:
// 1. a profile's handle or name, or a channel's name, that the file's text names (an account
//    column, a link such as instagram.com/HANDLE or twitter.com/HANDLE), when it names
//    exactly one of the plan's profiles or channels;
// 2. a folder or the file's name equal to a channel's id, name or network, or a profile's id
//    or handle (case and a leading '@' ignored), when it points at exactly one;
// 3. the network of the format (TikTok, YouTube, LinkedIn, X, Facebook; Meta files by the
//    network they name), when the plan has exactly one channel on that network.
Placement place_export(const model::Plan& plan, std::string_view relative_path,
                       std::string_view text, std::string_view format_id);

} // namespace planner
