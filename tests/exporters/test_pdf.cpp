// The PDF as a reader sees it: text that comes back through pdftotext, a file qpdf accepts,
// embedded fonts, page furniture, bookmarks and metadata, and identical bytes under
// SOURCE_DATE_EPOCH.

#include "exporters/export_error.hpp"
#include "exporters/pdf_renderer.hpp"
#include "exporters/utf8.hpp"

#include "tests/exporters/sample_document.hpp"
#include "tests/exporters/test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

using namespace planner::exporters;
using planner::exporters::testing::make_sample_document;
using planner::exporters::testing::pdf_page_count;
using planner::exporters::testing::pdf_text;
using planner::exporters::testing::read_file;
using planner::exporters::testing::run_command;
using planner::exporters::testing::ScopedEnv;
using planner::exporters::testing::shell_quote;
using planner::exporters::testing::TempDir;

namespace {

// pdftotext puts line breaks where the layout wrapped; compare text with single spaces.
std::string flattened(std::string text) {
    for (char& c : text) {
        if (c == '\n' || c == '\f') {
            c = ' ';
        }
    }
    std::string out;
    for (const char c : text) {
        if (!(c == ' ' && !out.empty() && out.back() == ' ')) {
            out += c;
        }
    }
    return out;
}

std::size_t files_in(const std::filesystem::path& dir) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) {
        ++count;
    }
    return count;
}

Document table_only_document(std::size_t rows) {
    Document document;
    document.metadata.title = "Workload";
    document.metadata.created_unix = 1735689600;
    document.running_header = "Workload appendix";
    Section section;
    section.title = "Appendix";
    section.blocks.push_back(planner::exporters::testing::make_workload_table(rows));
    document.sections.push_back(section);
    return document;
}

} // namespace

TEST_CASE("Latvian names come back out of the PDF as written", "[pdf]") {
    TempDir dir;
    const auto pdf = dir / "sample.pdf";
    write_pdf(make_sample_document(), pdf);
    const std::string text = pdf_text(pdf);
    for (const char* name : {"Anna Bērziņa", "Jānis Ozoliņš", "Līga Kalniņa", "Māris Šķēle",
                             "ģ ķ ļ ņ č ž ū ī ē ā", "Ģirts Ķeniņš", "Ļena Ņikitina"}) {
        CHECK_THAT(text, Catch::Contains(name));
    }
    // Every person of the 40-node org chart is on its page.
    const std::string org_page = pdf_text(pdf, 3);
    for (const OrgNode& node : planner::exporters::testing::make_org_chart().nodes) {
        CHECK_THAT(org_page, Catch::Contains(node.label));
    }
    // pdftotext says nothing about broken ToUnicode maps or anything else.
    CHECK(run_command("pdftotext " + shell_quote(pdf.string()) + " /dev/null").output == "");
}

TEST_CASE("qpdf finds no errors and every font is embedded", "[pdf]") {
    TempDir dir;
    const auto pdf = dir / "sample.pdf";
    write_pdf(make_sample_document(), pdf);
    const auto check = run_command("qpdf --check " + shell_quote(pdf.string()));
    CHECK(check.exit_status == 0);
    CHECK_THAT(check.output, Catch::Contains("No syntax or stream encoding errors found"));

    const auto fonts = run_command("pdffonts " + shell_quote(pdf.string()));
    REQUIRE(fonts.exit_status == 0);
    std::istringstream lines(fonts.output);
    std::string line;
    std::getline(lines, line); // header
    REQUIRE_THAT(line, Catch::Contains("emb"));
    const std::size_t emb_column = line.find("emb");
    std::getline(lines, line); // ----- rule
    int font_count = 0;
    while (std::getline(lines, line)) {
        if (line.empty()) {
            continue;
        }
        ++font_count;
        INFO(line);
        CHECK(line.substr(emb_column, 3) == "yes");
        CHECK_THAT(line, Catch::Contains("DejaVuSans"));
    }
    CHECK(font_count == 2); // regular and bold
}

TEST_CASE("a 200-row table spans pages and repeats its header on each", "[pdf]") {
    TempDir dir;
    const auto pdf = dir / "table.pdf";
    write_pdf(table_only_document(200), pdf);
    const int pages = pdf_page_count(pdf);
    REQUIRE(pages >= 5); // cover + at least four pages of rows
    for (int page = 2; page <= pages; ++page) {
        INFO("page " << page);
        const std::string text = pdf_text(pdf, page);
        CHECK_THAT(text, Catch::Contains("Person"));
        CHECK_THAT(text, Catch::Contains("Channel duty"));
        CHECK_THAT(text, Catch::Contains("Utilisation"));
        CHECK_THAT(
            text, Catch::Contains("Page " + std::to_string(page) + " of " + std::to_string(pages)));
        CHECK_THAT(text, Catch::Contains("Workload appendix"));
        if (page > 2) {
            CHECK_THAT(text, Catch::Contains("(continued)"));
        }
    }
    // The cover carries neither running header nor page number.
    const std::string cover = pdf_text(pdf, 1);
    CHECK_THAT(cover, !Catch::Contains("Workload appendix"));
    CHECK_THAT(cover, !Catch::Contains("Page 1"));
    // Every row made it: the last body row and the total.
    const std::string all = flattened(pdf_text(pdf));
    CHECK_THAT(all, Catch::Contains("4 210.0"));
}

