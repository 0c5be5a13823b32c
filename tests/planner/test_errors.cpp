// What ends a run and how it is reported: the user's mistakes exit 2 with "planner: error:",
// a bug exits 70 and says it is one.
#include "exporters/export_error.hpp"
#include "model/workspace.hpp"
#include "planner/cli/cli.hpp"
#include "planner/core/errors.hpp"
#include "planner/core/plan_source.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>

using namespace planner;

namespace {
template <class E> std::pair<int, std::string> reported(const E& error) {
    std::ostringstream err;
    int status = report_failure(std::make_exception_ptr(error), err);
    return {status, err.str()};
}
} // namespace

TEST_CASE("usage, input, workspace and output errors exit 2 with their message") {
    CHECK(reported(UsageError("unknown format 'x'")) ==
          std::make_pair(2, std::string("planner: error: unknown format 'x'\n")));
    CHECK(reported(InputError("the plan has 1 error; fix it and run again",
                              {"team.yaml:3:5: unknown role 'lead'"})) ==
          std::make_pair(2, std::string("team.yaml:3:5: unknown role 'lead'\n"
                                        "planner: error: the plan has 1 error; fix it and run "
                                        "again\n")));
    CHECK(reported(WorkspaceError("workspace 't.db' is locked")).first == 2);
    CHECK(reported(OutputError("cannot write 'x.pdf'")).first == 2);
    CHECK(reported(model::WorkspaceError("workspace 't.db' was written by a newer planner")) ==
          std::make_pair(2, std::string("planner: error: workspace 't.db' was written by a "
                                        "newer planner\n")));
    CHECK(reported(exporters::ExportError("cannot write 'a.pdf'")).first == 2);
}

TEST_CASE("an internal error is called a bug and exits 70") {
    const auto [status, text] = reported(std::logic_error("templates/en.yaml has no text 'x'"));
    CHECK(status == 70);
    CHECK(text == "planner: internal error: templates/en.yaml has no text 'x'; this is a bug in "
                  "planner; please report it with the command you ran\n");
    CHECK(reported(InternalError("negative cycle")).first == 70);
    CHECK(reported(42).first == 70);
}

TEST_CASE("a damaged workspace is called damaged and named") {
    const WorkspaceError error = workspace_failure(
        "team.db", model::WorkspaceError("workspace query failed: database disk image is "
                                         "malformed"));
    CHECK(std::string(error.what()) ==
          "workspace 'team.db' is damaged (workspace query failed: database disk image is "
          "malformed); restore it from a copy, or build it again with `planner import team.db "
          "plan.yaml`");
    CHECK(std::string(workspace_failure("team.db", model::WorkspaceError("locked")).what()) ==
          "workspace 'team.db': locked");
}
