#include "planner/server/scenario.hpp"

#include "exporters/number_format.hpp"
#include "model/json_value.hpp"
#include "model/plan_queries.hpp"
#include "planner/reports/report_text.hpp"
#include "planner/staffing/staffing.hpp"

#include <algorithm>
#include <cmath>

namespace planner::server {

namespace {

std::string number(double value, const std::string& language) {
    if (std::fabs(value) < 0.05)
        value = 0; // no "-0.0"
    std::string text = exporters::format_fixed(value, 1);
    if (language == "lv")
        std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

// One side of the comparison: findings by severity, staffing per role, overloaded people.
std::string side_json(const PlanFacts& facts, const CheckReport& report,
                      const std::string& language) {
    const model::Plan& plan = facts.plan();
    std::string out = "{\"findings\":{\"error\":" + std::to_string(report.counts.error) +
                      ",\"warning\":" + std::to_string(report.counts.warning) +
                      ",\"info\":" + std::to_string(report.counts.info) + "},\"roles\":[";
    const StaffingResult staffing = compute_staffing(facts);
    for (size_t i = 0; i < staffing.roles.size(); ++i) {
        const RoleStaffing& r = staffing.roles[i];
        std::string name = r.role.str();
        if (const model::Role* role = facts.index().role(r.role))
            name = model::display_name(*role);
        out += (i ? "," : "") + std::string("{\"id\":") + model::json_quote(r.role.str()) +
               ",\"role\":" + model::json_quote(name) +
               ",\"need\":" + model::json_quote(number(r.required_fte, language)) +
               ",\"in_place\":" + model::json_quote(number(r.current_fte, language)) +
               ",\"gap\":" + model::json_quote(number(r.gap, language)) + "}";
    }
    out += "],\"overloaded\":[";
    const double limit = plan.info.thresholds.overload;
    bool first = true;
    for (const PersonLoad& p : facts.workload().people) {
        const bool infinite = !p.utilisation && p.load_hours > 0;
        if (!infinite && (!p.utilisation || *p.utilisation <= limit + 1e-9))
            continue;
        std::string name = p.person.str();
        if (const model::Person* person = facts.index().person(p.person))
            name = model::display_name(*person);
        out +=
            (first ? "" : ",") + std::string("{\"id\":") + model::json_quote(p.person.str()) +
            ",\"person\":" + model::json_quote(name) + ",\"utilisation\":" +
            model::json_quote(infinite ? std::string("\u221e")
                                       : exporters::format_fixed(*p.utilisation * 100, 0) + "%") +
            "}";
        first = false;
    }
    return out + "]}";
}

} // namespace

EditAnswer evaluate_scenario(const SiteState& state, const std::string& patch,
                             std::uint64_t if_match, const std::string& language) {
    EditAnswer answer;
    answer.version = state.version;
    if (!state.stored) {
        answer.status = 409;
        answer.body = "{\"error\":" +
                      model::json_quote("a quarter's snapshot cannot be edited; serve the "
                                        "workspace itself to try a scenario") +
                      ",\"version\":" + std::to_string(state.version) + "}";
        return answer;
    }
    if (if_match != state.version) {
        answer.status = 409;
        answer.body =
            "{\"error\":" +
            model::json_quote("the plan changed since version " + std::to_string(if_match) +
                              "; it is now version " + std::to_string(state.version) +
                              ": read it again and redo the scenario") +
            ",\"version\":" + std::to_string(state.version) + "}";
        return answer;
    }
    EditResult result = apply_edit_text(state.stored->json, state.facts->plan(), patch);
    if (result.status != EditStatus::applied) {
        answer.status = result.status == EditStatus::test_failed ? 409 : 422;
        std::string errors = "[";
        for (size_t i = 0; i < result.messages.size(); ++i)
            errors += (i ? "," : "") + std::string("{\"path\":") +
                      model::json_quote(result.messages[i].path) +
                      ",\"message\":" + model::json_quote(result.messages[i].message) + "}";
        answer.body = "{\"error\":" +
                      model::json_quote("the scenario is not a valid plan; nothing was changed") +
                      ",\"version\":" + std::to_string(state.version) + ",\"errors\":" + errors +
                      "]}";
        return answer;
    }
    const ReportText text = ReportText::load(language);
    const PlanFacts scenario(std::move(*result.plan));
    // The findings in the page's language on both sides (the cached ones are English).
    const CheckReport& before = *state.findings(language);
    const CheckReport after = run_checks(scenario, text);
    const FindingChanges changes = compare_findings(before, after);
    answer.body = "{\"version\":" + std::to_string(state.version) +
                  ",\"now\":" + side_json(*state.facts, before, language) +
                  ",\"scenario\":" + side_json(scenario, after, language) +
                  ",\"appeared\":" + findings_json(changes.appeared, scenario.index()) +
                  ",\"disappeared\":" + findings_json(changes.disappeared, state.facts->index()) +
                  "}";
    return answer;
}

} // namespace planner::server
