#pragma once
// Reading a plan YAML file: every field, default and rule of PLAN-FORMAT.md. All errors of a
// file are collected in one run, each with its line and column.

#include "model/plan.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace planner::model {

struct Diagnostic {
    std::string file;
    int line = 0;   // 1-based; 0 when the message is about the whole file
    int column = 0; // 1-based, counted in characters
    std::string message;

    // "FILE:LINE:COLUMN: message"
    std::string to_string() const;
};

struct PlanReadResult {
    Plan plan;                      // meaningful only when ok()
    std::vector<Diagnostic> errors; // in file order
    bool ok() const { return errors.empty(); }
};

// `display_name` is the file name used in messages.
PlanReadResult read_plan_text(const std::string& display_name, std::string_view text);

// As read_plan_text, but goal and KPI owners that are not people of the plan are not errors:
// for a plan imported with the roster that brings them (the caller checks the plan again
// with read_plan_text once the roster is applied).
PlanReadResult read_plan_text_owners_later(const std::string& display_name, std::string_view text);
PlanReadResult read_plan_file(const std::string& path);

} // namespace planner::model
