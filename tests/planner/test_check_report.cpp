// The check report as a whole: order, suppressions, counts, --fail-on, determinism, the
// renderings (text, JSON, CSV), the catalogue and docs/checks.md, and `planner check`.
#include "exporters/text_wrap.hpp"
#include "model/plan_reader.hpp"
#include "planner/checks/check_render.hpp"
#include "planner/checks/checks.hpp"
#include "planner/checks/evidence_words.hpp"
#include "planner/cli/commands/check.hpp"
#include "planner/core/errors.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/core/texts.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

using namespace planner;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string clean_yaml() {
    return read_text(std::string(PLANNER_TEST_DATA) + "/checks/clean.yaml");
}

std::string with(std::string yaml, const std::string& from, const std::string& to) {
    auto at = yaml.find(from);
    INFO(from);
    REQUIRE(at != std::string::npos);
    return yaml.replace(at, from.size(), to);
}

model::Plan plan_of(const std::string& yaml) {
    model::PlanReadResult result = model::read_plan_text("t.yaml", yaml);
    for (const model::Diagnostic& error : result.errors)
        UNSCOPED_INFO(error.to_string());
    REQUIRE(result.ok());
    return result.plan;
}

// The clean plan with an error (COV001 on engage), warnings (LOAD003 on create) and an info
// (ORG003).
std::string mixed_yaml() {
    std::string yaml = with(clean_yaml(), "{person: anna, duty: engage, channel: ig, share: 0.6}",
                            "{person: anna, duty: engage, channel: ig, raci: C}");
    yaml = with(yaml, "{person: janis, duty: engage, channel: ig, share: 0.4}",
                "{person: janis, duty: engage, channel: ig, raci: C}");
    yaml = with(yaml, "{person: janis, duty: create, channel: ig, share: 0.5}",
                "{person: janis, duty: create, channel: ig, share: 0.3}");
    yaml = with(yaml, "roles: [creator], capacity_hours: 8, reports_to: liga}\n",
                "roles: [creator], capacity_hours: 8}\n");
    return yaml;
}

size_t display_width(const std::string& text) {
    size_t count = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80)
            ++count;
    return count;
}

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() /
               ("planner-check-test-" + std::to_string(std::rand()) + "-" +
                std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

struct CommandRun {
    int status = -1;
    std::string out;
    std::string err;
};

CommandRun run_command(const std::vector<std::string>& positional,
                       const std::map<std::string, std::vector<std::string>>& values,
                       bool terminal = false) {
    ParsedArgs args;
    args.positional = positional;
    args.values = values;
    std::ostringstream out;
    std::ostringstream err;
    Streams streams{out, err, terminal, false};
    CommandRun run;
    run.status = run_check_command(args, streams);
    run.out = out.str();
    run.err = err.str();
    return run;
}

} // namespace

TEST_CASE("findings are ordered by severity, then check id, then subject") {
    CheckReport report = run_checks(plan_of(mixed_yaml()));
    REQUIRE(report.findings.size() >= 3);
    for (size_t i = 1; i < report.findings.size(); ++i) {
        const Finding& a = report.findings[i - 1];
        const Finding& b = report.findings[i];
        INFO(a.check << " " << a.subject << " / " << b.check << " " << b.subject);
        CHECK(std::tie(a.severity, a.check, a.subject) <= std::tie(b.severity, b.check, b.subject));
    }
    CHECK(report.findings.front().check == "COV001");
    CHECK(report.findings.back().severity == Severity::info);
    CHECK(report.counts.error == 1);
    CHECK(report.counts.info >= 1);
    CHECK(report.plan_name == "Clean team");
}

TEST_CASE("the same plan gives the same report, byte for byte") {
    model::Plan plan = plan_of(mixed_yaml());
    std::string first = render_check_json(run_checks(plan));
    for (int i = 0; i < 3; ++i)
        CHECK(render_check_json(run_checks(plan)) == first);
    CHECK(render_check_text(run_checks(plan_of(mixed_yaml())), Colour::off) ==
          render_check_text(run_checks(plan), Colour::off));
}

