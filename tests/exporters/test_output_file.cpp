// exporters/output_file.hpp: outputs that are inputs, devices and FIFOs, staged folders,
// temporary names, checked standard output; CSV formula neutralisation.
#include "exporters/csv_renderer.hpp"
#include "exporters/export_error.hpp"
#include "exporters/output_file.hpp"

#include "tests/exporters/test_support.hpp"

#include <catch2/catch.hpp>

#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace planner::exporters;
using planner::exporters::testing::read_file;
using planner::exporters::testing::TempDir;
namespace fs = std::filesystem;

namespace {
void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}
size_t entries(const fs::path& folder) {
    size_t count = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder))
        ++count;
    return count;
}
// A process id that is not running: a child that has exited and been reaped.
pid_t finished_process() {
    pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}
} // namespace

TEST_CASE("an output that is one of the command's inputs is refused, by device and inode",
          "[output]") {
    TempDir dir;
    write(dir / "t.db", "workspace");
    fs::create_hard_link(dir / "t.db", dir / "link.db");
    InputFiles inputs({(dir / "t.db").string()});
    CHECK_THROWS_WITH(write_output(dir / "t.db", "pdf"),
                      Catch::Contains("is one of this command's inputs"));
    CHECK_THROWS_WITH(write_output(dir / "link.db", "pdf"), // another name, the same file
                      Catch::Contains("is one of this command's inputs"));
    CHECK(read_file(dir / "t.db") == "workspace");
    write_output(dir / "other.pdf", "pdf");
    CHECK(read_file(dir / "other.pdf") == "pdf");
}

TEST_CASE("inputs are forgotten when the command's scope ends", "[output]") {
    TempDir dir;
    write(dir / "a.yaml", "a");
    { InputFiles inputs({(dir / "a.yaml").string()}); }
    write_output(dir / "a.yaml", "b");
    CHECK(read_file(dir / "a.yaml") == "b");
}

TEST_CASE("output -o /dev/null is written to, not replaced by a regular file", "[output]") {
    write_output("/dev/null", "text");
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("output -o /dev/full reports the write error", "[output]") {
    CHECK_THROWS_WITH(write_output("/dev/full", "text"),
                      Catch::Contains("cannot write '/dev/full'") &&
                          Catch::Contains("No space left on device"));
}

TEST_CASE("output -o onto a FIFO writes into it and keeps the FIFO", "[output]") {
    TempDir dir;
    const fs::path fifo = dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] {
        std::ifstream in(fifo, std::ios::binary);
        received.assign(std::istreambuf_iterator<char>(in), {});
    });
    write_output(fifo, "through the pipe");
    reader.join();
    CHECK(received == "through the pipe");
    CHECK(fs::is_fifo(fifo));
}

TEST_CASE("output -o onto a folder says it is a folder, not 'Success'", "[output]") {
    TempDir dir;
    fs::create_directory(dir / "adir");
    CHECK_THROWS_WITH(write_output(dir / "adir", "x"),
                      Catch::Contains("it is a folder; give a file name"));
}

