#include "planner/imports/roster.hpp"

#include "model/csv_reader.hpp"
#include "model/suggest.hpp"
#include "model/yaml_decoder.hpp"

#include <algorithm>

#include <charconv>
#include <map>
#include <set>

namespace planner {

namespace {
using namespace model;

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(';', start);
        if (end == std::string::npos)
            end = text.size();
        std::string item = text.substr(start, end - start);
        size_t b = item.find_first_not_of(" \t");
        size_t e = item.find_last_not_of(" \t");
        if (b != std::string::npos)
            out.push_back(item.substr(b, e - b + 1));
        start = end + 1;
    }
    return out;
}

std::string trim(const std::string& text) {
    size_t b = text.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return text.substr(b, text.find_last_not_of(" \t") - b + 1);
}

} // namespace

const std::vector<std::string>& roster_columns() {
    static const std::vector<std::string> columns = {
        "id",         "name",     "roles",  "fte",       "capacity_hours",
        "reports_to", "timezone", "skills", "interests", "status"};
    return columns;
}

bool looks_like_roster(std::string_view bytes) {
    // A roster's first column is `id`; no analytics export starts that way.
    auto csv = read_csv(bytes);
    if (!csv.ok() || csv.document.records.empty())
        return false;
    const auto& header = csv.document.records.front().fields;
    return !header.empty() && trim(header.front().text) == "id";
}

