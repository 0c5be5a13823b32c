// The generic format: `date,channel,profile,metric,value`, one value per row, strict. Every
// problem of every row is reported, each at its line and column.

#include "model/metric_dates.hpp"
#include "model/metric_formats.hpp"

#include <cmath>
#include <cstdlib>
#include <map>
#include <tuple>

namespace planner::model::metric_detail {

namespace {

constexpr std::string_view k_header = "date,channel,profile,metric,value";
const std::vector<std::string_view> k_columns = {"date", "channel", "profile", "metric", "value"};

// -?[0-9]+(\.[0-9]+)?
bool is_plain_number(std::string_view text) {
    if (!text.empty() && text.front() == '-')
        text.remove_prefix(1);
    size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? "0" : text.substr(dot + 1);
    auto digits = [](std::string_view part) {
        if (part.empty())
            return false;
        for (char c : part)
            if (c < '0' || c > '9')
                return false;
        return true;
    };
    return digits(whole) && digits(fraction);
}

std::string_view derived_from(Metric metric) {
    switch (metric) {
    case Metric::engagement_rate:
        return "engagements and impressions";
    case Metric::ctr:
        return "clicks and impressions";
    case Metric::follower_growth:
        return "followers";
    case Metric::response_rate:
        return "replies and inbound";
    case Metric::cost_per_conversion:
        return "spend and conversions";
    case Metric::roi:
        return "revenue and spend";
    default:
        return "";
    }
}

std::string metric_list() {
    std::string text;
    for (Metric metric : all_metrics()) {
        if (metric_kind(metric) == MetricKind::derived)
            continue;
        if (!text.empty())
            text += ", ";
        text += std::string(metric_name(metric));
    }
    return text;
}

Detection detect(const CsvDocument& document) {
    const CsvRecord& first = document.records.front();
    if (record_has_all(first, {"date", "metric", "value"}))
        return Detection::yes();
    return Detection::no("line " + std::to_string(first.line) + " is not the header `" +
                         std::string(k_header) + "`");
}

std::optional<Metric> read_metric(ImportContext& context, const CsvField& field) {
    std::optional<Metric> metric = metric_from_name(field.text);
    if (!metric) {
        std::string suggestion = nearest_metric_name(header_key(field.text));
        if (!suggestion.empty())
            context.error(field, "unknown metric '" + field.text + "' (did you mean '" +
                                     suggestion + "'?)");
        else
            context.error(field,
                          "unknown metric '" + field.text + "'; the metrics are " + metric_list());
        return std::nullopt;
    }
    if (metric_kind(*metric) == MetricKind::derived) {
        context.error(field, "'" + field.text + "' is computed by planner from " +
                                 std::string(derived_from(*metric)) + "; import those instead");
        return std::nullopt;
    }
    return metric;
}

void read(const CsvDocument& document, ImportContext& context) {
    if (!read_generic_header(context, document.records.front()))
        return;
    using Key = std::tuple<int64_t, std::string, std::string, Metric>;
    std::map<Key, int> seen; // -> line
    for (size_t i = 1; i < document.records.size(); ++i) {
        std::optional<MetricValue> value = read_generic_row(context, document.records[i]);
        if (!value)
            continue;
        Key key{days_since_epoch(value->date), value->channel, value->profile, value->metric};
        auto [it, inserted] = seen.emplace(key, value->source_line);
        if (!inserted) {
            report_repeated_row(context, *value, it->second);
            continue;
        }
        context.result.values.push_back(std::move(*value));
    }
}

} // namespace

bool read_generic_header(ImportContext& context, const CsvRecord& header) {
    if (!record_starts_with(header, k_columns) || header.fields.size() != k_columns.size()) {
        std::string found;
        for (const CsvField& field : header.fields)
            found += (found.empty() ? "" : ",") + field.text;
        context.error(header.line, 1,
                      "the header must be exactly `" + std::string(k_header) + "`, but it is `" +
                          found + "`");
        return false;
    }
    if (!context.options.channel.empty() || context.options.profile)
        context.note("the generic format names the channel and profile in each row; --channel "
                     "and --profile were not used");
    return true;
}

std::optional<MetricValue> read_generic_row(ImportContext& context, const CsvRecord& row) {
    ++context.result.rows_read;
    if (row.fields.size() != k_columns.size()) {
        context.error(row.line, 1,
                      "this row has " + std::to_string(row.fields.size()) +
                          " values; each row needs 5: " + std::string(k_header));
        return std::nullopt;
    }
    const CsvField& date_field = row.fields[0];
    const CsvField& channel_field = row.fields[1];
    const CsvField& profile_field = row.fields[2];
    const CsvField& metric_field = row.fields[3];
    const CsvField& value_field = row.fields[4];

    std::optional<Date> date;
    if (date_field.text.size() == 10 && date_field.text[4] == '-')
        date = parse_iso_date_prefix(date_field.text);
    if (!date)
        context.error(date_field, "`" + date_field.text +
                                      "` is not a date; write dates as YYYY-MM-DD, for "
                                      "example 2026-01-31");
    bool channel_ok = is_plan_id(channel_field.text);
    if (channel_field.text.empty())
        context.error(channel_field, "the channel is empty; write the channel id, for "
                                     "example instagram");
    else if (!channel_ok)
        context.error(channel_field, "`" + channel_field.text +
                                         "` is not a channel id: ids are 1-64 characters of "
                                         "a-z, 0-9, _ and -, as in the plan");
    bool profile_ok = profile_field.text.empty() || is_plan_id(profile_field.text);
    if (!profile_ok)
        context.error(profile_field, "`" + profile_field.text +
                                         "` is not a profile id: ids are 1-64 characters of "
                                         "a-z, 0-9, _ and -; leave it empty for the whole "
                                         "channel");
    std::optional<Metric> metric = read_metric(context, metric_field);
    std::optional<double> value;
    if (!is_plain_number(value_field.text)) {
        context.error(value_field, "`" + value_field.text +
                                       "` is not a plain number; write digits with a dot "
                                       "for decimals and no spaces or thousands separators, "
                                       "for example 1250 or 0.5");
    } else {
        value = std::strtod(value_field.text.c_str(), nullptr);
        if (!std::isfinite(*value)) {
            context.error(value_field, "`" + value_field.text +
                                           "` is too large to be a figure; check the value");
            value.reset();
        } else if (*value < 0 && metric && *metric != Metric::followers_gained) {
            context.error(value_field, "`" + value_field.text + "` is negative, but " +
                                           std::string(metric_name(*metric)) +
                                           " cannot be; check the value");
            value.reset();
        }
    }
    if (!date || !channel_ok || !profile_ok || !metric || !value)
        return std::nullopt;
    return MetricValue{*date, channel_field.text, profile_field.text, *metric, *value, row.line};
}

void report_repeated_row(ImportContext& context, const MetricValue& value, int earlier_line) {
    context.error(value.source_line, 1,
                  "this row repeats " + format_date(value.date) + " " + value.channel +
                      (value.profile.empty() ? "" : " " + value.profile) + " " +
                      std::string(metric_name(value.metric)) + " from line " +
                      std::to_string(earlier_line) + "; keep one of the two rows");
}

MetricFormat generic_csv_format() {
    return {"generic", "generic CSV", ChannelSource::from_file, detect, read};
}

} // namespace planner::model::metric_detail
