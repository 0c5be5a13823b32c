#include "planner/imports/roster.hpp"

#include "model/calendar.hpp"
#include "model/metric_dates.hpp"
#include "model/place_names.hpp"
#include "model/plan_queries.hpp"
#include "model/suggest.hpp"
#include "model/yaml_decoder.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

namespace planner {

namespace {
using namespace model;

std::string trim(std::string_view text) {
    size_t b = text.find_first_not_of(" \t");
    if (b == std::string_view::npos)
        return {};
    return std::string(text.substr(b, text.find_last_not_of(" \t") - b + 1));
}

// Lower case (ASCII and the Latin and Cyrillic letters lower_utf8 knows), spaces collapsed.
std::string fold(std::string_view text) {
    std::string lower = metric_detail::lower_utf8(trim(text));
    std::string out;
    for (char c : lower) {
        if (c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

// A list cell: `;` or `|` between items (and `,` when the file's separator is not `,`).
std::vector<std::string> split_list(const std::string& text, bool comma) {
    std::vector<std::string> out;
    std::string item;
    auto flush = [&] {
        std::string t = trim(item);
        if (!t.empty())
            out.push_back(t);
        item.clear();
    };
    for (char c : text) {
        if (c == ';' || c == '|' || (comma && c == ','))
            flush();
        else
            item += c;
    }
    flush();
    return out;
}

// "0.8", "0,8", "80%", "80 %", "1 250": a number as HR systems and spreadsheets write it.
std::optional<double> parse_hr_number(std::string text, bool& percent) {
    percent = false;
    text = trim(text);
    if (!text.empty() && text.back() == '%') {
        percent = true;
        text = trim(text.substr(0, text.size() - 1));
    }
    std::string digits;
    for (char c : text) {
        if (c == ' ' || c == '\'')
            continue; // thousands
        digits += c == ',' ? '.' : c;
    }
    if (std::count(digits.begin(), digits.end(), '.') > 1 || digits.empty())
        return std::nullopt;
    double value = 0;
    auto res = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (res.ec != std::errc() || res.ptr != digits.data() + digits.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

enum class HrStatus { active, leaving, vacancy, gone };

std::optional<HrStatus> parse_hr_status(std::string_view text) {
    static const std::map<std::string, HrStatus> words = {
        {"active", HrStatus::active},
        {"employed", HrStatus::active},
        {"current", HrStatus::active},
        {"full-time", HrStatus::active},
        {"full time", HrStatus::active},
        {"part-time", HrStatus::active},
        {"part time", HrStatus::active},
        {"permanent", HrStatus::active},
        {"temporary", HrStatus::active},
        {"fixed term", HrStatus::active},
        {"fixed-term", HrStatus::active},
        {"probation", HrStatus::active},
        {"on probation", HrStatus::active},
        {"on leave", HrStatus::active},
        {"contractor", HrStatus::active},
        {"a", HrStatus::active},
        {"leaving", HrStatus::leaving},
        {"notice", HrStatus::leaving},
        {"on notice", HrStatus::leaving},
        {"notice period", HrStatus::leaving},
        {"resigned", HrStatus::leaving},
        {"resigning", HrStatus::leaving},
        {"vacancy", HrStatus::vacancy},
        {"vacant", HrStatus::vacancy},
        {"open", HrStatus::vacancy},
        {"open position", HrStatus::vacancy},
        {"to be hired", HrStatus::vacancy},
        {"tbh", HrStatus::vacancy},
        {"hiring", HrStatus::vacancy},
        {"terminated", HrStatus::gone},
        {"inactive", HrStatus::gone},
        {"former", HrStatus::gone},
        {"former employee", HrStatus::gone},
        {"left", HrStatus::gone},
        {"dismissed", HrStatus::gone},
        {"separated", HrStatus::gone},
        {"retired", HrStatus::gone},
        {"withdrawn", HrStatus::gone},
        {"t", HrStatus::gone},
        {"i", HrStatus::gone},
    };
    auto it = words.find(fold(text));
    if (it == words.end())
        return std::nullopt;
    return it->second;
}

bool same_person_values(const Person& a, const Person& b) {
    return a.name == b.name && a.status == b.status && a.roles == b.roles && a.fte == b.fte &&
           a.capacity_hours == b.capacity_hours && a.reports_to == b.reports_to &&
           a.timezone == b.timezone && a.skills == b.skills && a.interests == b.interests;
}

} // namespace

RosterResult apply_roster(Plan& plan, const std::string& file, std::string_view bytes,
                          const RosterMapping& mapping) {
    RosterResult result;
    RosterReadResult read = read_roster_table(file, bytes, mapping);
    result.errors = read.errors;
    if (!read.ok())
        return result;
    const RosterTable& table = read.table;
    for (const RosterColumn& column : table.columns) {
        if (column.field)
            result.columns.push_back(column.header + " -> " +
                                     std::string(roster_field_name(*column.field)) +
                                     (column.mapped ? " (mapped)" : ""));
        else {
            std::string hint = model::did_you_mean(column.header, roster_field_names());
            result.ignored_columns.push_back(column.header.empty() ? "(no name)"
                                                                   : column.header + hint);
        }
    }
    auto error = [&](const RosterCell& cell, const std::string& message) {
        result.errors.push_back(roster_error(file, cell, message));
    };
    bool comma_lists = table.delimiter != ',';

    Plan updated = plan;
    std::map<std::string, size_t> person_index;
    for (size_t i = 0; i < updated.people.size(); ++i)
        person_index[updated.people[i].id.str()] = i;
    std::map<std::string, std::vector<std::string>> by_name; // folded full name -> ids
    for (const Person& p : updated.people)
        if (p.name)
            by_name[fold(*p.name)].push_back(p.id.str());

    // Roles by id or by name, any letter case.
    std::map<std::string, std::string> role_of;
    std::vector<std::string> role_words;
    for (const Role& r : updated.roles) {
        role_of[fold(r.id.str())] = r.id.str();
        role_words.push_back(r.id.str());
        if (r.name) {
            role_of[fold(*r.name)] = r.id.str();
            role_words.push_back(*r.name);
        }
    }
    std::vector<std::string> channel_words;
    for (const Channel& c : updated.channels)
        channel_words.push_back(c.id.str());
    for (const char* n :
         {"instagram", "facebook", "linkedin", "x", "youtube", "tiktok", "pinterest", "threads"})
        channel_words.emplace_back(n);

    struct PendingManager {
        size_t person;
        RosterCell cell;
    };
    std::vector<PendingManager> managers;
    std::map<std::string, std::string> hr_id_to_person; // the HR id as written -> person id
    std::set<std::string> seen_ids;
    std::vector<std::pair<size_t, Person>> before; // existing people as they were

    for (const RosterRow& row : table.rows) {
        ++result.rows;
        const RosterCell* id_cell = row.get(RosterField::id);
        const RosterCell* name_cell = row.get(RosterField::name);
        const RosterCell* first = row.get(RosterField::first_name);
        const RosterCell* last = row.get(RosterField::last_name);
        std::optional<std::string> full_name;
        if (name_cell)
            full_name = name_cell->text;
        else if (first || last)
            full_name = trim((first ? first->text : "") + " " + (last ? last->text : ""));
        const RosterCell* who = id_cell ? id_cell : name_cell ? name_cell : first ? first : last;
        if (!who) {
            result.errors.push_back(
                Diagnostic{file, 0, 0,
                           "row " + std::to_string(row.row) +
                               ": the row has no id and no name; every person needs one of them"});
            continue;
        }
        std::string id = id_from_text(id_cell ? id_cell->text : *full_name);
        if (id.empty()) {
            error(*who, "'" + who->text + "' gives no usable id; write letters or digits");
            continue;
        }
        // Terminated employees are not people of the plan.
        std::optional<HrStatus> status;
        if (const RosterCell* s = row.get(RosterField::status)) {
            status = parse_hr_status(s->text);
            if (!status) {
                error(*s, "'" + s->text +
                              "' is not a status planner knows; write Active, Leaving (on "
                              "notice), Vacancy (a planned hire) or Terminated");
                continue;
            }
        }
        std::string label =
            (full_name ? *full_name : id) + " (row " + std::to_string(row.row) + ")";
        // Existing person: by id, then by full name.
        std::optional<size_t> existing;
        if (auto it = person_index.find(id); it != person_index.end())
            existing = it->second;
        else if (full_name) {
            auto named = by_name.find(fold(*full_name));
            if (named != by_name.end() && named->second.size() == 1)
                existing = person_index.at(named->second.front());
        }
        if (existing)
            id = updated.people[*existing].id.str();
        if (!seen_ids.insert(id).second) {
            error(*who, "person '" + id + "' appears twice in the roster; keep one row");
            continue;
        }
        if (id_cell)
            hr_id_to_person[fold(id_cell->text)] = id;
        if (status == HrStatus::gone) {
            if (!existing) {
                result.not_active.push_back(label + ": terminated, not added");
                continue;
            }
            result.not_active.push_back(label + ": terminated, marked leaving in the plan; "
                                                "remove them when their duties are handed over");
        }
        size_t index;
        if (existing) {
            index = *existing;
            before.emplace_back(index, updated.people[index]);
        } else {
            Person person;
            person.id = PersonId(id);
            index = updated.people.size();
            updated.people.push_back(std::move(person));
            person_index[id] = index;
            if (full_name)
                by_name[fold(*full_name)].push_back(id);
            result.added.push_back(id);
        }
        Person& person = updated.people[index];
        if (full_name)
            person.name = *full_name;
        // HR exports know no contractors: a contractor stays one (with a valid hourly rate)
        // unless the row makes them a vacancy.
        const bool stays_contractor =
            person.status == PersonStatus::contractor && status && *status != HrStatus::vacancy;
        if (status && !stays_contractor) {
            person.status = *status == HrStatus::vacancy  ? PersonStatus::vacancy
                            : *status == HrStatus::active ? PersonStatus::active
                                                          : PersonStatus::leaving;
            person.hourly_rate.reset();
        }
        if (const RosterCell* f = row.get(RosterField::role)) {
            person.roles.clear();
            for (const auto& role : split_list(f->text, comma_lists)) {
                auto it = role_of.find(fold(role));
                if (it == role_of.end()) {
                    error(*f, "unknown role '" + role + "'" +
                                  model::did_you_mean(role, role_words) +
                                  "; roles are matched by the plan's role ids and names");
                    continue;
                }
                RoleId role_id(it->second);
                if (std::find(person.roles.begin(), person.roles.end(), role_id) ==
                    person.roles.end())
                    person.roles.push_back(role_id);
            }
        }
        bool percent = false;
        if (const RosterCell* f = row.get(RosterField::fte)) {
            auto v = parse_hr_number(f->text, percent);
            if (!v)
                error(*f, "'" + f->text +
                              "' is not a number; write a fraction (0.8) or a percentage (80%)");
            else {
                double fte = percent || *v > 1 ? *v / 100 : *v;
                if (fte < 0 || fte > 1)
                    error(*f, "'" + f->text + "' is not an FTE between 0 and 1 (0% and 100%)");
                else
                    person.fte = fte;
            }
        }
        if (const RosterCell* f = row.get(RosterField::weekly_hours)) {
            auto v = parse_hr_number(f->text, percent);
            double week = updated.info.week.hours;
            if (!v || percent)
                error(*f, "'" + f->text + "' is not a number of hours a week");
            else if (*v < 0 || *v > 168)
                error(*f, "'" + f->text + "' hours a week is not between 0 and 168");
            else if (!row.get(RosterField::fte) && week > 0) {
                person.fte = std::min(1.0, *v / week);
                // More than the plan's week: the hours are the capacity.
                if (*v > week)
                    person.capacity_hours = *v;
            }
        }
        if (const RosterCell* f = row.get(RosterField::capacity_hours)) {
            auto v = parse_hr_number(f->text, percent);
            if (!v || percent || *v < 0 || *v > 168)
                error(*f, "'" + f->text + "' is not a number of hours between 0 and 168");
            else
                person.capacity_hours = *v;
        }
        if (const RosterCell* f = row.get(RosterField::reports_to))
            managers.push_back({index, *f});
        if (const RosterCell* f = row.get(RosterField::timezone)) {
            PlaceZone zone = time_zone_for_place(f->text);
            if (zone.zone.empty())
                error(*f, zone.reason);
            else
                person.timezone = zone.zone;
        } else if (const RosterCell* f = row.get(RosterField::location)) {
            PlaceZone zone = time_zone_for_place(f->text);
            if (zone.zone.empty())
                error(*f, zone.reason);
            else
                person.timezone = zone.zone;
        }
        if (const RosterCell* f = row.get(RosterField::skills))
            person.skills = split_list(f->text, true);
        if (const RosterCell* f = row.get(RosterField::interests)) {
            person.interests = split_list(f->text, true);
            for (auto& word : person.interests) {
                std::string lower = fold(word);
                if (std::find(channel_words.begin(), channel_words.end(), lower) ==
                    channel_words.end())
                    error(*f, "interest '" + word + "' is neither a channel id nor a network name" +
                                  model::did_you_mean(lower, channel_words));
                word = lower;
            }
        }
    }
    // Managers by id, by HR id or by full name: after all rows, so order does not matter.
    for (const auto& m : managers) {
        std::string key = fold(m.cell.text);
        std::optional<std::string> manager;
        if (auto it = hr_id_to_person.find(key); it != hr_id_to_person.end())
            manager = it->second;
        else if (person_index.count(m.cell.text))
            manager = m.cell.text;
        else if (auto named = by_name.find(key); named != by_name.end()) {
            if (named->second.size() > 1) {
                error(m.cell, "'" + m.cell.text + "' is the name of " +
                                  std::to_string(named->second.size()) +
                                  " people; give the manager's id instead");
                continue;
            }
            manager = named->second.front();
        } else if (person_index.count(id_from_text(m.cell.text)))
            manager = id_from_text(m.cell.text);
        if (!manager) {
            std::vector<std::string> names;
            for (const auto& entry : person_index)
                names.push_back(entry.first);
            error(m.cell, "unknown manager '" + m.cell.text + "'" +
                              model::did_you_mean(m.cell.text, names) +
                              "; managers are matched by id, HR id or full name");
            continue;
        }
        if (*manager == updated.people[m.person].id.str()) {
            error(m.cell, "a person cannot report to themselves");
            continue;
        }
        updated.people[m.person].reports_to = PersonId(*manager);
    }
    for (const auto& [index, old] : before) {
        if (same_person_values(old, updated.people[index]))
            result.unchanged.push_back(old.id.str());
        else
            result.changed.push_back(old.id.str());
    }
    // File problems (with a line) first, then by row.
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
    if (result.errors.empty())
        plan = std::move(updated);
    return result;
}

} // namespace planner
