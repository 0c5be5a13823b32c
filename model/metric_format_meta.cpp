// Meta Business Suite exports (Facebook and Instagram):
// - daily metric files, one metric per file: UTF-16LE with BOM, `sep=,`, the metric's name,
//   then `"Date","Primary"` and one row per day (`2025-12-24T00:00:00`); days with 0 may be
//   left out;
// - post exports, one row per post with lifetime figures: UTF-8 with BOM, `Publish time`
//   `03/15/2025 03:06`, a `Date` column that says `Lifetime`, `Views` named twice (Facebook).

#include "model/metric_formats.hpp"

namespace planner::model::metric_detail {

namespace {

struct DailyName {
    std::string_view name; // header_key() form
    Metric metric;
};

// The metric names on line 2 that map to a planner metric.
constexpr DailyName k_daily_names[] = {
    {"views", Metric::impressions},
    {"facebook views", Metric::impressions},
    {"instagram views", Metric::impressions},
    {"impressions", Metric::impressions},
    {"viewers", Metric::reach},
    {"reach", Metric::reach},
    {"facebook reach", Metric::reach},
    {"instagram reach", Metric::reach},
    {"follows", Metric::followers_gained},
    {"facebook follows", Metric::followers_gained},
    {"instagram follows", Metric::followers_gained},
    {"content interactions", Metric::engagements},
    {"interactions", Metric::engagements},
    {"link clicks", Metric::clicks},
    {"facebook link clicks", Metric::clicks},
    {"instagram link clicks", Metric::clicks},
};

Detection detect_daily(const CsvDocument& document) {
    if (!document.has_sep_line)
        return Detection::no("line 1 is not `sep=,`");
    const auto& records = document.records;
    if (records.size() < 2 || records[0].fields.size() != 1)
        return Detection::no("line 2 is not the name of one metric");
    if (!record_starts_with(records[1], {"Date", "Primary"}))
        return Detection::no("line " + std::to_string(records[1].line) +
                             " is not `\"Date\",\"Primary\"`");
    return Detection::yes();
}

void note_missing_days(ImportContext& context, Metric metric) {
    std::optional<int64_t> previous;
    int64_t missing = 0;
    for (const MetricValue& value : context.result.values) {
        if (value.metric != metric)
            continue;
        int64_t day = days_since_epoch(value.date);
        if (previous && day > *previous + 1)
            missing += day - *previous - 1;
        previous = day;
    }
    if (missing > 0)
        context.note(std::to_string(missing) +
                     " days between the first and last date have no row; Meta leaves out days "
                     "with 0, so nothing is stored for them");
}

void read_daily(const CsvDocument& document, ImportContext& context) {
    const CsvField& name_field = document.records[0].fields[0];
    std::string key = header_key(name_field.text);
    std::optional<Metric> metric;
    for (const DailyName& entry : k_daily_names)
        if (entry.name == key)
            metric = entry.metric;

    TableSpec spec;
    spec.header_index = 1;
    spec.first_data_index = 2;
    spec.date_column = "Date";
    spec.date_style = DateStyle::iso;
    spec.date_example = "2025-12-24T00:00:00";
    if (metric)
        spec.rules.push_back({*metric, {{"Primary"}}});
    else
        spec.used_columns.push_back("Primary");
    read_table(document, spec, context);

    if (!metric) {
        context.result.ignored_columns.insert(context.result.ignored_columns.begin(),
                                              name_field.text);
        context.note("`" + name_field.text +
                     "` is not one of planner's metrics, so nothing was imported from this file");
        return;
    }
    context.note("`" + name_field.text + "` is imported as " + std::string(metric_name(*metric)));
    if (*metric == Metric::followers_gained)
        context.note("Meta counts new follows without subtracting unfollows");
    note_missing_days(context, *metric);
}

Detection detect_posts(const CsvDocument& document) {
    const CsvRecord& header = document.records.front();
    for (std::string_view name : {"Post ID", "Publish time", "Permalink"})
        if (!record_has_all(header, {name}))
            return Detection::no("line " + std::to_string(header.line) + " has no `" +
                                 std::string(name) + "` column");
    if (!record_has_all(header, {"Page ID"}) && !record_has_all(header, {"Account ID"}))
        return Detection::no("line " + std::to_string(header.line) +
                             " has neither a `Page ID` nor an `Account ID` column");
    return Detection::yes();
}

void read_posts(const CsvDocument& document, ImportContext& context) {
    const CsvRecord& header = document.records.front();
    bool instagram = !record_has_all(header, {"Page ID"});
    context.result.format_name += instagram ? " (Instagram)" : " (Facebook)";

    TableSpec spec;
    spec.date_column = "Publish time";
    spec.date_style = DateStyle::us;
    spec.date_example = "03/15/2025 03:06";
    spec.rows_are_posts = true;
    spec.short_rows_are_empty = true; // Meta drops the trailing empty cells of old posts
    spec.rules = {
        {Metric::impressions, {{"Views"}}},
        {Metric::impressions, {{"Impressions"}}},
        {Metric::reach, {{"Reach"}}},
        {Metric::engagements, {{"Reactions, Comments and Shares"}}},
        {Metric::engagements, {{"Reactions"}, {"Comments"}, {"Shares"}}},
        {Metric::engagements, {{"Likes"}, {"Comments"}, {"Shares"}}},
        {Metric::clicks, {{"Total clicks"}}},
        {Metric::followers_gained, {{"Follows"}}},
    };
    read_table(document, spec, context);

    HeaderMap names(header);
    context.note("each post's lifetime figures are counted on the day it was published");
    if (names.count("Views") > 1)
        context.note("the header names `Views` twice; the first is imported as impressions and "
                     "the other is listed as ignored");
    if (auto date = names.find("Date")) {
        const CsvField* first =
            document.records.size() > 1 ? cell(document.records[1], *date) : nullptr;
        if (first && header_key(first->text) == "lifetime")
            context.note("the `Date` column says `Lifetime`; dates come from `Publish time`");
    }
}

} // namespace

MetricFormat meta_daily_format() {
    return {"meta_daily", "Meta Business Suite daily metric file", ChannelSource::from_options,
            detect_daily, read_daily};
}

MetricFormat meta_posts_format() {
    return {"meta_posts", "Meta Business Suite post export", ChannelSource::from_options,
            detect_posts, read_posts};
}

} // namespace planner::model::metric_detail
