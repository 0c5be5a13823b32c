// read_metric_file: decode, detect the format, read it, and put the result in order.

#include "model/input_file.hpp"
#include "model/metric_formats.hpp"
#include "model/metrics.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

namespace planner::model {

namespace metric_detail {

const std::vector<MetricFormat>& metric_format_table() {
    static const std::vector<MetricFormat> formats = {
        generic_csv_format(),
        meta_daily_format(),
        meta_posts_format(),
        facebook_classic_page_format(),
        facebook_classic_posts_format(),
        x_tweet_activity_format(),
        x_account_overview_format(),
        x_content_format(),
        youtube_table_format(),
        youtube_chart_format(),
        youtube_totals_format(),
        tiktok_overview_format(),
        tiktok_followers_format(),
        tiktok_content_format(),
        linkedin_content_format(),
        linkedin_followers_format(),
        linkedin_visitors_format(),
    };
    return formats;
}

std::optional<size_t> header_index(const CsvDocument& document, std::string_view first_column) {
    for (size_t i = 0; i < 2 && i < document.records.size(); ++i) {
        const CsvRecord& record = document.records[i];
        if (!record.fields.empty() && header_key(record.fields[0].text) == header_key(first_column))
            return i;
    }
    return std::nullopt;
}

} // namespace metric_detail

namespace {

using metric_detail::ImportContext;
using metric_detail::is_plan_id;
using metric_detail::MetricFormat;

void report_unrecognised(ImportContext& context, const CsvDocument& document) {
    context.error(0, 0,
                  "planner does not recognise this file as an analytics export; download it "
                  "again from the network's analytics page and import it as downloaded (not "
                  "opened and saved in a spreadsheet), or write the figures in the generic "
                  "format `date,channel,profile,metric,value`. The formats tried:");
    for (const MetricFormat& format : metric_detail::metric_format_table())
        context.error(0, 0,
                      "not " + std::string(format.name) + ": " + format.detect(document).reason);
}

bool value_order(const MetricValue& a, const MetricValue& b) {
    return std::make_tuple(days_since_epoch(a.date), std::cref(a.channel), std::cref(a.profile),
                           a.metric) < std::make_tuple(days_since_epoch(b.date),
                                                       std::cref(b.channel), std::cref(b.profile),
                                                       b.metric);
}

} // namespace

std::vector<MetricFormatInfo> metric_formats() {
    std::vector<MetricFormatInfo> list;
    for (const MetricFormat& format : metric_detail::metric_format_table())
        list.push_back({format.id, format.name});
    return list;
}

MetricReadResult read_metric_file(const std::string& display_name, std::string_view bytes,
                                  const MetricImportOptions& options) {
    ImportContext context;
    context.file = display_name;
    context.options = options;
    MetricReadResult result;

    if (bytes.empty()) {
        context.error(0, 0, "the file is empty; download the export again");
        result.errors = std::move(context.errors);
        return result;
    }
    CsvReadOptions csv_options;
    csv_options.windows1252 = true; // older Facebook exports; figures and headers are ASCII
    CsvReadResult csv = read_csv(bytes, csv_options);
    for (const CsvProblem& problem : csv.problems)
        context.error(problem.line, problem.column, problem.message);
    if (!context.failed() && csv.document.records.empty())
        context.error(0, 0, "the file has no rows, only empty lines; download the export again");
    if (context.failed()) {
        result.errors = std::move(context.errors);
        return result;
    }

    const MetricFormat* format = nullptr;
    for (const MetricFormat& candidate : metric_detail::metric_format_table()) {
        if (candidate.detect(csv.document).matched) {
            format = &candidate;
            break;
        }
    }
    if (!format) {
        report_unrecognised(context, csv.document);
        result.errors = std::move(context.errors);
        return result;
    }

    context.result.format_id = std::string(format->id);
    context.result.format_name = std::string(format->name);
    if (format->channel_source == metric_detail::ChannelSource::from_options) {
        if (options.channel.empty()) {
            context.error(0, 0,
                          "this is a " + std::string(format->name) +
                              "; say which channel its figures belong to with --channel "
                              "(for example --channel facebook)");
        } else if (!is_plan_id(options.channel)) {
            context.error(0, 0,
                          "`" + options.channel +
                              "` is not a channel id: ids are 1-64 characters of a-z, 0-9, "
                              "_ and -, as in the plan (for example --channel facebook)");
        }
        if (options.profile && !is_plan_id(*options.profile))
            context.error(0, 0,
                          "`" + *options.profile +
                              "` is not a profile id: ids are 1-64 characters of a-z, 0-9, "
                              "_ and -, as in the plan");
    }
    if (!context.failed())
        format->read(csv.document, context);
    if (context.failed()) {
        result.errors = std::move(context.errors);
        return result;
    }
    if (csv.document.encoding == TextEncoding::windows1252)
        context.note("the file is not UTF-8: it was read as Windows-1252 (Latin-1), the "
                     "encoding of older Western European exports");
    std::stable_sort(context.result.values.begin(), context.result.values.end(), value_order);
    result.file = std::move(context.result);
    return result;
}

MetricReadResult load_metric_file(const std::string& path, const MetricImportOptions& options) {
    InputFile file = read_input_file(path);
    if (file.error) {
        MetricReadResult result;
        result.errors.push_back({path, 0, 0, *file.error});
        return result;
    }
    return read_metric_file(path, file.bytes, options);
}

} // namespace planner::model
