#pragma once
// Shared machinery of the metric format readers: the import context that collects errors and
// notes, header lookup, number cells, per-day totals and a reader for the common shape "a
// header row, then one row per day or per post". Internal to model/metric_*.cpp.

#include "model/csv_reader.hpp"
#include "model/metric_dates.hpp"
#include "model/metrics.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planner::model::metric_detail {

struct ImportContext {
    std::string file;
    MetricImportOptions options;
    MetricFileResult result;
    std::vector<Diagnostic> errors;
    bool year_error_reported = false;

    // Collected up to a limit, after which one last error says that the reading stopped.
    void error(int line, int column, std::string message);
    void error(const CsvField& at, std::string message) {
        error(at.line, at.column, std::move(message));
    }
    void note(std::string text) { result.notes.push_back(std::move(text)); }
    bool failed() const { return !errors.empty(); }
};

// 1-64 characters of a-z 0-9 _ -, starting with a letter or digit: a channel or profile id
// as the plan writes it.
bool is_plan_id(std::string_view text);

// Lower case ASCII, spaces at both ends removed: how header names are compared.
std::string header_key(std::string_view name);

class HeaderMap {
public:
    explicit HeaderMap(const CsvRecord& header);

    size_t size() const { return m_keys.size(); }
    int line() const { return m_header.line; }
    const CsvRecord& record() const { return m_header; }
    bool has(std::string_view name) const { return count(name) > 0; }
    size_t count(std::string_view name) const;
    std::optional<size_t> find(std::string_view name) const; // first column of that name
    // Marks a column as turned into figures, so it is not listed as ignored.
    void use(size_t index) { m_used[index] = true; }
    // Names of the columns not used, in order; a name that the header repeats gets
    // " (column N)".
    std::vector<std::string> unused_names() const;
    // The first unused column of that name for which `prefer` is true, else the first unused.
    std::optional<size_t> find_unused(std::string_view name,
                                      const std::function<bool(size_t)>& prefer = {}) const;

private:
    const CsvRecord& m_header;
    std::vector<std::string> m_keys;
    std::vector<bool> m_used;
};

// The field at `index`, or nullptr when the row is shorter.
const CsvField* cell(const CsvRecord& row, size_t index);

// "2541.0", "1,234", " 12 ", "-5" as the exports write them; nullopt for text.
std::optional<double> parse_export_number(std::string_view text);
// Empty, "-", "–", "undefined", "NaN" and "N/A": the export has no figure there.
bool is_missing_cell(std::string_view text);
// A number cell: its value, nullopt when missing, nullopt and an error when it is text.
std::optional<double> read_number(ImportContext& context, const CsvField& field,
                                  std::string_view column_name);

// Reports an error when a data row has fewer fields than the header, or more that are not
// empty; returns false then.
bool check_row_width(ImportContext& context, const CsvRecord& row, const HeaderMap& header);

// Figures by day and metric: flows add up, a level keeps the value of the last row.
class DailyTotals {
public:
    void add(const Date& day, Metric metric, double value, int line);
    void set(const Date& day, Metric metric, double value, int line);
    // add() for flows, set() for levels.
    void put(const Date& day, Metric metric, double value, int line);
    bool empty() const { return m_entries.empty(); }
    std::vector<MetricValue> values(const std::string& channel, const std::string& profile) const;

private:
    struct Entry {
        Date day;
        double value = 0;
        int line = 0;
    };
    std::map<std::pair<int64_t, Metric>, Entry> m_entries;
};

// One term of a metric computed from columns: Reactions + Comments + Shares, New − Lost.
struct Term {
    std::string_view column;
    double sign = 1;
};
// A metric from one or more columns. For each metric the first rule whose columns all exist
// in the header is used; cells without a figure count as 0 unless every term lacks one.
struct MetricRule {
    Metric metric;
    std::vector<Term> terms;
    std::string_view prefer_description = {}; // among repeated header names, the column whose
                                              // description row contains this text
};

enum class DateStyle { iso, us, words, words_without_year, any };

struct TableSpec {
    size_t header_index = 0;                 // the header record
    size_t first_data_index = 1;             // the first data record
    std::optional<size_t> description_index; // a row that describes each column
    std::string_view date_column;
    DateStyle date_style = DateStyle::any;
    std::string_view date_example; // for messages: "2025-12-24T00:00:00"
    std::vector<MetricRule> rules;
    bool rows_are_posts = false; // every row is a post: counts `posts` per day
    // Rows to pass over (a YouTube `Total` row); true to skip.
    std::function<bool(const CsvRecord& row)> skip_row;
    // Reads the date of a row instead of the date style (for rules that need other columns).
    std::function<std::optional<Date>(ImportContext& context, const CsvRecord& row,
                                      const CsvField& date)>
        date_reader;
    // Columns that carry no figures but are read: not listed as ignored.
    std::vector<std::string_view> used_columns;
    // Rows shorter than the header have empty trailing cells (Meta drops the trailing empty
    // columns of old posts) instead of being an error.
    bool short_rows_are_empty = false;
    // Rows with figures but no date are counted and reported in a note, never refused
    // (YouTube's unlisted, private or deleted videos have no publish time). The text names
    // what such a row is: "videos".
    std::string_view undated_rows_are;
    // Values read but not stored (YouTube Chart data unless asked): rows and columns are
    // reported as usual.
    bool store = true;
};

// Reads a table into context.result.values (for options.channel and options.profile) and
// fills rows_read and ignored_columns. Dates without a year take options.year (with
// YearSequence); when it is missing one error asks for --year.
void read_table(const CsvDocument& document, const TableSpec& spec, ImportContext& context);

// The date in a cell for `style`; nullopt when it is not one. Dates without a year use
// `years` (or fail when `years` is nullptr, after one error asking for --year).
std::optional<Date> read_date_cell(ImportContext& context, const CsvField& field, DateStyle style,
                                   std::string_view column, std::string_view example,
                                   YearSequence* years);

// "the header on line 3 has no `Publish time` column" and the like: the names of a record.
bool record_starts_with(const CsvRecord& record, const std::vector<std::string_view>& names);
bool record_has_all(const CsvRecord& record, const std::vector<std::string_view>& names);
std::string quote_names(const std::vector<std::string_view>& names); // "`a`, `b`"

} // namespace planner::model::metric_detail
