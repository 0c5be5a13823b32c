// The command line as a user meets it: help, "did you mean", exit statuses, init, show.
#include "e2e.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using e2e::planner;
using e2e::TempDir;

TEST_CASE("the help option lists every command and the exit statuses") {
    TempDir dir("help");
    auto run = planner(dir, {"--help"});
    CHECK(run.status == 0);
    for (const char* command : {"init", "show", "import", "export-plan", "demo"})
        CHECK(run.out.find(std::string("\n  ") + command + " ") != std::string::npos);
    CHECK(run.out.find("Exit status: 0 success, 1") != std::string::npos);
}

TEST_CASE("no arguments prints the overview to stderr with status 2") {
    TempDir dir("noargs");
    auto run = planner(dir, {});
    CHECK(run.status == 2);
    CHECK(run.err.find("Usage: planner COMMAND") != std::string::npos);
}

TEST_CASE("the version option prints the version") {
    TempDir dir("version");
    auto run = planner(dir, {"--version"});
    CHECK(run.status == 0);
    CHECK(run.out == "planner " PLANNER_VERSION "\n");
}

TEST_CASE("help CMD and CMD --help describe one command the same way") {
    TempDir dir("helpcmd");
    auto a = planner(dir, {"help", "import"});
    auto b = planner(dir, {"import", "--help"});
    CHECK(a.status == 0);
    CHECK(a.out == b.out);
    CHECK(a.out.find("Usage: planner import WORKSPACE FILE|FOLDER...") != std::string::npos);
    CHECK(a.out.find("--channel ID") != std::string::npos);
}

TEST_CASE("unknown commands and options suggest the nearest") {
    TempDir dir("unknown");
    auto run = planner(dir, {"shwo", "x.yaml"});
    CHECK(run.status == 2);
    CHECK(run.err ==
          "planner: error: unknown command 'shwo' (did you mean 'show'?); see `planner --help`\n");
    run = planner(dir, {"init", "x.yaml", "--sampel", "small-team"});
    CHECK(run.status == 2);
    CHECK(run.err == "planner: error: unknown option '--sampel' for `planner init` (did you "
                     "mean '--sample'?); see `planner init --help`\n");
    run = planner(dir, {"--verison"});
    CHECK(run.status == 2);
    CHECK(run.err.find("did you mean '--version'?") != std::string::npos);
    run = planner(dir, {"help", "imprt"});
    CHECK(run.status == 2);
    CHECK(run.err.find("did you mean 'import'?") != std::string::npos);
}

TEST_CASE("missing arguments and values are usage errors") {
    TempDir dir("missing");
    auto run = planner(dir, {"show"});
    CHECK(run.status == 2);
    CHECK(run.err == "planner: error: `planner show` needs more arguments; usage: planner show "
                     "PLAN [--format text|json] [-o FILE]\n");
    run = planner(dir, {"init", "a.yaml", "--sample"});
    CHECK(run.status == 2);
    CHECK(run.err.find("option '--sample' needs a value (NAME)") != std::string::npos);
}

TEST_CASE("init writes a sample, and refuses to overwrite") {
    TempDir dir("init");
    auto run = planner(dir, {"init", "team.yaml", "--sample", "latvian-retail"});
    CHECK(run.status == 0);
    CHECK(dir.read("team.yaml") == e2e::sample("latvian-retail.yaml"));
    run = planner(dir, {"init", "team.yaml"});
    CHECK(run.status == 2);
    CHECK(run.err.find("already exists") != std::string::npos);
    run = planner(dir, {"init", "other.yaml", "--sample", "latvian-retial"});
    CHECK(run.status == 2);
    CHECK(run.err.find("unknown sample 'latvian-retial' (did you mean 'latvian-retail'?)") !=
          std::string::npos);
    run = planner(dir, {"init", "small.yaml"});
    CHECK(run.status == 0);
    CHECK(dir.read("small.yaml") == e2e::sample("small-team.yaml"));
}

