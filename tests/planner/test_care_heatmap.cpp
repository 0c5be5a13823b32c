#include "model/plan_reader.hpp"
#include "planner/checks/checks.hpp"
#include "planner/staffing/care_heatmap.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>

using namespace planner;

TEST_CASE("care heatmap: uncovered hours agree with COV006 on the sample") {
    auto read =
        model::read_plan_file(std::string(PLANNER_SOURCE_DIR) + "/samples/latvian-retail.yaml");
    REQUIRE(read.ok());
    const model::Plan& plan = read.plan;
    model::PlanIndex index(plan);
    std::vector<CareHeatmap> maps = compute_care_heatmaps(index);
    REQUIRE(!maps.empty());
    // COV006 states "uncovered hours per week N" for each channel with a gap.
    std::map<std::string, double> stated;
    for (const Finding& f : run_checks(plan).findings)
        if (f.check == "COV006")
            for (const auto& [key, value] : f.evidence)
                if (key == "uncovered_hours_per_week")
                    stated[f.subject] = std::stod(value);
    REQUIRE(!stated.empty());
    for (const CareHeatmap& map : maps) {
        for (const auto& [subject, hours] : stated)
            if (subject.find("channel:" + map.channel.str() + "/") == 0) {
                INFO(subject);
                CHECK(map.uncovered_hours == Approx(hours).margin(0.5));
            }
        CHECK(map.window_hours > 0);
        for (const auto& day : map.hours)
            for (const CareHour& hour : day)
                for (size_t p : hour.people)
                    CHECK(p < map.people.size());
    }
}