TEST_CASE("suppressions: by check and subject, by check alone, and unused ones") {
    std::string yaml = mixed_yaml() +
                       "suppress:\n"
                       "  - {check: COV001, subject: \"channel:ig/engage\", reason: \"Agency "
                       "answers until May\"}\n"
                       "  - {check: ORG003, reason: \"Two shops, two heads\"}\n"
                       "  - {check: FIT001, subject: \"person:nobody\", reason: \"typo\"}\n";
    CheckReport report = run_checks(plan_of(yaml));
    CHECK(report.counts.error == 0);
    REQUIRE(report.suppressed.size() == 2);
    CHECK(report.counts.suppressed == 2);
    CHECK(report.suppressed[0].finding.check == "COV001");
    CHECK(report.suppressed[0].reason == "Agency answers until May");
    CHECK(report.suppressed[1].finding.check == "ORG003");
    CHECK(report.suppressed[1].reason == "Two shops, two heads");
    for (const Finding& finding : report.findings) {
        CHECK(finding.check != "COV001");
        CHECK(finding.check != "ORG003");
    }
    REQUIRE(report.unused_suppressions.size() == 1);
    CHECK(report.unused_suppressions[0].check == "FIT001");

    // A suppressed finding never fails a run.
    CHECK_FALSE(fails(report, FailOn::error));
    // A subject that does not match suppresses nothing.
    std::string other =
        mixed_yaml() +
        "suppress:\n  - {check: COV001, subject: \"channel:ig/create\", reason: r}\n";
    CHECK(run_checks(plan_of(other)).counts.error == 1);
}

TEST_CASE("fail-on: the mildest severity that fails a run") {
    CheckReport report;
    CHECK_FALSE(fails(report, FailOn::info));
    report.counts.warning = 1;
    CHECK_FALSE(fails(report, FailOn::error));
    CHECK(fails(report, FailOn::warning));
    CHECK(fails(report, FailOn::info));
    CHECK_FALSE(fails(report, FailOn::never));
    report.counts = CheckCounts{};
    report.counts.info = 1;
    CHECK_FALSE(fails(report, FailOn::warning));
    CHECK(fails(report, FailOn::info));
    report.counts.error = 1;
    CHECK(fails(report, FailOn::error));
    CHECK_FALSE(fails(report, FailOn::never));
    CHECK(parse_fail_on("never") == FailOn::never);
    CHECK_FALSE(parse_fail_on("warn").has_value());
}

TEST_CASE("JSON has the plan, findings with evidence objects, suppressed and counts") {
    std::string yaml =
        mixed_yaml() + "suppress:\n  - {check: ORG003, reason: \"Two \\\"heads\\\"\"}\n";
    std::string json = render_check_json(run_checks(plan_of(yaml)));
    CHECK(
        json.rfind(
            "{\n  \"plan\": \"Clean team\",\n  \"findings\": [\n    {\n      \"check\": "
            "\"COV001\",\n"
            "      \"severity\": \"error\",\n      \"subject\": \"channel:ig/engage\",\n"
            "      \"message\": \"Nobody is Responsible for Community management on Instagram.\",\n"
            "      \"evidence\": {\"hours_per_week\": 3.5},\n",
            0) == 0);
    CHECK(json.find("\"suppressed\": [\n    {\n      \"check\": \"ORG003\"") != std::string::npos);
    CHECK(json.find("\"reason\": \"Two \\\"heads\\\"\"") != std::string::npos);
    CHECK(json.find("\"counts\": {\"error\": 1, ") != std::string::npos);
    CHECK(json.find("\"suppressed\": 1}\n}\n") != std::string::npos);

    std::string empty = render_check_json(run_checks(plan_of(clean_yaml())));
    CHECK(empty ==
          "{\n  \"plan\": \"Clean team\",\n  \"findings\": [],\n  \"suppressed\": [],\n"
          "  \"counts\": {\"error\": 0, \"warning\": 0, \"info\": 0, \"suppressed\": 0}\n}\n");
}

