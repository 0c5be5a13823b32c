#include "exporters/document.hpp"

#include "exporters/export_error.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <iterator>

namespace planner::exporters {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

void collect_tables_in(const Section& section, std::vector<const Table*>& tables) {
    for (const Block& block : section.blocks) {
        if (const auto* table = std::get_if<Table>(&block)) {
            tables.push_back(table);
        }
    }
    for (const Section& subsection : section.subsections) {
        collect_tables_in(subsection, tables);
    }
}

} // namespace

std::optional<Rgb> parse_hex_colour(std::string_view text) {
    if (!text.empty() && text.front() == '#') {
        text.remove_prefix(1);
    }
    if (text.size() != 6) {
        return std::nullopt;
    }
    std::uint8_t channels[3] = {};
    for (std::size_t i = 0; i < 3; ++i) {
        const int high = hex_digit(text[2 * i]);
        const int low = hex_digit(text[2 * i + 1]);
        if (high < 0 || low < 0) {
            return std::nullopt;
        }
        channels[i] = static_cast<std::uint8_t>(high * 16 + low);
    }
    return Rgb{channels[0], channels[1], channels[2]};
}

std::string to_hex_colour(Rgb colour) {
    static constexpr char k_digits[] = "0123456789abcdef";
    std::string text = "#";
    for (const std::uint8_t channel : {colour.red, colour.green, colour.blue}) {
        text += k_digits[channel >> 4];
        text += k_digits[channel & 0x0f];
    }
    return text;
}

std::int64_t resolve_creation_time(const DocumentMetadata& metadata) {
    if (metadata.created_unix) {
        return *metadata.created_unix;
    }
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr) {
        const std::string_view text(epoch);
        std::int64_t seconds = -1;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
        if (error != std::errc() || end != text.data() + text.size() || seconds < 0) {
            throw ExportError("SOURCE_DATE_EPOCH is '" + std::string(text) +
                              "', not a number of seconds since 1970; unset it or fix it");
        }
        return seconds;
    }
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return std::chrono::duration_cast<std::chrono::seconds>(now).count();
}

std::vector<const Table*> collect_tables(const Document& document) {
    std::vector<const Table*> tables;
    for (const Section& section : document.sections) {
        collect_tables_in(section, tables);
    }
    return tables;
}

std::string_view block_type_name(const Block& block) {
    static constexpr std::string_view k_names[] = {
        "paragraph", "key_figures", "table",       "bar_chart",  "line_chart",
        "org_chart", "matrix",      "bullet_list", "page_break",
    };
    static_assert(std::size(k_names) == std::variant_size_v<Block>);
    return k_names[block.index()];
}

bool OrgNode::has(OrgMark mark) const {
    return std::find(marks.begin(), marks.end(), mark) != marks.end();
}

std::vector<OrgMark> marks_present(const OrgChart& chart) {
    std::vector<OrgMark> present;
    for (const OrgMark mark : {OrgMark::overloaded, OrgMark::vacancy, OrgMark::leaving}) {
        if (std::any_of(chart.nodes.begin(), chart.nodes.end(),
                        [mark](const OrgNode& node) { return node.has(mark); })) {
            present.push_back(mark);
        }
    }
    return present;
}

std::string_view org_mark_name(OrgMark mark) {
    switch (mark) {
    case OrgMark::overloaded:
        return "overloaded";
    case OrgMark::vacancy:
        return "vacancy";
    case OrgMark::leaving:
        return "leaving";
    }
    return "";
}

} // namespace planner::exporters
