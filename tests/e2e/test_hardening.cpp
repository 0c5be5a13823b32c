// Issue 15, "nothing lost, nothing crashes": one regression test per defect found by the
// adversarial run, named after it. See docs/reliability.md.
#include "tests/e2e/e2e.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using e2e::planner;
using e2e::Run;
using e2e::TempDir;
namespace fs = std::filesystem;

namespace {
// Runs a shell script in `dir` with $P naming the planner executable.
Run shell(const TempDir& dir, const std::string& script) {
    std::ofstream(dir.file(".script.sh")) << "P='" << PLANNER_EXE << "'\n" << script << "\n";
    std::string command =
        "cd '" + dir.path().string() + "' && NO_COLOR=1 sh .script.sh >.out 2>.err </dev/null";
    int raw = std::system(command.c_str());
    Run run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = dir.read(".out");
    run.err = dir.read(".err");
    fs::remove(dir.file(".out"));
    fs::remove(dir.file(".err"));
    fs::remove(dir.file(".script.sh"));
    return run;
}

void sql(const std::string& path, const std::string& statements) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    int rc = sqlite3_exec(db, statements.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    INFO(message);
    REQUIRE(rc == SQLITE_OK);
}

const std::string
    k_png("\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x04\x00\x00"
          "\x00\x04\x08\x02\x00\x00\x00\x26\x93\x09\x29\x00\x00\x00\x27\x49\x44\x41\x54\x78\x9c\x15"
          "\x89\xc1\x11\x00\x30\x10\x44\x14\xb6\x85\x29\x4c\x81\xc9\x79\x31\x00\x87\x62\x08\x73\xd3"
          "\xd9\x7e\x9c\x1c\xfd\x4d\xae\xd3\xf2\x01\x9a\xe3\x12\xc1\x5d\x82\x66\xc3\x00\x00\x00\x00"
          "\x49\x45\x4e\x44\xae\x42\x60\x82",
          96);

// A workspace with the small-team plan.
void small_team_workspace(const TempDir& dir, const std::string& name = "t.db") {
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    REQUIRE(planner(dir, {"import", name, "plan.yaml"}).status == 0);
}

size_t count_entries(const fs::path& folder) {
    size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(folder))
        ++n;
    return n;
}
} // namespace

// ---- output safety ----------------------------------------------------------------------

TEST_CASE("output -o onto an input is refused with exit 2 and the input is kept") {
    TempDir dir("out-input");
    small_team_workspace(dir);
    const std::string workspace = dir.read("t.db");
    const std::string plan = dir.read("plan.yaml");
    const std::vector<std::vector<std::string>> commands = {
        {"report", "staffing", "t.db", "-o", "t.db"},
        {"export-plan", "t.db", "-o", "t.db"},
        {"show", "t.db", "-o", "t.db"},
        {"check", "t.db", "-o", "t.db"},
        {"workload", "t.db", "-o", "t.db"},
        {"diff", "plan.yaml", "t.db", "-o", "t.db"},
        {"show", "plan.yaml", "-o", "plan.yaml"},
        {"diff", "plan.yaml", "t.db", "-o", "./plan.yaml"},
        {"report", "audit", "plan.yaml", "--format", "json", "-o", "plan.yaml"},
    };
    for (const auto& args : commands) {
        Run run = planner(dir, args);
        INFO(args[0] << " " << args[1]);
        CHECK(run.status == 2);
        CHECK_THAT(run.err, Catch::Contains("is one of this command's inputs"));
    }
    CHECK(dir.read("t.db") == workspace);
    CHECK(dir.read("plan.yaml") == plan);
}

