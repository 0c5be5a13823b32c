#pragma once
// The generic analytics format (`date,channel,profile,metric,value`) read from a file piece by
// piece, so that a file of any size is imported in bounded memory. Rows are checked exactly as
// read_metric_file checks them; valid values are handed to `store` in batches, in file order,
// and never held all at once. Finding a row that repeats an earlier one needs every key seen so
// far: that is the store's job (the workspace stages the values in a table of its own).

#include "model/metrics.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace planner::model {

// Whether a file whose first bytes are `head` is in the generic format: its first line is the
// header `date,channel,profile,metric,value` (UTF-8, with or without a byte-order mark).
bool starts_generic_csv(std::string_view head);

// For each value of the batch, the line of an earlier row with the same day, channel, profile
// and metric, or 0 when there is none.
using StoreMetricBatch = std::function<std::vector<int>(const std::vector<MetricValue>& batch)>;

struct MetricStreamResult {
    MetricFileResult file;          // format, rows read and notes; the values went to `store`
    size_t values_stored = 0;       // handed to `store` and not repeated
    std::vector<Diagnostic> errors; // in line order, at most read_metric_file's limit
    bool ok() const { return errors.empty(); }
};

// Reads `path` (named `display_name` in messages) `piece_bytes` at a time. Problems are
// returned, never thrown; reading stops at the error limit. A row longer than 64 MiB is an
// error (no row of an export is).
MetricStreamResult stream_generic_file(const std::string& path, const std::string& display_name,
                                       const MetricImportOptions& options,
                                       const StoreMetricBatch& store,
                                       size_t piece_bytes = size_t{4} << 20);

} // namespace planner::model
