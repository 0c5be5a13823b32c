#include "planner/checks/check_render.hpp"

#include "exporters/csv_renderer.hpp"
#include "exporters/json_writer.hpp"
#include "exporters/text_table.hpp"
#include "planner/checks/finding_groups.hpp"
#include "planner/core/texts.hpp"

#include <cstddef>
#include <cstdlib>

namespace planner {

namespace {

constexpr size_t k_width = 100;
constexpr size_t k_indent = 18; // "warning  LOAD001  " lines up the body under the subject

size_t display_width(const std::string& text) {
    size_t count = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80)
            ++count;
    return count;
}

std::string padded(const std::string& text, size_t width) {
    size_t shown = display_width(text);
    return shown >= width ? text + " " : text + std::string(width - shown, ' ');
}

std::string severity_label(const Texts& texts, Severity severity, Colour colour) {
    const std::string word = texts.get("check_output.severity_" + std::string(to_string(severity)));
    std::string label = padded(word, 9);
    if (colour == Colour::off)
        return label;
    const char* code = severity == Severity::error     ? "\x1b[1;31m"
                       : severity == Severity::warning ? "\x1b[33m"
                                                       : "\x1b[36m";
    return code + word + "\x1b[0m" + label.substr(word.size());
}

// Evidence as "key: value; ..."; in a language other than English the keys are the report's
// evidence labels and plain numbers are written as the language writes them.
std::string evidence_text(const Texts& texts, const Finding& finding) {
    const bool english = texts.language() == "en";
    std::string text;
    for (const auto& [key, value] : finding.evidence) {
        if (!text.empty())
            text += "; ";
        if (english) {
            text += key + ": " + value;
            continue;
        }
        const std::string label = texts.has("evidence." + key) ? texts.get("evidence." + key) : key;
        char* end = nullptr;
        const double number = std::strtod(value.c_str(), &end);
        const bool plain = !value.empty() && end != nullptr && *end == '\0' &&
                           value.find_first_not_of("0123456789.-") == std::string::npos;
        const size_t dot = value.find('.');
        const int decimals =
            dot == std::string::npos ? 0 : static_cast<int>(value.size() - dot - 1);
        text += label + ": " + (plain ? texts.number(number, decimals) : value);
    }
    return text;
}

void append_finding(const Texts& texts, std::string& out, const Finding& finding, Colour colour) {
    const std::string indent(k_indent, ' ');
    out += severity_label(texts, finding.severity, colour) + padded(finding.check, 9) +
           finding.subject + "\n";
    out += indent + wrap_text(finding.message, k_indent, k_width) + "\n";
    if (!finding.evidence.empty())
        out += padded("", k_indent - 9) + padded(texts.get("check_output.evidence"), 9) +
               wrap_text(evidence_text(texts, finding), k_indent, k_width) + "\n";
    if (!finding.recommendation.empty())
        out += padded("", k_indent - 9) + padded(texts.get("check_output.do"), 9) +
               wrap_text(finding.recommendation, k_indent, k_width) + "\n";
}

// A group of several findings with one cause: the rule and the cause on the first line, then
// each instance (subject, message, what to do) as an item.
void append_group(const Texts& texts, std::string& out, const FindingGroup& group, Colour colour) {
    if (group.instances.size() == 1) {
        append_finding(texts, out, group.instances.front(), colour);
        return;
    }
    const CheckInfo* info = find_check(group.check);
    const std::string title = texts.language() != "en" && texts.has("checks." + group.check)
                                  ? texts.get("checks." + group.check)
                              : info ? std::string(info->title)
                                     : group.check;
    const std::string indent(k_indent, ' ');
    out += severity_label(texts, group.severity, colour) + padded(group.check, 9) + title + ": " +
           group.cause + " (" + std::to_string(group.instances.size()) + ")\n";
    for (const Finding& finding : group.instances) {
        out += indent + "- " + wrap_text(finding.subject, k_indent + 2, k_width) + "\n";
        out += indent + "  " + wrap_text(finding.message, k_indent + 2, k_width) + "\n";
        if (!finding.recommendation.empty())
            out += padded("", k_indent - 9) + padded(texts.get("check_output.do"), 11) +
                   wrap_text(finding.recommendation, k_indent + 2, k_width) + "\n";
    }
}

bool is_json_number(const std::string& text) {
    size_t i = 0;
    if (i < text.size() && text[i] == '-')
        ++i;
    if (i >= text.size() || text[i] < '0' || text[i] > '9')
        return false;
    if (text[i] == '0' && i + 1 < text.size() && text[i + 1] != '.')
        return false;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
        ++i;
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (i >= text.size())
            return false;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9')
            ++i;
    }
    return i == text.size();
}

std::string finding_json(const Finding& finding, const std::string* reason) {
    std::string out = "    {\n";
    out += "      \"check\": " + exporters::json_quote(finding.check) + ",\n";
    out +=
        "      \"severity\": " + exporters::json_quote(std::string(to_string(finding.severity))) +
        ",\n";
    out += "      \"subject\": " + exporters::json_quote(finding.subject) + ",\n";
    out += "      \"message\": " + exporters::json_quote(finding.message) + ",\n";
    out += "      \"evidence\": {";
    for (size_t i = 0; i < finding.evidence.size(); ++i) {
        const auto& [key, value] = finding.evidence[i];
        out += (i == 0 ? "" : ", ") + exporters::json_quote(key) + ": " +
               (is_json_number(value) ? value : exporters::json_quote(value));
    }
    out += "},\n";
    out += "      \"recommendation\": " + exporters::json_quote(finding.recommendation);
    if (reason != nullptr)
        out += ",\n      \"reason\": " + exporters::json_quote(*reason);
    out += "\n    }";
    return out;
}

} // namespace

