#pragma once
// What a compiler-style message shows under a diagnostic: the offending source line, a caret
// under its column, and a hint where the cause is known (a value with ": " or " #" that needs
// quotes, a tab in the indentation, indentation that does not line up, a value cut off by '#').

#include "model/plan_reader.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace planner::model {

struct DiagnosticWithContext {
    // The diagnostic, moved to the line that causes it when that is known (the parser often
    // notices a problem a line later; a value cut off by '#' has no position of its own).
    Diagnostic diagnostic;
    // The lines to print after diagnostic.to_string(), e.g.
    //    10 |   name: Corner Bakery: social media
    //       |                      ^
    //   hint: a value that contains ": " or " #" must be in quotes: name: "Corner Bakery: ..."
    std::vector<std::string> context;
};

// `source` is the text the diagnostic's line and column count in. The context is empty when
// the diagnostic has no line, or its line is not in `source`.
DiagnosticWithContext with_context(const Diagnostic& diagnostic, std::string_view source);

// The same for a CSV file (`bytes` as read: UTF-8 or UTF-16 with a byte-order mark, any
// delimiter): the row with a caret under the column, then the column's header when the file
// has one above that row:
//     14 | 2026-03-02,instagram,impressions,12O4
//        |                                  ^
//   column: value (header on line 1)
// Empty when the diagnostic has no line or that line is not in the file.
std::vector<std::string> csv_row_context(const Diagnostic& diagnostic, std::string_view bytes);

} // namespace planner::model
