#pragma once
// Typed access to a YamlTree that collects every error with its position: mappings with known
// keys ("did you mean"), scalars as text, numbers in a range, booleans, ids, times, dates,
// quarters, day lists and time zones.

#include "model/calendar.hpp"
#include "model/plan_reader.hpp"
#include "model/yaml_tree.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planner::model {

class YamlDecoder {
public:
    YamlDecoder(const YamlTree& tree, std::string file, std::vector<Diagnostic>& errors)
        : m_tree(tree), m_file(std::move(file)), m_errors(errors) {}

    // The entries of a mapping. Unknown keys and keys given twice are reported; `what` names
    // the mapping in messages ("a person"). Returns an empty map (and reports) when the node
    // is not a mapping.
    struct Entry {
        uint32_t key = 0;
        uint32_t value = 0;
    };
    using Entries = std::map<std::string, Entry>;
    Entries mapping(uint32_t node, const std::string& what, const std::vector<std::string>& known);

    // Items of a sequence (a null value is an empty list).
    std::vector<uint32_t> sequence(uint32_t node, const std::string& what);

    std::optional<std::string> text(uint32_t node, const std::string& key);
    std::optional<double> number(uint32_t node, const std::string& key, double min, double max);
    std::optional<int> integer(uint32_t node, const std::string& key, int min, int max);
    std::optional<bool> boolean(uint32_t node, const std::string& key);
    std::optional<std::string> id(uint32_t node, const std::string& key);
    std::vector<std::pair<std::string, uint32_t>> id_list(uint32_t node, const std::string& key);
    std::vector<std::string> text_list(uint32_t node, const std::string& key);
    std::optional<TimeOfDay> time(uint32_t node, const std::string& key);
    std::optional<Date> date(uint32_t node, const std::string& key);
    std::optional<Quarter> quarter(uint32_t node, const std::string& key);
    std::optional<DaySet> days(uint32_t node, const std::string& key);
    std::optional<std::string> time_zone(uint32_t node, const std::string& key);
    // One of `choices`, with "did you mean".
    std::optional<std::string> choice(uint32_t node, const std::string& key,
                                      const std::vector<std::string>& choices);

    void error(uint32_t node, const std::string& message);
    void error_at_key(const Entries& entries, const std::string& key, const std::string& message);
    void missing(uint32_t node, const std::string& what, const std::string& key);

    const YamlTree& tree() const { return m_tree; }
    YamlNode node(uint32_t index) const { return m_tree.node(index); }
    YamlPosition position(uint32_t node) const { return m_tree.position(m_tree.node(node).offset); }

private:
    bool scalar(uint32_t node, const std::string& key);

    const YamlTree& m_tree;
    std::string m_file;
    std::vector<Diagnostic>& m_errors;
};

// Shortest text that reads back as the same double ("0.1", "40", "1e-05").
std::string format_number(double value);

} // namespace planner::model
