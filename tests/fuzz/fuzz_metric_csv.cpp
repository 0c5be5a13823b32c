// libFuzzer target: the CSV reader and every analytics export format (model/metrics.hpp).
// The first byte chooses the import options (channel, profile, year) and the delimiter
// override of the plain CSV reader; the rest is the file.
#include "model/csv_reader.hpp"
#include "model/metrics.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace planner::model;
    unsigned char choice = size > 0 ? data[0] : 0;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (size > 0)
        bytes.remove_prefix(1);

    CsvReadOptions csv_options;
    static const char delimiters[] = {',', ';', '\t', '|'};
    if (choice & 0x10)
        csv_options.delimiter = delimiters[(choice >> 5) & 3];
    (void)read_csv(bytes, csv_options);

    MetricImportOptions options;
    options.channel = (choice & 1) ? "facebook" : "";
    if (choice & 2)
        options.profile = "main";
    if (choice & 4)
        options.year = (choice & 8) ? 2026 : 9999;
    auto result = read_metric_file("fuzz.csv", bytes, options);
    (void)result.error_text();
    if (result.ok() && !result.file.values.empty()) {
        const auto& first = result.file.values.front().date;
        const auto& last = result.file.values.back().date;
        for (Metric metric : all_metrics())
            (void)aggregate(result.file.values, metric, first, last);
    }
    return 0;
}
