// YouTube Studio exports (Analytics, advanced mode, "Export current view" as CSV), a folder of
// three files whose columns follow what was chosen in Studio:
// - `Table data.csv`: one row per video, first a `Total` row that is not a video;
// - `Chart data.csv`: one row per day and video charted in Studio (only those, not the
//   channel), or per day and traffic source, device, ... when the view is split by one: a
//   breakdown of the channel's figures;
// - `Totals.csv`: one row per day, with the metric columns chosen (any subset).
// Dates are `2025-08-28` or `Aug 28, 2025`; video ids may start with a space.

#include "model/metric_formats.hpp"

#include <cmath>
#include <set>

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

// The second column of a Chart data file: what each row of a day is.
constexpr std::string_view k_dimensions[] = {
    "Content",
    "Traffic source",
    "Traffic source type",
    "Device type",
    "Operating system",
    "Geography",
    "Subscription status",
    "Playback location",
    "Content type",
    "Viewer age",
    "Viewer gender",
    "Subtitles and CC",
    "Video info language",
    "Sharing service",
    "YouTube product",
    "Live/on demand",
    "Playlist",
    "Creation type",
    "Format",
    "Audio language",
    "Search term",
    "External source",
    "City",
    "New and returning viewers",
};

// The metric columns YouTube Studio can export; a Totals.csv has any of them.
constexpr std::string_view k_youtube_metrics[] = {"Views",
                                                  "Subscribers",
                                                  "Subscribers gained",
                                                  "Subscribers lost",
                                                  "Impressions",
                                                  "Watch time (hours)",
                                                  "Impressions click-through rate (%)",
                                                  "Average view duration",
                                                  "Unique viewers",
                                                  "Estimated revenue (USD)"};

std::optional<std::string> chart_dimension(const CsvRecord& header) {
    if (header.fields.size() < 3 || header_key(header.fields[0].text) != "date")
        return std::nullopt;
    for (std::string_view dimension : k_dimensions)
        if (header_key(header.fields[1].text) == header_key(dimension))
            return std::string(dimension);
    return std::nullopt;
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
    spec.undated_rows_are = "videos";
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
    if (!chart_dimension(header))
        return Detection::no("line " + std::to_string(header.line) +
                             " does not start with `Date,Content` or `Date` and a split such as "
                             "`Traffic source`");
    return Detection::yes();
}

void read_chart_data(const CsvDocument& document, ImportContext& context) {
    std::string dimension = *chart_dimension(document.records.front());
    bool videos = dimension == "Content";
    TableSpec spec;
    spec.date_column = "Date";
    spec.date_style = DateStyle::any;
    spec.date_example = "Aug 28, 2025";
    spec.rules = youtube_rules();
    spec.used_columns = {dimension};
    spec.store = videos && context.options.store_chart_data;
    read_table(document, spec, context);

    std::set<std::string> items;
    for (size_t i = 1; i < document.records.size(); ++i)
        if (const CsvField* field = cell(document.records[i], 1); field && !field->text.empty())
            items.insert(field->text);
    std::string count = std::to_string(items.size());
    if (!videos) {
        context.note("this Chart data is split by `" + dimension + "` (" + count +
                     " kinds): a breakdown of the channel's figures, not its daily totals; "
                     "nothing is stored, so Totals.csv figures are never replaced by the "
                     "rounded sum of the parts; import Totals.csv for the channel's figures");
    } else if (spec.store) {
        context.note("--chart-data: the figures of the " + count +
                     " videos charted in YouTube Studio are added up per day and stored as the "
                     "channel's; videos not charted are not counted");
    } else {
        context.note("Chart data holds only the " + count +
                     " videos charted in YouTube Studio, not the channel's total; nothing is "
                     "stored. Import Totals.csv for the channel's daily figures, or add "
                     "--chart-data to store the sum of these videos as the channel's figures");
    }
}

Detection detect_totals(const CsvDocument& document) {
    const CsvRecord& header = document.records.front();
    bool metric = false;
    for (std::string_view name : k_youtube_metrics)
        metric = metric || record_has_all(header, {name});
    if (!record_starts_with(header, {"Date"}) || !metric || record_has_all(header, {"Content"}) ||
        chart_dimension(header))
        return Detection::no("line " + std::to_string(header.line) +
                             " is not `Date` followed by YouTube columns such as `Views` or "
                             "`Subscribers`");
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
