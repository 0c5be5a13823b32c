// The workload, staff and rebalance commands: formats, columns and usage errors, run through
// their handlers on tests/data/staffing/team.yaml.
#include "model/plan_reader.hpp"
#include "planner/cli/commands/rebalance.hpp"
#include "planner/cli/commands/staff.hpp"
#include "planner/cli/commands/workload.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace planner;

namespace {

const std::string k_team = std::string(PLANNER_TEST_DATA) + "/staffing/team.yaml";

struct Run {
    int status = 0;
    std::string out;
    std::string err;
};

Run run(const CommandSpec& command, std::vector<std::string> positional,
        std::map<std::string, std::vector<std::string>> values) {
    ParsedArgs args;
    args.positional = std::move(positional);
    args.values = std::move(values);
    std::ostringstream out, err;
    Streams streams{out, err};
    Run result;
    result.status = command.handler(args, streams);
    result.out = out.str();
    result.err = err.str();
    return result;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

} // namespace

TEST_CASE("workload command: CSV per person, exact columns and figures", "[workload]") {
    // ann: 7 + 14 + 6 = 27 h of 10 available (overhead 0): 2.700; cid 10 of 8: 1.250;
    // liv 2 of 40: 0.050.
    const Run r = run(workload_command(), {k_team}, {{"--format", {"csv"}}});
    CHECK(r.status == 0);
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "person,name,status,capacity_hours,available_hours,load_hours,utilisation");
    CHECK(lines[1] == "ann,ann,active,10.00,10.00,27.00,2.700");
    CHECK(lines[2] == "bob,bob,active,32.00,32.00,0.00,0.000");
    CHECK(lines[3] == "cid,cid,active,8.00,8.00,10.00,1.250");
    CHECK(lines[4] == "liv,liv,active,40.00,40.00,2.00,0.050");
    CHECK(r.out.find("\r\n") != std::string::npos); // RFC 4180 line ends
}

TEST_CASE("workload command: --by duty in CSV and JSON", "[workload]") {
    const Run csv = run(workload_command(), {k_team}, {{"--format", {"csv"}}, {"--by", {"duty"}}});
    const auto lines = lines_of(csv.out);
    REQUIRE(lines.size() == 6);
    CHECK(lines[0] == "channel,duty,hours,responsible_share,people");
    CHECK(lines[1] == "fb,engage,7.00,1.000,ann");
    CHECK(lines[3] == "ig,listen,6.00,1.000,ann");
    CHECK(lines[5] == "tt,influencer,2.00,1.000,liv");

    const Run json =
        run(workload_command(), {k_team}, {{"--format", {"json"}}, {"--by", {"duty"}}});
    CHECK(json.out.find("{\"channel\": \"fb\", \"duty\": \"engage\", \"hours\": 7.00, "
                        "\"responsible_share\": 1.000, \"people\": [\"ann\"]}") !=
          std::string::npos);
    const Run people = run(workload_command(), {k_team}, {{"--format", {"json"}}});
    CHECK(people.out.find("\"person\": \"cid\", \"name\": \"cid\", \"status\": \"active\", "
                          "\"capacity_hours\": 8.00, \"available_hours\": 8.00, "
                          "\"load_hours\": 10.00, \"utilisation\": 1.250") != std::string::npos);
}

TEST_CASE("workload command: text fits 100 columns, unknown options are usage errors",
          "[workload]") {
    const Run text = run(workload_command(), {k_team}, {});
    for (const std::string& line : lines_of(text.out))
        CHECK(line.size() <= 100);
    CHECK(text.out.find("2 of 4 people above utilisation 1.00") != std::string::npos);
    CHECK_THROWS_AS(run(workload_command(), {k_team}, {{"--format", {"xml"}}}), UsageError);
    CHECK_THROWS_AS(run(workload_command(), {k_team}, {{"--by", {"role"}}}), UsageError);
}

TEST_CASE("staff command: CSV columns, the unroled row, --explain", "[staff]") {
    const Run r = run(staff_command(), {k_team}, {{"--format", {"csv"}}});
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "role,required_fte,current_fte,planned_fte,gap,hires,floor_people,reason");
    // creator: 10 h / 40 h per FTE = 0.25; cid fte 0.2: gap 0.05, hires ceil(-0.15) = 0.
    CHECK(lines[2] == "creator,0.25,0.20,0.00,0.05,0,,volume: 10.00 h / 40 h per FTE");
    // influencer (2 h) has no role: 2 / 40 = 0.05 FTE.
    CHECK(lines[4] == "unroled,0.05,0.00,0.00,0.05,0,,no role performs channel:tt/influencer "
                      "(2.00 h): recommend a new role influencer-specialist");

    const Run explain = run(staff_command(), {k_team}, {{"--explain", {"creator"}}});
    CHECK(explain.out.find("channel:tt/create: 5 posts/week x 2 h/post = 10.00 h") !=
          std::string::npos);
    CHECK_THROWS_WITH(run(staff_command(), {k_team}, {{"--explain", {"creatr"}}}),
                      "unknown role 'creatr' (did you mean 'creator'?)");
}

TEST_CASE("rebalance command: writes a plan that reads back, prints before and after",
          "[rebalance]") {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / "planner-test-rebalance-command";
    std::filesystem::create_directories(dir);
    const std::string output = (dir / "proposed.yaml").string();
    const Run r = run(rebalance_command(), {k_team}, {{"--output", {output}}});
    CHECK(r.status == 0);
    CHECK(r.out.find("Overloaded (utilisation above 1.00): 2 before, 1 after") !=
          std::string::npos);
    CHECK(r.out.find("creator") != std::string::npos);
    for (const std::string& line : lines_of(r.out))
        CHECK(line.size() <= 100);
    const auto reread = model::read_plan_file(output);
    CHECK(reread.ok());

    const Run csv =
        run(rebalance_command(), {k_team}, {{"--output", {output}}, {"--format", {"csv"}}});
    const auto lines = lines_of(csv.out);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "person,name,status,available_hours,load_before,utilisation_before,"
                      "load_after,utilisation_after,overtime_hours");
    CHECK(lines[1] == "ann,ann,active,10.00,27.00,2.700,10.00,1.000,0.00");
    CHECK(lines[3] == "cid,cid,active,8.00,10.00,1.250,10.00,1.250,2.00");

    CHECK_THROWS_AS(run(rebalance_command(), {k_team}, {}), UsageError);
    std::filesystem::remove_all(dir);
}