TEST_CASE("numbers are right-aligned in their column", "[pdf]") {
    TempDir dir;
    const auto pdf = dir / "table.pdf";
    write_pdf(table_only_document(12), pdf);
    // With -layout, right-aligned numbers end in the same text column.
    const std::string text =
        run_command("pdftotext -layout -f 2 -l 2 " + shell_quote(pdf.string()) + " -").output;
    std::istringstream lines(text);
    std::string line;
    std::vector<std::size_t> ends;
    while (std::getline(lines, line)) {
        const auto at = line.find(".0 ");
        if (at != std::string::npos && line.find("Total") == std::string::npos) {
            // "11.0" and "4.0" must end in the same column (counted in characters).
            ends.push_back(count_code_points(std::string_view(line).substr(0, at + 2)));
        }
    }
    REQUIRE(ends.size() >= 10);
    for (const std::size_t end : ends) {
        CHECK(end == ends.front());
    }
}

TEST_CASE("two renders under SOURCE_DATE_EPOCH give identical bytes", "[pdf]") {
    TempDir dir;
    ScopedEnv epoch("SOURCE_DATE_EPOCH", "1700000000");
    Document document = make_sample_document();
    document.metadata.created_unix.reset(); // the date comes from SOURCE_DATE_EPOCH
    write_pdf(document, dir / "first.pdf");
    write_pdf(document, dir / "second.pdf");
    const std::string first = read_file(dir / "first.pdf");
    REQUIRE(first.size() > 1000);
    CHECK(first == read_file(dir / "second.pdf"));
    CHECK(run_command("cmp " + shell_quote((dir / "first.pdf").string()) + " " +
                      shell_quote((dir / "second.pdf").string()))
              .exit_status == 0);
    const std::string info =
        run_command("pdfinfo -isodates " + shell_quote((dir / "first.pdf").string())).output;
    CHECK_THAT(info, Catch::Contains("2023-11-14T22:13:20"));
}

TEST_CASE("the PDF carries metadata and a bookmark per section, nested", "[pdf]") {
    TempDir dir;
    const auto pdf = dir / "sample.pdf";
    write_pdf(make_sample_document(), pdf);
    const std::string info = run_command("pdfinfo " + shell_quote(pdf.string())).output;
    CHECK_THAT(info, Catch::Contains("Staffing plan 2025 — Ziemeļu Mediji"));
    CHECK_THAT(info, Catch::Contains("Līga Kalniņa"));
    CHECK_THAT(info, Catch::Contains("Creator:         planner"));
    CHECK_THAT(info, Catch::Contains("Keywords:        staffing, social media, Latvija"));
    CHECK_THAT(info, Catch::Contains("A4"));

    const std::string outlines =
        run_command("qpdf --json --json-key=outlines " + shell_quote(pdf.string())).output;
    for (const char* title : {"Summary", "Top gaps", "Organisation", "Workload", "Roles and hires",
                              "Responsibilities", "KPI trend", "Appendix: workload detail"}) {
        CHECK_THAT(outlines, Catch::Contains(std::string("\"title\": \"") + title + "\""));
    }
    // "Top gaps" is a child of "Summary": it appears inside Summary's "kids" list, before the
    // next top-level entry.
    const auto summary = outlines.find("\"title\": \"Summary\"");
    const auto top_gaps = outlines.find("\"title\": \"Top gaps\"");
    const auto kids = outlines.find("\"kids\": [\n        {");
    CHECK(kids < top_gaps);
    CHECK(top_gaps < summary); // qpdf lists an item's kids before its title
    const std::string catalog =
        run_command("qpdf --show-object=trailer " + shell_quote(pdf.string())).output;
    CHECK_THAT(catalog, Catch::Contains("/Info"));
}

TEST_CASE("the document language goes into the PDF catalogue", "[pdf]") {
    TempDir dir;
    Document document = table_only_document(3);
    document.metadata.language = "lv";
    write_pdf(document, dir / "lv.pdf");
    const std::string json =
        run_command("qpdf --json --json-key=qpdf " + shell_quote((dir / "lv.pdf").string())).output;
    CHECK_THAT(json, Catch::Contains("\"/Lang\": \"u:lv\""));
}

