#include "model/roster_table.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace planner::model {

namespace {

struct FieldName {
    RosterField field;
    std::string_view name;
};

constexpr FieldName k_field_names[] = {
    {RosterField::id, "id"},
    {RosterField::name, "name"},
    {RosterField::first_name, "first_name"},
    {RosterField::last_name, "last_name"},
    {RosterField::role, "role"},
    {RosterField::fte, "fte"},
    {RosterField::weekly_hours, "weekly_hours"},
    {RosterField::capacity_hours, "capacity_hours"},
    {RosterField::reports_to, "reports_to"},
    {RosterField::location, "location"},
    {RosterField::timezone, "timezone"},
    {RosterField::skills, "skills"},
    {RosterField::interests, "interests"},
    {RosterField::status, "status"},
};

// HR words for each field, as header_words() writes them (lower case, words separated by one
// space, `_` as a space).
constexpr FieldName k_hr_headers[] = {
    {RosterField::id, "id"},
    {RosterField::id, "employee id"},
    {RosterField::id, "employee #"},
    {RosterField::id, "employee no"},
    {RosterField::id, "employee no."},
    {RosterField::id, "employee number"},
    {RosterField::id, "employee code"},
    {RosterField::id, "emp id"},
    {RosterField::id, "emp #"},
    {RosterField::id, "staff id"},
    {RosterField::id, "staff number"},
    {RosterField::id, "personnel number"},
    {RosterField::id, "person id"},
    {RosterField::id, "worker id"},
    {RosterField::id, "user id"},
    {RosterField::name, "name"},
    {RosterField::name, "full name"},
    {RosterField::name, "employee name"},
    {RosterField::name, "employee"},
    {RosterField::name, "display name"},
    {RosterField::name, "preferred name"},
    {RosterField::first_name, "first name"},
    {RosterField::first_name, "firstname"},
    {RosterField::first_name, "given name"},
    {RosterField::first_name, "forename"},
    {RosterField::last_name, "last name"},
    {RosterField::last_name, "lastname"},
    {RosterField::last_name, "surname"},
    {RosterField::last_name, "family name"},
    {RosterField::role, "role"},
    {RosterField::role, "roles"},
    {RosterField::role, "job title"},
    {RosterField::role, "job"},
    {RosterField::role, "job role"},
    {RosterField::role, "position"},
    {RosterField::role, "position title"},
    {RosterField::role, "title"},
    {RosterField::fte, "fte"},
    {RosterField::fte, "fte %"},
    {RosterField::fte, "fte%"},
    {RosterField::fte, "fte (%)"},
    {RosterField::fte, "employment %"},
    {RosterField::fte, "employment percentage"},
    {RosterField::fte, "workload %"},
    {RosterField::weekly_hours, "weekly hours"},
    {RosterField::weekly_hours, "hours per week"},
    {RosterField::weekly_hours, "hours/week"},
    {RosterField::weekly_hours, "hours a week"},
    {RosterField::weekly_hours, "contracted hours"},
    {RosterField::weekly_hours, "contract hours"},
    {RosterField::weekly_hours, "working hours per week"},
    {RosterField::weekly_hours, "scheduled weekly hours"},
    {RosterField::weekly_hours, "standard hours"},
    {RosterField::capacity_hours, "capacity hours"},
    {RosterField::capacity_hours, "capacity"},
    {RosterField::reports_to, "reports to"},
    {RosterField::reports_to, "reporting to"},
    {RosterField::reports_to, "manager"},
    {RosterField::reports_to, "manager id"},
    {RosterField::reports_to, "manager name"},
    {RosterField::reports_to, "line manager"},
    {RosterField::reports_to, "direct manager"},
    {RosterField::reports_to, "supervisor"},
    {RosterField::reports_to, "supervisor id"},
    {RosterField::location, "location"},
    {RosterField::location, "work location"},
    {RosterField::location, "office"},
    {RosterField::location, "office location"},
    {RosterField::location, "city"},
    {RosterField::location, "site"},
    {RosterField::timezone, "timezone"},
    {RosterField::timezone, "time zone"},
    {RosterField::skills, "skills"},
    {RosterField::skills, "skill"},
    {RosterField::skills, "competencies"},
    {RosterField::interests, "interests"},
    {RosterField::status, "status"},
    {RosterField::status, "employment status"},
    {RosterField::status, "employee status"},
    {RosterField::status, "worker status"},
};

constexpr std::string_view k_other_hr_headers[] = {
    "department",    "team",         "division",        "business unit",
    "cost center",   "cost centre",  "email",           "e-mail",
    "work email",    "phone",        "mobile",          "start date",
    "hire date",     "date of hire", "end date",        "termination date",
    "country",       "gender",       "employment type", "contract type",
    "grade",         "company",      "legal entity",    "birth date",
    "date of birth", "salary",       "currency",        "pay grade",
};

std::string trim(std::string_view text) {
    size_t b = text.find_first_not_of(" \t");
    if (b == std::string_view::npos)
        return {};
    return std::string(text.substr(b, text.find_last_not_of(" \t") - b + 1));
}

// Lower case ASCII, `_` as a space, runs of spaces as one, no spaces at both ends.
std::string header_words(std::string_view header) {
    std::string out;
    for (char c : header) {
        char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower == '_' || lower == ' ' || lower == '\t') {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
            continue;
        }
        out += lower;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    if (!out.empty() && out.back() == ':')
        out.pop_back();
    return out;
}

bool is_person_field(RosterField field) {
    return field == RosterField::id || field == RosterField::name ||
           field == RosterField::first_name || field == RosterField::last_name;
}

std::optional<CsvDocument> read_document(std::string_view bytes) {
    CsvReadResult csv = read_csv(bytes);
    if (!csv.ok() || csv.document.records.empty())
        return std::nullopt;
    return std::move(csv.document);
}

std::optional<RosterField> mapped_field(const RosterMapping& mapping, std::string_view header) {
    for (const auto& [name, field] : mapping)
        if (header_words(name) == header_words(header))
            return field;
    return std::nullopt;
}

} // namespace

