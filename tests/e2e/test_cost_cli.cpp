// planner cost and planner staff --budget as a user runs them on the 11-person sample.
#include "e2e.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using e2e::planner;
using e2e::TempDir;

namespace {
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

std::vector<std::string> cells_of(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (char c : line) {
        if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted) {
            cells.push_back(cell);
            cell.clear();
        } else
            cell += c;
    }
    cells.push_back(cell);
    return cells;
}
} // namespace

TEST_CASE("cost --format csv has a row per person, vacancy and hire that add up to the total") {
    TempDir dir("cost-csv");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    auto run = planner(dir, {"cost", "plan.yaml", "--format", "csv"});
    REQUIRE(run.status == 0);
    const auto lines = lines_of(run.out);
    REQUIRE(lines.size() == 14); // header, 11 people, 1 vacancy, 1 hire
    CHECK(lines[0] == "person,name,role,status,fte,cost_per_year,basis,rate,hours_per_week");
    // Līga: own salary 45,600 x 1.2359; Anna: community manager 19,200 x 0.8 x 1.2359.
    CHECK(lines[1].rfind("liga,Līga Kalniņa,social-lead,active,1.00,56357.04,own salary,", 0) == 0);
    CHECK(lines[3].rfind("anna,Anna Bērziņa,community-manager,active,0.80,18983.42,role salary,",
                         0) == 0);
    CHECK(lines[12].rfind("video-hire,Video creator (to hire),video-creator,vacancy,1.00,31144.68,",
                          0) == 0);
    CHECK(lines[13].rfind("hire-community-manager-1,Community manager,community-manager,hire,1.00,"
                          "23729.28,",
                          0) == 0);
    double total = 0;
    for (size_t i = 1; i < lines.size(); ++i)
        total += std::stod(cells_of(lines[i]).at(5));
    // 224,880 of salaries x 1.2359 + the vacancy + the hire.
    CHECK(total == Approx(224880 * 1.2359 + 31144.68 + 23729.28).margin(0.05));
}

TEST_CASE("cost in text shows the totals against the budget, JSON the same figures") {
    TempDir dir("cost-text");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    auto text = planner(dir, {"cost", "plan.yaml"});
    REQUIRE(text.status == 0);
    CHECK(text.out.find("planned team                    332,803") != std::string::npos);
    CHECK(text.out.find("budget                          325,000") != std::string::npos);
    CHECK(text.out.find("over budget                       7,803") != std::string::npos);
    auto json = planner(dir, {"cost", "plan.yaml", "--format", "json"});
    REQUIRE(json.status == 0);
    CHECK(json.out.find("\"planned_total\": 332803.15") != std::string::npos);
    CHECK(json.out.find("\"over_budget\": 7803.15") != std::string::npos);
    CHECK(json.out.find("\"currency\": \"EUR\"") != std::string::npos);
}

TEST_CASE("staff --budget chooses the hire that covers work and says what stays uncovered") {
    TempDir dir("staff-budget");
    dir.write("plan.yaml", e2e::sample("latvian-retail.yaml"));
    auto run = planner(dir, {"staff", "plan.yaml", "--budget", "325000", "--format", "csv"});
    REQUIRE(run.status == 0);
    CHECK(run.out == "hire,name,role,fte,cost_per_year,chosen\r\n"
                     "video-hire,Video creator (to hire),video-creator,1.00,31144.68,no\r\n"
                     "hire-community-manager-1,Community manager,community-manager,1.00,"
                     "23729.28,yes\r\n");
    // Too small a budget for any hire: the community-manager work stays uncovered.
    auto tight = planner(dir, {"staff", "plan.yaml", "--budget", "280000"});
    REQUIRE(tight.status == 0);
    CHECK(tight.out.find("leaves 2,071 for hires") != std::string::npos);
    CHECK(tight.out.find("Stays uncovered: community-manager 35.") != std::string::npos);
    auto bad = planner(dir, {"staff", "plan.yaml", "--budget", "lots"});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("--budget needs an amount a year, such as 420000, not 'lots'") !=
          std::string::npos);
}

TEST_CASE("cost refuses a plan with a wrong currency at its position") {
    TempDir dir("cost-bad");
    std::string plan = e2e::sample("latvian-retail.yaml");
    plan.replace(plan.find("currency: EUR"), 13, "currency: Euro");
    dir.write("plan.yaml", plan);
    auto run = planner(dir, {"cost", "plan.yaml"});
    CHECK(run.status == 2);
    CHECK(run.err.find("plan.yaml:31:13: currency 'Euro' is not an ISO 4217 code") !=
          std::string::npos);
    CHECK(run.out.empty());
}

TEST_CASE("cost --help matches its options") {
    TempDir dir("cost-help");
    auto run = planner(dir, {"cost", "--help"});
    CHECK(run.status == 0);
    CHECK(run.out.find("planner cost PLAN [--format text|json|csv] [-o FILE]") !=
          std::string::npos);
    auto staff = planner(dir, {"staff", "--help"});
    CHECK(staff.out.find("--budget AMOUNT") != std::string::npos);
}
