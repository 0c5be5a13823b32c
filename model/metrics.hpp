#pragma once
// Analytics figures as data: the metric vocabulary of METRICS.md, the values read from an
// export file, and how values add up over a period. Reading a file detects its format from
// its content (see docs/metrics-import.md); nothing here touches the workspace database.

#include "model/calendar.hpp"
#include "model/plan_reader.hpp" // Diagnostic

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner::model {

// In the order of the vocabulary table; names are the enumerator names.
enum class Metric {
    impressions,
    reach,
    engagements,
    clicks,
    video_views,
    posts,
    followers,
    followers_gained,
    inbound,
    replies,
    response_minutes,
    spend,
    conversions,
    revenue,
    engagement_rate,
    ctr,
    follower_growth,
    response_rate,
    cost_per_conversion,
    roi,
};

// flow: counts in a period, summed. level: a state at a date, the last value of a period
// (response_minutes is a level averaged with replies as weights). derived: computed from
// sums of other metrics, never stored.
enum class MetricKind { flow, level, derived };

std::string_view metric_name(Metric metric);
std::optional<Metric> metric_from_name(std::string_view name); // exact, lower case
MetricKind metric_kind(Metric metric);
std::string_view metric_kind_name(MetricKind kind); // "flow", "level", "derived"
const std::vector<Metric>& all_metrics();
// A metric name close to a misspelt one ("impresions" -> "impressions"), else "".
std::string nearest_metric_name(std::string_view misspelt);

// One figure for one day of one channel (and profile, when the figure is for one profile).
struct MetricValue {
    Date date;
    std::string channel;
    std::string profile; // "" for the whole channel
    Metric metric = Metric::impressions;
    double value = 0;
    int source_line = 0; // the (first) line of the file that the value comes from

    friend bool operator==(const MetricValue& a, const MetricValue& b) {
        return a.date == b.date && a.channel == b.channel && a.profile == b.profile &&
               a.metric == b.metric && a.value == b.value && a.source_line == b.source_line;
    }
};

struct MetricImportOptions {
    std::string channel;                // required for network exports; ignored by the generic
                                        // format, whose rows name their channel
    std::optional<std::string> profile; // stored with every value of a network export
    std::optional<int> year;            // the year of dates written without one (TikTok)
    bool store_chart_data = false;      // store YouTube Chart data (only the charted videos)
                                        // as the channel's figures; read but not stored else
};

struct MetricFileResult {
    std::string format_id;           // e.g. "tiktok_overview"
    std::string format_name;         // e.g. "TikTok Studio Overview.csv"
    std::vector<MetricValue> values; // sorted by date, channel, profile, metric
    size_t rows_read = 0;            // data rows of the file (header and description rows not)
    std::vector<std::string> ignored_columns; // header names that map to no metric, in order
    std::vector<std::string> notes;           // what the import did that a user should know
};

struct MetricReadResult {
    MetricFileResult file;          // meaningful only when ok()
    std::vector<Diagnostic> errors; // "FILE:LINE:COLUMN: message", in file order
    bool ok() const { return errors.empty(); }
    std::string error_text() const; // one error per line
};

// Reads an analytics export. `display_name` is the file name used in messages; `bytes` are
// the file's bytes exactly as downloaded. A file that no format recognises fails with one
// line per format tried, saying why it did not match. Nothing is returned from a file with
// any error.
MetricReadResult read_metric_file(const std::string& display_name, std::string_view bytes,
                                  const MetricImportOptions& options);
// The same for a file on disk; messages name it by `path`.
MetricReadResult load_metric_file(const std::string& path, const MetricImportOptions& options);

// Every format that read_metric_file tries, in order: {id, name}.
struct MetricFormatInfo {
    std::string_view id;
    std::string_view name;
};
std::vector<MetricFormatInfo> metric_formats();

// A metric over the days from..to (inclusive), from values of one or several channels:
// flow = sum; level = for each channel and profile the value of its latest day, summed;
// response_minutes = mean weighted by the replies of the same day, channel and profile (a
// plain mean when there are no replies); derived = ratio of sums (engagement_rate =
// Σ engagements / Σ impressions, ...; follower_growth = followers at the last day / followers
// at the first day − 1). No value (nullopt) when the period has no values for it or a
// derived metric's denominator is 0.
std::optional<double> aggregate(const std::vector<MetricValue>& values, Metric metric,
                                const Date& from, const Date& to);

} // namespace planner::model
