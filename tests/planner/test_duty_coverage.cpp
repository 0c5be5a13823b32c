// PlanFacts::coverage: who is on each channel duty, kept as person and assignment indexes and
// read as ids; it must agree with TeamGraph::covers and with the lists its own rules give.
#include "model/plan_reader.hpp"
#include "planner/core/plan_facts.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

using namespace planner;
using model::ChannelId;
using model::DutyId;
using model::PersonId;

namespace {

model::Plan plan_of(const std::string& yaml) {
    model::PlanReadResult result = model::read_plan_text("t.yaml", yaml);
    for (const model::Diagnostic& error : result.errors)
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

size_t duty_index(const PlanFacts& facts, const std::optional<ChannelId>& channel,
                  const std::string& duty) {
    const model::ChannelDuty* found = facts.index().channel_duty(channel, DutyId(duty));
    REQUIRE(found != nullptr);
    return static_cast<size_t>(found - facts.index().channel_duties().data());
}

bool same_cover(const model::DutyCover& a, const model::DutyCover& b) {
    return a.person == b.person && a.raci == b.raci && a.share == b.share && a.backup == b.backup &&
           a.profile == b.profile;
}

// Every channel duty's coverage against the graph and against the rules of DutyCoverage.
void check_agrees_with_graph(const PlanFacts& facts) {
    const auto& duties = facts.index().channel_duties();
    for (size_t i = 0; i < duties.size(); ++i) {
        const DutyCoverage coverage = facts.coverage(i);
        const std::vector<model::DutyCover> expected =
            facts.graph().covers(duties[i].channel, duties[i].duty);
        std::vector<model::DutyCover> covers(coverage.covers.begin(), coverage.covers.end());
        REQUIRE(covers.size() == expected.size());
        CHECK(coverage.covers.size() == expected.size());
        for (size_t k = 0; k < covers.size(); ++k)
            CHECK(same_cover(covers[k], expected[k]));

        std::vector<PersonId> responsible, accountable, backups;
        for (const model::DutyCover& cover : expected) {
            if (cover.backup)
                backups.push_back(cover.person);
            else if (cover.raci == model::Raci::R)
                responsible.push_back(cover.person);
            else if (cover.raci == model::Raci::A)
                accountable.push_back(cover.person);
        }
        for (std::vector<PersonId>* list : {&responsible, &accountable, &backups}) {
            std::sort(list->begin(), list->end());
            list->erase(std::unique(list->begin(), list->end()), list->end());
        }
        CHECK(ids(coverage.responsible) == ids(responsible));
        CHECK(ids(coverage.accountable) == ids(accountable));
        CHECK(ids(coverage.backups) == ids(backups));
        // Able: backups and responsible people with a share, so a subset of the two.
        for (const PersonId& able : coverage.able)
            CHECK((std::binary_search(responsible.begin(), responsible.end(), able) ||
                   std::binary_search(backups.begin(), backups.end(), able)));
        for (const PersonId& backup : backups)
            CHECK(std::find(coverage.able.begin(), coverage.able.end(), backup) !=
                  coverage.able.end());
    }
}

} // namespace

TEST_CASE("duty coverage: lists are distinct people, ids ascending, not in plan order") {
    PlanFacts facts(plan_of("version: 1\nplan: {name: T}\n"
                            "channels:\n"
                            "  - id: ig\n"
                            "    network: instagram\n"
                            "    profiles: [{id: ig-main}, {id: ig-jobs}]\n"
                            "    workload: {posts_per_week: 2, hours_per_post: 1, "
                            "inbound_per_day: 4, minutes_per_inbound: 3}\n"
                            "duties:\n"
                            "  - {id: outreach, hours_per_week: 2, channel_bound: false}\n"
                            "people:\n  - {id: zane}\n  - {id: anna}\n  - {id: maris}\n"
                            "  - {id: liga}\n  - {id: cara}\n"
                            "assignments:\n"
                            "  - {person: zane, duty: all, channel: ig, raci: A}\n"
                            "  - {person: maris, duty: engage, channel: ig, share: 0.6}\n"
                            "  - {person: anna, duty: engage, channel: ig, share: 0.4}\n"
                            "  - {person: cara, duty: engage, channel: ig, share: 0}\n"
                            "  - {person: maris, duty: engage, channel: ig, raci: A}\n"
                            "  - {person: liga, duty: engage, channel: ig, backup: true}\n"
                            "  - {person: anna, duty: create, channel: ig, profile: ig-jobs}\n"
                            "  - {person: liga, duty: outreach}\n"));

    const DutyCoverage engage = facts.coverage(duty_index(facts, ChannelId("ig"), "engage"));
    CHECK(ids(engage.responsible) == std::vector<std::string>{"anna", "cara", "maris"});
    CHECK(ids(engage.accountable) == std::vector<std::string>{"maris", "zane"});
    CHECK(ids(engage.backups) == std::vector<std::string>{"liga"});
    // cara's share is 0: responsible, but not able to do the work.
    CHECK(ids(engage.able) == std::vector<std::string>{"anna", "liga", "maris"});
    CHECK(engage.able.front() == PersonId("anna"));
    CHECK(engage.able[2] == PersonId("maris"));
    CHECK(engage.able.end() - engage.able.begin() == 3);

    // Covers: every assignment, plan order, as written.
    std::vector<model::DutyCover> covers(engage.covers.begin(), engage.covers.end());
    REQUIRE(covers.size() == 6);
    CHECK(covers[0].person == PersonId("zane"));
    CHECK(covers[0].raci == model::Raci::A);
    CHECK(covers[1].person == PersonId("maris"));
    CHECK(covers[1].share == Approx(0.6));
    CHECK(covers[3].person == PersonId("cara"));
    CHECK(covers[5].backup);
    CHECK_FALSE(covers[5].share);

    const DutyCoverage create = facts.coverage(duty_index(facts, ChannelId("ig"), "create"));
    std::vector<model::DutyCover> create_covers(create.covers.begin(), create.covers.end());
    REQUIRE(create_covers.size() == 2);
    CHECK(create_covers[1].profile == model::ProfileId("ig-jobs"));
    CHECK_FALSE(create_covers[0].profile);

    // A duty that is not channel-bound is a channel duty without a channel.
    const DutyCoverage outreach = facts.coverage(duty_index(facts, std::nullopt, "outreach"));
    CHECK(ids(outreach.responsible) == std::vector<std::string>{"liga"});

    CHECK_THROWS_AS(facts.coverage(facts.index().channel_duties().size()), std::out_of_range);
    check_agrees_with_graph(facts);
}

TEST_CASE("duty coverage: agrees with the team graph on every sample") {
    for (const char* sample : {"small-team.yaml", "latvian-retail.yaml", "checks-coverage.yaml",
                               "checks-workload.yaml", "audit-group.yaml"}) {
        INFO(sample);
        model::PlanReadResult read =
            model::read_plan_file(std::string(PLANNER_SOURCE_DIR) + "/samples/" + sample);
        REQUIRE(read.ok());
        PlanFacts facts(read.plan);
        REQUIRE(!facts.index().channel_duties().empty());
        check_agrees_with_graph(facts);
    }
}

TEST_CASE("duty coverage: the facts after an edit read the new plan's ids") {
    const std::string head = "version: 1\nplan: {name: T}\n"
                             "channels:\n"
                             "  - id: ig\n"
                             "    network: instagram\n"
                             "    workload: {posts_per_week: 2, hours_per_post: 1, "
                             "inbound_per_day: 4, minutes_per_inbound: 3}\n"
                             "people:\n  - {id: anna, name: Anna}\n  - {id: liga}\n"
                             "assignments:\n"
                             "  - {person: liga, duty: engage, channel: ig}\n"
                             "  - {person: anna, duty: engage, channel: ig, backup: true}\n";
    PlanFacts before(plan_of(head));
    const size_t engage = duty_index(before, ChannelId("ig"), "engage");
    CHECK(ids(before.coverage(engage).backups) == std::vector<std::string>{"anna"});
    // A new name only: the graph is reused, the coverage is the new facts' own.
    std::string edited = head;
    edited.replace(edited.find("name: Anna"), 10, "name: Anne");
    PlanFacts after(plan_of(edited), before);
    CHECK(after.graph_reused());
    const DutyCoverage coverage = after.coverage(engage);
    CHECK(ids(coverage.backups) == std::vector<std::string>{"anna"});
    CHECK(&*coverage.backups.begin() == &after.plan().people[0].id);
    check_agrees_with_graph(after);
}