TEST_CASE("output -o /dev/null, /dev/full and a FIFO are written directly, errors reported") {
    TempDir dir("out-devices");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    CHECK(planner(dir, {"show", "plan.yaml", "-o", "/dev/null"}).status == 0);
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    Run full = planner(dir, {"report", "staffing", "plan.yaml", "-o", "/dev/full"});
    CHECK(full.status == 2);
    CHECK_THAT(full.err, Catch::Contains("No space left on device"));
    REQUIRE(::stat("/dev/full", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    Run fifo = shell(dir, "mkfifo pipe && { cat pipe > got.txt & c=$!; }; $P show plan.yaml -o "
                          "pipe; s=$?; wait $c; exit $s");
    CHECK(fifo.status == 0);
    CHECK(fs::is_fifo(dir.file("pipe")));
    CHECK_THAT(dir.read("got.txt"), Catch::Contains("Corner Bakery"));
}

TEST_CASE("write errors on standard output exit 2 with the reason") {
    TempDir dir("stdout-full");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    Run show = shell(dir, "$P show plan.yaml > /dev/full");
    CHECK(show.status == 2);
    CHECK_THAT(show.err, Catch::Contains("cannot write to standard output: No space left"));
    Run exported = shell(dir, "$P export-plan plan.yaml > /dev/full");
    CHECK(exported.status == 2);
    Run closed = shell(dir, "$P show plan.yaml >&-");
    CHECK(closed.status == 2);
    CHECK_THAT(closed.err, Catch::Contains("cannot write to standard output"));
    CHECK(shell(dir, "$P show plan.yaml > /dev/null").status == 0);
}

TEST_CASE("output -o onto a folder names the folder instead of 'Success'") {
    TempDir dir("out-folder");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    fs::create_directory(dir.file("adir"));
    Run run = planner(dir, {"export-plan", "plan.yaml", "-o", "adir"});
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains("it is a folder") && !Catch::Contains("Success"));
}

TEST_CASE("a CSV report folder is written whole or not at all and replaces an earlier one") {
    TempDir dir("csv-folder");
    small_team_workspace(dir);
    REQUIRE(planner(dir, {"report", "staffing", "t.db", "--format", "csv", "-o", "out"}).status ==
            0);
    size_t tables = count_entries(dir.file("out"));
    CHECK(tables >= 5);
    dir.write("out/stale.csv", "from an earlier export\r\n");
    REQUIRE(planner(dir, {"report", "staffing", "t.db", "--format", "csv", "-o", "out"}).status ==
            0);
    CHECK(count_entries(dir.file("out")) == tables); // replaced as a whole
    CHECK_FALSE(fs::exists(dir.file("out/stale.csv")));
    // A folder holding someone's other files is not replaced.
    dir.write("out/notes.txt", "mine");
    Run run = planner(dir, {"report", "staffing", "t.db", "--format", "csv", "-o", "out"});
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains("'notes.txt'"));
    CHECK(dir.read("out/notes.txt") == "mine");
    // No temporary folder is left beside it.
    for (const auto& entry : fs::directory_iterator(dir.path()))
        CHECK(entry.path().filename().string().find("planner-tmp") == std::string::npos);
}

TEST_CASE("killed report runs leave .NAME.pdf.tmp-PID files that the next run removes") {
    TempDir dir("tmp-cleanup");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    // Process ids that no longer run: exited children.
    Run gone = shell(dir, "sh -c 'echo $$' > pid.txt");
    REQUIRE(gone.status == 0);
    std::string pid = dir.read("pid.txt");
    pid.erase(pid.find_last_not_of("\n") + 1);
    dir.write(".report.pdf.tmp-" + pid + "-0", "half a PDF");
    dir.write(".report.pdf.planner-tmp-" + pid + "-1", "half a PDF");
    REQUIRE(planner(dir, {"report", "staffing", "plan.yaml", "-o", "report.pdf"}).status == 0);
    CHECK_FALSE(fs::exists(dir.file(".report.pdf.tmp-" + pid + "-0")));
    CHECK_FALSE(fs::exists(dir.file(".report.pdf.planner-tmp-" + pid + "-1")));
}

TEST_CASE("demo builds its folder under a temporary name and replaces an earlier demo") {
    TempDir dir("demo-staged");
    REQUIRE(planner(dir, {"demo", "--output-dir", "d"}, {"SOURCE_DATE_EPOCH=1767225600"}).status ==
            0);
    CHECK(fs::exists(dir.file("d/team.db")));
    Run again = planner(dir, {"demo", "--output-dir", "d"}, {"SOURCE_DATE_EPOCH=1767225600"});
    CHECK(again.status == 0);
    CHECK_THAT(again.out, Catch::Contains("in d/") && !Catch::Contains("planner-tmp"));
    dir.write("d/mine.txt", "keep");
    Run refused = planner(dir, {"demo", "--output-dir", "d"});
    CHECK(refused.status == 2);
    CHECK(dir.read("d/mine.txt") == "keep");
    CHECK(count_entries(dir.path()) == 1);
}

