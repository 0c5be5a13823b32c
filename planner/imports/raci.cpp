#include "planner/imports/raci.hpp"

#include "model/metric_dates.hpp"
#include "model/plan_queries.hpp"
#include "model/raci_grid.hpp"
#include "model/suggest.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

namespace planner {

namespace {
using namespace model;

std::string fold(std::string_view text) {
    std::string lower = metric_detail::lower_utf8(text);
    std::string out;
    for (char c : lower) {
        if (c == ' ' || c == '\t' || c == '_' || c == '-') {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string describe(const Assignment& a) {
    std::string text = a.person.str() + " " + (a.backup ? "B" : std::string(to_string(a.raci)));
    if (a.share)
        text += " " + std::to_string(static_cast<int>(std::lround(*a.share * 100))) + "%";
    return text;
}

} // namespace

RaciResult apply_raci(Plan& plan, const std::string& file, std::string_view bytes) {
    RaciResult result;
    RaciReadResult read = read_raci_grid(file, bytes);
    result.errors = read.errors;
    // Cells that are not RACI are reported with everything else the sheet gets wrong.
    bool read_the_grid = !read.grid.people.empty();
    if (!read.ok() && !read_the_grid)
        return result;
    auto error = [&](std::string message) {
        result.errors.push_back(Diagnostic{file, 0, 0, std::move(message)});
    };
    PlanIndex index(plan);

    // People columns.
    std::map<std::string, std::vector<std::string>> person_by; // folded name or id -> ids
    std::vector<std::string> person_words;
    for (const Person& p : plan.people) {
        person_by[fold(p.id.str())].push_back(p.id.str());
        person_words.push_back(p.id.str());
        if (p.name && fold(*p.name) != fold(p.id.str())) {
            person_by[fold(*p.name)].push_back(p.id.str());
            person_words.push_back(*p.name);
        }
    }
    std::map<std::string, std::string> column_person;
    for (const std::string& header : read.grid.people) {
        if (header.empty())
            continue;
        auto it = person_by.find(fold(header));
        if (it == person_by.end()) {
            error("row 1, column `" + header + "`: no person of the plan is called '" + header +
                  "'" + model::did_you_mean(header, person_words) +
                  "; import the roster first, or write the person's name as the plan has it");
            continue;
        }
        if (it->second.size() > 1) {
            error("row 1, column `" + header + "`: " + std::to_string(it->second.size()) +
                  " people are called '" + header + "'; write the person's id instead");
            continue;
        }
        column_person[header] = it->second.front();
        ++result.people;
    }

    // Channels by id, name or network (when only one channel is on that network).
    std::map<std::string, std::vector<std::string>> channel_by;
    std::vector<std::string> channel_words;
    for (const Channel& c : plan.channels) {
        std::set<std::string> keys = {fold(c.id.str()), fold(to_string(c.network))};
        if (c.name)
            keys.insert(fold(*c.name));
        for (const auto& key : keys)
            channel_by[key].push_back(c.id.str());
        channel_words.push_back(c.name ? *c.name : c.id.str());
    }
    std::map<std::string, const DutyInfo*> duty_by;
    std::vector<std::string> duty_words;
    for (const DutyInfo& d : index.duties()) {
        duty_by[fold(d.id.str())] = &d;
        duty_by[fold(d.name)] = &d;
        duty_words.push_back(d.name);
    }

    struct Target {
        std::optional<ChannelId> channel;
        DutyId duty;
        std::string label;
        std::vector<Assignment> assignments;
    };
    std::vector<Target> targets;
    std::set<std::pair<std::string, std::string>> seen;
    for (const RaciRow& row : read.grid.rows) {
        std::string at = "row " + std::to_string(row.row) + ", `" + row.label + "`";
        Target target;
        target.label = row.label;
        std::string duty_key = fold(row.duty);
        bool all = duty_key == "all" || duty_key == "all duties";
        const DutyInfo* duty = nullptr;
        if (!all) {
            auto d = duty_by.find(duty_key);
            if (d == duty_by.end()) {
                error(at + ": unknown duty '" + row.duty + "'" +
                      model::did_you_mean(row.duty, duty_words) +
                      "; duties are the standard ones (Content creation, Community management, "
                      "...) and the plan's own");
                continue;
            }
            duty = d->second;
        }
        target.duty = all ? DutyId("all") : duty->id;
        if (!row.channel.empty()) {
            auto c = channel_by.find(fold(row.channel));
            if (c == channel_by.end()) {
                error(at + ": unknown channel '" + row.channel + "'" +
                      model::did_you_mean(row.channel, channel_words));
                continue;
            }
            if (c->second.size() > 1) {
                error(at + ": '" + row.channel + "' is " + std::to_string(c->second.size()) +
                      " channels of the plan; write the channel's id");
                continue;
            }
            target.channel = ChannelId(c->second.front());
            if (duty && !duty->channel_bound) {
                error(at + ": '" + duty->name +
                      "' is not bound to a channel; write it without one");
                continue;
            }
        } else if (all || duty->channel_bound) {
            error(at + ": say which channel, as in `Instagram: " + row.duty + "`");
            continue;
        }
        if (!seen.insert({target.channel ? target.channel->str() : "", target.duty.str()}).second) {
            error(at + ": this duty is named twice in the sheet; keep one row");
            continue;
        }
        for (const RaciCell& cell : row.cells) {
            auto person = column_person.find(cell.person);
            if (person == column_person.end())
                continue; // reported with row 1
            for (const RaciMark& mark : cell.marks) {
                Assignment a;
                a.person = PersonId(person->second);
                a.duty = target.duty;
                a.channel = target.channel;
                a.raci = mark.raci;
                a.backup = mark.backup;
                a.share = mark.share;
                target.assignments.push_back(a);
            }
        }
        targets.push_back(std::move(target));
    }
    result.duties = targets.size();
    if (!result.errors.empty()) {
        // Row 1 first, then by row, as a person reads the sheet.
        auto row_of = [](const Diagnostic& d) {
            if (d.line > 0 || d.message.rfind("row ", 0) != 0)
                return 0L;
            return std::strtol(d.message.c_str() + 4, nullptr, 10);
        };
        std::stable_sort(result.errors.begin(), result.errors.end(),
                         [&](const Diagnostic& a, const Diagnostic& b) {
                             if ((a.line > 0) != (b.line > 0))
                                 return a.line > 0;
                             return row_of(a) < row_of(b);
                         });
        return result;
    }

    // Replace, keeping the order of the other assignments.
    result.assignments_before = plan.assignments.size();
    std::vector<Assignment> kept;
    std::map<std::pair<std::string, std::string>, std::vector<Assignment>> old;
    std::map<std::string, std::set<std::string>> all_duties; // channel -> `duty: all` marks
    for (const Assignment& a : plan.assignments)
        if (a.duty.str() == "all" && a.channel && !a.profile)
            all_duties[a.channel->str()].insert(describe(a));
    for (const Assignment& a : plan.assignments) {
        std::pair<std::string, std::string> key{a.channel ? a.channel->str() : "", a.duty.str()};
        if (!a.profile && seen.count(key))
            old[key].push_back(a);
        else
            kept.push_back(a);
    }
    for (const Target& t : targets) {
        std::pair<std::string, std::string> key{t.channel ? t.channel->str() : "", t.duty.str()};
        std::set<std::string> before, after;
        // What a kept `duty: all` assignment of the channel gives is there before and after,
        // and is not added a second time.
        const std::set<std::string>& covered = all_duties[key.first];
        if (t.duty.str() != "all")
            before.insert(covered.begin(), covered.end());
        for (const Assignment& a : old[key])
            before.insert(describe(a));
        std::vector<Assignment> added;
        for (const Assignment& a : t.assignments) {
            after.insert(describe(a));
            if (t.duty.str() == "all" || !covered.count(describe(a)))
                added.push_back(a);
        }
        if (t.duty.str() != "all")
            after.insert(covered.begin(), covered.end());
        std::string change;
        for (const auto& text : after)
            if (!before.count(text))
                change += (change.empty() ? "" : ", ") + ("+ " + text);
        for (const auto& text : before)
            if (!after.count(text))
                change += (change.empty() ? "" : ", ") + ("- " + text);
        if (change.empty())
            ++result.unchanged;
        else
            result.changes.push_back(t.label + ": " + change);
        kept.insert(kept.end(), added.begin(), added.end());
    }
    plan.assignments = std::move(kept);
    result.assignments_after = plan.assignments.size();
    return result;
}

} // namespace planner
