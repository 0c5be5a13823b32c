// planner merge: three-way merge of plans by meaning, entity by entity and field by field.
#include "model/plan_reader.hpp"
#include "model/plan_writer.hpp"
#include "planner/core/errors.hpp"
#include "planner/history/plan_merge.hpp"

#include <catch2/catch.hpp>

using namespace planner;

namespace {
model::Plan plan_of(const std::string& yaml) {
    auto r = model::read_plan_text("t.yaml", yaml);
    if (!r.ok())
        FAIL(r.errors.front().to_string());
    return r.plan;
}

std::string edit(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

const std::string k_base = R"(version: 1
plan: {name: T, overhead: 0.2}
goals:
  - id: reach
    name: "Reach"
    kind: reach
    owner: anna
    kpis:
      - {id: followers, metric: follower_growth, channel: ig, target: 0.08}
      - {id: views, metric: reach, channel: ig, target: 1000}
channels:
  - id: ig
    network: instagram
    name: "Instagram"
    profiles:
      - {id: main, handle: "@main"}
    workload: {posts_per_week: 5, hours_per_post: 1}
duties:
  - {id: podcast, name: "Podcast", hours_per_week: 2, channel_bound: false}
roles:
  - {id: cm, name: "Community manager", duties: [create, engage]}
people:
  - {id: anna, name: "Anna Bērziņa", roles: [cm], fte: 1}
  - {id: olga, name: "Olga Petrova", roles: [cm], fte: 1, reports_to: anna}
  - {id: ivo, name: "Ivo Kalns", roles: [cm], fte: 1, reports_to: anna}
assignments:
  - {person: anna, duty: create, channel: ig, share: 0.5}
  - {person: olga, duty: create, channel: ig, share: 0.5}
  - {person: ivo, duty: engage, channel: ig}
suppress:
  - {check: ORG002, subject: "person:anna", reason: "small team"}
)";

MergeResult merge(const std::string& base, const std::string& ours, const std::string& theirs,
                  bool prefer_theirs = false) {
    const model::Plan b = plan_of(base);
    return merge_plans(&b, plan_of(ours), plan_of(theirs), prefer_theirs);
}

std::string yaml(const MergeResult& result) {
    return model::write_plan_yaml(result.plan);
}
} // namespace

TEST_CASE("merge: changes to different fields and entities on each side are all kept") {
    const std::string ours = edit(edit(k_base, "fte: 1, reports_to: anna}\n  - {id: ivo",
                                       "fte: 0.8, reports_to: anna}\n  - {id: ivo"),
                                  "posts_per_week: 5", "posts_per_week: 7");
    const std::string theirs =
        edit(edit(k_base, "name: \"Olga Petrova\"", "name: \"Olga Petrova-Ozola\""), "target: 1000",
             "target: 2000");
    const MergeResult result = merge(k_base, ours, theirs);
    CHECK(result.conflicts.empty());
    const model::Plan& plan = result.plan;
    CHECK(plan.people[1].fte == 0.8);
    CHECK(plan.people[1].name == std::string("Olga Petrova-Ozola"));
    CHECK(plan.channels[0].workload.posts_per_week == 7);
    CHECK(plan.goals[0].kpis[1].target == 2000);
}

TEST_CASE("merge: every kind of entity merges from either side") {
    // Theirs changes one of each kind; ours changes nothing: the result is theirs.
    std::string theirs = k_base;
    theirs = edit(theirs, "plan: {name: T, overhead: 0.2}", "plan: {name: T, overhead: 0.3}");
    theirs = edit(theirs, "name: \"Reach\"", "name: \"Reach more\"");
    theirs = edit(theirs, "target: 0.08", "target: 0.1");
    theirs = edit(theirs, "handle: \"@main\"", "handle: \"@main_ig\"");
    theirs = edit(theirs, "hours_per_week: 2", "hours_per_week: 3");
    theirs = edit(theirs, "duties: [create, engage]", "duties: [create, engage, podcast]");
    theirs = edit(theirs, "{person: ivo, duty: engage, channel: ig}",
                  "{person: ivo, duty: engage, channel: ig, share: 0.5}");
    theirs = edit(theirs, "reason: \"small team\"", "reason: \"a team of three\"");
    const MergeResult result = merge(k_base, k_base, theirs);
    CHECK(result.conflicts.empty());
    CHECK(yaml(result) == model::write_plan_yaml(plan_of(theirs)));
    // And the same from our side.
    const MergeResult mirrored = merge(k_base, theirs, k_base);
    CHECK(mirrored.conflicts.empty());
    CHECK(yaml(mirrored) == model::write_plan_yaml(plan_of(theirs)));
}

