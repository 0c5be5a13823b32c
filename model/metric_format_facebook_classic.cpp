// Facebook Insights (classic) page and post exports: a wide table whose row 2 describes each
// column ("Lifetime: The total number of people who have liked your Page. (Unique Users)"),
// header names that repeat (once for a total count, once for unique users), dates `8/19/2015`
// and empty cells where Facebook has no figure.

#include "model/metric_formats.hpp"

namespace planner::model::metric_detail {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// Row 2: an empty first cell, then texts like "Lifetime: ..." or "Daily: ...".
bool is_description_row(const CsvRecord& row) {
    if (row.fields.size() < 2 || !row.fields[0].text.empty())
        return false;
    for (const CsvField& field : row.fields)
        for (std::string_view period : {"Lifetime:", "Daily:", "Weekly:", "28 Days:"})
            if (starts_with(field.text, period))
                return true;
    return false;
}

Detection detect_page(const CsvDocument& document) {
    const auto& records = document.records;
    const CsvRecord& header = records.front();
    if (!record_starts_with(header, {"Date"}) ||
        !(record_has_all(header, {"Lifetime Total Likes"}) ||
          record_has_all(header, {"Daily Total Reach"})))
        return Detection::no("line " + std::to_string(header.line) +
                             " is not `Date` followed by columns such as `Lifetime Total Likes`");
    if (records.size() < 2 || !is_description_row(records[1]))
        return Detection::no("line 2 is not Facebook's row of column descriptions");
    return Detection::yes();
}

void read_page(const CsvDocument& document, ImportContext& context) {
    TableSpec spec;
    spec.header_index = 0;
    spec.description_index = 1;
    spec.first_data_index = 2;
    spec.date_column = "Date";
    spec.date_style = DateStyle::us;
    spec.date_example = "8/19/2015";
    spec.rules = {
        {Metric::followers, {{"Lifetime Total Likes"}}, "(Unique Users)"},
        {Metric::followers_gained, {{"Daily New Likes"}, {"Daily Unlikes", -1}}, "(Unique Users)"},
        {Metric::followers_gained, {{"Daily New Likes"}}, "(Unique Users)"},
        {Metric::reach, {{"Daily Total Reach"}}, "(Unique Users)"},
        {Metric::impressions, {{"Daily Total Impressions"}}, "(Total Count)"},
        {Metric::engagements, {{"Daily Page Engaged Users"}}, "(Unique Users)"},
        {Metric::clicks, {{"Daily Page Consumptions"}}, "(Total Count)"},
    };
    read_table(document, spec, context);
    context.note("line 2 describes the columns and is not read as figures");
    if (record_has_all(document.records.front(), {"Daily Page Engaged Users"}))
        context.note("`Daily Page Engaged Users` (people who engaged) is imported as "
                     "engagements");
}

Detection detect_posts(const CsvDocument& document) {
    const auto& records = document.records;
    const CsvRecord& header = records.front();
    if (!record_has_all(header, {"Post ID", "Posted", "Lifetime Post Total Reach"}))
        return Detection::no("line " + std::to_string(header.line) +
                             " has no `Post ID`, `Posted` and `Lifetime Post Total Reach` "
                             "columns");
    if (records.size() < 2 || !is_description_row(records[1]))
        return Detection::no("line 2 is not Facebook's row of column descriptions");
    return Detection::yes();
}

void read_posts(const CsvDocument& document, ImportContext& context) {
    TableSpec spec;
    spec.header_index = 0;
    spec.description_index = 1;
    spec.first_data_index = 2;
    spec.date_column = "Posted";
    spec.date_style = DateStyle::us;
    spec.date_example = "10/1/2015 21:00";
    spec.rows_are_posts = true;
    spec.rules = {
        {Metric::reach, {{"Lifetime Post Total Reach"}}, "(Unique Users)"},
        {Metric::impressions, {{"Lifetime Post Total Impressions"}}, "(Total Count)"},
        {Metric::engagements, {{"Lifetime Engaged Users"}}, "(Unique Users)"},
        {Metric::clicks, {{"Lifetime Post Consumptions"}}, "(Total Count)"},
    };
    read_table(document, spec, context);
    context.note("line 2 describes the columns and is not read as figures");
    context.note("each post's lifetime figures are counted on the day it was posted");
}

} // namespace

MetricFormat facebook_classic_page_format() {
    return {"facebook_classic_page", "Facebook Insights page export (classic)",
            ChannelSource::from_options, detect_page, read_page};
}

MetricFormat facebook_classic_posts_format() {
    return {"facebook_classic_posts", "Facebook Insights post export (classic)",
            ChannelSource::from_options, detect_posts, read_posts};
}

} // namespace planner::model::metric_detail
