#include "model/plan_reader.hpp"

#include "model/input_file.hpp"
#include "model/plan_decoder.hpp"
#include "model/yaml_tree.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace planner::model {

std::string Diagnostic::to_string() const {
    if (line <= 0)
        return file + ": " + message;
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

namespace {
PlanReadResult read_plan(const std::string& display_name, std::string_view text,
                         bool owners_may_be_missing) {
    PlanReadResult result;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);

    YamlTree tree;
    if (auto bad = find_invalid_utf8(text)) {
        // Position by hand: the tree is not built for invalid text.
        int line = 1;
        size_t line_start = 0;
        for (size_t i = 0; i < bad->offset; ++i)
            if (text[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        int column =
            static_cast<int>(utf8_length(text.substr(line_start, bad->offset - line_start))) + 1;
        result.errors.push_back(Diagnostic{display_name, line, column,
                                           "the file is not valid UTF-8 (" + bad->description +
                                               "); save it as UTF-8 in your editor and try again"});
        return result;
    }

    if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
        // libfyaml would end the document there: a plan that silently loses its tail.
        int line = 1 + static_cast<int>(std::count(
                           text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n'));
        size_t line_start = text.rfind('\n', nul == 0 ? 0 : nul - 1);
        line_start = (line_start == std::string_view::npos || nul == 0) ? 0 : line_start + 1;
        int column = static_cast<int>(utf8_length(text.substr(line_start, nul - line_start))) + 1;
        result.errors.push_back(Diagnostic{
            display_name, line, column,
            "the file contains a NUL byte (it is binary or damaged); a plan is text: remove the "
            "byte, or save the plan again from your editor"});
        return result;
    }

    YamlError error;
    if (!tree.parse(text, error)) {
        YamlPosition at = error.position ? *error.position : tree.position(error.offset);
        result.errors.push_back(Diagnostic{display_name, at.line, at.column, error.message});
        return result;
    }
    if (tree.empty() || tree.is_null(tree.root())) {
        result.errors.push_back(Diagnostic{
            display_name, 1, 1,
            "the plan is empty; start from a sample with `planner init plan.yaml --sample "
            "small-team` or see docs/plan-format.md"});
        return result;
    }
    PlanDecoder decoder(tree, display_name, result.errors, owners_may_be_missing);
    result.plan = decoder.decode();
    std::stable_sort(result.errors.begin(), result.errors.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
    return result;
}
} // namespace

PlanReadResult read_plan_text(const std::string& display_name, std::string_view text) {
    return read_plan(display_name, text, false);
}

PlanReadResult read_plan_text_owners_later(const std::string& display_name, std::string_view text) {
    return read_plan(display_name, text, true);
}

PlanReadResult read_plan_file(const std::string& path) {
    InputFile file = read_input_file(path);
    if (file.error) {
        PlanReadResult result;
        result.errors.push_back(Diagnostic{path, 0, 0, *file.error});
        return result;
    }
    return read_plan_text(path, file.bytes);
}

} // namespace planner::model