TEST_CASE("CSV has one row per open finding with the documented columns") {
    std::string csv = render_check_csv(run_checks(plan_of(mixed_yaml())));
    CHECK(csv.rfind("check,severity,subject,message,recommendation\r\n"
                    "COV001,error,channel:ig/engage,Nobody is Responsible for Community management "
                    "on Instagram.,",
                    0) == 0);
    CHECK(render_check_csv(run_checks(plan_of(clean_yaml()))) ==
          "check,severity,subject,message,recommendation\r\n");
}

TEST_CASE("text output fits 100 columns and is coloured only when asked") {
    CheckReport report = run_checks(plan_of(mixed_yaml()));
    std::string text = render_check_text(report, Colour::off);
    CHECK(text.rfind("Clean team: 1 error, ", 0) == 0);
    CHECK(text.find(
              "\nerror    COV001   channel:ig/engage\n"
              "                  Nobody is Responsible for Community management on Instagram.\n") !=
          std::string::npos);
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        INFO(line);
        CHECK(display_width(line) <= 100);
    }
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(render_check_text(report, Colour::on).find("\x1b[1;31merror\x1b[0m") !=
          std::string::npos);
    CHECK(render_check_text(run_checks(plan_of(clean_yaml())), Colour::off) ==
          "Clean team: no open findings\n");
}

TEST_CASE("wrap_hanging breaks at spaces within the width") {
    using planner::exporters::wrap_hanging;
    CHECK(wrap_hanging("aaa bbb ccc", 2, 30) == "aaa bbb ccc");
    CHECK(wrap_hanging("aaaa bbbb cccc dddd eeee ffff gggg", 0, 20) ==
          "aaaa bbbb cccc dddd\neeee ffff gggg");
    CHECK(wrap_hanging("aaaa bbbb cccc dddd eeee ffff gggg", 4, 30) ==
          "aaaa bbbb cccc dddd eeee\n    ffff gggg");
    // Widths count characters, not bytes.
    CHECK(wrap_hanging("ā ā ā ā ā ā ā ā ā ā ā", 0, 20) == "ā ā ā ā ā ā ā ā ā ā\nā");
}

TEST_CASE("the catalogue has every check of CHECKS.md and the cost checks once, in order") {
    std::vector<std::string> ids;
    for (const CheckInfo& info : check_catalogue())
        ids.emplace_back(info.id);
    CHECK(ids == std::vector<std::string>{
                     "COV001",  "COV002",  "COV003",  "COV004",  "COV005",  "COV006",  "COV007",
                     "GOAL001", "GOAL002", "GOAL003", "GOAL004", "GOAL005", "GOAL006", "GOV001",
                     "GOV002",  "GOV003",  "ORG001",  "ORG002",  "ORG003",  "ORG004",  "ORG005",
                     "ORG006",  "LOAD001", "LOAD002", "LOAD003", "LOAD004", "LOAD005", "COL001",
                     "COL002",  "FIT001",  "FIT002",  "FIT003",  "COST001", "COST002", "COST003"});
    REQUIRE(find_check("ORG003") != nullptr);
    CHECK(find_check("ORG003")->severity == Severity::info);
    CHECK(find_check("XYZ001") == nullptr);
}

TEST_CASE("docs/checks.md carries the catalogue exactly as the table in code") {
    const std::string docs = read_text(std::string(PLANNER_SOURCE_DIR) + "/docs/checks.md");
    const std::string begin =
        "<!-- catalogue: begin (generated by `planner check --list --format markdown`) -->\n";
    const std::string end = "<!-- catalogue: end -->";
    auto from = docs.find(begin);
    auto to = docs.find(end);
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    const std::string section = docs.substr(from + begin.size(), to - from - begin.size());
    INFO("regenerate with: planner check --list --format markdown");
    CHECK(section == catalogue_markdown());
}