TEST_CASE("show prints names with Latvian letters, duty hours and vacancies") {
    TempDir dir("show");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    auto run = planner(dir, {"show", "plan.yaml"});
    CHECK(run.status == 0);
    for (const char* name : {"Līga Kalniņa", "Ilze Šķēle", "Kārlis Ķiploks", "Gunta Čakste",
                             "Rihards Ņikitins", "Evija Zariņa"})
        CHECK(run.out.find(name) != std::string::npos);
    // Instagram: create 12 x 2.5 = 30 hours; publish and approve 12 x 10 / 60 = 2;
    // engage 110 x 7 x 3 / 60 = 38.5.
    CHECK(run.out.find("Instagram  instagram    30.0      2.0      2.0    38.5") !=
          std::string::npos);
    CHECK(run.out.find("Vacancies (1)") != std::string::npos);
}

TEST_CASE("an invalid plan gives every error with its location and status 2") {
    TempDir dir("invalid");
    dir.write("bad.yaml", "version: 1\nplan:\n  name: x\n  overhead: 3\npeople:\n  - {id: a, "
                          "reports_to: b}\n");
    auto run = planner(dir, {"show", "bad.yaml"});
    CHECK(run.status == 2);
    CHECK(run.err == "bad.yaml:4:13: 'overhead' must be between 0 and 0.9, not 3\n"
                     "    4 |   overhead: 3\n"
                     "      |             ^\n"
                     "bad.yaml:6:25: unknown person 'b'\n"
                     "    6 |   - {id: a, reports_to: b}\n"
                     "      |                         ^\n"
                     "planner: error: the plan has 2 errors; fix them and run again\n");
}

TEST_CASE("check --lang lv gives an invalid plan's errors in Latvian, each at its place") {
    TempDir dir("invalid-lv");
    dir.write("bad.yaml", "version: 1\nplan:\n  name: x\n  overhead: 3\n  colour: red\n"
                          "people:\n  - {id: a, reports_to: b, status: actve}\n"
                          "  - {id: a}\n");
    auto run = planner(dir, {"check", "bad.yaml", "--lang", "lv"});
    CHECK(run.status == 2);
    CHECK(run.err ==
          "bad.yaml:4:13: laukam 'overhead' jābūt no 0 līdz 0.9, nevis 3\n"
          "    4 |   overhead: 3\n"
          "      |             ^\n"
          "bad.yaml:5:3: nezināma atslēga 'colour' sadaļā 'plan'\n"
          "    5 |   colour: red\n"
          "      |   ^\n"
          "bad.yaml:7:25: plānā nav cilvēka 'b'\n"
          "    7 |   - {id: a, reports_to: b, status: actve}\n"
          "      |                         ^\n"
          "bad.yaml:7:36: 'actve' nav derīga 'status' vērtība (varbūt domājāt 'active'?); "
          "izvēlieties vienu no šīm: active, vacancy, leaving, contractor\n"
          "    7 |   - {id: a, reports_to: b, status: actve}\n"
          "      |                                    ^\n"
          "bad.yaml:8:10: cilvēka id 'a' atkārtojas (pirmoreiz 7. rindā); katram ierakstam "
          "vajag savu id\n"
          "    8 |   - {id: a}\n"
          "      |          ^\n"
          "planner: error: kļūdu skaits plānā: 5; izlabojiet tās un palaidiet vēlreiz\n");
    // Without --lang the same errors are in English.
    auto english = planner(dir, {"check", "bad.yaml"});
    CHECK(english.status == 2);
    CHECK(english.err.find("unknown key 'colour' in plan") != std::string::npos);
    CHECK(english.err.find("nezināma") == std::string::npos);
}

namespace {
// The small-team sample with line `number` (1-based) replaced by `replacement`.
std::string sample_with_line(int number, const std::string& replacement) {
    std::string text = e2e::sample("small-team.yaml");
    size_t start = 0;
    for (int line = 1; line < number; ++line)
        start = text.find('\n', start) + 1;
    size_t end = text.find('\n', start);
    return text.substr(0, start) + replacement + text.substr(end);
}
} // namespace