RosterResult apply_roster(Plan& plan, const std::string& file, std::string_view bytes) {
    RosterResult result;
    auto error = [&](int line, int column, const std::string& message) {
        result.errors.push_back(Diagnostic{file, line, column, message});
    };
    auto csv = read_csv(bytes);
    for (const auto& p : csv.problems)
        error(p.line, p.column, p.message);
    if (!csv.ok())
        return result;
    if (csv.document.records.empty()) {
        error(1, 1,
              "the roster is empty; its first line names the columns, e.g. "
              "id,name,roles,fte");
        return result;
    }
    // Header.
    const CsvRecord& header = csv.document.records.front();
    std::map<std::string, size_t> column_of;
    for (size_t i = 0; i < header.fields.size(); ++i) {
        std::string name = trim(header.fields[i].text);
        bool known = false;
        for (const auto& c : roster_columns())
            known = known || c == name;
        if (!known) {
            error(
                header.fields[i].line, header.fields[i].column,
                "unknown roster column '" + name + "'" +
                    model::did_you_mean(name, roster_columns()) + "; roster columns are " +
                    "id,name,roles,fte,capacity_hours,reports_to,timezone,skills,interests,status");
            continue;
        }
        if (column_of.count(name)) {
            error(header.fields[i].line, header.fields[i].column,
                  "column '" + name + "' appears twice; keep one");
            continue;
        }
        column_of[name] = i;
    }
    if (!column_of.count("id"))
        error(header.line, 1, "the roster has no 'id' column; people are matched by id");
    if (!result.errors.empty())
        return result;

    Plan updated = plan;
    std::map<std::string, size_t> person_index;
    for (size_t i = 0; i < updated.people.size(); ++i)
        person_index[updated.people[i].id.str()] = i;
    std::vector<std::string> role_ids, channel_words;
    for (const Role& r : updated.roles)
        role_ids.push_back(r.id.str());
    for (const Channel& c : updated.channels)
        channel_words.push_back(c.id.str());
    for (const char* n :
         {"instagram", "facebook", "linkedin", "x", "youtube", "tiktok", "pinterest", "threads"})
        channel_words.emplace_back(n);
    struct PendingManager {
        size_t person;
        std::string manager;
        int line, column;
    };
    std::vector<PendingManager> managers;
    std::set<std::string> seen_ids;

    for (size_t r = 1; r < csv.document.records.size(); ++r) {
        const CsvRecord& record = csv.document.records[r];
        if (record.blank())
            continue;
        ++result.rows;
        auto cell = [&](const std::string& name) -> const CsvField* {
            auto it = column_of.find(name);
            if (it == column_of.end() || it->second >= record.fields.size())
                return nullptr;
            const CsvField* f = &record.fields[it->second];
            return trim(f->text).empty() ? nullptr : f;
        };
        if (record.fields.size() > header.fields.size())
            error(record.line, record.fields[header.fields.size()].column,
                  "this row has " + std::to_string(record.fields.size()) +
                      " fields but the "
                      "header names " +
                      std::to_string(header.fields.size()) + "; quote values that contain a comma");
        const CsvField* id_field = cell("id");
        if (!id_field) {
            error(record.line, 1, "the row has no id; every person needs one");
            continue;
        }
        std::string id = trim(id_field->text);
        if (!is_valid_id(id)) {
            error(id_field->line, id_field->column,
                  "'" + id + "' is not a valid id; use 1-64 characters of a-z, 0-9, _ and -");
            continue;
        }
        if (!seen_ids.insert(id).second) {
            error(id_field->line, id_field->column,
                  "person '" + id + "' appears twice in the roster; keep one row");
            continue;
        }
        size_t index;
        if (auto it = person_index.find(id); it != person_index.end()) {
            index = it->second;
            ++result.updated;
        } else {
            Person person;
            person.id = PersonId(id);
            index = updated.people.size();
            updated.people.push_back(std::move(person));
            person_index[id] = index;
            ++result.added;
        }
        Person& person = updated.people[index];
        auto number = [&](const CsvField* f, const char* name, double lo,
                          double hi) -> std::optional<double> {
            if (!f)
                return std::nullopt;
            std::string t = trim(f->text);
            double v = 0;
            auto res = std::from_chars(t.data(), t.data() + t.size(), v);
            if (res.ec != std::errc() || res.ptr != t.data() + t.size() || v < lo || v > hi) {
                error(f->line, f->column,
                      std::string(name) + " must be a number between " + format_number(lo) +
                          " and " + format_number(hi) + ", not '" + t + "'");
                return std::nullopt;
            }
            return v;
        };
        if (auto f = cell("name"))
            person.name = trim(f->text);
        if (auto f = cell("roles")) {
            person.roles.clear();
            for (const auto& role : split_list(f->text)) {
                bool known = false;
                for (const auto& r2 : role_ids)
                    known = known || r2 == role;
                if (!known)
                    error(f->line, f->column,
                          "unknown role '" + role + "'" + model::did_you_mean(role, role_ids));
                person.roles.emplace_back(role);
            }
        }
        if (auto v = number(cell("fte"), "fte", 0, 1))
            person.fte = *v;
        if (auto v = number(cell("capacity_hours"), "capacity_hours", 0, 168))
            person.capacity_hours = *v;
        if (auto f = cell("reports_to"))
            managers.push_back({index, trim(f->text), f->line, f->column});
        if (auto f = cell("timezone")) {
            std::string tz = trim(f->text);
            if (!is_known_time_zone(tz))
                error(f->line, f->column,
                      "unknown time zone '" + tz + "'; use an IANA name such as Europe/Riga");
            person.timezone = tz;
        }
        if (auto f = cell("skills"))
            person.skills = split_list(f->text);
        if (auto f = cell("interests")) {
            person.interests = split_list(f->text);
            for (const auto& word : person.interests) {
                bool known = false;
                for (const auto& w : channel_words)
                    known = known || w == word;
                if (!known)
                    error(f->line, f->column,
                          "interest '" + word + "' is neither a channel id nor a network name" +
                              model::did_you_mean(word, channel_words));
            }
        }
        if (auto f = cell("status")) {
            auto status = parse_person_status(trim(f->text));
            if (!status)
                error(f->line, f->column,
                      "status must be active, vacancy or leaving, not '" + trim(f->text) + "'");
            else
                person.status = *status;
        }
    }
    for (const auto& m : managers) {
        if (!person_index.count(m.manager)) {
            std::vector<std::string> ids;
            for (const auto& entry : person_index)
                ids.push_back(entry.first);
            error(m.line, m.column,
                  "unknown person '" + m.manager + "' in reports_to" +
                      model::did_you_mean(m.manager, ids));
            continue;
        }
        updated.people[m.person].reports_to = PersonId(m.manager);
    }
    std::stable_sort(result.errors.begin(), result.errors.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
    if (result.errors.empty())
        plan = std::move(updated);
    return result;
}

} // namespace planner
