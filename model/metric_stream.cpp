#include "model/metric_stream.hpp"

#include "model/csv_reader.hpp"
#include "model/metric_formats.hpp"

#include <algorithm>
#include <fstream>

namespace planner::model {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr size_t k_longest_row = size_t{64} << 20;

// Where the last complete record of `text` ends (just after its line break), counting from a
// record boundary at 0; 0 when no record is complete. `at_end`: the text is the rest of the
// file, so it all counts.
size_t complete_records(std::string_view text, bool at_end) {
    if (at_end)
        return text.size();
    bool quoted = false;
    size_t end = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '\n')
            end = i + 1;
        else if (!quoted && c == '\r' && i + 1 < text.size() && text[i + 1] != '\n')
            end = i + 1;
    }
    return end;
}

// Lines as the CSV reader counts them: "\n", "\r\n" and a lone "\r" each end one.
int line_breaks(std::string_view text) {
    int count = 0;
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
            ++count;
    return count;
}

} // namespace

bool starts_generic_csv(std::string_view head) {
    if (head.substr(0, k_bom.size()) == k_bom)
        head.remove_prefix(k_bom.size());
    const std::string_view header = "date,channel,profile,metric,value";
    if (head.substr(0, header.size()) != header)
        return false;
    head.remove_prefix(header.size());
    return head.empty() || head.front() == '\n' || head.front() == '\r';
}

MetricStreamResult stream_generic_file(const std::string& path, const std::string& display_name,
                                       const MetricImportOptions& options,
                                       const StoreMetricBatch& store, size_t piece_bytes) {
    metric_detail::ImportContext context;
    context.file = display_name;
    context.options = options;
    MetricStreamResult result;
    context.result.format_id = "generic";
    context.result.format_name = "generic CSV";

    std::ifstream in(path, std::ios::binary);
    if (!in) {
        result.errors.push_back({display_name, 0, 0, "cannot be read"});
        return result;
    }
    std::string piece;
    std::vector<char> buffer(std::max<size_t>(piece_bytes, 1));
    int lines_before = 0; // physical lines of the pieces already read
    bool first = true;
    bool windows1252 = false;
    bool at_end = false;
    bool stop = false; // the file cannot be read on
    while (!at_end && !stop) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<size_t>(in.gcount());
        if (in.bad()) {
            context.error(0, 0, "could not be read to the end; copy it again");
            break;
        }
        at_end = got < buffer.size();
        piece.append(buffer.data(), got);
        const size_t cut = complete_records(piece, at_end);
        if (cut == 0 && !at_end) {
            if (piece.size() > k_longest_row) {
                context.error(lines_before + 1, 1,
                              "this row is longer than 64 MB; a quote is probably never closed");
                stop = true;
            }
            continue;
        }
        std::string rest = piece.substr(cut);
        piece.resize(cut);
        if (piece.empty()) {
            if (first)
                context.error(0, 0, "the file is empty; download the export again");
            break;
        }

        CsvReadOptions csv_options;
        csv_options.delimiter = ',';
        csv_options.windows1252 = true;
        // A later piece starts in the middle of the file: a byte-order mark there is text.
        CsvReadResult csv = read_csv(piece, csv_options);
        windows1252 = windows1252 || csv.document.encoding == TextEncoding::windows1252;
        for (const CsvProblem& problem : csv.problems)
            context.error(lines_before + problem.line, problem.column, problem.message);
        std::vector<CsvRecord>& records = csv.document.records;
        for (CsvRecord& record : records) {
            record.line += lines_before;
            for (CsvField& field : record.fields)
                field.line += lines_before;
        }
        if (!csv.problems.empty()) { // the records are not to be trusted
            if (first)
                break;
            lines_before += line_breaks(piece);
            piece = std::move(rest);
            continue;
        }
        size_t next = 0;
        if (first) {
            if (records.empty()) {
                context.error(0, 0,
                              "the file has no rows, only empty lines; download the export again");
                break;
            }
            if (!metric_detail::read_generic_header(context, records.front()))
                break;
            next = 1;
        }
        first = false;
        std::vector<MetricValue> batch;
        // Every row is checked and staged even after an error, so that every problem (up to
        // the limit) is reported at once, repeated rows included.
        for (; next < records.size(); ++next)
            if (std::optional<MetricValue> value =
                    metric_detail::read_generic_row(context, records[next]))
                batch.push_back(std::move(*value));
        if (!batch.empty()) {
            const std::vector<int> earlier = store(batch);
            for (size_t i = 0; i < batch.size(); ++i)
                if (i < earlier.size() && earlier[i] > 0)
                    metric_detail::report_repeated_row(context, batch[i], earlier[i]);
                else
                    ++result.values_stored;
        }
        lines_before += line_breaks(piece);
        piece = std::move(rest);
    }
    if (windows1252)
        context.note("the file is not UTF-8: it was read as Windows-1252 (Latin-1), the "
                     "encoding of older Western European exports");
    // Repeated rows are found a batch after the other problems of their piece: put every
    // problem in line order, as read_metric_file reports them (the note that reading stopped,
    // and other problems without a line, last).
    std::vector<Diagnostic>& errors = context.errors;
    const auto with_line = std::stable_partition(errors.begin(), errors.end(),
                                                 [](const Diagnostic& d) { return d.line > 0; });
    std::stable_sort(errors.begin(), with_line, [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    result.errors = std::move(errors);
    result.file = std::move(context.result);
    return result;
}

} // namespace planner::model