// ---- bad input ----------------------------------------------------------------------------

TEST_CASE("a NUL byte in a plan is an error with its position, and imports nothing") {
    TempDir dir("nul");
    small_team_workspace(dir);
    const std::string before = dir.read("t.db");
    dir.write("nul.yaml", std::string("version: 1\nplan:\n  overhead: 0.2\0junk\n", 38));
    Run show = planner(dir, {"show", "nul.yaml"});
    CHECK(show.status == 2);
    CHECK_THAT(show.err, Catch::Contains("nul.yaml:3:16: the file contains a NUL byte"));
    Run import = planner(dir, {"import", "t.db", "nul.yaml"});
    CHECK(import.status == 2);
    CHECK(dir.read("t.db") == before);
}

TEST_CASE("a corrupt PNG logo in a brand file is an error, never an abort") {
    TempDir dir("png");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    dir.write("brand.yaml", "consultant: C\nclient: K\nlogo: logo.png\n");
    dir.write("logo.png", k_png);
    REQUIRE(
        planner(dir, {"report", "staffing", "plan.yaml", "--brand", "brand.yaml", "-o", "good.pdf"})
            .status == 0);
    std::vector<std::string> variants;
    for (size_t cut : {8, 16, 29, 33, 40, 50, 60, 70, 80, 88, 92})
        variants.push_back(k_png.substr(0, cut)); // truncated
    std::string crc = k_png;
    crc[45] = static_cast<char>(crc[45] ^ 0x55); // IDAT data: CRC error
    variants.push_back(crc);
    std::string huge = k_png;
    huge[16] = '\x7f'; // IHDR width 2 billion (and a CRC error)
    variants.push_back(huge);
    for (size_t i = 0; i < variants.size(); ++i) {
        dir.write("logo.png", variants[i]);
        Run run = planner(
            dir, {"report", "staffing", "plan.yaml", "--brand", "brand.yaml", "-o", "bad.pdf"});
        INFO("variant " << i);
        CHECK(run.status == 2);
        CHECK_THAT(run.err, Catch::Contains("brand.yaml:3:7: the logo"));
        CHECK_FALSE(fs::exists(dir.file("bad.pdf")));
    }
}

TEST_CASE("a workspace whose schema version is -1 or 2147483648 is reported as damaged") {
    TempDir dir("schema-range");
    small_team_workspace(dir);
    for (const char* version : {"-1", "2147483648", "0", "9223372036854775807"}) {
        fs::copy_file(dir.file("t.db"), dir.file("bad.db"), fs::copy_options::overwrite_existing);
        sql(dir.file("bad.db"), std::string("UPDATE schema_version SET version = ") + version);
        for (const char* command : {"show", "check", "export-plan"}) {
            Run run = planner(dir, {command, "bad.db"});
            INFO(version << " " << command);
            CHECK(run.status == 2);
            CHECK_THAT(run.err, Catch::Contains("bad.db") && Catch::Contains("is damaged"));
        }
        Run import = planner(dir, {"import", "bad.db", "plan.yaml"});
        CHECK(import.status == 2);
    }
}

TEST_CASE("another application's SQLite file gets no planner tables on import") {
    TempDir dir("foreign");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    sql(dir.file("other.db"), "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x')");
    const std::string before = dir.read("other.db");
    Run run = planner(dir, {"import", "other.db", "plan.yaml"});
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains("another application"));
    CHECK(dir.read("other.db") == before);
    sql(dir.file("appid.db"), "PRAGMA application_id = 1234");
    CHECK(planner(dir, {"import", "appid.db", "plan.yaml"}).status == 2);
}

