// TikTok Studio exports (Analytics, "Download data", one zip per section): UTF-8 with BOM,
// every field quoted, no final line end, and dates without a year in the language of the
// user's TikTok interface ("March 2", "2 March", "28 апреля"). `undefined` stands for days
// before the account had data.
// - `Overview.csv`: one row per day;
// - `FollowerHistory.csv`: followers per day;
// - `Content.csv`: one row per video, totals up to the export day (`Time`).

#include "model/metric_dates.hpp"
#include "model/metric_formats.hpp"

namespace planner::model::metric_detail {

namespace {

const char* const k_year_note =
    "dates in this file have no year; the first row's year is the one given with --year, and "
    "the year moves on where the dates pass from December to January";

Detection detect_overview(const CsvDocument& document) {
    const CsvRecord& header = document.records.front();
    if (!record_starts_with(header, {"Date", "Video Views"}))
        return Detection::no("line " + std::to_string(header.line) +
                             " does not start with `\"Date\",\"Video Views\"`");
    return Detection::yes();
}

void read_overview(const CsvDocument& document, ImportContext& context) {
    TableSpec spec;
    spec.date_column = "Date";
    spec.date_style = DateStyle::words_without_year;
    spec.date_example = "March 2";
    spec.rules = {
        {Metric::video_views, {{"Video Views"}}},
        {Metric::engagements, {{"Likes"}, {"Comments"}, {"Shares"}}},
        {Metric::reach, {{"Reached audience"}}},
        {Metric::followers_gained, {{"Net growth"}}},
        {Metric::followers_gained, {{"New followers"}, {"Lost followers", -1}}},
        {Metric::followers_gained, {{"New followers"}}},
    };
    read_table(document, spec, context);
    context.note("engagements are `Likes` + `Comments` + `Shares`");
    context.note(k_year_note);
}

Detection detect_followers(const CsvDocument& document) {
    const CsvRecord& header = document.records.front();
    if (!record_starts_with(header, {"Date", "Followers"}))
        return Detection::no("line " + std::to_string(header.line) +
                             " does not start with `\"Date\",\"Followers\"`");
    return Detection::yes();
}

void read_followers(const CsvDocument& document, ImportContext& context) {
    TableSpec spec;
    spec.date_column = "Date";
    spec.date_style = DateStyle::words_without_year;
    spec.date_example = "March 2";
    spec.rules = {
        {Metric::followers, {{"Followers"}}},
        {Metric::followers_gained, {{"Difference in followers from previous day"}}},
    };
    read_table(document, spec, context);
    context.note(k_year_note);
}

Detection detect_content(const CsvDocument& document) {
    const CsvRecord& header = document.records.front();
    if (!record_has_all(header, {"Video title", "Video link", "Post time"}))
        return Detection::no("line " + std::to_string(header.line) +
                             " has no `Video title`, `Video link` and `Post time` columns");
    return Detection::yes();
}

// A post day without a year is in the year of the export day (`Time`, given with --year), or
// in the year before when it comes later in the calendar than the export day.
std::optional<Date> read_post_day(ImportContext& context, const CsvRecord& row,
                                  const CsvField& field, std::optional<size_t> time_column) {
    if (auto date = parse_iso_date_prefix(field.text))
        return date;
    if (auto date = parse_us_date(field.text))
        return date;
    std::optional<WordDate> words = parse_word_date(field.text);
    if (!words) {
        context.error(field, "`" + field.text +
                                 "` in the `Post time` column is not a date that planner can "
                                 "read; this export writes dates like `March 2`");
        return std::nullopt;
    }
    if (words->year)
        return make_date(*words->year, words->month, words->day);
    if (!context.options.year) {
        if (!context.year_error_reported)
            context.error(field, "`" + field.text +
                                     "` has no year: add --year with the year of the day the "
                                     "file was downloaded, which the `Time` column shows (for "
                                     "example --year 2026)");
        context.year_error_reported = true;
        return std::nullopt;
    }
    int year = *context.options.year;
    const CsvField* time = time_column ? cell(row, *time_column) : nullptr;
    std::optional<WordDate> exported = time ? parse_word_date(time->text) : std::nullopt;
    if (exported && !exported->year &&
        (words->month > exported->month ||
         (words->month == exported->month && words->day > exported->day)))
        --year;
    if (auto date = make_date(year, words->month, words->day))
        return date;
    context.error(field, "`" + field.text + "` is not a day of " + std::to_string(year) +
                             "; check the year given with --year");
    return std::nullopt;
}

void read_content(const CsvDocument& document, ImportContext& context) {
    std::optional<size_t> time_column = HeaderMap(document.records.front()).find("Time");
    TableSpec spec;
    spec.date_column = "Post time";
    spec.date_reader = [time_column](ImportContext& ctx, const CsvRecord& row,
                                     const CsvField& field) {
        return read_post_day(ctx, row, field, time_column);
    };
    spec.rows_are_posts = true;
    spec.used_columns = {"Time"};
    spec.rules = {
        {Metric::video_views, {{"Total views"}}},
        {Metric::engagements, {{"Total likes"}, {"Total comments"}, {"Total shares"}}},
    };
    read_table(document, spec, context);
    context.note("each video's totals up to the export day are counted on the day it was "
                 "posted; engagements are likes + comments + shares");
    context.note("post days have no year; they take the year given with --year, or the year "
                 "before when they come after the export day (`Time`) in the calendar");
}

} // namespace

MetricFormat tiktok_overview_format() {
    return {"tiktok_overview", "TikTok Studio Overview.csv", ChannelSource::from_options,
            detect_overview, read_overview};
}

MetricFormat tiktok_followers_format() {
    return {"tiktok_followers", "TikTok Studio FollowerHistory.csv", ChannelSource::from_options,
            detect_followers, read_followers};
}

MetricFormat tiktok_content_format() {
    return {"tiktok_content", "TikTok Studio Content.csv", ChannelSource::from_options,
            detect_content, read_content};
}

} // namespace planner::model::metric_detail