std::string_view roster_field_name(RosterField field) {
    for (const FieldName& entry : k_field_names)
        if (entry.field == field)
            return entry.name;
    return "id";
}

std::optional<RosterField> parse_roster_field(std::string_view name) {
    std::string key = trim(name);
    for (const FieldName& entry : k_field_names)
        if (entry.name == key)
            return entry.field;
    return std::nullopt;
}

const std::vector<std::string>& roster_field_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const FieldName& entry : k_field_names)
            out.emplace_back(entry.name);
        return out;
    }();
    return names;
}

std::optional<RosterField> roster_field_for_header(std::string_view header) {
    std::string key = header_words(header);
    for (const FieldName& entry : k_hr_headers)
        if (entry.name == key)
            return entry.field;
    // The plan's own field names: `capacity_hours`, `reports_to`, ...
    for (const FieldName& entry : k_field_names)
        if (header_words(entry.name) == key)
            return entry.field;
    return std::nullopt;
}

bool is_known_hr_header(std::string_view header) {
    std::string key = header_words(header);
    return std::find(std::begin(k_other_hr_headers), std::end(k_other_hr_headers), key) !=
           std::end(k_other_hr_headers);
}

std::optional<RosterMapping> parse_roster_mapping(std::string_view text, std::string& error) {
    RosterMapping mapping;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string item = trim(text.substr(start, end - start));
        start = end + 1;
        if (item.empty())
            continue;
        size_t equals = item.rfind('=');
        if (equals == std::string::npos) {
            error =
                "`" + item + "` is not HEADER=FIELD; write for example --columns \"Amats=role\"";
            return std::nullopt;
        }
        std::string header = trim(item.substr(0, equals));
        std::string field_name = trim(item.substr(equals + 1));
        auto field = parse_roster_field(field_name);
        if (header.empty()) {
            error = "`" + item + "` names no header before `=`";
            return std::nullopt;
        }
        if (!field) {
            std::string names;
            for (const auto& name : roster_field_names())
                names += (names.empty() ? "" : ", ") + name;
            error = "`" + field_name + "` (for the header `" + header +
                    "`) is not a roster field; the fields are " + names;
            return std::nullopt;
        }
        for (const auto& [other, other_field] : mapping)
            if (header_words(other) == header_words(header)) {
                error = "the header `" + header + "` is mapped twice";
                return std::nullopt;
            }
        mapping.emplace_back(header, *field);
    }
    if (mapping.empty()) {
        error = "--columns is empty; write HEADER=FIELD pairs, e.g. --columns \"Vārds=first_name\"";
        return std::nullopt;
    }
    return mapping;
}

std::string format_roster_mapping(const RosterMapping& mapping) {
    std::string text;
    for (const auto& [header, field] : mapping)
        text += (text.empty() ? "" : ",") + header + "=" + std::string(roster_field_name(field));
    return text;
}

std::string roster_header_signature(std::string_view bytes) {
    auto document = read_document(bytes);
    if (!document)
        return {};
    std::string signature;
    for (const CsvField& field : document->records.front().fields)
        signature += (signature.empty() ? "" : "|") + header_words(field.text);
    return signature;
}