TEST_CASE("a truncated workspace is reported with its file name") {
    TempDir dir("truncated");
    small_team_workspace(dir);
    std::string bytes = dir.read("t.db");
    dir.write("cut.db", bytes.substr(0, 4096 + 100));
    Run run = planner(dir, {"show", "cut.db"});
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains("cut.db"));
}

TEST_CASE("a hot journal left by an interrupted write does not break read commands") {
    TempDir dir("hot-journal");
    small_team_workspace(dir);
    const std::string plan_before = planner(dir, {"export-plan", "t.db"}).out;
    // A writer that dies in the middle of a transaction after its changes reached the file.
    pid_t child = ::fork();
    if (child == 0) {
        sqlite3* db = nullptr;
        sqlite3_open(dir.file("t.db").c_str(), &db);
        sqlite3_exec(db,
                     "PRAGMA cache_size = 1; BEGIN; DELETE FROM plan; "
                     "INSERT INTO settings VALUES ('x', zeroblob(200000)); ",
                     nullptr, nullptr, nullptr);
        ::_exit(0); // no COMMIT, no ROLLBACK
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(fs::exists(dir.file("t.db-journal")));
    REQUIRE(fs::file_size(dir.file("t.db-journal")) > 0);
    Run show = planner(dir, {"export-plan", "t.db"});
    CHECK(show.status == 0);
    CHECK(show.out == plan_before);
    CHECK_FALSE(fs::exists(dir.file("t.db-journal")));
}

TEST_CASE("two first imports at once cannot delete each other's work") {
    TempDir dir("first-imports");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    dir.write("bad.yaml", "version: 1\nplan: [\n");
    int valid_failed = 0, missing = 0;
    for (int i = 0; i < 12; ++i) {
        Run run = shell(dir, "rm -f t.db; $P import t.db plan.yaml > a.txt 2>&1 & "
                             "$P import t.db bad.yaml > b.txt 2>&1; wait $!; echo $? > s.txt");
        REQUIRE(run.status == 0);
        if (dir.read("s.txt") != "0\n")
            ++valid_failed;
        if (!fs::exists(dir.file("t.db")) ||
            planner(dir, {"show", "t.db"}).out.find("Corner Bakery") == std::string::npos)
            ++missing;
    }
    CHECK(valid_failed == 0);
    CHECK(missing == 0);
    for (const auto& entry : fs::directory_iterator(dir.path()))
        CHECK(entry.path().filename().string().find("planner-tmp") == std::string::npos);
}

TEST_CASE("a failed first import leaves no empty workspace") {
    TempDir dir("first-fails");
    dir.write("bad.yaml", "version: 1\nplan: [\n");
    CHECK(planner(dir, {"import", "t.db", "bad.yaml"}).status == 2);
    CHECK(count_entries(dir.path()) == 1);
}

// ---- wrong results ------------------------------------------------------------------------

TEST_CASE("the same analytics file with another --year or --channel is imported again") {
    TempDir dir("reimport-options");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    REQUIRE(planner(dir, {"import", "t.db", "plan.yaml"}).status == 0);
    dir.write("Overview.csv", e2e::sample("metrics/tiktok/Overview.csv"));
    Run first =
        planner(dir, {"import", "t.db", "Overview.csv", "--channel", "tiktok", "--year", "2026"});
    REQUIRE(first.status == 0);
    Run same =
        planner(dir, {"import", "t.db", "Overview.csv", "--channel", "tiktok", "--year", "2026"});
    CHECK_THAT(same.out, Catch::Contains("imported before"));
    Run other_year =
        planner(dir, {"import", "t.db", "Overview.csv", "--channel", "tiktok", "--year", "2025"});
    CHECK(other_year.status == 0);
    CHECK_THAT(other_year.out, !Catch::Contains("imported before") && Catch::Contains("stored"));
}

TEST_CASE("re-importing the same analytics file is recognised before it is parsed") {
    TempDir dir("reimport-hash");
    small_team_workspace(dir);
    dir.write("m.csv", "date,channel,profile,metric,value\n2027-01-02,instagram,,reach,5\n");
    REQUIRE(planner(dir, {"import", "t.db", "m.csv"}).status == 0);
    Run again = planner(dir, {"import", "t.db", "m.csv"});
    CHECK(again.status == 0);
    CHECK_THAT(again.out, Catch::Contains("imported before"));
}

TEST_CASE("a roster imported twice changes nothing the second time") {
    TempDir dir("roster-twice");
    small_team_workspace(dir);
    dir.write("r.csv", "id,name,roles\nsam,Sam Taylor,owner\nneu,New Person,owner\n");
    REQUIRE(planner(dir, {"import", "t.db", "r.csv"}).status == 0);
    const std::string once = planner(dir, {"export-plan", "t.db"}).out;
    Run twice = planner(dir, {"import", "t.db", "r.csv"});
    CHECK(twice.status == 0);
    CHECK_THAT(twice.out, Catch::Contains("nothing changed"));
    CHECK(planner(dir, {"export-plan", "t.db"}).out == once);
}

TEST_CASE("a roster that breaks the plan names the roster, not lines of a rewritten plan") {
    TempDir dir("roster-after");
    small_team_workspace(dir);
    dir.write("r.csv", "id,reports_to\nsam,tom\ntom,sam\n");
    Run run = planner(dir, {"import", "t.db", "r.csv"});
    if (run.status == 2)
        CHECK_THAT(run.err, !Catch::Contains("(plan after the roster)"));
}

TEST_CASE("a header-only analytics file is refused") {
    TempDir dir("header-only");
    small_team_workspace(dir);
    dir.write("m.csv", "date,channel,profile,metric,value\n");
    Run run = planner(dir, {"import", "t.db", "m.csv"});
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains("no data rows"));
}

