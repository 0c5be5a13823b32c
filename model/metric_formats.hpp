#pragma once
// The table of export formats that read_metric_file tries, in order. Each format recognises
// its file by the real layout that the network's analytics page downloads, and says in plain
// words why a file is not one. Internal to model/metric_*.cpp.

#include "model/csv_reader.hpp"
#include "model/metric_table.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner::model::metric_detail {

struct Detection {
    bool matched = false;
    std::string reason; // why not, when !matched: "line 1 is not `sep=,`"

    static Detection yes() { return {true, {}}; }
    static Detection no(std::string reason) { return {false, std::move(reason)}; }
};

enum class ChannelSource { from_options, from_file };

struct MetricFormat {
    std::string_view id;
    std::string_view name;
    ChannelSource channel_source = ChannelSource::from_options;
    Detection (*detect)(const CsvDocument& document) = nullptr;
    // Called only after detect() matched; adds values, notes and errors to the context.
    void (*read)(const CsvDocument& document, ImportContext& context) = nullptr;
};

const std::vector<MetricFormat>& metric_format_table();

// One function per format, defined in model/metric_format_*.cpp.
MetricFormat generic_csv_format();
// The generic format's parts, for the reader of a whole document and the one that streams a
// file: the header (false, with an error, when it is not exactly the five columns), one data
// row (its value when valid; else nothing, with every problem reported), and the error for a
// row that repeats an earlier one.
bool read_generic_header(ImportContext& context, const CsvRecord& header);
std::optional<MetricValue> read_generic_row(ImportContext& context, const CsvRecord& row);
void report_repeated_row(ImportContext& context, const MetricValue& value, int earlier_line);
MetricFormat meta_daily_format();
MetricFormat meta_posts_format();
MetricFormat facebook_classic_page_format();
MetricFormat facebook_classic_posts_format();
MetricFormat x_tweet_activity_format();
MetricFormat x_account_overview_format();
MetricFormat x_content_format();
MetricFormat youtube_table_format();
MetricFormat youtube_chart_format();
MetricFormat youtube_totals_format();
MetricFormat tiktok_overview_format();
MetricFormat tiktok_followers_format();
MetricFormat tiktok_content_format();
MetricFormat linkedin_content_format();
MetricFormat linkedin_followers_format();
MetricFormat linkedin_visitors_format();

// The record index of a header that starts with `first_column`: 0, or 1 when one description
// row comes first (LinkedIn); nullopt when neither.
std::optional<size_t> header_index(const CsvDocument& document, std::string_view first_column);

} // namespace planner::model::metric_detail
