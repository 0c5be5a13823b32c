// LinkedIn Page analytics (Analytics > Content / Followers / Visitors > Export), downloaded as
// an Excel file whose daily sheet the user saves as CSV. The sheet may have one description
// row above the header; dates are `MM/DD/YYYY`; rates are fractions (0.034) and are not read,
// since planner computes rates from sums.

#include "model/metric_formats.hpp"

namespace planner::model::metric_detail {

namespace {

Detection detect_header(const CsvDocument& document, const std::vector<std::string_view>& any_of,
                        std::string_view what) {
    std::optional<size_t> index = header_index(document, "Date");
    if (!index)
        return Detection::no("neither line 1 nor line 2 starts with `Date`, as LinkedIn's " +
                             std::string(what) + " sheet does");
    const CsvRecord& header = document.records[*index];
    for (std::string_view name : any_of)
        if (record_has_all(header, {name}))
            return Detection::yes();
    return Detection::no("line " + std::to_string(header.line) + " has none of the columns " +
                         quote_names(any_of));
}

TableSpec linkedin_spec(const CsvDocument& document) {
    TableSpec spec;
    spec.header_index = header_index(document, "Date").value_or(0);
    spec.first_data_index = spec.header_index + 1;
    spec.date_column = "Date";
    spec.date_style = DateStyle::us;
    spec.date_example = "03/15/2025";
    return spec;
}

void note_description(const CsvDocument& document, const TableSpec& spec, ImportContext& context) {
    if (spec.header_index == 1)
        context.note("line " + std::to_string(document.records[0].line) +
                     " describes the sheet and is not read");
}

Detection detect_content(const CsvDocument& document) {
    return detect_header(document, {"Impressions (total)", "Impressions (organic)"}, "content");
}

void read_content(const CsvDocument& document, ImportContext& context) {
    TableSpec spec = linkedin_spec(document);
    spec.rules = {
        {Metric::impressions, {{"Impressions (total)"}}},
        {Metric::impressions, {{"Impressions (organic)"}}},
        {Metric::reach, {{"Unique impressions (total)"}}},
        {Metric::reach, {{"Unique impressions (organic)"}}},
        {Metric::clicks, {{"Clicks (total)"}}},
        {Metric::clicks, {{"Clicks (organic)"}}},
        {Metric::engagements, {{"Reactions (total)"}, {"Comments (total)"}, {"Reposts (total)"}}},
        {Metric::engagements, {{"Reactions (total)"}, {"Comments (total)"}, {"Shares (total)"}}},
        {Metric::engagements,
         {{"Reactions (organic)"}, {"Comments (organic)"}, {"Reposts (organic)"}}},
        {Metric::engagements,
         {{"Reactions (organic)"}, {"Comments (organic)"}, {"Shares (organic)"}}},
    };
    read_table(document, spec, context);
    note_description(document, spec, context);
    context.note("engagements are reactions + comments + reposts; LinkedIn's engagement rates "
                 "are not read, since planner computes engagement_rate from the sums");
}

Detection detect_followers(const CsvDocument& document) {
    return detect_header(document, {"Organic followers", "Sponsored followers", "Total followers"},
                         "followers");
}

void read_followers(const CsvDocument& document, ImportContext& context) {
    TableSpec spec = linkedin_spec(document);
    spec.rules = {
        {Metric::followers_gained, {{"Total followers"}}},
        {Metric::followers_gained, {{"Organic followers"}, {"Sponsored followers"}}},
    };
    read_table(document, spec, context);
    note_description(document, spec, context);
    context.note("LinkedIn's `Total followers` column counts the new followers of each day; it "
                 "is imported as followers_gained");
}

Detection detect_visitors(const CsvDocument& document) {
    return detect_header(document,
                         {"Total page views (total)", "Overview page views (total)",
                          "Total unique visitors (total)"},
                         "visitors");
}

void read_visitors(const CsvDocument& document, ImportContext& context) {
    TableSpec spec = linkedin_spec(document);
    read_table(document, spec, context);
    note_description(document, spec, context);
    context.note("page views and visitors are not planner metrics, so nothing was imported from "
                 "this file");
}

} // namespace

MetricFormat linkedin_content_format() {
    return {"linkedin_content", "LinkedIn Page content analytics", ChannelSource::from_options,
            detect_content, read_content};
}

MetricFormat linkedin_followers_format() {
    return {"linkedin_followers", "LinkedIn Page followers analytics", ChannelSource::from_options,
            detect_followers, read_followers};
}

MetricFormat linkedin_visitors_format() {
    return {"linkedin_visitors", "LinkedIn Page visitors analytics", ChannelSource::from_options,
            detect_visitors, read_visitors};
}

} // namespace planner::model::metric_detail