TEST_CASE("merge: additions on both sides are kept, removals on one side apply") {
    const std::string ours =
        edit(k_base, "assignments:\n", "  - {id: eva, name: \"Eva\", roles: [cm]}\nassignments:\n");
    std::string theirs =
        edit(k_base, "      - {id: views, metric: reach, channel: ig, target: 1000}\n", "");
    theirs = edit(theirs, "suppress:\n",
                  "  - {person: anna, duty: engage, channel: ig, raci: A}\nsuppress:\n");
    const MergeResult result = merge(k_base, ours, theirs);
    CHECK(result.conflicts.empty());
    CHECK(result.plan.people.size() == 4);
    CHECK(result.plan.goals[0].kpis.size() == 1);
    CHECK(result.plan.assignments.size() == 4);
}

TEST_CASE("merge: the same change on both sides applies once") {
    const std::string both = edit(k_base, "posts_per_week: 5", "posts_per_week: 6");
    const std::string added =
        edit(both, "assignments:\n", "  - {id: eva, name: \"Eva\", roles: [cm]}\nassignments:\n");
    const MergeResult result = merge(k_base, added, added);
    CHECK(result.conflicts.empty());
    CHECK(result.plan.people.size() == 4);
    CHECK(yaml(result) == model::write_plan_yaml(plan_of(added)));
}

TEST_CASE("merge: different changes to one field are a conflict, ours kept unless --theirs") {
    const std::string ours = edit(k_base, "posts_per_week: 5", "posts_per_week: 6");
    const std::string theirs = edit(k_base, "posts_per_week: 5", "posts_per_week: 8");
    const MergeResult result = merge(k_base, ours, theirs);
    REQUIRE(result.conflicts.size() == 1);
    const MergeConflict& c = result.conflicts.front();
    CHECK(c.subject == "channel Instagram (ig)");
    CHECK(c.field == "workload.posts_per_week");
    CHECK(c.base == "5");
    CHECK(c.ours == "6");
    CHECK(c.theirs == "8");
    CHECK(result.plan.channels[0].workload.posts_per_week == 6);
    CHECK(describe(c) ==
          "channel Instagram (ig): workload.posts_per_week: base 5, ours 6, theirs 8");
    const MergeResult preferred = merge(k_base, ours, theirs, true);
    REQUIRE(preferred.conflicts.size() == 1);
    CHECK(preferred.plan.channels[0].workload.posts_per_week == 8);
}

TEST_CASE("merge: a change against a removal is a conflict, named by the person's name") {
    // Ours removes Ivo (and his assignment); theirs changes his fte.
    std::string ours = edit(
        k_base, "  - {id: ivo, name: \"Ivo Kalns\", roles: [cm], fte: 1, reports_to: anna}\n", "");
    ours = edit(ours, "  - {person: ivo, duty: engage, channel: ig}\n", "");
    const std::string theirs = edit(k_base, "name: \"Ivo Kalns\", roles: [cm], fte: 1",
                                    "name: \"Ivo Kalns\", roles: [cm], fte: 0.5");
    const MergeResult result = merge(k_base, ours, theirs);
    REQUIRE(result.conflicts.size() == 1);
    CHECK(result.conflicts[0].subject == "person Ivo Kalns (ivo)");
    CHECK(result.conflicts[0].ours == "(removed)");
    CHECK(result.conflicts[0].theirs.find("fte") != std::string::npos);
    CHECK(result.conflicts[0].theirs.find("0.5") != std::string::npos);
    CHECK(result.plan.people.size() == 2); // ours: removed
    // Preferring theirs keeps the person, and the assignment ours removed comes back only
    // when theirs changed it (it did not: the removal applies).
    const MergeResult preferred = merge(k_base, ours, theirs, true);
    CHECK(preferred.plan.people.size() == 3);
    // Removed on one side and unchanged on the other: removed, no conflict.
    const MergeResult clean = merge(k_base, ours, k_base);
    CHECK(clean.conflicts.empty());
    CHECK(clean.plan.people.size() == 2);
    CHECK(clean.plan.assignments.size() == 2);
}

