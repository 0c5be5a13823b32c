#include "exporters/csv_renderer.hpp"
#include "exporters/export_error.hpp"

#include "tests/exporters/test_support.hpp"

#include <catch2/catch.hpp>

using namespace planner::exporters;
using planner::exporters::testing::read_file;
using planner::exporters::testing::TempDir;

namespace {

// A strict RFC 4180 reader: records end in CRLF, quoted fields may hold anything.
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '"') {
            ++i;
            while (true) {
                REQUIRE(i < text.size());
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '\r') {
                REQUIRE(text[i] != '\n'); // a bare LF outside quotes is not RFC 4180
                REQUIRE(text[i] != '"');
                field += text[i++];
            }
        }
        REQUIRE(i < text.size());
        if (text[i] == ',') {
            record.push_back(std::move(field));
            field.clear();
            ++i;
        } else {
            REQUIRE(text.substr(i, 2) == "\r\n");
            record.push_back(std::move(field));
            field.clear();
            records.push_back(std::move(record));
            record.clear();
            i += 2;
        }
    }
    return records;
}

Table tricky_table() {
    Table table;
    table.id = "findings";
    table.title = "Findings";
    table.columns = {{"person", "Person", Alignment::left, 0, false},
                     {"note", "Note, in full", Alignment::left, 0, false},
                     {"hours", "Hours", Alignment::right, 0, true}};
    table.rows = {
        {"Bērziņa, Anna", "says \"hi\"", "1,5"},
        {"Jānis\nOzoliņš", "line one\r\nline two", "\"quoted\""},
        {"Šķēle", "", "plain"},
        {"short row"},
    };
    return table;
}

} // namespace

TEST_CASE("CSV quotes commas, quotes and line breaks, and they read back unchanged", "[csv]") {
    const Table table = tricky_table();
    const std::string csv = render_csv(table);
    const auto records = parse_csv(csv);
    REQUIRE(records.size() == 5);
    CHECK(records[0] == std::vector<std::string>{"person", "note", "hours"});
    for (std::size_t r = 0; r < 3; ++r) {
        for (std::size_t c = 0; c < 3; ++c) {
            CHECK(records[r + 1][c] == table.rows[r][c].text);
        }
    }
    CHECK(records[4] == std::vector<std::string>{"short row", "", ""});
    CHECK(csv.find("\"Bērziņa, Anna\",\"says \"\"hi\"\"\",\"1,5\"\r\n") != std::string::npos);
    CHECK(csv.find("Šķēle,,plain\r\n") != std::string::npos);
}

TEST_CASE("CSV header is the column keys and every record ends in CRLF", "[csv]") {
    Table table;
    table.columns = {{"fte_gap", "FTE gap", Alignment::right, 0, true}};
    table.rows = {{"-1.5"}};
    CHECK(render_csv(table) == "fte_gap\r\n-1.5\r\n");
}

TEST_CASE("the byte order mark is written only when asked for", "[csv]") {
    Table table;
    table.columns = {{"name", "Name", Alignment::left, 0, false}};
    table.rows = {{"Līga"}};
    const std::string plain = render_csv(table);
    const std::string with_bom = render_csv(table, {ByteOrderMark::include});
    CHECK(plain.rfind("name\r\n", 0) == 0);
    CHECK(with_bom == "\xEF\xBB\xBF" + plain);
}

TEST_CASE("write_csv_tables writes one <id>.csv per table, atomically", "[csv]") {
    TempDir dir;
    Document document;
    Section section;
    section.title = "Tables";
    section.blocks.push_back(tricky_table());
    Table second;
    second.id = "roles";
    second.columns = {{"role", "Role", Alignment::left, 0, false}};
    second.rows = {{"Analyst"}};
    Section sub;
    sub.blocks.push_back(second);
    section.subsections.push_back(sub);
    document.sections.push_back(section);

    const auto written = write_csv_tables(document, dir / "csv", {ByteOrderMark::include});
    REQUIRE(written.size() == 2);
    CHECK(written[0] == dir / "csv" / "findings.csv");
    CHECK(written[1] == dir / "csv" / "roles.csv");
    CHECK(read_file(written[0]) == render_csv(tricky_table(), {ByteOrderMark::include}));
    CHECK(read_file(written[1]) == "\xEF\xBB\xBFrole\r\nAnalyst\r\n");
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir / "csv")) {
        ++files; // no temporary files left behind
    }
    CHECK(files == 2);
}

TEST_CASE("a bad or repeated table id is refused before anything is written", "[csv]") {
    TempDir dir;
    Document document;
    Section section;
    Table good;
    good.id = "roles";
    good.columns = {{"role", "Role", Alignment::left, 0, false}};
    Table bad = good;
    bad.id = "../escape";
    bad.title = "Escape";
    section.blocks = {good, bad};
    document.sections.push_back(section);
    CHECK_THROWS_WITH(write_csv_tables(document, dir / "out"),
                      "table 'Escape' has id '../escape', which cannot name a CSV file; use "
                      "letters, digits, '_' and '-'");
    CHECK_FALSE(std::filesystem::exists(dir / "out"));

    document.sections[0].blocks = {good, good};
    CHECK_THROWS_WITH(write_csv_tables(document, dir / "out"),
                      "two tables have the id 'roles'; each table needs its own id to get its "
                      "own CSV file");
}

TEST_CASE("a CSV that cannot be written names the file and the reason", "[csv]") {
    TempDir dir;
    Document document;
    Section section;
    Table table;
    table.id = "roles";
    table.columns = {{"role", "Role", Alignment::left, 0, false}};
    section.blocks.push_back(table);
    document.sections.push_back(section);
    // A folder of the user's where a file should go: the existing folder is not one that an
    // earlier export wrote, so it is left alone.
    std::filesystem::create_directories(dir / "out" / "roles.csv" / "occupied");
    try {
        write_csv_tables(document, dir / "out");
        FAIL("expected an ExportError");
    } catch (const ExportError& error) {
        CHECK_THAT(error.what(),
                   Catch::StartsWith("cannot write the folder '" + (dir / "out").string() +
                                     "': it holds 'roles.csv', which this command does not write"));
    }
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        ++files;
    }
    CHECK(files == 1); // no temporary folder left beside it
    CHECK(std::filesystem::is_directory(dir / "out" / "roles.csv" / "occupied"));
}
