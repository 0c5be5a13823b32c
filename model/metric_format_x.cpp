// X (Twitter) exports:
// - tweet activity, one row per post: every field quoted, counts like `2541.0`, `-` where a
//   figure does not apply, post text over several lines, `time` `2021-12-01 16:00 +0000`;
//   older files say `favorites` for `likes`;
// - account overview, one row per day: `Date` `"Sat, Sep 6, 2025"`, newest first, no final
//   line end;
// - account analytics content (`account_analytics_content_<from>_<to>.csv`), one row per
//   post: `Post id,Date,Post text,Link,...,Share,...` (2025) or `...,Post Link,...,Shares,...`
//   (2026), dates `"Sat, Aug 15, 2026"`.

#include "model/metric_formats.hpp"

namespace planner::model::metric_detail {

namespace {

Detection detect_tweets(const CsvDocument& document) {
    const CsvRecord& header = document.records.front();
    if (!record_has_all(header, {"Tweet id", "time", "impressions"}))
        return Detection::no("line " + std::to_string(header.line) +
                             " has no `Tweet id`, `time` and `impressions` columns");
    return Detection::yes();
}

void read_tweets(const CsvDocument& document, ImportContext& context) {
    TableSpec spec;
    spec.date_column = "time";
    spec.date_style = DateStyle::iso;
    spec.date_example = "2021-12-01 16:00 +0000";
    spec.rows_are_posts = true;
    spec.rules = {
        {Metric::impressions, {{"impressions"}}},  {Metric::engagements, {{"engagements"}}},
        {Metric::replies, {{"replies"}}},          {Metric::clicks, {{"url clicks"}}},
        {Metric::followers_gained, {{"follows"}}},
    };
    read_table(document, spec, context);
    context.note("posts are counted on the UTC day of their `time`");
    if (record_has_all(document.records.front(), {"favorites"}))
        context.note("this is an older export that says `favorites` for `likes`");
}

Detection detect_overview(const CsvDocument& document) {
    const CsvRecord& header = document.records.front();
    if (!record_starts_with(header, {"Date"}) ||
        !record_has_all(header, {"Impressions", "New follows", "Unfollows"}))
        return Detection::no("line " + std::to_string(header.line) +
                             " is not `Date` followed by `Impressions`, ..., `New follows`, "
                             "`Unfollows`");
    return Detection::yes();
}

void read_overview(const CsvDocument& document, ImportContext& context) {
    TableSpec spec;
    spec.date_column = "Date";
    spec.date_style = DateStyle::words;
    spec.date_example = "Sat, Sep 6, 2025";
    spec.rules = {
        {Metric::impressions, {{"Impressions"}}},
        {Metric::engagements, {{"Engagements"}}},
        {Metric::replies, {{"Replies"}}},
        {Metric::followers_gained, {{"New follows"}, {"Unfollows", -1}}},
        {Metric::posts, {{"Create Post"}}},
        {Metric::video_views, {{"Video views"}}},
    };
    read_table(document, spec, context);
    context.note("followers_gained is `New follows` minus `Unfollows`");
}

Detection detect_content(const CsvDocument& document) {
    const CsvRecord& header = document.records.front();
    if (!record_has_all(header, {"Post id", "Date", "Impressions"}) ||
        !(record_has_all(header, {"Link"}) || record_has_all(header, {"Post Link"})))
        return Detection::no("line " + std::to_string(header.line) +
                             " has no `Post id`, `Date`, `Post Link` (or `Link`) and "
                             "`Impressions` columns");
    return Detection::yes();
}

void read_content(const CsvDocument& document, ImportContext& context) {
    TableSpec spec;
    spec.date_column = "Date";
    spec.date_style = DateStyle::any;
    spec.date_example = "Sat, Aug 15, 2026";
    spec.rows_are_posts = true;
    spec.rules = {
        {Metric::impressions, {{"Impressions"}}},
        {Metric::engagements, {{"Engagements"}}},
        {Metric::replies, {{"Replies"}}},
        {Metric::clicks, {{"URL Clicks"}}},
        {Metric::followers_gained, {{"New follows"}}},
    };
    read_table(document, spec, context);
    context.note("each post's figures are counted on its `Date`");
}

} // namespace

MetricFormat x_content_format() {
    return {"x_content", "X account analytics content export", ChannelSource::from_options,
            detect_content, read_content};
}

MetricFormat x_tweet_activity_format() {
    return {"x_tweet_activity", "X tweet activity export", ChannelSource::from_options,
            detect_tweets, read_tweets};
}

MetricFormat x_account_overview_format() {
    return {"x_account_overview", "X account overview export", ChannelSource::from_options,
            detect_overview, read_overview};
}

} // namespace planner::model::metric_detail