TEST_CASE("planner check: exit status by --fail-on, formats and -o") {
    TempDir dir;
    const std::string plan_path = (dir.path / "plan.yaml").string();
    {
        std::ofstream out(plan_path, std::ios::binary);
        out << with(clean_yaml(), "{person: janis, duty: create, channel: ig, share: 0.5}",
                    "{person: janis, duty: create, channel: ig, share: 0.3}");
    }
    // Only a warning (LOAD003) is open.
    CHECK(run_command({plan_path}, {}).status == 0);
    CHECK(run_command({plan_path}, {{"--fail-on", {"error"}}}).status == 0);
    CHECK(run_command({plan_path}, {{"--fail-on", {"warning"}}}).status == 1);
    CHECK(run_command({plan_path}, {{"--fail-on", {"info"}}}).status == 1);
    CHECK(run_command({plan_path}, {{"--fail-on", {"never"}}}).status == 0);

    CommandRun csv = run_command({plan_path}, {{"--format", {"csv"}}});
    CHECK(csv.out.rfind("check,severity,subject,message,recommendation\r\nLOAD003,warning,", 0) ==
          0);
    CommandRun json = run_command({plan_path}, {{"--format", {"json"}}});
    CHECK(json.out.find("\"check\": \"LOAD003\"") != std::string::npos);

    const std::string output = (dir.path / "findings.txt").string();
    CommandRun to_file = run_command({plan_path}, {{"--output", {output}}}, true);
    CHECK(to_file.out.empty());
    CHECK(read_text(output).find("LOAD003") != std::string::npos);
    CHECK(read_text(output).find('\x1b') == std::string::npos);

    CHECK_THROWS_AS(run_command({plan_path}, {{"--fail-on", {"sometimes"}}}), UsageError);
    CHECK_THROWS_AS(run_command({plan_path}, {{"--format", {"xml"}}}), UsageError);
    CHECK_THROWS_AS(run_command({}, {}), UsageError);
    CHECK_THROWS(run_command({(dir.path / "missing.yaml").string()}, {}));
}

TEST_CASE("planner check warns about a suppression that matches nothing") {
    TempDir dir;
    const std::string plan_path = (dir.path / "plan.yaml").string();
    {
        std::ofstream out(plan_path, std::ios::binary);
        out << clean_yaml()
            << "suppress:\n  - {check: FIT001, subject: \"person:ana\", reason: r}\n";
    }
    CommandRun run = run_command({plan_path}, {});
    CHECK(run.status == 0);
    CHECK(run.err == "planner: warning: suppression of FIT001 for person:ana matches no finding\n");
}

TEST_CASE("planner check --list prints the catalogue in every format") {
    CommandRun text = run_command({}, {{"--list", {}}});
    CHECK(text.status == 0);
    CHECK(text.out.find("COV001") != std::string::npos);
    CHECK(text.out.find("FIT003") != std::string::npos);
    CHECK(run_command({}, {{"--list", {}}, {"--format", {"markdown"}}}).out ==
          catalogue_markdown());
    CHECK(run_command({}, {{"--list", {}}, {"--format", {"csv"}}})
              .out.rfind("id,severity,area,title,description\r\nCOV001,error,Coverage,", 0) == 0);
    CHECK(run_command({}, {{"--list", {}}, {"--format", {"json"}}})
              .out.rfind("[\n  {\"id\": \"COV001\"", 0) == 0);
}

TEST_CASE("Latvian findings: the same findings, worded from the Latvian templates") {
    const PlanFacts facts(plan_of(mixed_yaml()));
    const CheckReport english = run_checks(facts);
    const CheckReport latvian = run_checks(facts, Texts::load("lv"));
    REQUIRE(english.findings.size() == latvian.findings.size());
    REQUIRE_FALSE(english.findings.empty());
    bool cov001 = false;
    for (size_t i = 0; i < english.findings.size(); ++i) {
        const Finding& en = english.findings[i];
        const Finding& lv = latvian.findings[i];
        INFO(en.check << " " << en.subject << ": " << en.message);
        CHECK(lv.check == en.check);
        CHECK(lv.subject == en.subject);
        CHECK(lv.evidence == en.evidence); // data, read by --format json and the ranking
        CHECK_FALSE(lv.message.empty());
        CHECK(lv.message != en.message);
        if (!en.recommendation.empty())
            CHECK(lv.recommendation != en.recommendation);
        CHECK(lv.message.find('`') == std::string::npos);
        CHECK(lv.recommendation.find('`') == std::string::npos);
        if (en.check == "COV001") {
            cov001 = true;
            CHECK(lv.message.rfind("Nav izpildītāja pienākumam: ", 0) == 0);
        }
    }
    CHECK(cov001);
}