TEST_CASE("a YAML error shows the line and a hint to quote a value with a colon") {
    TempDir dir("context-colon");
    dir.write("a.yaml", sample_with_line(10, "  name: Corner Bakery: social media"));
    auto run = planner(dir, {"check", "a.yaml"});
    CHECK(run.status == 2);
    CHECK(run.err == "a.yaml:10:22: YAML syntax error: invalid nested block mapping on the "
                     "same line\n"
                     "   10 |   name: Corner Bakery: social media\n"
                     "      |                      ^\n"
                     "hint: a value that contains \": \" or \" #\" must be in quotes: name: "
                     "\"Corner Bakery: social media\"\n"
                     "planner: error: the plan has 1 error; fix it and run again\n");
}

TEST_CASE("a value cut off by a hash shows its own line and says hash starts a comment") {
    TempDir dir("context-hash");
    dir.write("c.yaml", sample_with_line(14, "  overhead: #0.2"));
    auto run = planner(dir, {"check", "c.yaml"});
    CHECK(run.status == 2);
    CHECK(run.err == "c.yaml:14:13: 'overhead' has no value; write one or remove the line\n"
                     "   14 |   overhead: #0.2\n"
                     "      |             ^\n"
                     "hint: '#' starts a comment in YAML, so 'overhead' has "
                     "no value; put the value in quotes: overhead: \"#0.2\"\n"
                     "planner: error: the plan has 1 error; fix it and run "
                     "again\n");
}

TEST_CASE("a tab in the indentation shows the line and says to use spaces") {
    TempDir dir("context-tab");
    dir.write("d.yaml", sample_with_line(19, "\tkind: reach"));
    auto run = planner(dir, {"check", "d.yaml"});
    CHECK(run.status == 2);
    CHECK_THAT(run.err,
               Catch::StartsWith("d.yaml:19:1: YAML syntax error: tab character may not be used as "
                                 "indentation\n   19 | \tkind: reach\n      | ^\n"));
    CHECK_THAT(run.err, Catch::Contains(
                            "hint: indent with spaces; YAML does not allow tabs in indentation\n"));
}

TEST_CASE("an indentation error shows both columns") {
    TempDir dir("context-indent");
    dir.write("b.yaml", sample_with_line(19, "  kind: reach"));
    auto run = planner(dir, {"check", "b.yaml"});
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains("hint: check the indentation: this line starts at "
                                        "column "));
    CHECK_THAT(run.err, Catch::Contains("the entries of one list or mapping start at the same "
                                        "column\n"));
}

TEST_CASE("a meaning error shows its line with a caret under the column") {
    TempDir dir("context-meaning");
    dir.write("e.yaml", sample_with_line(20, "    owner: samm"));
    auto run = planner(dir, {"check", "e.yaml"});
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::StartsWith("e.yaml:20:12: "));
    CHECK_THAT(run.err, Catch::Contains("\n   20 |     owner: samm\n"
                                        "      |            ^\n"));
}

TEST_CASE("shell completion scripts know every command and its options") {
    TempDir dir("completion");
    auto bash = planner(dir, {"completion", "bash"});
    CHECK(bash.status == 0);
    CHECK_THAT(bash.out, Catch::Contains("complete -o filenames -F _planner planner\n"));
    CHECK_THAT(bash.out, Catch::Contains("    workload) options=\"--by --lang --format --output "
                                         "-o --help\" ;;\n"));
    for (const char* command : {"init", "check", "report", "snapshots", "completion"})
        CHECK_THAT(bash.out, Catch::Contains(std::string(" ") + command));
    auto zsh = planner(dir, {"completion", "zsh"});
    CHECK(zsh.status == 0);
    CHECK_THAT(zsh.out, Catch::StartsWith("#compdef planner\n"));
    CHECK_THAT(zsh.out, Catch::Contains("'--fail-on[error, warning, info or never"));
    if (system("command -v bash >/dev/null 2>&1") == 0) {
        dir.write("planner.bash", bash.out);
        const std::string check = "cd '" + dir.path().string() +
                                  "' && bash -n planner.bash && bash -c 'source planner.bash && "
                                  "COMP_WORDS=(planner work); COMP_CWORD=1; _planner; "
                                  "[ \"${COMPREPLY[*]}\" = workload ]'";
        CHECK(system(check.c_str()) == 0);
    }
    CHECK(planner(dir, {"completion", "fish"}).status == 2);
}

