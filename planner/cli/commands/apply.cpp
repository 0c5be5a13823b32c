// planner apply PLAN PATCH [--dry-run]: applies a JSON Patch (RFC 6902, ids in paths: see
// docs/serve.md "Edit API") to a plan YAML file or a workspace, with the plan file's rules;
// the file keeps its comments and layout: only the changed lines are rewritten.
#include "model/input_file.hpp"
#include "planner/cli/commands/commands.hpp"
#include "planner/core/errors.hpp"
#include "planner/core/plan_source.hpp"
#include "planner/editing/plan_edit.hpp"

#include <ostream>

namespace planner {

namespace {

void print_findings(const char* title, const std::vector<Finding>& findings, std::ostream& out) {
    if (findings.empty())
        return;
    out << title << ":\n";
    for (const Finding& f : findings)
        out << "  " << f.check << " " << f.message << "\n";
}

int run_apply(const ParsedArgs& args, Streams& io) {
    const std::string& plan_path = args.positional[0];
    const std::string& patch_path = args.positional[1];
    model::InputFile patch = model::read_input_file(patch_path);
    if (patch.error)
        throw UsageError(*patch.error);
    EditablePlan stored = load_editable_plan(plan_path);
    const PlanFacts before(load_plan_argument(plan_path).plan);
    EditResult result = apply_edit_text(stored.json, before.plan(), patch.bytes);
    if (result.status != EditStatus::applied) {
        std::vector<std::string> lines;
        for (const EditMessage& m : result.messages)
            lines.push_back(patch_path + ": " + (m.path.empty() ? "" : m.path + ": ") + m.message);
        throw InputError(result.status == EditStatus::test_failed
                             ? "a test operation of the patch failed; " + plan_path +
                                   " was not changed"
                             : "the patch cannot be applied; " + plan_path + " was not changed",
                         lines);
    }
    const PlanFacts after(*result.plan);
    FindingChanges changes = compare_findings(run_checks(before), run_checks(after));
    if (args.flag("--dry-run")) {
        SavedText text = text_after_edit(stored, result.json, after.plan());
        io.out << unified_diff(stored.text, text.text, plan_path);
        io.out << "Nothing written (--dry-run).\n";
    } else {
        bool in_place = save_edit(stored, result.json, after.plan());
        io.out << "Saved " << plan_path
               << (stored.workspace ? " (the workspace's plan, in one transaction)"
                   : in_place       ? " (only the changed lines rewritten)"
                                    : " (rewritten in canonical form: the change could not be "
                                      "made in place)")
               << ".\n";
    }
    print_findings("New findings", changes.appeared, io.out);
    print_findings("Findings gone", changes.disappeared, io.out);
    if (changes.appeared.empty() && changes.disappeared.empty())
        io.out << "The findings are unchanged.\n";
    return 0;
}

} // namespace

CommandSpec apply_command() {
    return CommandSpec{
        "apply",
        "planner apply PLAN PATCH [--dry-run]",
        "Apply a JSON Patch to a plan, keeping its comments",
        "Applies PATCH (a JSON Patch file, RFC 6902: add, remove, replace, move, copy, test)\n"
        "to PLAN, a plan YAML file or a workspace. Paths name people, channels, roles, goals\n"
        "and KPIs by id (/people/anna/fte) and assignments as PERSON:DUTY:CHANNEL\n"
        "(/assignments/anna:engage:instagram); see docs/serve.md. The result is checked with\n"
        "the plan file's rules and may not make a reporting cycle; nothing is written when it\n"
        "fails. A YAML file keeps its comments and layout: only the changed lines are\n"
        "rewritten. Prints the findings that appeared and disappeared. `planner rebalance\n"
        "--patch FILE` writes its proposal as such a patch.",
        {OptionSpec{"--dry-run", "", "", "print the change as a diff and write nothing"}},
        2,
        2,
        run_apply};
}

} // namespace planner
