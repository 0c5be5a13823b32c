#pragma once
// Employee lists as HR systems and spreadsheets export them: one row per person, columns named
// in HR words (`Employee #`, `Full name`, `Job title`, `FTE %`, `Reports to`, ...), comma or
// semicolon separated. This reader only finds the columns and returns each row's cells with
// their row number and column header; what the values mean for a plan (roles, managers,
// time zones) is decided by the caller (planner/imports/roster.cpp). It never touches a
// workspace.

#include "model/csv_reader.hpp"
#include "model/plan_reader.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planner::model {

enum class RosterField {
    id,
    name,
    first_name,
    last_name,
    role,
    fte,
    weekly_hours,
    capacity_hours,
    reports_to,
    location,
    timezone,
    skills,
    interests,
    status
};

// "id", "first_name", ... as --columns writes them.
std::string_view roster_field_name(RosterField field);
std::optional<RosterField> parse_roster_field(std::string_view name);
const std::vector<std::string>& roster_field_names();

// The field an HR header means (`Employee #` -> id, `Position` -> role, `Hours per week` ->
// weekly_hours), compared without letter case and extra spaces; nullopt when none.
std::optional<RosterField> roster_field_for_header(std::string_view header);

// A header that HR exports carry but a plan has no place for (`Department`, `Email`, ...).
bool is_known_hr_header(std::string_view header);

// --columns "HEADER=FIELD,...": which header holds which field, in the order given.
using RosterMapping = std::vector<std::pair<std::string, RosterField>>;
// nullopt and `error` set when the text is not such a list.
std::optional<RosterMapping> parse_roster_mapping(std::string_view text, std::string& error);
std::string format_roster_mapping(const RosterMapping& mapping);

// The header's names, lower case, joined with `|`: the key under which a mapping is kept.
std::string roster_header_signature(std::string_view bytes);

struct RosterCell {
    std::string text; // spaces at both ends removed; never empty
    int row = 0;      // the spreadsheet row: the header is row 1
    std::string header;
};

struct RosterRow {
    int row = 0;
    std::map<RosterField, RosterCell> cells; // only non-empty cells
    const RosterCell* get(RosterField field) const {
        auto it = cells.find(field);
        return it == cells.end() ? nullptr : &it->second;
    }
};

struct RosterColumn {
    std::string header;
    std::optional<RosterField> field; // nullopt: ignored
    bool mapped = false;              // from --columns (or the mapping stored for the headers)
};

struct RosterTable {
    TextEncoding encoding = TextEncoding::utf8;
    char delimiter = ',';
    std::vector<RosterColumn> columns;
    std::vector<RosterRow> rows; // rows with at least one cell
};

struct RosterReadResult {
    RosterTable table;
    std::vector<Diagnostic> errors; // "FILE: row 4, column `FTE %`: ..."
    bool ok() const { return errors.empty(); }
};

// True when the header names a person (id, name or first and last name) and at least one
// other roster field, in HR words; or when `mapping` names headers that the file has.
bool looks_like_roster(std::string_view bytes, const RosterMapping& mapping = {});

// Reads the table. Headers named in `mapping` take that field; the others are recognised by
// their HR words; the rest are ignored (and listed as such by the caller). A field named by
// two columns, a mapping header the file lacks, and a row without any person column are
// errors.
RosterReadResult read_roster_table(const std::string& file, std::string_view bytes,
                                   const RosterMapping& mapping = {});

// A plan id from an HR id or a name: ASCII (`Jānis Bērziņš` -> `janis-berzins`), lower case,
// other characters as `-`; empty when nothing is left.
std::string id_from_text(std::string_view text);

// "row 4, column `FTE %`: message" as a diagnostic of `file`.
Diagnostic roster_error(const std::string& file, const RosterCell& cell, std::string message);

} // namespace planner::model