TEST_CASE("a failed render leaves no PDF and no temporary file behind", "[pdf]") {
    TempDir dir;
    Document document = table_only_document(3);
    document.cover.logo_png = (dir / "missing.png").string();
    CHECK_THROWS_WITH(write_pdf(document, dir / "out.pdf"),
                      "logo '" + (dir / "missing.png").string() +
                          "' not found; fix the path in the brand file");
    CHECK(files_in(dir.path()) == 0);

    // A file that is not a PNG: libharu's error becomes an ExportError.
    {
        std::ofstream fake(dir / "fake.png");
        fake << "not a png";
    }
    document.cover.logo_png = (dir / "fake.png").string();
    CHECK_THROWS_AS(write_pdf(document, dir / "out.pdf"), ExportError);
    CHECK(files_in(dir.path()) == 1); // just fake.png

    PdfOptions options;
    options.regular_font = (dir / "NoSuchFont.ttf").string();
    CHECK_THROWS_WITH(write_pdf(table_only_document(3), dir / "out.pdf", options),
                      "font file '" + options.regular_font +
                          "' not found; install the DejaVu fonts (fonts-dejavu-core)");
    CHECK_FALSE(std::filesystem::exists(dir / "out.pdf"));
}

TEST_CASE("a PNG logo is embedded on the cover", "[pdf]") {
    TempDir dir;
    // Make a small PNG with the tools at hand: render a one-page PDF and rasterise it.
    write_pdf(table_only_document(1), dir / "source.pdf");
    const auto made = run_command("pdftoppm -png -r 10 -f 1 -l 1 -singlefile " +
                                  shell_quote((dir / "source.pdf").string()) + " " +
                                  shell_quote((dir / "logo").string()));
    REQUIRE(made.exit_status == 0);
    Document document = table_only_document(1);
    document.cover.logo_png = (dir / "logo.png").string();
    write_pdf(document, dir / "with-logo.pdf");
    const auto images =
        run_command("pdfimages -list " + shell_quote((dir / "with-logo.pdf").string()));
    CHECK_THAT(images.output, Catch::Contains("image"));
    CHECK(
        run_command("qpdf --check " + shell_quote((dir / "with-logo.pdf").string())).exit_status ==
        0);
}

TEST_CASE("render_pdf and write_pdf produce the same bytes", "[pdf]") {
    TempDir dir;
    const Document document = table_only_document(5);
    write_pdf(document, dir / "out.pdf");
    CHECK(read_file(dir / "out.pdf") == render_pdf(document));
}

TEST_CASE("an empty document is a cover page only", "[pdf]") {
    TempDir dir;
    Document document;
    document.metadata.created_unix = 0;
    document.metadata.title = "Nothing yet";
    write_pdf(document, dir / "empty.pdf");
    CHECK(pdf_page_count(dir / "empty.pdf") == 1);
    CHECK_THAT(pdf_text(dir / "empty.pdf"), Catch::Contains("Nothing yet"));
}

TEST_CASE("an org chart's legend lists the kinds of highlight it shows, and managers' figures",
          "[pdf]") {
    TempDir dir;
    Document document;
    document.metadata.title = "Org";
    document.metadata.created_unix = 1735689600;
    Section section;
    section.title = "Organisation";
    OrgChart chart = planner::exporters::testing::make_org_chart();
    section.blocks.push_back(chart);
    // The same chart without overloads or leavers: those legend entries go.
    for (OrgNode& node : chart.nodes) {
        node.marks.erase(std::remove_if(node.marks.begin(), node.marks.end(),
                                        [](OrgMark m) { return m != OrgMark::vacancy; }),
                         node.marks.end());
        node.detail.clear();
    }
    section.blocks.push_back(PageBreak{});
    section.blocks.push_back(chart);
    document.sections.push_back(section);
    const auto pdf = dir / "org.pdf";
    write_pdf(document, pdf);
    REQUIRE(pdf_page_count(pdf) == 3);
    const std::string first = flattened(pdf_text(pdf, 2));
    for (const char* word : {"Highlights", "Overloaded", "Vacancy", "Leaving", "span 4 · team 39",
                             "Span: direct reports. Team: everyone under the manager."}) {
        CHECK_THAT(first, Catch::Contains(word));
    }
    const std::string second = flattened(pdf_text(pdf, 3));
    CHECK_THAT(second, Catch::Contains("Highlights"));
    CHECK_THAT(second, !Catch::Contains("Overloaded"));
    CHECK_THAT(second, !Catch::Contains("Leaving"));
    CHECK_THAT(second, !Catch::Contains("Span:"));
}