TEST_CASE("analytics for a profile the plan does not have are refused") {
    TempDir dir("unknown-profile");
    small_team_workspace(dir);
    dir.write("m.csv", "date,channel,profile,metric,value\n2027-01-02,instagram,nosuch,reach,5\n");
    Run run = planner(dir, {"import", "t.db", "m.csv"});
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains("m.csv:2:1: profile 'nosuch' is not a profile of channel "
                                        "'instagram'") &&
                            Catch::Contains("ig-bakery"));
    dir.write("ok.csv",
              "date,channel,profile,metric,value\n2027-01-02,instagram,ig-bakery,reach,5\n");
    CHECK(planner(dir, {"import", "t.db", "ok.csv"}).status == 0);
}

TEST_CASE("analytics cannot be imported into a workspace with no plan") {
    TempDir dir("no-plan");
    dir.write("m.csv", "date,channel,profile,metric,value\n2027-01-02,instagram,,reach,5\n");
    Run run = planner(dir, {"import", "t.db", "m.csv"});
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains("no plan yet"));
    CHECK_FALSE(fs::exists(dir.file("t.db")));
    // In one import, after the plan, they are fine.
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    CHECK(planner(dir, {"import", "t.db", "plan.yaml", "m.csv"}).status == 0);
}

TEST_CASE("9999-12-31 is a date analytics may carry") {
    TempDir dir("far-date");
    small_team_workspace(dir);
    dir.write("m.csv", "date,channel,profile,metric,value\n9999-12-31,instagram,,reach,5\n");
    Run run = planner(dir, {"import", "t.db", "m.csv"});
    CHECK(run.status == 0);
    CHECK_THAT(run.out, Catch::Contains("1 value stored"));
}

TEST_CASE("quarter 0000-Q1 is written as 0000-Q1, not 0-Q1") {
    TempDir dir("quarter-zero");
    std::string plan = e2e::sample("small-team.yaml");
    plan.replace(plan.find("quarter: 2027-Q1"), 16, "quarter: 0000-Q1");
    dir.write("plan.yaml", plan);
    Run show = planner(dir, {"show", "plan.yaml", "--format", "json"});
    CHECK_THAT(show.out, Catch::Contains("\"0000-Q1\"") && !Catch::Contains("\"0-Q1\""));
    Run exported = planner(dir, {"export-plan", "plan.yaml"});
    CHECK_THAT(exported.out, Catch::Contains("quarter: 0000-Q1"));
}

// ---- CSV formula injection ------------------------------------------------------------------