TEST_CASE("an atomic output keeps the permissions of the file it replaces", "[output]") {
    TempDir dir;
    write(dir / "report.pdf", "old");
    fs::permissions(dir / "report.pdf", fs::perms::owner_read | fs::perms::owner_write);
    write_output(dir / "report.pdf", "new");
    CHECK(read_file(dir / "report.pdf") == "new");
    CHECK((fs::status(dir / "report.pdf").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(entries(dir.path()) == 1);
}

TEST_CASE("killed report runs leave temporary files that the next run removes", "[output]") {
    TempDir dir;
    const std::string gone = std::to_string(finished_process());
    write(dir / (".report.pdf.tmp-" + gone + "-0"), "half a pdf");         // planner 0.1
    write(dir / (".report.pdf.planner-tmp-" + gone + "-3"), "half a pdf"); // this form
    fs::create_directory(dir / (".csv.planner-tmp-" + gone + "-1"));
    const std::string alive = std::to_string(::getpid());
    write(dir / (".other.pdf.planner-tmp-" + alive + "-9"), "being written");
    write(dir / "notes.tmp-1", "a user's file");
    write_output(dir / "report.pdf", "pdf");
    CHECK_FALSE(fs::exists(dir / (".report.pdf.tmp-" + gone + "-0")));
    CHECK_FALSE(fs::exists(dir / (".report.pdf.planner-tmp-" + gone + "-3")));
    CHECK_FALSE(fs::exists(dir / (".csv.planner-tmp-" + gone + "-1")));
    CHECK(fs::exists(dir / (".other.pdf.planner-tmp-" + alive + "-9"))); // a running process's
    CHECK(fs::exists(dir / "notes.tmp-1"));
}

TEST_CASE("a staged folder appears complete or not at all", "[output]") {
    TempDir dir;
    auto csv_only = [](const std::string& name, bool folder) {
        return !folder && name.size() > 4 && name.substr(name.size() - 4) == ".csv";
    };
    {
        StagedFolder staged(dir / "out", csv_only);
        write(staged.path() / "a.csv", "1");
        CHECK_FALSE(fs::exists(dir / "out"));
        // not committed: nothing is left
    }
    CHECK(entries(dir.path()) == 0);
    {
        StagedFolder staged(dir / "out", csv_only);
        write(staged.path() / "a.csv", "1");
        staged.commit();
    }
    CHECK(read_file(dir / "out" / "a.csv") == "1");
    {
        // An earlier output is replaced as a whole: b.csv only, a.csv gone.
        StagedFolder staged(dir / "out", csv_only);
        write(staged.path() / "b.csv", "2");
        staged.commit();
    }
    CHECK(read_file(dir / "out" / "b.csv") == "2");
    CHECK_FALSE(fs::exists(dir / "out" / "a.csv"));
    CHECK(entries(dir.path()) == 1);
    // A folder with a user's other file is not replaced.
    write(dir / "out" / "notes.txt", "mine");
    CHECK_THROWS_WITH(StagedFolder(dir / "out", csv_only),
                      Catch::Contains("it holds 'notes.txt', which this command does not write"));
    CHECK(read_file(dir / "out" / "notes.txt") == "mine");
}

TEST_CASE("standard output errors are kept: a write to /dev/full fails with ENOSPC", "[output]") {
    int descriptor = ::open("/dev/full", O_WRONLY);
    REQUIRE(descriptor >= 0);
    CheckedOutputBuffer buffer(descriptor);
    std::ostream out(&buffer);
    out << std::string(100000, 'x'); // more than the buffer: written at once
    out << "tail";
    CHECK(buffer.finish() == ENOSPC);
}

TEST_CASE("standard output: small output is flushed at finish and its error reported", "[output]") {
    int descriptor = ::open("/dev/full", O_WRONLY);
    REQUIRE(descriptor >= 0);
    CheckedOutputBuffer buffer(descriptor);
    std::ostream out(&buffer);
    out << "short";
    CHECK(buffer.error() == 0); // still buffered
    CHECK(buffer.finish() == ENOSPC);
}

TEST_CASE("standard output: a good descriptor gets every byte", "[output]") {
    TempDir dir;
    int descriptor = ::open((dir / "out").c_str(), O_WRONLY | O_CREAT, 0600);
    REQUIRE(descriptor >= 0);
    CheckedOutputBuffer buffer(descriptor);
    std::ostream out(&buffer);
    std::string big(200000, 'y');
    out << "head" << big << 'z';
    CHECK(buffer.finish() == 0);
    CHECK(read_file(dir / "out") == "head" + big + "z");
}

TEST_CASE("CSV formula injection: cells starting with = + - @ tab CR get a leading quote",
          "[csv][formula]") {
    CHECK(neutralise_formula("=HYPERLINK(\"http://x\",\"y\")") ==
          "'=HYPERLINK(\"http://x\",\"y\")");
    CHECK(neutralise_formula("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0");
    CHECK(neutralise_formula("-2+3") == "'-2+3");
    CHECK(neutralise_formula("@SUM(A1:A2)") == "'@SUM(A1:A2)");
    CHECK(neutralise_formula("\tx") == "'\tx");
    CHECK(neutralise_formula("\rx") == "'\rx");
    CHECK(neutralise_formula("Anna") == "Anna");
    CHECK(neutralise_formula("") == "");
}

TEST_CASE("CSV formula neutralisation keeps genuine numbers numeric", "[csv][formula]") {
    for (const char* number : {"-3", "-0.88", "-0,88", "+1.5", "-2e3", "-1.5E-2", "-.5"})
        CHECK(neutralise_formula(number) == number);
    for (const char* not_number : {"-", "+", "-e3", "-1-1", "-1e", "- 1", "-1,2,3"})
        CHECK(neutralise_formula(not_number) == std::string("'") + not_number);
}

TEST_CASE("CSV formula neutralisation applies to every field written, header and quoted ones",
          "[csv][formula]") {
    CHECK(csv_field("=1+1") == "'=1+1");
    CHECK(csv_field("=A1,B1") == "\"'=A1,B1\"");
    CHECK(csv_field("-5") == "-5");
}
