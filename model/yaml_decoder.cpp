#include "model/yaml_decoder.hpp"

#include "model/ids.hpp"
#include "model/suggest.hpp"

#include <date/tz.h>

#include <charconv>
#include <cmath>

namespace planner::model {

namespace {
std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

const std::vector<std::string>& zone_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        try {
            for (const auto& zone : date::get_tzdb().zones)
                out.emplace_back(zone.name());
        } catch (const std::exception&) {
        }
        return out;
    }();
    return names;
}
} // namespace

std::string format_number(double value) {
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

void YamlDecoder::error(uint32_t node, const std::string& message) {
    YamlPosition at = position(node);
    m_errors.push_back(Diagnostic{m_file, at.line, at.column, message});
}

void YamlDecoder::error_at_key(const Entries& entries, const std::string& key,
                               const std::string& message) {
    auto it = entries.find(key);
    if (it != entries.end())
        error(it->second.key, message);
}

void YamlDecoder::missing(uint32_t node, const std::string& what, const std::string& key) {
    error(node, what + " is missing " + quoted(key) + "; add `" + key + ": ...`");
}

YamlDecoder::Entries YamlDecoder::mapping(uint32_t index, const std::string& what,
                                          const std::vector<std::string>& known) {
    Entries entries;
    const YamlNode& n = node(index);
    if (n.kind != YamlKind::mapping) {
        if (!m_tree.is_null(index))
            error(index, what + " must be a mapping of `key: value` lines");
        return entries;
    }
    for (uint32_t i = 0; i + 1 < n.child_count; i += 2) {
        uint32_t key = m_tree.child(n, i);
        uint32_t value = m_tree.child(n, i + 1);
        const YamlNode& key_node = node(key);
        if (key_node.kind != YamlKind::scalar) {
            error(key, "a key in " + what + " must be a plain word");
            continue;
        }
        const std::string name(key_node.text);
        bool is_known = false;
        for (const auto& k : known)
            is_known = is_known || k == name;
        if (!is_known) {
            error(key, "unknown key " + quoted(name) + " in " + what + did_you_mean(name, known));
            continue;
        }
        if (entries.count(name)) {
            YamlPosition first = position(entries[name].key);
            error(key, quoted(name) + " is given twice in " + what + " (first at line " +
                           std::to_string(first.line) + "); keep one");
            continue;
        }
        entries.emplace(name, Entry{key, value});
    }
    return entries;
}

std::vector<uint32_t> YamlDecoder::sequence(uint32_t index, const std::string& what) {
    std::vector<uint32_t> items;
    const YamlNode& n = node(index);
    if (n.kind != YamlKind::sequence) {
        if (!m_tree.is_null(index))
            error(index, quoted(what) + " must be a list (lines starting with `- `)");
        return items;
    }
    items.reserve(n.child_count);
    for (uint32_t i = 0; i < n.child_count; ++i)
        items.push_back(m_tree.child(n, i));
    return items;
}

bool YamlDecoder::scalar(uint32_t index, const std::string& key) {
    const YamlNode& n = node(index);
    if (n.kind != YamlKind::scalar) {
        error(index, quoted(key) + " must be a single value, not a " +
                         (n.kind == YamlKind::mapping ? "mapping" : "list"));
        return false;
    }
    if (m_tree.is_null(index)) {
        error(index, quoted(key) + " has no value; write one or remove the line");
        return false;
    }
    return true;
}

std::optional<std::string> YamlDecoder::text(uint32_t index, const std::string& key) {
    if (!scalar(index, key))
        return std::nullopt;
    return std::string(node(index).text);
}

std::optional<double> YamlDecoder::number(uint32_t index, const std::string& key, double min,
                                          double max) {
    if (!scalar(index, key))
        return std::nullopt;
    const std::string t(node(index).text);
    double value = 0;
    auto result = std::from_chars(t.data(), t.data() + t.size(), value);
    if (result.ec != std::errc() || result.ptr != t.data() + t.size() || !std::isfinite(value)) {
        error(index, quoted(key) + " must be a number, not " + quoted(t));
        return std::nullopt;
    }
    if (value < min || value > max) {
        error(index, quoted(key) + " must be between " + format_number(min) + " and " +
                         format_number(max) + ", not " + t);
        return std::nullopt;
    }
    return value;
}

std::optional<int> YamlDecoder::integer(uint32_t index, const std::string& key, int min, int max) {
    if (!scalar(index, key))
        return std::nullopt;
    const std::string t(node(index).text);
    int value = 0;
    auto result = std::from_chars(t.data(), t.data() + t.size(), value);
    if (result.ec != std::errc() || result.ptr != t.data() + t.size()) {
        error(index, quoted(key) + " must be a whole number, not " + quoted(t));
        return std::nullopt;
    }
    if (value < min || value > max) {
        error(index, quoted(key) + " must be between " + std::to_string(min) + " and " +
                         std::to_string(max) + ", not " + t);
        return std::nullopt;
    }
    return value;
}

std::optional<bool> YamlDecoder::boolean(uint32_t index, const std::string& key) {
    if (!scalar(index, key))
        return std::nullopt;
    const std::string t(node(index).text);
    if (t == "true")
        return true;
    if (t == "false")
        return false;
    error(index, quoted(key) + " must be true or false, not " + quoted(t));
    return std::nullopt;
}

std::optional<std::string> YamlDecoder::id(uint32_t index, const std::string& key) {
    if (!scalar(index, key))
        return std::nullopt;
    const std::string t(node(index).text);
    if (!is_valid_id(t)) {
        error(index, quoted(t) + " is not a valid id; use 1-64 characters of a-z, 0-9, _ and -, "
                                 "starting with a letter or digit");
        return std::nullopt;
    }
    return t;
}

std::vector<std::pair<std::string, uint32_t>> YamlDecoder::id_list(uint32_t index,
                                                                   const std::string& key) {
    std::vector<std::pair<std::string, uint32_t>> out;
    for (uint32_t item : sequence(index, key))
        if (auto value = id(item, key))
            out.emplace_back(*value, item);
    return out;
}

std::vector<std::string> YamlDecoder::text_list(uint32_t index, const std::string& key) {
    std::vector<std::string> out;
    for (uint32_t item : sequence(index, key))
        if (auto value = text(item, key))
            out.push_back(*value);
    return out;
}

std::optional<TimeOfDay> YamlDecoder::time(uint32_t index, const std::string& key) {
    if (!scalar(index, key))
        return std::nullopt;
    auto value = parse_time_of_day(node(index).text);
    if (!value)
        error(index, quoted(std::string(node(index).text)) + " is not a time for " + quoted(key) +
                         "; write \"HH:MM\" in 24-hour form, e.g. \"09:00\"");
    return value;
}

std::optional<Date> YamlDecoder::date(uint32_t index, const std::string& key) {
    if (!scalar(index, key))
        return std::nullopt;
    auto value = parse_date(node(index).text);
    if (!value)
        error(index, quoted(std::string(node(index).text)) + " is not a date for " + quoted(key) +
                         "; write YYYY-MM-DD, e.g. 2027-02-01");
    return value;
}

std::optional<Quarter> YamlDecoder::quarter(uint32_t index, const std::string& key) {
    if (!scalar(index, key))
        return std::nullopt;
    auto value = parse_quarter(node(index).text);
    if (!value)
        error(index, quoted(std::string(node(index).text)) + " is not a quarter for " +
                         quoted(key) + "; write YYYY-Qn, e.g. 2027-Q1");
    return value;
}

std::optional<DaySet> YamlDecoder::days(uint32_t index, const std::string& key) {
    static const std::vector<std::string> names = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    if (node(index).kind != YamlKind::sequence) {
        error(index, quoted(key) + " must be a list of days, e.g. [mon, tue, wed]");
        return std::nullopt;
    }
    DaySet set;
    bool ok = true;
    for (uint32_t item : sequence(index, key)) {
        auto t = text(item, key);
        if (!t) {
            ok = false;
            continue;
        }
        auto day = parse_weekday(*t);
        if (!day) {
            error(item, "unknown day " + quoted(*t) + " in " + quoted(key) +
                            did_you_mean(*t, names) + "; days are mon tue wed thu fri sat sun");
            ok = false;
            continue;
        }
        set.add(*day);
    }
    if (!ok)
        return std::nullopt;
    return set;
}

std::optional<std::string> YamlDecoder::time_zone(uint32_t index, const std::string& key) {
    auto t = text(index, key);
    if (!t)
        return std::nullopt;
    if (!is_known_time_zone(*t)) {
        error(index, "unknown time zone " + quoted(*t) + did_you_mean(*t, zone_names()) +
                         "; use an IANA name such as Europe/Riga");
        return std::nullopt;
    }
    return t;
}

std::optional<std::string> YamlDecoder::choice(uint32_t index, const std::string& key,
                                               const std::vector<std::string>& choices) {
    auto t = text(index, key);
    if (!t)
        return std::nullopt;
    for (const auto& c : choices)
        if (c == *t)
            return t;
    std::string list;
    for (const auto& c : choices)
        list += (list.empty() ? "" : ", ") + c;
    error(index, quoted(*t) + " is not a valid " + quoted(key) + did_you_mean(*t, choices) +
                     "; choose one of: " + list);
    return std::nullopt;
}

} // namespace planner::model
