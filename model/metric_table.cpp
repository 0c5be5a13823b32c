#include "model/metric_table.hpp"

#include "model/metric_dates.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

namespace planner::model::metric_detail {

namespace {

constexpr size_t k_max_errors = 100;

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

// "1,234,567": groups of three after the first.
bool grouped_digits(std::string_view text) {
    size_t comma = text.find(',');
    if (comma == std::string_view::npos)
        return all_digits(text);
    if (comma == 0 || comma > 3 || !all_digits(text.substr(0, comma)))
        return false;
    text.remove_prefix(comma);
    while (!text.empty()) {
        if (text.size() < 4 || text[0] != ',' || !all_digits(text.substr(1, 3)))
            return false;
        text.remove_prefix(4);
    }
    return true;
}

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

} // namespace

void ImportContext::error(int line, int column, std::string message) {
    if (errors.size() > k_max_errors)
        return;
    if (errors.size() == k_max_errors) {
        errors.push_back({file, 0, 0,
                          "stopped after " + std::to_string(k_max_errors) +
                              " errors; correct these and import the file again"});
        return;
    }
    errors.push_back({file, line, column, std::move(message)});
}

bool is_plan_id(std::string_view text) {
    if (text.empty() || text.size() > 64)
        return false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        bool letter_or_digit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!letter_or_digit && (i == 0 || (c != '_' && c != '-')))
            return false;
    }
    return true;
}

std::string header_key(std::string_view name) {
    std::string key(trim(name));
    for (char& c : key)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return key;
}

HeaderMap::HeaderMap(const CsvRecord& header) : m_header(header) {
    for (const CsvField& field : header.fields)
        m_keys.push_back(header_key(field.text));
    m_used.assign(m_keys.size(), false);
}

size_t HeaderMap::count(std::string_view name) const {
    std::string key = header_key(name);
    return static_cast<size_t>(std::count(m_keys.begin(), m_keys.end(), key));
}

std::optional<size_t> HeaderMap::find(std::string_view name) const {
    std::string key = header_key(name);
    for (size_t i = 0; i < m_keys.size(); ++i)
        if (m_keys[i] == key)
            return i;
    return std::nullopt;
}

std::optional<size_t> HeaderMap::find_unused(std::string_view name,
                                             const std::function<bool(size_t)>& prefer) const {
    std::string key = header_key(name);
    std::optional<size_t> first;
    for (size_t i = 0; i < m_keys.size(); ++i) {
        if (m_keys[i] != key || m_used[i])
            continue;
        if (!prefer || prefer(i))
            return i;
        if (!first)
            first = i;
    }
    return first;
}

std::vector<std::string> HeaderMap::unused_names() const {
    std::vector<std::string> names;
    for (size_t i = 0; i < m_keys.size(); ++i) {
        if (m_used[i])
            continue;
        std::string name(trim(m_header.fields[i].text));
        if (name.empty())
            name = "(no name)";
        if (std::count(m_keys.begin(), m_keys.end(), m_keys[i]) > 1)
            name += " (column " + std::to_string(i + 1) + ")";
        names.push_back(name);
    }
    return names;
}

const CsvField* cell(const CsvRecord& row, size_t index) {
    return index < row.fields.size() ? &row.fields[index] : nullptr;
}

bool is_missing_cell(std::string_view text) {
    std::string key = header_key(text);
    return key.empty() || key == "-" || key == "\xE2\x80\x93" || key == "undefined" ||
           key == "n/a" || key == "nan";
}

std::optional<double> parse_export_number(std::string_view text) {
    text = trim(text);
    bool negative = !text.empty() && text.front() == '-';
    if (negative || (!text.empty() && text.front() == '+'))
        text.remove_prefix(1);
    std::string_view whole = text.substr(0, text.find('.'));
    std::string_view fraction;
    if (whole.size() < text.size()) {
        fraction = text.substr(whole.size() + 1);
        if (!all_digits(fraction))
            return std::nullopt;
    }
    if (!grouped_digits(whole))
        return std::nullopt;
    std::string digits;
    for (char c : whole)
        if (c != ',')
            digits += c;
    if (!fraction.empty())
        digits += "." + std::string(fraction);
    double value = std::strtod(digits.c_str(), nullptr); // never throws; huge gives inf
    if (!std::isfinite(value))
        return std::nullopt;
    return negative ? -value : value;
}

std::optional<double> read_number(ImportContext& context, const CsvField& field,
                                  std::string_view column_name) {
    if (is_missing_cell(field.text))
        return std::nullopt;
    if (auto value = parse_export_number(field.text))
        return value;
    context.error(field, "`" + std::string(trim(field.text)) + "` in the `" +
                             std::string(trim(column_name)) +
                             "` column is not a number; the file may have been edited: "
                             "download the export again");
    return std::nullopt;
}