TEST_CASE("CSV exports neutralise formulas in names from the plan, in every table") {
    TempDir dir("formula");
    std::string plan = e2e::sample("small-team.yaml");
    auto rename = [&](const std::string& from, const std::string& to) {
        for (size_t at = 0; (at = plan.find(from, at)) != std::string::npos; at += to.size())
            plan.replace(at, from.size(), to);
    };
    rename("\"Sam Taylor\"", "\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"");
    rename("\"Priya Shah\"", "\"+cmd|' /C calc'!A0\"");
    rename("\"Tom Hughes\"", "\"@SUM(A1:A9)\"");
    rename("\"Owner\"", "\"-2+3\"");
    rename("\"Instagram\"", "\"=1+1\"");
    dir.write("plan.yaml", plan);
    REQUIRE(planner(dir, {"import", "t.db", "plan.yaml"}).status == 0);
    dir.write("m.csv", "date,channel,profile,metric,value\n2027-01-02,instagram,,reach,5\n");
    REQUIRE(planner(dir, {"import", "t.db", "m.csv"}).status == 0);
    std::vector<std::string> files;
    for (const char* kind : {"staffing", "audit", "quarterly"}) {
        std::string out = std::string("csv-") + kind;
        REQUIRE(planner(dir, {"report", kind, "t.db", "--format", "csv", "-o", out}).status == 0);
        for (const auto& entry : fs::directory_iterator(dir.file(out)))
            files.push_back(entry.path().string());
    }
    for (const char* command : {"check", "workload", "staff", "rebalance"}) {
        Run run =
            planner(dir, {command, "t.db", "--format", "csv", "-o", std::string(command) + ".csv"});
        if (fs::exists(dir.file(std::string(command) + ".csv")))
            files.push_back(dir.file(std::string(command) + ".csv"));
    }
    for (const char* table : {"workload.csv", "care_rotas.csv", "drivers.csv", "role_drivers.csv",
                              "kpi_coverage.csv"}) {
        bool found = false;
        for (const auto& f : files)
            found = found || fs::path(f).filename() == table;
        INFO(table);
        CHECK(found);
    }
    int cells_checked = 0, names_found = 0;
    for (const auto& file : files) {
        std::string text = e2e::read_file(file);
        // Every cell start: the file start, after a comma, after a line end; quoted or not.
        for (size_t i = 0; i < text.size(); ++i) {
            bool start = i == 0 || text[i - 1] == ',' || text[i - 1] == '\n';
            if (!start)
                continue;
            size_t at = text[i] == '"' ? i + 1 : i;
            if (at >= text.size())
                continue;
            char c = text[at];
            ++cells_checked;
            INFO(file << " at byte " << at << ": " << text.substr(at, 30));
            CHECK(c != '=');
            CHECK(c != '@');
            if (c == '+' || c == '-') {
                size_t end = text.find_first_of(",\r\n\"", at);
                std::string cell = text.substr(at, end - at);
                CHECK(cell.find_first_not_of("+-0123456789.,eE") == std::string::npos);
            }
        }
        for (const char* neutralised : {"'=HYPERLINK", "'+cmd", "'@SUM", "'=1+1", "'-2+3"})
            if (text.find(neutralised) != std::string::npos)
                ++names_found;
    }
    CHECK(cells_checked > 100);
    CHECK(names_found >= 5); // the names are in the tables, with their quote
}

// ---- messages -------------------------------------------------------------------------------

TEST_CASE("syntax errors never point past the end of the file") {
    TempDir dir("syntax-end");
    const std::vector<std::string> cases = {"version: 1\nplan: [",
                                            "version: 1\nplan: {",
                                            "version: 1\nplan: \"abc",
                                            "version: 1\nplan: 'abc",
                                            "a: [1, 2",
                                            "- [",
                                            "{",
                                            "a: |\n  b\n c: ["};
    for (const auto& text : cases) {
        dir.write("p.yaml", text);
        Run run = planner(dir, {"show", "p.yaml"});
        INFO(text << "\n" << run.err);
        CHECK(run.status == 2);
        int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
        int line = 0, column = 0;
        REQUIRE(std::sscanf(run.err.c_str(), "p.yaml:%d:%d:", &line, &column) == 2);
        CHECK(line <= lines);
    }
}

TEST_CASE("an error in an alias points at the alias, not only at the anchor") {
    TempDir dir("alias-error");
    std::string plan = e2e::sample("small-team.yaml");
    // An anchored valid fte, then an alias used where a list of roles is wanted.
    plan.replace(plan.find("    fte: 0.5\n"), 13, "    fte: &half 0.5\n");
    size_t tom = plan.find("    roles: [community]");
    plan.replace(tom, 22, "    roles: *half");
    dir.write("plan.yaml", plan);
    Run run = planner(dir, {"show", "plan.yaml"});
    CHECK(run.status == 2);
    int alias_line = 1 + static_cast<int>(std::count(plan.begin(), plan.begin() + tom, '\n'));
    CHECK_THAT(run.err, Catch::Contains("plan.yaml:" + std::to_string(alias_line) + ":"));
}

TEST_CASE("a folder as PLAN is named a folder, not an empty plan") {
    TempDir dir("plan-folder");
    fs::create_directory(dir.file("adir"));
    Run run = planner(dir, {"show", "adir"});
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains("folder") && !Catch::Contains("the plan is empty"));
}