std::string wrap_text(const std::string& text, size_t indent, size_t width) {
    const size_t room = width > indent + 20 ? width - indent : 20;
    std::string out;
    size_t line = 0;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        std::string word = text.substr(start, end - start);
        size_t word_width = display_width(word);
        if (line > 0 && line + 1 + word_width > room) {
            out += "\n" + std::string(indent, ' ');
            line = 0;
        } else if (line > 0) {
            out += " ";
            ++line;
        }
        out += word;
        line += word_width;
        start = end + 1;
    }
    return out;
}

std::string render_check_text(const CheckReport& report, Colour colour) {
    static const Texts english = Texts::load("en");
    return render_check_text(report, colour, english);
}

std::string render_check_text(const CheckReport& report, Colour colour, const Texts& texts) {
    const CheckCounts& counts = report.counts;
    const std::string plan =
        report.plan_name.empty() ? texts.get("check_output.plan") : report.plan_name;
    std::string out;
    if (counts.error + counts.warning + counts.info == 0)
        out = texts.get("check_output.summary_none", {{"plan", plan}});
    else
        out = texts.get("check_output.summary",
                        {{"plan", plan},
                         {"errors", texts.count("check_output.errors", counts.error)},
                         {"warnings", texts.count("check_output.warnings", counts.warning)},
                         {"info", texts.count("check_output.info", counts.info)}});
    if (counts.suppressed > 0)
        out += texts.count("check_output.suppressed", counts.suppressed);
    out += "\n";
    const std::vector<FindingGroup> groups = group_findings(report.findings);
    if (groups.size() < report.findings.size())
        out += texts.count("check_output.grouped", static_cast<long long>(groups.size())) + "\n";
    for (const FindingGroup& group : groups) {
        out += "\n";
        append_group(texts, out, group, colour);
    }
    if (!report.suppressed.empty()) {
        out += "\n" + texts.get("check_output.suppressed_heading") + "\n";
        for (const SuppressedFinding& entry : report.suppressed) {
            std::string line =
                padded(entry.finding.check, 9) + entry.finding.subject + ": " + entry.reason;
            out += "  " + wrap_text(line, 11, k_width) + "\n";
        }
    }
    return out;
}

std::string render_check_json(const CheckReport& report) {
    std::string out =
        "{\n  \"plan\": " + exporters::json_quote(report.plan_name) + ",\n  \"findings\": [";
    for (size_t i = 0; i < report.findings.size(); ++i)
        out += (i == 0 ? "\n" : ",\n") + finding_json(report.findings[i], nullptr);
    out += report.findings.empty() ? "],\n" : "\n  ],\n";
    out += "  \"suppressed\": [";
    for (size_t i = 0; i < report.suppressed.size(); ++i)
        out += (i == 0 ? "\n" : ",\n") +
               finding_json(report.suppressed[i].finding, &report.suppressed[i].reason);
    out += report.suppressed.empty() ? "],\n" : "\n  ],\n";
    const CheckCounts& counts = report.counts;
    out += "  \"counts\": {\"error\": " + std::to_string(counts.error) +
           ", \"warning\": " + std::to_string(counts.warning) +
           ", \"info\": " + std::to_string(counts.info) +
           ", \"suppressed\": " + std::to_string(counts.suppressed) + "}\n}\n";
    return out;
}

std::string render_check_csv(const CheckReport& report) {
    std::vector<std::vector<std::string>> rows;
    for (const Finding& finding : report.findings)
        rows.push_back({finding.check, std::string(to_string(finding.severity)), finding.subject,
                        finding.message, finding.recommendation});
    return exporters::render_csv({"check", "severity", "subject", "message", "recommendation"},
                                 rows);
}

std::string render_catalogue_text() {
    std::vector<std::vector<std::string>> rows;
    for (const CheckInfo& info : check_catalogue())
        rows.push_back({std::string(info.id), std::string(to_string(info.severity)),
                        std::string(info.area), std::string(info.title)});
    return exporters::render_text_table({{"id", exporters::Align::left},
                                         {"severity", exporters::Align::left},
                                         {"area", exporters::Align::left},
                                         {"title", exporters::Align::left}},
                                        rows);
}

std::string render_catalogue_json() {
    std::string out = "[";
    const auto& catalogue = check_catalogue();
    for (size_t i = 0; i < catalogue.size(); ++i) {
        const CheckInfo& info = catalogue[i];
        out += std::string(i == 0 ? "\n" : ",\n") +
               "  {\"id\": " + exporters::json_quote(std::string(info.id)) +
               ", \"severity\": " + exporters::json_quote(std::string(to_string(info.severity))) +
               ", \"area\": " + exporters::json_quote(std::string(info.area)) +
               ", \"title\": " + exporters::json_quote(std::string(info.title)) +
               ", \"description\": " + exporters::json_quote(std::string(info.description)) + "}";
    }
    return out + "\n]\n";
}

std::string render_catalogue_csv() {
    std::vector<std::vector<std::string>> rows;
    for (const CheckInfo& info : check_catalogue())
        rows.push_back({std::string(info.id), std::string(to_string(info.severity)),
                        std::string(info.area), std::string(info.title),
                        std::string(info.description)});
    return exporters::render_csv({"id", "severity", "area", "title", "description"}, rows);
}

} // namespace planner