bool looks_like_roster(std::string_view bytes, const RosterMapping& mapping) {
    auto document = read_document(bytes);
    if (!document)
        return false;
    const CsvRecord& header = document->records.front();
    // planner's own roster layout starts with `id`; no analytics export does.
    if (!header.fields.empty() && trim(header.fields.front().text) == "id")
        return true;
    bool person = false;
    size_t fields = 0;
    size_t mapped = 0;
    for (const CsvField& cell : header.fields) {
        if (mapped_field(mapping, cell.text)) {
            ++mapped;
            continue;
        }
        if (auto field = roster_field_for_header(cell.text)) {
            ++fields;
            person = person || is_person_field(*field);
        }
    }
    if (!mapping.empty() && mapped > 0)
        return true;
    return person && fields >= 2;
}

std::string id_from_text(std::string_view text) {
    static const std::unique_ptr<icu::Transliterator> to_ascii = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    if (to_ascii)
        to_ascii->transliterate(unicode);
    std::string ascii;
    unicode.toUTF8String(ascii);
    std::string id;
    for (char c : ascii) {
        auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) && byte < 0x80)
            id += static_cast<char>(std::tolower(byte));
        else if ((c == '_' || c == '-') && !id.empty() && id.back() != '-')
            id += c;
        else if (!id.empty() && id.back() != '-' && id.back() != '_')
            id += '-';
    }
    while (!id.empty() && (id.back() == '-' || id.back() == '_'))
        id.pop_back();
    if (id.size() > 64)
        id.resize(64);
    while (!id.empty() && (id.back() == '-' || id.back() == '_'))
        id.pop_back();
    return id;
}

Diagnostic roster_error(const std::string& file, const RosterCell& cell, std::string message) {
    return Diagnostic{file, 0, 0,
                      "row " + std::to_string(cell.row) + ", column `" + cell.header +
                          "`: " + message};
}

RosterReadResult read_roster_table(const std::string& file, std::string_view bytes,
                                   const RosterMapping& mapping) {
    RosterReadResult result;
    auto error = [&](std::string message) {
        result.errors.push_back(Diagnostic{file, 0, 0, std::move(message)});
    };
    CsvReadResult csv = read_csv(bytes);
    for (const CsvProblem& problem : csv.problems)
        result.errors.push_back(Diagnostic{file, problem.line, problem.column, problem.message});
    if (!csv.ok())
        return result;
    if (csv.document.records.empty()) {
        error("the roster is empty; its first row names the columns, e.g. "
              "`Employee ID,Full name,Job title,FTE %`");
        return result;
    }
    RosterTable& table = result.table;
    table.encoding = csv.document.encoding;
    table.delimiter = csv.document.delimiter;
    const CsvRecord& header = csv.document.records.front();
    std::map<RosterField, std::string> taken;
    for (const CsvField& cell : header.fields) {
        RosterColumn column;
        column.header = trim(cell.text);
        if (auto field = mapped_field(mapping, cell.text)) {
            column.field = field;
            column.mapped = true;
        } else {
            column.field = roster_field_for_header(cell.text);
        }
        if (column.field) {
            auto [it, inserted] = taken.emplace(*column.field, column.header);
            if (!inserted) {
                error("row 1: the columns `" + it->second + "` and `" + column.header +
                      "` both give " + std::string(roster_field_name(*column.field)) +
                      "; map one of them to another field with --columns \"" + column.header +
                      "=FIELD\"");
            }
        }
        table.columns.push_back(std::move(column));
    }
    for (const auto& [name, field] : mapping) {
        bool present = false;
        for (const RosterColumn& column : table.columns)
            present = present || header_words(column.header) == header_words(name);
        if (!present)
            error("--columns names the header `" + name +
                  "`, which the file does not have; its headers are in row 1");
    }
    bool person = false;
    for (const auto& entry : taken)
        person = person || is_person_field(entry.first);
    if (!person)
        error("row 1: no column says who each person is; name one with --columns, e.g. "
              "--columns \"Vārds=first_name,Uzvārds=last_name\" (fields: id, name, "
              "first_name, last_name)");
    if (!result.errors.empty())
        return result;

    for (size_t r = 1; r < csv.document.records.size(); ++r) {
        const CsvRecord& record = csv.document.records[r];
        if (record.blank())
            continue;
        RosterRow row;
        row.row = static_cast<int>(r) + 1;
        for (size_t i = 0; i < record.fields.size(); ++i) {
            std::string text = trim(record.fields[i].text);
            if (text.empty())
                continue;
            if (i >= table.columns.size()) {
                error("row " + std::to_string(row.row) + ": the value '" + text +
                      "' is past the last column (the header has " +
                      std::to_string(table.columns.size()) +
                      "); quote values that contain the separator");
                break;
            }
            if (!table.columns[i].field)
                continue;
            row.cells.emplace(*table.columns[i].field,
                              RosterCell{text, row.row, table.columns[i].header});
        }
        table.rows.push_back(std::move(row));
    }
    return result;
}

} // namespace planner::model