TEST_CASE("plural forms come from ICU's rules for the language") {
    const Texts en = Texts::load("en");
    const Texts lv = Texts::load("lv");
    CHECK(en.count("check_output.errors", 1) == "1 error");
    CHECK(en.count("check_output.errors", 2) == "2 errors");
    CHECK(en.count("check_output.errors", 21) == "21 errors");
    CHECK(lv.count("check_output.errors", 1) == "1 kļūda");
    CHECK(lv.count("check_output.errors", 21) == "21 kļūda");
    CHECK(lv.count("check_output.errors", 2) == "2 kļūdas");
    CHECK(lv.count("check_output.errors", 10) == "10 kļūdu");
    CHECK(lv.count("check_output.errors", 11) == "11 kļūdu");
    CHECK(lv.hours(10.5) == "10,5");
    CHECK(en.hours(10.0) == "10");
    CHECK(lv.join({"Anna", "Jānis", "Līga"}) == "Anna, Jānis un Līga");
}

TEST_CASE("check --lang lv prints Latvian text and an unknown language is a usage error") {
    TempDir dir;
    const std::string plan = (dir.path / "plan.yaml").string();
    std::ofstream(plan) << mixed_yaml();
    const CommandRun english = run_command({plan}, {{"--fail-on", {"never"}}});
    const CommandRun latvian = run_command({plan}, {{"--fail-on", {"never"}}, {"--lang", {"lv"}}});
    CHECK(english.out.find("evidence") != std::string::npos);
    CHECK(latvian.out.find("evidence") == std::string::npos);
    CHECK(latvian.out.find("kļūda") != std::string::npos);
    CHECK(latvian.out.find("Nav izpildītāja pienākumam") != std::string::npos);
    CHECK(latvian.out.find("Nobody is Responsible") == std::string::npos);
    CHECK_THROWS_AS(run_command({plan}, {{"--lang", {"de"}}}), UsageError);
}

TEST_CASE("evidence is written in words, each figure with its meaning, in both languages") {
    planner::Finding finding;
    finding.evidence = {{"people_able", "1"},
                        {"bus_factor", "2"},
                        {"load_hours", "41.1"},
                        {"covered_by", "Anna"},
                        {"currency", "EUR"}};
    const planner::Texts en = planner::Texts::load("en");
    CHECK(planner::evidence_in_words(en, finding) ==
          "1 person can do it; at least 2 needed; 41.1 h a week of work; covered only by Anna; "
          "currency: EUR");
    const planner::Texts lv = planner::Texts::load("lv");
    CHECK(planner::evidence_in_words(lv, finding) ==
          "to var paveikt 1 cilvēks; vajadzīgi vismaz 2; 41,1 h darba nedēļā; sedz tikai Anna; "
          "valūta: EUR");
    finding.evidence = {{"people_able", "0"}, {"days", "11"}};
    CHECK(planner::evidence_in_words(en, finding) == "nobody can do it; 11 working days");
    CHECK(planner::evidence_in_words(lv, finding) == "neviens to nevar paveikt; 11 darba dienu");
    // Weekdays in evidence values are the language's.
    finding.evidence = {{"worst_gap", "sat 08:00–12:00"}, {"care_window", "mon–fri 09:00–18:00"}};
    CHECK(planner::evidence_in_words(lv, finding) ==
          "lielākais robs sestd. 08:00–12:00; apkalpošanas logs: pirmd.–piektd. 09:00–18:00");
    CHECK(planner::evidence_in_words(en, finding) ==
          "largest gap sat 08:00–12:00; care window: mon–fri 09:00–18:00");
    // Latvian's "zero" plural form is for 10, 11-19, 20 ..., not for nothing.
    finding.evidence = {{"people_able", "10"}};
    CHECK(planner::evidence_in_words(lv, finding) == "to var paveikt 10 cilvēku");
}
