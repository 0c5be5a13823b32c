// The generic format streamed from a file piece by piece must read exactly what the whole-file
// reader reads: the same values, rows, notes and errors, whatever the size of the pieces
// (pieces cut inside quoted fields, "\r\n" line ends, repeated rows in different pieces).

#include "metric_fixtures.hpp"
#include "model/metric_stream.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>
#include <unistd.h>

using namespace planner::model;
using namespace metric_test;

namespace {

struct Streamed {
    MetricStreamResult result;
    MetricFileResult values; // what reached the store, in order of the lines
};

Streamed stream_text(const std::string& text, size_t piece_bytes) {
    const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                       ("planner-stream-" + std::to_string(::getpid()) + ".csv");
    std::ofstream(path, std::ios::binary) << text;
    Streamed out;
    std::map<std::tuple<std::string, std::string, std::string, std::string>, int> seen;
    out.result = stream_generic_file(
        path.string(), "f.csv", MetricImportOptions{},
        [&](const std::vector<MetricValue>& batch) {
            std::vector<int> earlier;
            for (const MetricValue& v : batch) {
                auto [it, inserted] =
                    seen.emplace(std::make_tuple(format_date(v.date), v.channel, v.profile,
                                                 std::string(metric_name(v.metric))),
                                 v.source_line);
                earlier.push_back(inserted ? 0 : it->second);
                if (inserted)
                    out.values.values.push_back(v);
            }
            return earlier;
        },
        piece_bytes);
    std::filesystem::remove(path);
    return out;
}

std::string errors_of(const std::vector<Diagnostic>& errors) {
    std::string text;
    for (const Diagnostic& d : errors)
        text += d.to_string() + "\n";
    return text;
}

// The streamed reading of `text` agrees with read_metric_file for every piece size.
void check_same(const std::string& text) {
    const MetricReadResult whole = read_metric_file("f.csv", text, MetricImportOptions{});
    for (size_t piece : {size_t{1}, size_t{7}, size_t{64}, size_t{4096}}) {
        INFO("piece of " << piece << " bytes");
        Streamed streamed = stream_text(text, piece);
        CHECK(errors_of(streamed.result.errors) == errors_of(whole.errors));
        if (whole.ok()) {
            REQUIRE(streamed.result.ok());
            CHECK(streamed.result.file.rows_read == whole.file.rows_read);
            CHECK(streamed.result.file.notes == whole.file.notes);
            CHECK(streamed.result.values_stored == whole.file.values.size());
            std::vector<MetricValue>& values = streamed.values.values;
            std::stable_sort(values.begin(), values.end(),
                             [](const MetricValue& a, const MetricValue& b) {
                                 return std::tie(a.date, a.channel, a.profile, a.metric) <
                                        std::tie(b.date, b.channel, b.profile, b.metric);
                             });
            CHECK(dump(streamed.values) == dump(whole.file));
        }
    }
}

} // namespace

TEST_CASE("metrics: a streamed generic CSV reads what the whole file reads", "[metrics][stream]") {
    check_same(fixture("generic/valid.csv"));
    check_same(fixture("generic/errors.csv"));
    check_same(fixture("generic/wrong_header.csv"));
}

TEST_CASE("metrics: streaming keeps quoted line breaks, CRLF and repeats across pieces",
          "[metrics][stream]") {
    check_same("date,channel,profile,metric,value\r\n"
               "2026-01-01,instagram,,impressions,10\r\n"
               "\"2026-01-02\",\"insta\ngram\",,reach,5\r\n"
               "2026-01-03,facebook,,reach,7\r\n"
               "2026-01-01,instagram,,impressions,11\r\n"
               "2026-01-04,facebook,,clicks,\"3\"\r\n");
    check_same("\xEF\xBB\xBF"
               "date,channel,profile,metric,value\n"
               "2026-01-01,instagram,,impressions,10\n"
               "2026-01-02,instagram,,impressions,12");
    check_same("date,channel,profile,metric,value\n");
    check_same("date,channel,profile,metric,value\n2026-01-01,instagram,,impressions,\"10\n");
}

TEST_CASE("metrics: only a file that starts with the generic header is streamed",
          "[metrics][stream]") {
    CHECK(starts_generic_csv("date,channel,profile,metric,value\n2026"));
    CHECK(starts_generic_csv("\xEF\xBB\xBF"
                             "date,channel,profile,metric,value\r\n"));
    CHECK(starts_generic_csv("date,channel,profile,metric,value"));
    CHECK_FALSE(starts_generic_csv("date,channel,profile,metric,value,extra\n"));
    CHECK_FALSE(starts_generic_csv("sep=,\nViews\n"));
    CHECK_FALSE(starts_generic_csv("Date,Channel,Profile,Metric,Value\n"));
}