TEST_CASE("progress is drawn on a terminal and never in a pipe or with quiet") {
    TempDir dir("progress");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    if (system("command -v script >/dev/null 2>&1") != 0)
        return; // util-linux's script runs a command under a pseudo-terminal
    const std::string exe = PLANNER_EXE;
    const auto under_terminal = [&](const std::string& extra) {
        const std::string command = "cd '" + dir.path().string() +
                                    "' && PLANNER_PROGRESS_AFTER_MS=0 script -qec \"" + exe +
                                    " check plan.yaml --fail-on never -o out.txt" + extra +
                                    "\" /dev/null > terminal.txt 2>&1";
        REQUIRE(system(command.c_str()) == 0);
        return dir.read("terminal.txt");
    };
    const std::string shown = under_terminal("");
    CHECK_THAT(shown, Catch::Contains("% reading the plan"));
    CHECK_THAT(shown, Catch::Contains("\r\x1b[K"));
    CHECK_THAT(shown, Catch::Contains("Wrote the findings to out.txt."));
    const std::string quiet = under_terminal(" --quiet");
    CHECK_THAT(quiet, !Catch::Contains("reading the plan"));
    CHECK_THAT(quiet, Catch::Contains("Wrote the findings to out.txt."));
    auto piped = planner(dir, {"check", "plan.yaml", "--fail-on", "never", "-o", "out.txt"},
                         {"PLANNER_PROGRESS_AFTER_MS=0"});
    CHECK(piped.err == "Wrote the findings to out.txt.\n");
}

TEST_CASE("tables and findings fit the terminal's width, and keep full cells in a file") {
    TempDir dir("terminal-width");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    if (system("command -v script >/dev/null 2>&1") != 0)
        return; // util-linux's script runs a command under a pseudo-terminal
    const std::string exe = PLANNER_EXE;
    const auto widest_line = [](const std::string& text) {
        size_t widest = 0, line = 0;
        for (size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c == '\n') {
                widest = std::max(widest, line);
                line = 0;
            } else if (c != '\r' && (c & 0xC0) != 0x80) {
                ++line;
            }
        }
        return std::max(widest, line);
    };
    for (const std::string command : {"workload plan.yaml", "check plan.yaml --fail-on never",
                                      "staff plan.yaml", "show plan.yaml"}) {
        INFO(command);
        const std::string run = "cd '" + dir.path().string() +
                                "' && NO_COLOR=1 script -qec \"stty cols 60; " + exe + " " +
                                command + "\" /dev/null > terminal.txt 2>&1";
        REQUIRE(system(run.c_str()) == 0);
        const std::string shown = dir.read("terminal.txt");
        CHECK(shown.size() > 200);
        CHECK(widest_line(shown) <= 60);
        // Written to a pipe, the same command keeps its full width (100 columns).
        auto piped = planner(dir, {"workload", "plan.yaml"});
        CHECK(widest_line(piped.out) > 60);
    }
}

TEST_CASE("staff --explain speaks the language of --lang") {
    TempDir dir("explain-lv");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    auto lv =
        planner(dir, {"staff", "plan.yaml", "--explain", "community-manager", "--lang", "lv"});
    REQUIRE(lv.status == 0);
    CHECK_THAT(lv.out, Catch::Contains("1. Kanālu pienākumu stundas, ko veic šī loma:"));
    CHECK_THAT(lv.out, Catch::Contains("ziņas/dienā x 7 x"));
    CHECK_THAT(lv.out, !Catch::Contains("Hours of the channel duties"));
    CHECK_THAT(lv.out, !Catch::Contains("inbound/day"));
    auto en = planner(dir, {"staff", "plan.yaml", "--explain", "community-manager"});
    CHECK_THAT(en.out, Catch::Contains("1. Hours of the channel duties this role performs:"));
}
