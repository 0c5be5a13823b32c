#include "planner/imports/placement.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <utility>
#include <vector>

namespace planner {

namespace {

using model::Channel;
using model::Network;
using model::Plan;
using model::Profile;

// Lower-case ASCII, spaces at both ends and one leading '@' removed: how ids, handles and
// names are compared.
std::string normalised(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (!text.empty() && text.front() == '@')
        text.remove_prefix(1);
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool word_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Whether `needle` occurs in `haystack` (both lower case) as a whole word: not inside a longer
// handle or name.
bool contains_word(std::string_view haystack, std::string_view needle) {
    if (needle.empty())
        return false;
    for (size_t at = haystack.find(needle); at != std::string_view::npos;
         at = haystack.find(needle, at + 1)) {
        const bool starts =
            at == 0 || (!word_character(haystack[at - 1]) && haystack[at - 1] != '.');
        const size_t end = at + needle.size();
        // A handle goes on after a dot ("baltabode" is not "baltabode.karjera").
        const bool ends =
            end == haystack.size() || (!word_character(haystack[end]) &&
                                       !(haystack[end] == '.' && end + 1 < haystack.size() &&
                                         word_character(haystack[end + 1])));
        if (starts && ends)
            return true;
    }
    return false;
}

std::string channel_label(const Channel& channel) {
    return channel.name ? *channel.name : channel.id.str();
}

// "an Instagram export", "a TikTok export".
std::string an_export(Network network);

std::string network_label(Network network) {
    switch (network) {
    case Network::instagram:
        return "Instagram";
    case Network::facebook:
        return "Facebook";
    case Network::linkedin:
        return "LinkedIn";
    case Network::x:
        return "X";
    case Network::youtube:
        return "YouTube";
    case Network::tiktok:
        return "TikTok";
    case Network::pinterest:
        return "Pinterest";
    case Network::threads:
        return "Threads";
    case Network::other:
        break;
    }
    return "other";
}

std::string an_export(Network network) {
    const std::string label = network_label(network);
    const bool vowel_sound = label == "Instagram" || label == "X" || label == "other";
    return (vowel_sound ? "an " : "a ") + label + " export";
}

// The network a file of `format_id` is about; Meta's files say Facebook or Instagram in their
// text (metric names, post types, links).
std::optional<Network> format_network(std::string_view format_id, std::string_view lower_text) {
    const auto starts = [&](std::string_view prefix) {
        return format_id.substr(0, prefix.size()) == prefix;
    };
    if (starts("facebook"))
        return Network::facebook;
    if (starts("linkedin"))
        return Network::linkedin;
    if (starts("tiktok"))
        return Network::tiktok;
    if (starts("x_"))
        return Network::x;
    if (starts("youtube"))
        return Network::youtube;
    if (starts("meta")) {
        const bool instagram = lower_text.find("instagram") != std::string_view::npos ||
                               contains_word(lower_text, "ig image") ||
                               contains_word(lower_text, "ig reel") ||
                               contains_word(lower_text, "ig carousel");
        const bool facebook = lower_text.find("facebook") != std::string_view::npos;
        if (instagram != facebook)
            return instagram ? Network::instagram : Network::facebook;
    }
    return std::nullopt;
}

struct Target {
    const Channel* channel = nullptr;
    const Profile* profile = nullptr;
    bool operator<(const Target& other) const {
        return std::pair(channel, profile) < std::pair(other.channel, other.profile);
    }
};

// Of `targets`, those on `network` when there are any, else all.
std::set<Target> prefer_network(const std::set<Target>& targets, std::optional<Network> network) {
    if (!network)
        return targets;
    std::set<Target> on_network;
    for (const Target& target : targets)
        if (target.channel->network == *network)
            on_network.insert(target);
    return on_network.empty() ? targets : on_network;
}

Placement placed(const Target& target, std::string reason) {
    Placement placement;
    placement.channel = target.channel->id.str();
    if (target.profile != nullptr)
        placement.profile = target.profile->id.str();
    placement.reason = std::move(reason);
    return placement;
}

std::string target_label(const Target& target) {
    std::string label = channel_label(*target.channel);
    if (target.profile != nullptr)
        label += " (profile " +
                 (target.profile->handle ? "@" + normalised(*target.profile->handle)
                                         : target.profile->id.str()) +
                 ")";
    return label;
}

} // namespace

Placement place_export(const Plan& plan, std::string_view relative_path, std::string_view text,
                       std::string_view format_id) {
    const std::string lower = normalised(text);
    const std::optional<Network> network = format_network(format_id, lower);

    // 1. What the file names: handles first (the most specific), then profile and channel
    //    names (not a bare network name, which every export of that network mentions).
    std::set<Target> by_handle, by_name;
    for (const Channel& channel : plan.channels)
        for (const Profile& profile : channel.profiles) {
            if (profile.handle && normalised(*profile.handle).size() >= 3 &&
                contains_word(lower, normalised(*profile.handle)))
                by_handle.insert({&channel, &profile});
            if (profile.name && normalised(*profile.name).size() >= 4 &&
                contains_word(lower, normalised(*profile.name)))
                by_name.insert({&channel, &profile});
        }
    for (const Channel& channel : plan.channels)
        if (channel.name && normalised(*channel.name).size() >= 4 &&
            !model::parse_network(normalised(*channel.name)) &&
            contains_word(lower, normalised(*channel.name)))
            by_name.insert({&channel, nullptr});
    for (const std::set<Target>* found : {&by_handle, &by_name}) {
        const std::set<Target> candidates = prefer_network(*found, network);
        if (candidates.size() == 1) {
            const Target& target = *candidates.begin();
            const std::string named = found == &by_handle
                                          ? "@" + normalised(*target.profile->handle)
                                      : target.profile && target.profile->name
                                          ? "'" + *target.profile->name + "'"
                                          : "'" + channel_label(*target.channel) + "'";
            return placed(target, target_label(target) + ", as the file names " + named);
        }
    }

    // 2. The folders it is in and the name it was saved under.
    std::vector<std::string> parts;
    const std::filesystem::path path{std::string(relative_path)};
    for (const auto& part : path.parent_path())
        parts.push_back(part.string());
    parts.push_back(path.stem().string());
    std::set<Target> channels_named, profiles_named;
    std::string said_by;
    for (const std::string& part : parts) {
        const std::string key = normalised(part);
        if (key.empty())
            continue;
        for (const Channel& channel : plan.channels) {
            const bool network_named =
                model::parse_network(key) && *model::parse_network(key) == channel.network &&
                std::count_if(plan.channels.begin(), plan.channels.end(),
                              [&](const Channel& c) { return c.network == channel.network; }) == 1;
            if (key == channel.id.str() || (channel.name && key == normalised(*channel.name)) ||
                network_named) {
                channels_named.insert({&channel, nullptr});
                said_by = part;
            }
            for (const Profile& profile : channel.profiles)
                if (key == profile.id.str() ||
                    (profile.handle && key == normalised(*profile.handle))) {
                    profiles_named.insert({&channel, &profile});
                    said_by = part;
                }
        }
    }
    // A profile named inside a folder named after its channel is that profile.
    if (profiles_named.size() > 1 && channels_named.size() == 1) {
        std::set<Target> within;
        for (const Target& target : profiles_named)
            if (target.channel == channels_named.begin()->channel)
                within.insert(target);
        profiles_named = within;
    }
    for (const std::set<Target>* found : {&profiles_named, &channels_named}) {
        if (found->size() != 1)
            continue;
        const Target& target = *found->begin();
        if (network && target.channel->network != Network::other &&
            target.channel->network != *network) {
            Placement refused;
            refused.reason = "its folder or name says " + target_label(target) + ", but it is " +
                             an_export(*network) +
                             "; move it to the right folder or import it with --channel";
            return refused;
        }
        return placed(target, target_label(target) + ", from the name '" + said_by + "'");
    }

    // 3. The network of its format, when the plan has one channel there.
    if (network) {
        std::set<Target> on_network;
        for (const Channel& channel : plan.channels)
            if (channel.network == *network)
                on_network.insert({&channel, nullptr});
        if (on_network.size() == 1)
            return placed(*on_network.begin(), target_label(*on_network.begin()) +
                                                   ", the plan's only " + network_label(*network) +
                                                   " channel");
        Placement refused;
        refused.reason =
            an_export(*network) + ", and the plan has " +
            (on_network.empty() ? std::string("no ") + network_label(*network) + " channel"
                                : std::to_string(on_network.size()) + " " +
                                      network_label(*network) + " channels") +
            "; put it in a folder named after the channel, or import it with --channel";
        return refused;
    }
    Placement refused;
    refused.reason = "nothing in the file or its folders names one of the plan's channels; put it "
                     "in a folder named after the channel (e.g. instagram/), or import it with "
                     "--channel";
    return refused;
}

} // namespace planner
