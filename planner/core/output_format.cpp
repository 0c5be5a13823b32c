#include "planner/core/output_format.hpp"

namespace planner {

namespace {
constexpr OutputFormat k_all[] = {OutputFormat::text, OutputFormat::csv, OutputFormat::json,
                                  OutputFormat::pdf, OutputFormat::markdown};
}

std::string_view to_string(OutputFormat format) {
    switch (format) {
    case OutputFormat::text:
        return "text";
    case OutputFormat::csv:
        return "csv";
    case OutputFormat::json:
        return "json";
    case OutputFormat::pdf:
        return "pdf";
    case OutputFormat::markdown:
        return "markdown";
    }
    return "text";
}

std::optional<OutputFormat> parse_output_format(std::string_view text) {
    for (OutputFormat format : k_all)
        if (to_string(format) == text)
            return format;
    return std::nullopt;
}

std::string describe_formats(const std::vector<OutputFormat>& formats) {
    std::string text;
    for (size_t i = 0; i < formats.size(); ++i) {
        if (i > 0)
            text += i + 1 == formats.size() ? " or " : ", ";
        text += to_string(formats[i]);
    }
    return text;
}

} // namespace planner
