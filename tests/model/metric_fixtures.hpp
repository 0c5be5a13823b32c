#pragma once
// Shared by the tests of the analytics readers: fixture files under tests/data/metrics/, and a
// one-line-per-value dump of what a reader returned, for exact comparisons.

#include "model/metrics.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace metric_test {

using namespace planner::model;

inline std::string fixture(const std::string& name) {
    std::ifstream in(std::string(PLANNER_TEST_DATA) + "/metrics/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Reads a fixture as `planner import --channel CHANNEL [--year YEAR]` would.
inline MetricReadResult read_fixture(const std::string& name, const std::string& channel,
                                     std::optional<int> year = std::nullopt) {
    MetricImportOptions options;
    options.channel = channel;
    options.year = year;
    return read_metric_file(name, fixture(name), options);
}

// Whole numbers without decimals, others with up to ten significant digits.
inline std::string figure(double value) {
    char buffer[64];
    if (std::floor(value) == value)
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else
        std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

enum class WithChannel { no, yes };

// "2026-01-01 instagram impressions 1200 @2" per value (the profile after a slash when there
// is one); without the channel for files of a single channel: "2026-01-01 impressions 1200 @2".
inline std::string dump(const MetricFileResult& file, WithChannel channel = WithChannel::yes) {
    std::string out;
    for (const MetricValue& v : file.values) {
        out += format_date(v.date) + " ";
        if (channel == WithChannel::yes)
            out += v.channel + (v.profile.empty() ? "" : "/" + v.profile) + " ";
        out += std::string(metric_name(v.metric)) + " " + figure(v.value) + " @" +
               std::to_string(v.source_line) + "\n";
    }
    return out;
}

inline std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : " | ") + item;
    return out;
}

} // namespace metric_test
