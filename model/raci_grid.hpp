#pragma once
// Ownership sheets (RACI matrices) as spreadsheets keep them: one row per duty, one column per
// person, cells `R`, `A`, `C`, `I`, `B` (backup) or combinations (`A/R`), an R with a share
// (`R 60%`). A duty is named in one column (`Instagram: Community management`) or in two
// (`Channel`, `Duty`). This reader returns the grid as written; matching channels, duties and
// people to a plan is the caller's (planner/imports/raci.cpp). It never touches a workspace.

#include "model/plan.hpp"
#include "model/plan_reader.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner::model {

struct RaciMark {
    Raci raci = Raci::R;
    bool backup = false;
    std::optional<double> share; // R only, 0..1
};

// "R", "A/R", "R 60%", "r, b", "R0.6": the marks of one cell; nullopt and `error` when the
// text is not made of R, A, C, I, B and shares.
std::optional<std::vector<RaciMark>> parse_raci_cell(std::string_view text, std::string& error);

struct RaciCell {
    std::string person; // the column header, as written
    std::string text;
    std::vector<RaciMark> marks;
};

struct RaciRow {
    int row = 0;         // spreadsheet row: the header is row 1
    std::string label;   // "Instagram: Community management" as written
    std::string channel; // the channel part ("" when the row names none)
    std::string duty;
    std::vector<RaciCell> cells; // non-empty cells, in column order
};

struct RaciGrid {
    std::vector<std::string> people; // the people columns' headers
    std::vector<RaciRow> rows;
};

struct RaciReadResult {
    RaciGrid grid;
    std::vector<Diagnostic> errors; // "FILE: row 3, column `Anna Ozola`: ..."
    bool ok() const { return errors.empty(); }
};

// The first header cell is `Duty` (or Duties, Task, Activity, Responsibility) or the pair
// `Channel`,`Duty`, with at least one people column; or the first header cell is empty and
// every non-empty people cell of the first 20 rows reads as RACI marks.
bool looks_like_raci_grid(std::string_view bytes);

RaciReadResult read_raci_grid(const std::string& file, std::string_view bytes);

} // namespace planner::model