TEST_CASE("merge: a KPI added to a goal the other side removed is a conflict") {
    std::string ours = k_base;
    ours = edit(ours,
                "goals:\n  - id: reach\n    name: \"Reach\"\n    kind: reach\n    owner: anna\n    "
                "kpis:\n      - {id: followers, metric: follower_growth, channel: ig, target: "
                "0.08}\n      - {id: views, metric: reach, channel: ig, target: 1000}\n",
                "");
    const std::string theirs =
        edit(k_base, "target: 1000}\n",
             "target: 1000}\n      - {id: likes, metric: engagements, channel: ig, target: 50}\n");
    const MergeResult result = merge(k_base, ours, theirs);
    REQUIRE(result.conflicts.size() == 1);
    CHECK(result.conflicts[0].subject.find("KPI") == 0);
    CHECK(result.plan.goals.empty());
}

TEST_CASE("merge: a reporting cycle made by two sides' changes is a validation error") {
    // Ours: Anna reports to Olga; theirs keeps Olga reporting to Anna and changes nothing
    // else on her... each side alone is fine only if the other line is absent, so each side
    // removes one line and adds the other.
    const std::string base =
        edit(k_base, "fte: 1, reports_to: anna}\n  - {id: ivo", "fte: 1}\n  - {id: ivo");
    const std::string ours =
        edit(base, "{id: anna, name: \"Anna Bērziņa\", roles: [cm], fte: 1}",
             "{id: anna, name: \"Anna Bērziņa\", roles: [cm], fte: 1, reports_to: olga}");
    const std::string theirs =
        edit(base, "fte: 1}\n  - {id: ivo", "fte: 1, reports_to: anna}\n  - {id: ivo");
    try {
        merge(base, ours, theirs);
        FAIL("a merge that makes a reporting cycle must fail");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("reporting cycle") != std::string::npos);
        REQUIRE(!e.lines().empty());
        CHECK(e.lines()[0].find("Anna Bērziņa") != std::string::npos);
    }
}

TEST_CASE("merge: a change that uses what the other side removed is a validation error") {
    // Ours removes the role's duty 'podcast' custom duty; theirs assigns it.
    std::string removed = edit(
        k_base,
        "duties:\n  - {id: podcast, name: \"Podcast\", hours_per_week: 2, channel_bound: false}\n",
        "");
    const std::string theirs =
        edit(k_base, "suppress:\n", "  - {person: olga, duty: podcast}\nsuppress:\n");
    CHECK_THROWS_AS(merge(k_base, removed, theirs), InputError);
}

TEST_CASE("merge: with no common base, equal content merges and different values conflict") {
    const model::Plan ours = plan_of(k_base);
    const model::Plan theirs =
        plan_of(edit(k_base, "fte: 1}\n  - {id: olga", "fte: 0.9}\n  - {id: olga"));
    const MergeResult result = merge_plans(nullptr, ours, theirs, false);
    REQUIRE(result.conflicts.size() == 1);
    CHECK(result.conflicts[0].field == "fte");
    CHECK(result.conflicts[0].base == "(none)");
}

TEST_CASE("merge: an A and an R of one person for one duty stay apart on every side") {
    const std::string base = edit(k_base, "  - {person: ivo, duty: engage, channel: ig}\n",
                                  "  - {person: ivo, duty: engage, channel: ig, raci: A}\n"
                                  "  - {person: ivo, duty: engage, channel: ig}\n");
    // Ours drops the A; theirs gives the R a share.
    const std::string ours =
        edit(base, "  - {person: ivo, duty: engage, channel: ig, raci: A}\n", "");
    const std::string theirs = edit(base, "  - {person: ivo, duty: engage, channel: ig}\n",
                                    "  - {person: ivo, duty: engage, channel: ig, share: 0.5}\n");
    const MergeResult result = merge(base, ours, theirs);
    CHECK(result.conflicts.empty());
    size_t ivo = 0;
    for (const model::Assignment& a : result.plan.assignments)
        if (a.person.str() == "ivo") {
            ++ivo;
            CHECK(a.raci == model::Raci::R);
            CHECK(a.share == 0.5);
        }
    CHECK(ivo == 1);
}
