// FindingSpool and the spooled report of `planner check`: findings come back as they went in,
// from memory and from the temporary file alike, and a spooled report renders byte for byte
// as the CheckReport of the same plan (text, JSON, CSV), suppressions included.
#include "model/plan_reader.hpp"
#include "planner/checks/check_render.hpp"
#include "planner/checks/checks.hpp"
#include "planner/checks/finding_spool.hpp"
#include "planner/core/plan_facts.hpp"
#include "planner/core/texts.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace planner;

namespace {

Finding sample_finding(int i) {
    Finding finding;
    finding.check = i % 3 == 0 ? "COV004" : "LOAD002";
    finding.severity = i % 2 == 0 ? Severity::warning : Severity::info;
    finding.subject = "person:p" + std::to_string(i);
    // Texts of every length class: empty, short, over 127 bytes (two-byte lengths), UTF-8.
    finding.message = i % 5 == 0 ? "" : "Līga Bērziņa " + std::string(static_cast<size_t>(i), 'x');
    for (int k = 0; k < i % 4; ++k)
        finding.evidence.emplace_back("key" + std::to_string(k), std::to_string(i * k));
    finding.recommendation = std::string(static_cast<size_t>(200 + i), 'r');
    return finding;
}

void require_same(const Finding& a, const Finding& b) {
    REQUIRE(a.check == b.check);
    REQUIRE(a.severity == b.severity);
    REQUIRE(a.subject == b.subject);
    REQUIRE(a.message == b.message);
    REQUIRE(a.evidence == b.evidence);
    REQUIRE(a.recommendation == b.recommendation);
}

model::Plan plan_of(const std::string& path) {
    model::PlanReadResult read = model::read_plan_file(path);
    REQUIRE(read.errors.empty());
    return read.plan;
}

std::string collect(const std::function<void(const TextSink&)>& render) {
    std::string out;
    render([&](std::string_view piece) { out += piece; });
    return out;
}

} // namespace

TEST_CASE("A finding spool gives back every finding as it was added") {
    for (size_t limit : {size_t{1} << 20, size_t{1000}, size_t{1}}) {
        FindingSpool spool(limit);
        std::vector<Finding> added;
        for (int i = 0; i < 300; ++i) {
            added.push_back(sample_finding(i));
            spool.add(added.back());
        }
        REQUIRE(spool.size() == added.size());
        // A limit below the findings' size sends them to the temporary file.
        REQUIRE(spool.spilled() == (limit < 1000000));
        for (size_t i : {size_t{299}, size_t{0}, size_t{150}, size_t{1}})
            require_same(spool.get(i), added[i]);
        for (size_t i = 0; i < added.size(); ++i) {
            require_same(spool.get(i), added[i]);
            REQUIRE(spool.check(i) == added[i].check);
            REQUIRE(spool.subject(i) == added[i].subject);
            REQUIRE(spool.severity(i) == added[i].severity);
        }
    }
}

TEST_CASE("A spooled check report renders as the check report of the same plan") {
    const std::string samples = std::string(PLANNER_SOURCE_DIR) + "/samples/";
    for (const char* name : {"audit-group.yaml", "checks-coverage.yaml", "latvian-retail.yaml"}) {
        for (const char* language : {"en", "lv"}) {
            INFO(name << " " << language);
            model::Plan plan = plan_of(samples + name);
            // A suppression of a whole check and one of a single subject, when there are findings.
            const Texts texts = Texts::load(language);
            const PlanFacts facts(plan);
            const CheckReport report = run_checks(facts, texts);
            SpooledReport spooled(512);
            run_checks(facts, texts, spooled);
            REQUIRE(spooled.open.size() == report.findings.size());
            REQUIRE(spooled.suppressed.size() == report.suppressed.size());
            REQUIRE(spooled.counts.error == report.counts.error);
            REQUIRE(spooled.counts.warning == report.counts.warning);
            REQUIRE(spooled.counts.info == report.counts.info);
            REQUIRE(spooled.findings.spilled());
            REQUIRE(collect([&](const TextSink& sink) {
                        render_check_text(spooled, Colour::off, texts, 100, sink);
                    }) == render_check_text(report, Colour::off, texts, 100));
            REQUIRE(collect([&](const TextSink& sink) { render_check_json(spooled, sink); }) ==
                    render_check_json(report));
            REQUIRE(collect([&](const TextSink& sink) { render_check_csv(spooled, sink); }) ==
                    render_check_csv(report));
        }
    }
}

TEST_CASE("A spooled report keeps suppressed findings apart with their reasons") {
    const std::string samples = std::string(PLANNER_SOURCE_DIR) + "/samples/";
    model::Plan plan = plan_of(samples + "checks-coverage.yaml");
    const CheckReport plain = run_checks(plan);
    REQUIRE(plain.findings.size() >= 2);
    // Suppress the first finding's check entirely and the last finding by its subject.
    plan.suppressions.push_back({plain.findings.front().check, std::nullopt, "accepted for now"});
    plan.suppressions.push_back(
        {plain.findings.back().check, plain.findings.back().subject, "owner named next month"});
    plan.suppressions.push_back({"ORG001", std::string("person:nobody"), "matches nothing"});
    const Texts texts = Texts::load("en");
    const PlanFacts facts(plan);
    const CheckReport report = run_checks(facts, texts);
    SpooledReport spooled(256);
    run_checks(facts, texts, spooled);
    REQUIRE_FALSE(report.suppressed.empty());
    REQUIRE(spooled.suppressed.size() == report.suppressed.size());
    REQUIRE(spooled.unused_suppressions.size() == 1);
    REQUIRE(spooled.unused_suppressions.front().reason == "matches nothing");
    REQUIRE(spooled.counts.suppressed == report.counts.suppressed);
    REQUIRE(collect([&](const TextSink& sink) {
                render_check_text(spooled, Colour::off, texts, 100, sink);
            }) == render_check_text(report, Colour::off, texts, 100));
    REQUIRE(collect([&](const TextSink& sink) { render_check_json(spooled, sink); }) ==
            render_check_json(report));
}
