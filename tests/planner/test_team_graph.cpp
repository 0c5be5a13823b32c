// TeamGraph: reporting cycles (in order, deterministic), managers and reports, role holders,
// who covers a channel duty, reachability.
#include "model/plan_reader.hpp"
#include "model/team_graph.hpp"

#include <catch2/catch.hpp>

using namespace planner::model;

namespace {

Plan plan_of(const std::string& yaml) {
    PlanReadResult result = read_plan_text("t.yaml", yaml);
    for (const Diagnostic& error : result.errors)
        UNSCOPED_INFO(error.to_string());
    REQUIRE(result.ok());
    return result.plan;
}

std::vector<std::string> ids(const std::vector<PersonId>& people) {
    std::vector<std::string> out;
    for (const PersonId& id : people)
        out.push_back(id.str());
    return out;
}

const std::string k_people_head = "version: 1\nplan: {name: T}\nroles:\n"
                                  "  - {id: cm, duties: [engage]}\n"
                                  "  - {id: lead, duties: [report]}\n"
                                  "people:\n";

} // namespace

TEST_CASE("team graph: a tree has no cycles, managers, reports and heads") {
    Plan plan = plan_of(k_people_head + "  - {id: liga, roles: [lead]}\n"
                                        "  - {id: anna, roles: [cm], reports_to: liga}\n"
                                        "  - {id: janis, roles: [cm], reports_to: liga}\n"
                                        "  - {id: olga, roles: [cm, lead], reports_to: anna}\n"
                                        "  - {id: solo}\n");
    PlanIndex index(plan);
    TeamGraph graph(index);
    CHECK(graph.reporting_cycles().empty());
    CHECK(graph.manager(PersonId("anna")) == PersonId("liga"));
    CHECK_FALSE(graph.manager(PersonId("liga")).has_value());
    CHECK(ids(graph.direct_reports(PersonId("liga"))) == std::vector<std::string>{"anna", "janis"});
    CHECK(graph.direct_reports(PersonId("nobody")).empty());
    CHECK(ids(graph.people_without_manager()) == std::vector<std::string>{"liga", "solo"});
    CHECK(graph.reports_up_to(PersonId("olga"), PersonId("liga")));
    CHECK_FALSE(graph.reports_up_to(PersonId("liga"), PersonId("olga")));
    CHECK_FALSE(graph.reports_up_to(PersonId("olga"), PersonId("olga")));
    CHECK(graph.reporting_tree_size(PersonId("liga")) == 3);
    CHECK(graph.reporting_tree_size(PersonId("solo")) == 0);
    auto sizes = graph.reporting_tree_sizes();
    REQUIRE(sizes.size() == 2);
    CHECK(sizes[0] == std::make_pair(PersonId("liga"), std::size_t{3}));
    CHECK(sizes[1] == std::make_pair(PersonId("solo"), std::size_t{0}));
    CHECK(ids(graph.role_holders(RoleId("cm"))) ==
          std::vector<std::string>{"anna", "janis", "olga"});
    CHECK(ids(graph.role_holders(RoleId("lead"))) == std::vector<std::string>{"liga", "olga"});
    CHECK(graph.person_count() == 5);
}

TEST_CASE("team graph: cycles start at the smallest id, follow reports_to and are sorted") {
    // Two cycles: maris -> anna -> karlis -> maris, and zane -> eva -> zane; plus a tail
    // (ilze -> maris) that leads into a cycle without being on it, and a self-report.
    Plan plan = plan_of(k_people_head + "  - {id: maris, reports_to: anna}\n"
                                        "  - {id: anna, reports_to: karlis}\n"
                                        "  - {id: karlis, reports_to: maris}\n"
                                        "  - {id: ilze, reports_to: maris}\n"
                                        "  - {id: zane, reports_to: eva}\n"
                                        "  - {id: eva, reports_to: zane}\n"
                                        "  - {id: self, reports_to: self}\n");
    PlanIndex index(plan);
    TeamGraph graph(index);
    auto cycles = graph.reporting_cycles();
    REQUIRE(cycles.size() == 3);
    CHECK(ids(cycles[0]) == std::vector<std::string>{"anna", "karlis", "maris"});
    CHECK(ids(cycles[1]) == std::vector<std::string>{"eva", "zane"});
    CHECK(ids(cycles[2]) == std::vector<std::string>{"self"});
    CHECK(graph.reports_up_to(PersonId("ilze"), PersonId("anna")));
    CHECK(graph.reports_up_to(PersonId("anna"), PersonId("anna")));
    CHECK(graph.people_without_manager().empty());
}

TEST_CASE("team graph: covers lists assignments of a channel duty in plan order") {
    Plan plan = plan_of("version: 1\nplan: {name: T}\n"
                        "channels:\n"
                        "  - id: ig\n"
                        "    network: instagram\n"
                        "    profiles: [{id: ig-main}, {id: ig-jobs}]\n"
                        "    workload: {posts_per_week: 2, hours_per_post: 1, inbound_per_day: 4, "
                        "minutes_per_inbound: 3}\n"
                        "duties:\n"
                        "  - {id: outreach, hours_per_week: 2, channel_bound: false}\n"
                        "people:\n  - {id: anna}\n  - {id: janis}\n  - {id: liga}\n"
                        "assignments:\n"
                        "  - {person: liga, duty: all, channel: ig, raci: A}\n"
                        "  - {person: anna, duty: engage, channel: ig, share: 0.6}\n"
                        "  - {person: janis, duty: engage, channel: ig, backup: true}\n"
                        "  - {person: janis, duty: create, channel: ig, profile: ig-jobs}\n"
                        "  - {person: anna, duty: outreach}\n");
    PlanIndex index(plan);
    TeamGraph graph(index);

    auto engage = graph.covers(ChannelId("ig"), DutyId("engage"));
    REQUIRE(engage.size() == 3);
    CHECK(engage[0].person == PersonId("liga"));
    CHECK(engage[0].raci == Raci::A);
    CHECK(engage[1].person == PersonId("anna"));
    CHECK(engage[1].share == Approx(0.6));
    CHECK(engage[2].person == PersonId("janis"));
    CHECK(engage[2].backup);

    auto create = graph.covers(ChannelId("ig"), DutyId("create"));
    REQUIRE(create.size() == 2);
    CHECK(create[1].profile == ProfileId("ig-jobs"));

    auto outreach = graph.covers(std::nullopt, DutyId("outreach"));
    REQUIRE(outreach.size() == 1);
    CHECK(outreach[0].person == PersonId("anna"));

    CHECK(graph.covers(ChannelId("ig"), DutyId("ads")).empty());
    CHECK(graph.covers(ChannelId("nowhere"), DutyId("engage")).empty());
}

TEST_CASE("team graph: a large reporting chain is handled without deep recursion") {
    std::string yaml = "version: 1\nplan: {name: T}\npeople:\n  - {id: p0}\n";
    for (int i = 1; i < 5000; ++i)
        yaml +=
            "  - {id: p" + std::to_string(i) + ", reports_to: p" + std::to_string(i - 1) + "}\n";
    Plan plan = plan_of(yaml);
    PlanIndex index(plan);
    TeamGraph graph(index);
    CHECK(graph.reporting_cycles().empty());
    CHECK(graph.reporting_tree_size(PersonId("p0")) == 4999);
    CHECK(graph.reports_up_to(PersonId("p4999"), PersonId("p0")));
}
