// Reports as a reader meets them: names with Latvian letters in the text, a valid PDF with
// embedded fonts, identical bytes under SOURCE_DATE_EPOCH, CSV tables with their headers.
#include "e2e.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>

using e2e::planner;
using e2e::TempDir;

namespace {
std::string shell(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>&1").c_str(), "r"), pclose);
    std::string out;
    char buffer[4096];
    while (pipe && fgets(buffer, sizeof buffer, pipe.get()))
        out += buffer;
    return out;
}

const std::vector<std::string> k_epoch = {"SOURCE_DATE_EPOCH=1790000000"};
} // namespace

TEST_CASE("the staffing plan PDF: names, fonts, structure") {
    TempDir dir("report-staffing");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    auto run = planner(dir, {"report", "staffing", "plan.yaml", "-o", "staffing.pdf"}, k_epoch);
    REQUIRE(run.status == 0);
    CHECK(run.out == "Wrote the staffing report to staffing.pdf.\n");
    std::string text = shell("pdftotext -enc UTF-8 " + dir.file("staffing.pdf") + " -");
    for (const char* name : {"Līga Kalniņa", "Ilze Šķēle", "Kārlis Ķiploks", "Gunta Čakste",
                             "Rihards Ņikitins", "Jānis Pētersons", "Anna Bērziņa"})
        CHECK(text.find(name) != std::string::npos);
    for (const char* heading :
         {"Summary", "Organisation", "Roles: required and current FTE", "Workload per person",
          "Who owns what (RACI)", "Customer-care coverage", "Open findings",
          "Appendix: drivers and formulas"})
        CHECK(text.find(heading) != std::string::npos);
    CHECK(shell("qpdf --check " + dir.file("staffing.pdf"))
              .find("No syntax or stream encoding errors") != std::string::npos);
    std::string fonts = shell("pdffonts " + dir.file("staffing.pdf"));
    CHECK(fonts.find("DejaVuSans") != std::string::npos);
    // Every font line says "yes" in the emb column.
    size_t lines = 0, embedded = 0;
    for (size_t at = fonts.find("TrueType"); at != std::string::npos;
         at = fonts.find("TrueType", at + 1)) {
        ++lines;
        size_t end = fonts.find('\n', at);
        if (fonts.substr(at, end - at).find(" yes ") != std::string::npos)
            ++embedded;
    }
    CHECK(lines >= 2);
    CHECK(embedded == lines);
}

TEST_CASE("reports are byte-identical under SOURCE_DATE_EPOCH") {
    TempDir dir("report-determinism");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    REQUIRE(planner(dir, {"report", "audit", "plan.yaml", "-o", "a.pdf"}, k_epoch).status == 0);
    REQUIRE(planner(dir, {"report", "audit", "plan.yaml", "-o", "b.pdf"}, k_epoch).status == 0);
    CHECK(dir.read("a.pdf") == dir.read("b.pdf"));
    REQUIRE(
        planner(dir, {"report", "audit", "plan.yaml", "--format", "json", "-o", "a.json"}, k_epoch)
            .status == 0);
    REQUIRE(
        planner(dir, {"report", "audit", "plan.yaml", "--format", "json", "-o", "b.json"}, k_epoch)
            .status == 0);
    CHECK(dir.read("a.json") == dir.read("b.json"));
}

TEST_CASE("the audit report: score, findings, accepted findings, Latvian wording") {
    TempDir dir("report-audit");
    dir.write("plan.yaml", e2e::sample("audit-group.yaml"));
    dir.write("brand.yaml", "consultant: \"Ozols & Partneri\"\nclient: \"Nordic Retail Group\"\n"
                            "primary_colour: \"#7a1f3d\"\n");
    auto run = planner(
        dir, {"report", "audit", "plan.yaml", "--brand", "brand.yaml", "-o", "audit.pdf"}, k_epoch);
    REQUIRE(run.status == 0);
    std::string text = shell("pdftotext -enc UTF-8 " + dir.file("audit.pdf") + " -");
    CHECK(text.find("Prepared for Nordic Retail Group") != std::string::npos);
    CHECK(text.find("Prepared by Ozols & Partneri") != std::string::npos);
    CHECK(text.find("Executive summary") != std::string::npos);
    CHECK(text.find("The intern rotates between squads") !=
          std::string::npos); // a suppression's reason
    CHECK(text.find("Appendix: the checks") != std::string::npos);
    CHECK(text.find("COV001") != std::string::npos);
    run =
        planner(dir, {"report", "audit", "plan.yaml", "--lang", "lv", "-o", "audits.pdf"}, k_epoch);
    REQUIRE(run.status == 0);
    text = shell("pdftotext -enc UTF-8 " + dir.file("audits.pdf") + " -");
    CHECK(text.find("Kopsavilkums vadībai") != std::string::npos);
    CHECK(text.find("Pieņemtie konstatējumi") != std::string::npos);
}