TEST_CASE("a FIFO as PLAN with no writer does not hang") {
    TempDir dir("plan-fifo");
    Run run = shell(dir, "mkfifo p.yaml && timeout 10 $P show p.yaml");
    CHECK(run.status == 2); // 124 would be the timeout
    Run fed = shell(dir, "mkfifo q.yaml && timeout 10 $P show q.yaml");
    CHECK(fed.status != 124);
}

TEST_CASE("control characters from bad ids are not echoed raw to the terminal") {
    TempDir dir("escape");
    std::string plan = e2e::sample("small-team.yaml");
    plan.replace(plan.find("owner: sam"), 10, "owner: \"s\x1b[31mam\"");
    dir.write("plan.yaml", plan);
    Run run = planner(dir, {"check", "plan.yaml"});
    CHECK(run.status == 2);
    CHECK(run.err.find('\x1b') == std::string::npos);
    CHECK_THAT(run.err, Catch::Contains("\\x1B"));
}

TEST_CASE("an export too large to read whole is refused before it is read, nothing stored") {
    TempDir dir("too-large-export");
    small_team_workspace(dir);
    const std::string before = dir.read("t.db");
    // A Meta-style header (read whole, not the generic layout), then a sparse tail: 65 MB on
    // paper, no disk used.
    dir.write("big.csv", "Date,Primary,Reach\n");
    fs::resize_file(dir.file("big.csv"), (uintmax_t{65} << 20));
    Run run = planner(dir, {"import", "t.db", "big.csv"});
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains("'big.csv' is 65 MB") && Catch::Contains("up to 64 MB") &&
                            Catch::Contains("date,channel,profile,metric,value"));
    CHECK(dir.read("t.db") == before);
}

TEST_CASE("check written in pieces gives the same bytes to a file as to standard output") {
    TempDir dir("check-pieces");
    // A plan large enough for many pieces (over 64 KiB of findings).
    Run generated = shell(dir, "/usr/bin/python3 '" + std::string(PLANNER_SOURCE_DIR) +
                                   "/tests/bench/generate_plan.py' 2000 1 big.yaml");
    REQUIRE(generated.status == 0);
    for (const char* format : {"text", "json", "csv"}) {
        Run out = planner(dir, {"check", "big.yaml", "--fail-on", "never", "--format", format});
        REQUIRE(out.status == 0);
        CHECK(out.out.size() > (size_t{1} << 17));
        Run file = planner(
            dir, {"check", "big.yaml", "--fail-on", "never", "--format", format, "-o", "out.txt"});
        REQUIRE(file.status == 0);
        CHECK(dir.read("out.txt") == out.out);
    }
    for (const auto& entry : fs::directory_iterator(dir.path()))
        CHECK(entry.path().filename().string().find(".planner-tmp-") == std::string::npos);
}
