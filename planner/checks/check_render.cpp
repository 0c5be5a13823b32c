#include "planner/checks/check_render.hpp"

#include "exporters/csv_renderer.hpp"
#include "exporters/json_writer.hpp"
#include "exporters/text_table.hpp"
#include "exporters/text_wrap.hpp"
#include "planner/checks/evidence_words.hpp"
#include "planner/checks/finding_groups.hpp"
#include "planner/checks/finding_spool.hpp"
#include "planner/core/texts.hpp"

#include <cstddef>
#include <cstdlib>

namespace planner {

namespace {

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

void append_finding(const Texts& texts, std::string& out, const Finding& finding, Colour colour,
                    size_t columns) {
    const std::string indent(k_indent, ' ');
    out += severity_label(texts, finding.severity, colour) + padded(finding.check, 9) +
           finding.subject + "\n";
    out += indent + exporters::wrap_hanging(finding.message, k_indent, columns) + "\n";
    if (!finding.evidence.empty())
        out += padded("", k_indent - 9) + padded(texts.get("check_output.evidence"), 9) +
               exporters::wrap_hanging(evidence_in_words(texts, finding), k_indent, columns) + "\n";
    if (!finding.recommendation.empty())
        out += padded("", k_indent - 9) + padded(texts.get("check_output.do"), 9) +
               exporters::wrap_hanging(finding.recommendation, k_indent, columns) + "\n";
}

// A group of several findings with one cause: the rule and the cause on the first line, then
// each instance (subject, message, what to do) as an item.
void append_group(const Texts& texts, std::string& out, const FindingIndexGroup& group,
                  const FindingAt& at, Colour colour, size_t columns) {
    Finding scratch;
    if (group.instances.size() == 1) {
        append_finding(texts, out, at(group.instances.front(), scratch), colour, columns);
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
    for (size_t index : group.instances) {
        const Finding& finding = at(index, scratch);
        out +=
            indent + "- " + exporters::wrap_hanging(finding.subject, k_indent + 2, columns) + "\n";
        out +=
            indent + "  " + exporters::wrap_hanging(finding.message, k_indent + 2, columns) + "\n";
        if (!finding.recommendation.empty())
            out += padded("", k_indent - 9) + padded(texts.get("check_output.do"), 11) +
                   exporters::wrap_hanging(finding.recommendation, k_indent + 2, columns) + "\n";
    }
}

void write_finding(exporters::JsonWriter& json, const Finding& finding, const std::string* reason) {
    json.begin_object()
        .field("check", finding.check)
        .field("severity", to_string(finding.severity))
        .field("subject", finding.subject)
        .field("message", finding.message);
    json.key("evidence").begin_object(exporters::JsonStyle::compact);
    for (const auto& [key, value] : finding.evidence) {
        json.key(key);
        if (exporters::is_json_number(value))
            json.write_number_text(value);
        else
            json.write_string(value);
    }
    json.end_object();
    json.field("recommendation", finding.recommendation);
    if (reason != nullptr)
        json.field("reason", *reason);
    json.end_object();
}

} // namespace

std::string render_check_text(const CheckReport& report, Colour colour, int width) {
    static const Texts english = Texts::load("en");
    return render_check_text(report, colour, english, width);
}

namespace {
// Pieces of about this size go to the sink.
constexpr size_t k_piece = 1 << 16;

// Runs `render` with a sink that collects the whole text.
template <class Render> std::string collected(Render render) {
    std::string all;
    render([&](std::string_view piece) { all += piece; });
    return all;
}
} // namespace

std::string render_check_text(const CheckReport& report, Colour colour, const Texts& texts,
                              int width) {
    return collected(
        [&](const TextSink& sink) { render_check_text(report, colour, texts, width, sink); });
}

namespace {

// What the renderers read of a report: a CheckReport's findings, or a spooled report's.
struct ReportParts {
    const std::string& plan_name;
    const CheckCounts& counts;
    size_t open_count;
    FindingAt open;
    size_t suppressed_count;
    // Finding i of the suppressed ones, and `reason` set to its suppression's reason.
    std::function<const Finding&(size_t, Finding&, const std::string*& reason)> suppressed;
};

ReportParts parts_of(const CheckReport& report) {
    return ReportParts{
        report.plan_name,
        report.counts,
        report.findings.size(),
        [&report](size_t i, Finding&) -> const Finding& { return report.findings[i]; },
        report.suppressed.size(),
        [&report](size_t i, Finding&, const std::string*& reason) -> const Finding& {
            reason = &report.suppressed[i].reason;
            return report.suppressed[i].finding;
        }};
}

ReportParts parts_of(const SpooledReport& report) {
    return ReportParts{
        report.plan_name,
        report.counts,
        report.open.size(),
        [&report](size_t i, Finding& scratch) -> const Finding& {
            scratch = report.findings.get(report.open[i]);
            return scratch;
        },
        report.suppressed.size(),
        [&report](size_t i, Finding& scratch, const std::string*& reason) -> const Finding& {
            const auto& [index, suppression] = report.suppressed[i];
            reason = &report.suppressions[suppression].reason;
            scratch = report.findings.get(index);
            return scratch;
        }};
}

void render_text(const ReportParts& report, Colour colour, const Texts& texts, int width,
                 const TextSink& sink) {
    const size_t columns = width < 40 ? 40 : static_cast<size_t>(width);
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
    const std::vector<FindingIndexGroup> groups =
        group_finding_indexes(report.open_count, report.open);
    if (groups.size() < report.open_count)
        out += texts.count("check_output.grouped", static_cast<long long>(groups.size())) + "\n";
    for (const FindingIndexGroup& group : groups) {
        out += "\n";
        append_group(texts, out, group, report.open, colour, columns);
        if (out.size() >= k_piece) {
            sink(out);
            out.clear();
        }
    }
    if (report.suppressed_count > 0) {
        out += "\n" + texts.get("check_output.suppressed_heading") + "\n";
        Finding scratch;
        for (size_t i = 0; i < report.suppressed_count; ++i) {
            const std::string* reason = nullptr;
            const Finding& finding = report.suppressed(i, scratch, reason);
            const std::string line = finding.subject + ": " + *reason;
            out +=
                "  " + padded(finding.check, 9) + exporters::wrap_hanging(line, 11, columns) + "\n";
            if (out.size() >= k_piece) {
                sink(out);
                out.clear();
            }
        }
    }
    sink(out);
}

void render_json(const ReportParts& report, const TextSink& sink) {
    exporters::JsonWriter json;
    json.begin_object().field("plan", report.plan_name);
    json.key("findings").begin_array();
    Finding scratch;
    for (size_t i = 0; i < report.open_count; ++i) {
        write_finding(json, report.open(i, scratch), nullptr);
        if (json.text().size() >= k_piece)
            sink(json.drain());
    }
    json.end_array();
    json.key("suppressed").begin_array();
    for (size_t i = 0; i < report.suppressed_count; ++i) {
        const std::string* reason = nullptr;
        const Finding& finding = report.suppressed(i, scratch, reason);
        write_finding(json, finding, reason);
        if (json.text().size() >= k_piece)
            sink(json.drain());
    }
    json.end_array();
    const CheckCounts& counts = report.counts;
    json.key("counts")
        .begin_object(exporters::JsonStyle::compact)
        .field_integer("error", counts.error)
        .field_integer("warning", counts.warning)
        .field_integer("info", counts.info)
        .field_integer("suppressed", counts.suppressed)
        .end_object();
    sink(json.end_object().take());
}

void render_csv(const ReportParts& report, const TextSink& sink) {
    std::string out;
    exporters::append_csv_record(out,
                                 {"check", "severity", "subject", "message", "recommendation"});
    Finding scratch;
    for (size_t i = 0; i < report.open_count; ++i) {
        const Finding& finding = report.open(i, scratch);
        exporters::append_csv_record(out,
                                     {finding.check, std::string(to_string(finding.severity)),
                                      finding.subject, finding.message, finding.recommendation});
        if (out.size() >= k_piece) {
            sink(out);
            out.clear();
        }
    }
    sink(out);
}

} // namespace

void render_check_text(const CheckReport& report, Colour colour, const Texts& texts, int width,
                       const TextSink& sink) {
    render_text(parts_of(report), colour, texts, width, sink);
}

void render_check_text(const SpooledReport& report, Colour colour, const Texts& texts, int width,
                       const TextSink& sink) {
    render_text(parts_of(report), colour, texts, width, sink);
}

std::string render_check_json(const CheckReport& report) {
    return collected([&](const TextSink& sink) { render_check_json(report, sink); });
}

void render_check_json(const CheckReport& report, const TextSink& sink) {
    render_json(parts_of(report), sink);
}

void render_check_json(const SpooledReport& report, const TextSink& sink) {
    render_json(parts_of(report), sink);
}

std::string render_check_csv(const CheckReport& report) {
    return collected([&](const TextSink& sink) { render_check_csv(report, sink); });
}

void render_check_csv(const CheckReport& report, const TextSink& sink) {
    render_csv(parts_of(report), sink);
}

void render_check_csv(const SpooledReport& report, const TextSink& sink) {
    render_csv(parts_of(report), sink);
}

std::string render_catalogue_text(int width) {
    std::vector<std::vector<std::string>> rows;
    for (const CheckInfo& info : check_catalogue())
        rows.push_back({std::string(info.id), std::string(to_string(info.severity)),
                        std::string(info.area), std::string(info.title)});
    return exporters::render_text_table({{"id", exporters::Align::left},
                                         {"severity", exporters::Align::left},
                                         {"area", exporters::Align::left},
                                         {"title", exporters::Align::left}},
                                        rows, width);
}

std::string render_catalogue_json() {
    exporters::JsonWriter json;
    json.begin_array();
    for (const CheckInfo& info : check_catalogue())
        json.begin_object(exporters::JsonStyle::compact)
            .field("id", info.id)
            .field("severity", to_string(info.severity))
            .field("area", info.area)
            .field("title", info.title)
            .field("description", info.description)
            .end_object();
    return json.end_array().take();
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