bool check_row_width(ImportContext& context, const CsvRecord& row, const HeaderMap& header) {
    if (row.fields.size() < header.size()) {
        context.error(row.line, 1,
                      "this row has " + std::to_string(row.fields.size()) +
                          " values but the header on line " + std::to_string(header.line()) +
                          " has " + std::to_string(header.size()) +
                          " columns: the row is incomplete, so the file may be cut short or "
                          "edited; download the export again");
        return false;
    }
    for (size_t i = header.size(); i < row.fields.size(); ++i) {
        if (trim(row.fields[i].text).empty())
            continue;
        context.error(row.fields[i], "this value is past the last column of the header on line " +
                                         std::to_string(header.line()) + " (" +
                                         std::to_string(header.size()) +
                                         " columns); check that the file was not edited");
        return false;
    }
    return true;
}

void DailyTotals::add(const Date& day, Metric metric, double value, int line) {
    auto [it, inserted] =
        m_entries.try_emplace({days_since_epoch(day), metric}, Entry{day, 0, line});
    it->second.value += value;
    (void)inserted;
}

void DailyTotals::set(const Date& day, Metric metric, double value, int line) {
    m_entries[{days_since_epoch(day), metric}] = Entry{day, value, line};
}

void DailyTotals::put(const Date& day, Metric metric, double value, int line) {
    if (metric_kind(metric) == MetricKind::level)
        set(day, metric, value, line);
    else
        add(day, metric, value, line);
}

std::vector<MetricValue> DailyTotals::values(const std::string& channel,
                                             const std::string& profile) const {
    std::vector<MetricValue> values;
    values.reserve(m_entries.size());
    for (const auto& [key, entry] : m_entries)
        values.push_back({entry.day, channel, profile, key.second, entry.value, entry.line});
    return values;
}

std::optional<Date> read_date_cell(ImportContext& context, const CsvField& field, DateStyle style,
                                   std::string_view column, std::string_view example,
                                   YearSequence* years) {
    std::string_view text = trim(field.text);
    std::optional<Date> date;
    std::optional<WordDate> words;
    if (style != DateStyle::us) // `2025-10-31` or `2025/10/31` is never anything else
        date = parse_iso_date_prefix(text);
    if (!date && (style == DateStyle::us || style == DateStyle::any))
        date = parse_us_date(text);
    if (!date && style != DateStyle::iso && style != DateStyle::us) {
        words = parse_word_date(text);
        if (words && words->year)
            date = make_date(*words->year, words->month, words->day);
    }
    if (date)
        return date;
    if (words && !words->year && style != DateStyle::words) {
        if (!years) {
            if (!context.year_error_reported)
                context.error(field, "`" + std::string(text) +
                                         "` has no year: add --year with the year of the first "
                                         "day in the file (for example --year 2026)");
            context.year_error_reported = true;
            return std::nullopt;
        }
        int year = years->year_for(words->month);
        if (auto day = make_date(year, words->month, words->day))
            return day;
        context.error(field, "`" + std::string(text) + "` is not a day of " + std::to_string(year) +
                                 "; check the year given with --year");
        return std::nullopt;
    }
    context.error(field, "`" + std::string(text) + "` in the `" + std::string(column) +
                             "` column is not a date that planner can read; this export writes "
                             "dates like `" +
                             std::string(example) + "`");
    return std::nullopt;
}

