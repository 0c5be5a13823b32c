// YouTube Studio exports (Analytics, advanced mode, "Export current view" as CSV), a folder of
// three files whose columns follow what was chosen in Studio:
// - `Table data.csv`: one row per video, first a `Total` row that is not a video;
// - `Chart data.csv`: one row per day and video;
// - `Totals.csv`: one row per day.
// Dates are `2025-08-28` or `Aug 28, 2025`; video ids may start with a space.

#include "model/metric_formats.hpp"

#include <cmath>

namespace planner::model::metric_detail {

namespace {

std::vector<MetricRule> youtube_rules() {
    return {
        {Metric::video_views, {{"Views"}}},
        {Metric::followers_gained, {{"Subscribers"}}},
        {Metric::followers_gained, {{"Subscribers gained"}, {"Subscribers lost", -1}}},
        {Metric::impressions, {{"Impressions"}}},
    };
}

bool is_total_row(const CsvRecord& row) {
    return !row.fields.empty() && header_key(row.fields[0].text) == "total";
}

Detection detect_table(const CsvDocument& document) {
    const CsvRecord& header = document.records.front();
    if (!record_starts_with(header, {"Content", "Video title"}))
        return Detection::no("line " + std::to_string(header.line) +
                             " does not start with `Content,Video title`");
    return Detection::yes();
}

void read_table_data(const CsvDocument& document, ImportContext& context) {
    TableSpec spec;
    spec.date_column = "Video publish time";
    spec.date_style = DateStyle::any;
    spec.date_example = "Aug 28, 2025";
    spec.rows_are_posts = true;
    spec.rules = youtube_rules();
    spec.skip_row = is_total_row;
    read_table(document, spec, context);
    context.note("each video's figures for the period chosen in YouTube Studio are counted on "
                 "the day it was published; for figures per day import Totals.csv instead");

    // The Total row is not a video: compare it with the sum of the videos.
    HeaderMap header(document.records.front());
    auto views = header.find("Views");
    for (const CsvRecord& row : document.records) {
        if (!is_total_row(row) || !views)
            continue;
        const CsvField* field = cell(row, *views);
        std::optional<double> total = field ? parse_export_number(field->text) : std::nullopt;
        double sum = 0;
        for (const MetricValue& value : context.result.values)
            if (value.metric == Metric::video_views)
                sum += value.value;
        std::string line = std::to_string(row.line);
        if (total && std::abs(*total - sum) > 0.5)
            context.note("the `Total` row (line " + line + ") has " +
                         std::to_string(static_cast<long long>(std::llround(*total))) +
                         " views but the videos listed add up to " +
                         std::to_string(static_cast<long long>(std::llround(sum))) +
                         "; YouTube Studio exports only the rows it has shown, so some videos "
                         "may be missing");
        else
            context.note("the `Total` row (line " + line + ") is not a video and was skipped");
    }
}

Detection detect_chart(const CsvDocument& document) {
    const CsvRecord& header = document.records.front();
    if (!record_starts_with(header, {"Date", "Content"}))
        return Detection::no("line " + std::to_string(header.line) +
                             " does not start with `Date,Content`");
    return Detection::yes();
}

void read_chart_data(const CsvDocument& document, ImportContext& context) {
    TableSpec spec;
    spec.date_column = "Date";
    spec.date_style = DateStyle::any;
    spec.date_example = "Aug 28, 2025";
    spec.rules = youtube_rules();
    read_table(document, spec, context);
    context.note("the figures of all videos are added up per day");
}

Detection detect_totals(const CsvDocument& document) {
    const CsvRecord& header = document.records.front();
    if (!record_starts_with(header, {"Date"}) || !record_has_all(header, {"Views"}) ||
        record_has_all(header, {"Content"}))
        return Detection::no("line " + std::to_string(header.line) +
                             " is not `Date` followed by YouTube columns such as `Views`");
    return Detection::yes();
}

void read_totals(const CsvDocument& document, ImportContext& context) {
    TableSpec spec;
    spec.date_column = "Date";
    spec.date_style = DateStyle::any;
    spec.date_example = "Aug 28, 2025";
    spec.rules = youtube_rules();
    read_table(document, spec, context);
}

} // namespace

MetricFormat youtube_table_format() {
    return {"youtube_table", "YouTube Studio Table data.csv", ChannelSource::from_options,
            detect_table, read_table_data};
}

MetricFormat youtube_chart_format() {
    return {"youtube_chart", "YouTube Studio Chart data.csv", ChannelSource::from_options,
            detect_chart, read_chart_data};
}

MetricFormat youtube_totals_format() {
    return {"youtube_totals", "YouTube Studio Totals.csv", ChannelSource::from_options,
            detect_totals, read_totals};
}

} // namespace planner::model::metric_detail
