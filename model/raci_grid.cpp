#include "model/raci_grid.hpp"

#include "model/csv_reader.hpp"

#include <algorithm>
#include <cctype>

namespace planner::model {

namespace {

std::string trim(std::string_view text) {
    size_t b = text.find_first_not_of(" \t");
    if (b == std::string_view::npos)
        return {};
    return std::string(text.substr(b, text.find_last_not_of(" \t") - b + 1));
}

std::string lower(std::string_view text) {
    std::string out = trim(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_duty_header(std::string_view text) {
    static const char* const k_words[] = {
        "duty",           "duties",           "task", "tasks",         "activity",    "activities",
        "responsibility", "responsibilities", "what", "channel: duty", "channel duty"};
    std::string key = lower(text);
    return std::any_of(std::begin(k_words), std::end(k_words),
                       [&](const char* word) { return key == word; });
}

// How many leading columns name the duty: 1 (`Duty`), 2 (`Channel`,`Duty`), 0 when neither.
size_t label_columns(const CsvRecord& header) {
    if (header.fields.size() >= 3 && lower(header.fields[0].text) == "channel" &&
        is_duty_header(header.fields[1].text))
        return 2;
    if (header.fields.size() >= 2 &&
        (is_duty_header(header.fields[0].text) || trim(header.fields[0].text).empty()))
        return 1;
    return 0;
}

} // namespace

std::optional<std::vector<RaciMark>> parse_raci_cell(std::string_view text, std::string& error) {
    std::vector<RaciMark> marks;
    size_t i = 0;
    bool has_r = false, has_b = false;
    while (i < text.size()) {
        char c = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
        if (c == ' ' || c == '/' || c == ',' || c == '+' || c == '&' || c == ';' || c == '\t') {
            ++i;
            continue;
        }
        if (c == 'R' || c == 'A' || c == 'C' || c == 'I' || c == 'B') {
            RaciMark mark;
            mark.raci = c == 'A' ? Raci::A : c == 'C' ? Raci::C : c == 'I' ? Raci::I : Raci::R;
            mark.backup = c == 'B';
            for (const RaciMark& other : marks)
                if (other.raci == mark.raci && other.backup == mark.backup) {
                    error = "'" + std::string(1, c) + "' is written twice";
                    return std::nullopt;
                }
            has_r = has_r || (c == 'R');
            has_b = has_b || (c == 'B');
            marks.push_back(mark);
            ++i;
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
            size_t start = i;
            while (i < text.size() &&
                   (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
                ++i;
            std::string number(text.substr(start, i - start));
            bool percent = false;
            while (i < text.size() && text[i] == ' ')
                ++i;
            if (i < text.size() && text[i] == '%') {
                percent = true;
                ++i;
            }
            char* end = nullptr;
            double value = std::strtod(number.c_str(), &end);
            if (end != number.c_str() + number.size()) {
                error = "'" + number + "' is not a share; write it as R 60% or R 0.6";
                return std::nullopt;
            }
            if (percent || value > 1)
                value /= 100;
            if (marks.empty() || marks.back().raci != Raci::R || marks.back().backup ||
                marks.back().share) {
                error = "a share belongs right after an R, as in `R 60%`";
                return std::nullopt;
            }
            if (value <= 0 || value > 1) {
                error = "the share must be above 0% and at most 100%";
                return std::nullopt;
            }
            marks.back().share = value;
            continue;
        }
        error = "'" + std::string(text.substr(i, 1)) +
                "' is not R, A, C, I or B (backup); write for example `R`, `A/R` or `R 60%`";
        return std::nullopt;
    }
    if (has_r && has_b) {
        error = "R and B together: a backup covers the duty without a share of the work; "
                "write one of them";
        return std::nullopt;
    }
    return marks;
}

bool looks_like_raci_grid(std::string_view bytes) {
    CsvReadResult csv = read_csv(bytes);
    if (!csv.ok() || csv.document.records.size() < 2)
        return false;
    const CsvRecord& header = csv.document.records.front();
    size_t labels = label_columns(header);
    if (labels == 0)
        return false;
    // A `Duty` header says it; cells that are not RACI are then reported by the reader.
    if (!trim(header.fields[0].text).empty())
        return true;
    size_t marks = 0;
    for (size_t r = 1; r < csv.document.records.size() && r <= 20; ++r) {
        const auto& fields = csv.document.records[r].fields;
        for (size_t i = labels; i < fields.size(); ++i) {
            std::string text = trim(fields[i].text);
            if (text.empty())
                continue;
            std::string error;
            if (!parse_raci_cell(text, error))
                return false;
            ++marks;
        }
    }
    return marks > 0;
}

RaciReadResult read_raci_grid(const std::string& file, std::string_view bytes) {
    RaciReadResult result;
    auto error = [&](std::string message) {
        result.errors.push_back(Diagnostic{file, 0, 0, std::move(message)});
    };
    CsvReadResult csv = read_csv(bytes);
    for (const CsvProblem& problem : csv.problems)
        result.errors.push_back(Diagnostic{file, problem.line, problem.column, problem.message});
    if (!csv.ok())
        return result;
    if (csv.document.records.empty()) {
        error("the sheet is empty; row 1 names the people, column A the duties");
        return result;
    }
    const CsvRecord& header = csv.document.records.front();
    size_t labels = label_columns(header);
    if (labels == 0) {
        error("row 1: the first column is not `Duty` (or `Channel` and `Duty`); an ownership "
              "sheet has one row per duty and one column per person");
        return result;
    }
    std::vector<std::string> people;
    for (size_t i = labels; i < header.fields.size(); ++i)
        people.push_back(trim(header.fields[i].text));
    result.grid.people = people;
    for (size_t r = 1; r < csv.document.records.size(); ++r) {
        const CsvRecord& record = csv.document.records[r];
        if (record.blank())
            continue;
        RaciRow row;
        row.row = static_cast<int>(r) + 1;
        std::string at = "row " + std::to_string(row.row);
        if (labels == 2) {
            row.channel = trim(record.fields[0].text);
            row.duty = record.fields.size() > 1 ? trim(record.fields[1].text) : "";
            row.label = row.channel.empty() ? row.duty : row.channel + ": " + row.duty;
        } else {
            row.label = trim(record.fields[0].text);
            size_t colon = row.label.find(':');
            if (colon == std::string::npos) {
                row.duty = row.label;
            } else {
                row.channel = trim(row.label.substr(0, colon));
                row.duty = trim(row.label.substr(colon + 1));
            }
        }
        if (row.duty.empty()) {
            error(at + ": the row names no duty; write it as `Instagram: Community management` "
                       "or in a `Duty` column");
            continue;
        }
        for (size_t i = labels; i < record.fields.size(); ++i) {
            std::string text = trim(record.fields[i].text);
            if (text.empty())
                continue;
            if (i >= header.fields.size()) {
                error(at + ": '" + text + "' is past the last person column");
                break;
            }
            const std::string& person = people[i - labels];
            std::string why;
            auto marks = parse_raci_cell(text, why);
            if (!marks) {
                error(at + ", column `" + person + "`: " + why);
                continue;
            }
            if (person.empty()) {
                error(at + ": '" + text + "' is in a column without a person's name in row 1");
                continue;
            }
            row.cells.push_back(RaciCell{person, text, std::move(*marks)});
        }
        result.grid.rows.push_back(std::move(row));
    }
    return result;
}

} // namespace planner::model