void read_table(const CsvDocument& document, const TableSpec& spec, ImportContext& context) {
    const std::vector<CsvRecord>& records = document.records;
    HeaderMap header(records.at(spec.header_index));
    const CsvRecord* description =
        spec.description_index && *spec.description_index < records.size()
            ? &records[*spec.description_index]
            : nullptr;

    std::optional<size_t> date_column = header.find(spec.date_column);
    if (!date_column) {
        context.error(header.line(), 1,
                      "the header has no `" + std::string(spec.date_column) +
                          "` column; download the export again");
        return;
    }
    header.use(*date_column);
    for (std::string_view name : spec.used_columns)
        if (auto index = header.find(name))
            header.use(*index);

    struct Bound {
        Metric metric;
        std::vector<std::pair<size_t, double>> columns;
    };
    std::vector<Bound> bound;
    std::set<Metric> bound_metrics;
    for (const MetricRule& rule : spec.rules) {
        if (bound_metrics.count(rule.metric))
            continue;
        auto prefer = [&](size_t index) {
            const CsvField* text = description ? cell(*description, index) : nullptr;
            return !rule.prefer_description.empty() && text &&
                   contains(text->text, rule.prefer_description);
        };
        Bound candidate{rule.metric, {}};
        for (const Term& term : rule.terms)
            if (auto index = header.find_unused(term.column, prefer))
                candidate.columns.emplace_back(*index, term.sign);
        if (candidate.columns.size() != rule.terms.size())
            continue;
        for (const auto& column : candidate.columns)
            header.use(column.first);
        bound_metrics.insert(rule.metric);
        bound.push_back(std::move(candidate));
    }

    std::optional<YearSequence> years;
    if (context.options.year)
        years.emplace(*context.options.year);
    DailyTotals totals;
    size_t rows_without_figures = 0;
    size_t short_rows = 0, undated_rows = 0, undefined_rows = 0;
    std::map<Metric, double> undated_sums;
    for (size_t i = spec.first_data_index; i < records.size(); ++i) {
        const CsvRecord* source = &records[i];
        if (source->blank() || (spec.skip_row && spec.skip_row(*source)))
            continue;
        ++context.result.rows_read;
        CsvRecord padded;
        if (spec.short_rows_are_empty && source->fields.size() < header.size()) {
            padded = *source;
            while (padded.fields.size() < header.size())
                padded.fields.push_back(CsvField{"", padded.line, 0, false});
            source = &padded;
            ++short_rows;
        }
        const CsvRecord& row = *source;
        if (!check_row_width(context, row, header))
            continue;
        // A day marked `undefined` (TikTok, before the account had data) has no figures at
        // all, not even the zeros written next to it.
        bool undefined = false;
        for (const Bound& rule : bound)
            for (const auto& column : rule.columns)
                undefined = undefined || header_key(row.fields[column.first].text) == "undefined";
        const CsvField& date_field = row.fields[*date_column];
        if (is_missing_cell(date_field.text)) {
            bool has_figures = false;
            for (const Bound& rule : bound)
                for (const auto& column : rule.columns)
                    has_figures = has_figures || !is_missing_cell(row.fields[column.first].text);
            if (has_figures && !spec.undated_rows_are.empty()) {
                ++undated_rows;
                for (const Bound& rule : bound)
                    for (const auto& [index, sign] : rule.columns)
                        if (auto value = parse_export_number(row.fields[index].text))
                            undated_sums[rule.metric] += sign * *value;
            } else if (has_figures)
                context.error(date_field, "this row has figures but no date in the `" +
                                              header.record().fields[*date_column].text +
                                              "` column; download the export again");
            else
                ++rows_without_figures;
            continue;
        }
        std::optional<Date> day =
            spec.date_reader ? spec.date_reader(context, row, date_field)
                             : read_date_cell(context, date_field, spec.date_style,
                                              header.record().fields[*date_column].text,
                                              spec.date_example, years ? &*years : nullptr);
        if (undefined) { // the date was read: years of later rows follow it
            ++undefined_rows;
            continue;
        }
        if (day && spec.rows_are_posts)
            totals.add(*day, Metric::posts, 1, row.line);
        bool any_figure = false;
        for (const Bound& rule : bound) {
            std::optional<double> total;
            for (const auto& [index, sign] : rule.columns) {
                std::optional<double> value =
                    read_number(context, row.fields[index], header.record().fields[index].text);
                if (value)
                    total = total.value_or(0) + sign * *value;
            }
            if (day && total)
                totals.put(*day, rule.metric, *total, row.line);
            any_figure = any_figure || total.has_value();
        }
        if (day && !any_figure && !spec.rows_are_posts && !bound.empty())
            ++rows_without_figures;
    }
    if (short_rows > 0)
        context.note(std::to_string(short_rows) + (short_rows == 1 ? " row is" : " rows are") +
                     " shorter than the header (the export leaves out trailing empty cells); "
                     "the missing cells are read as empty");
    if (undefined_rows > 0)
        context.note(std::to_string(undefined_rows) +
                     (undefined_rows == 1 ? " day is" : " days are") +
                     " marked `undefined` (before the account had data); nothing is stored "
                     "for " +
                     (undefined_rows == 1 ? "it" : "them"));
    if (undated_rows > 0) {
        std::string sums;
        for (const auto& [metric, sum] : undated_sums)
            sums += (sums.empty() ? "" : ", ") + std::string(metric_name(metric)) + " " +
                    std::to_string(static_cast<long long>(std::llround(sum)));
        context.note(std::to_string(undated_rows) + " " + std::string(spec.undated_rows_are) +
                     " have figures but no `" + header.record().fields[*date_column].text +
                     "` (unlisted, private or deleted); they are not stored on any day" +
                     (sums.empty() ? std::string() : " (together: " + sums + ")"));
    }
    if (rows_without_figures > 0)
        context.note(std::to_string(rows_without_figures) +
                     (rows_without_figures == 1 ? " row has" : " rows have") +
                     " no figures (empty, `-` or `undefined`); nothing is stored for " +
                     (rows_without_figures == 1 ? "it" : "them"));
    context.result.ignored_columns = header.unused_names();
    if (!spec.store)
        return;
    std::vector<MetricValue> values =
        totals.values(context.options.channel, context.options.profile.value_or(""));
    context.result.values.insert(context.result.values.end(), values.begin(), values.end());
}

bool record_starts_with(const CsvRecord& record, const std::vector<std::string_view>& names) {
    if (record.fields.size() < names.size())
        return false;
    for (size_t i = 0; i < names.size(); ++i)
        if (header_key(record.fields[i].text) != header_key(names[i]))
            return false;
    return true;
}

bool record_has_all(const CsvRecord& record, const std::vector<std::string_view>& names) {
    HeaderMap header(record);
    for (std::string_view name : names)
        if (!header.has(name))
            return false;
    return true;
}

std::string quote_names(const std::vector<std::string_view>& names) {
    std::string text;
    for (std::string_view name : names) {
        if (!text.empty())
            text += ", ";
        text += "`" + std::string(name) + "`";
    }
    return text;
}

} // namespace planner::model::metric_detail