TEST_CASE("CSV tables carry their documented headers and parse") {
    TempDir dir("report-csv");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    auto run =
        planner(dir, {"report", "staffing", "plan.yaml", "--format", "csv", "-o", "out", "--bom"});
    REQUIRE(run.status == 0);
    std::string roles = dir.read("out/roles.csv");
    CHECK(roles.rfind(
              "\xEF\xBB\xBFrole,hours,required_fte,current_fte,planned_fte,gap,hires,reason\r\n",
              0) == 0);
    std::string workload = dir.read("out/workload.csv");
    CHECK(
        workload.find("person,status,capacity_hours,available_hours,load_hours,utilisation\r\n") !=
        std::string::npos);
    CHECK(workload.find("Anna Bērziņa,active,32.0,25.6,") != std::string::npos);
    CHECK(std::filesystem::exists(dir.file("out/findings.csv")));
    CHECK(std::filesystem::exists(dir.file("out/drivers.csv")));
}

TEST_CASE("report usage errors") {
    TempDir dir("report-usage");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    auto run = planner(dir, {"report", "staffng", "plan.yaml"});
    CHECK(run.status == 2);
    CHECK(run.err == "planner: error: unknown report 'staffng' (did you mean 'staffing'?); reports "
                     "are staffing, audit and quarterly\n");
    run = planner(dir, {"report", "audit", "plan.yaml", "--lang", "de"});
    CHECK(run.status == 2);
    CHECK(run.err == "planner: error: unknown report language 'de'; use en or lv\n");
    run = planner(dir, {"report", "quarterly", "plan.yaml"});
    CHECK(run.status == 2);
    CHECK(run.err.find("the quarterly review reads metrics from a workspace") != std::string::npos);
    dir.write("brand.yaml", "primary_color: red\n");
    run = planner(dir, {"report", "audit", "plan.yaml", "--brand", "brand.yaml"});
    CHECK(run.status == 2);
    CHECK(
        run.err.find("brand.yaml:1:1: unknown key 'primary_color' in the brand file (did you mean "
                     "'primary_colour'?)") != std::string::npos);
}

TEST_CASE("demo writes all three reports") {
    TempDir dir("demo");
    auto run = planner(dir, {"demo"}, k_epoch);
    REQUIRE(run.status == 0);
    for (const char* file :
         {"planner-demo/staffing-plan.pdf", "planner-demo/audit-report.pdf",
          "planner-demo/audit-report-lv.pdf", "planner-demo/quarterly-review.pdf",
          "planner-demo/staffing-plan-csv/roles.csv", "planner-demo/team.db"})
        CHECK(std::filesystem::exists(dir.file(file)));
    std::string text =
        shell("pdftotext -enc UTF-8 " + dir.file("planner-demo/quarterly-review.pdf") + " -");
    CHECK(text.find("KPI results") != std::string::npos);
    CHECK(text.find("Olga Petrova added") != std::string::npos); // team change since 2026-Q3
    CHECK(text.find("Trends over the last four quarters") != std::string::npos);
    // It ends by saying how to see the team in the browser.
    CHECK(run.out.find("planner serve planner-demo/team.db") != std::string::npos);
}

TEST_CASE("report -o - writes JSON or PDF to standard output, not to a file named '-'") {
    TempDir dir("report-stdout");
    dir.write("plan.yaml", e2e::sample("small-team.yaml"));
    auto json = e2e::planner(dir, {"report", "audit", "plan.yaml", "--format", "json", "-o", "-"});
    REQUIRE(json.status == 0);
    CHECK_THAT(json.out, Catch::StartsWith("{"));
    CHECK_FALSE(std::filesystem::exists(dir.file("-")));
    auto pdf = e2e::planner(dir, {"report", "staffing", "plan.yaml", "-o", "-"});
    REQUIRE(pdf.status == 0);
    CHECK_THAT(pdf.out, Catch::StartsWith("%PDF-"));
    CHECK_FALSE(std::filesystem::exists(dir.file("-")));
    auto csv = e2e::planner(dir, {"report", "audit", "plan.yaml", "--format", "csv", "-o", "-"});
    CHECK(csv.status == 2);
    CHECK_THAT(csv.err, Catch::Contains("--format csv writes a folder of tables"));
}
