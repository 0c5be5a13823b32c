#include "planner/checks/evidence_words.hpp"

#include "planner/core/texts.hpp"

#include <cstdlib>
#include <optional>

namespace planner {

namespace {

struct PlainNumber {
    double value = 0;
    int decimals = 0;
};

// A value that is a plain decimal number ("12", "-0.5"), else nothing.
std::optional<PlainNumber> plain_number(const std::string& value) {
    if (value.empty() || value.find_first_not_of("0123456789.-") != std::string::npos)
        return std::nullopt;
    char* end = nullptr;
    const double number = std::strtod(value.c_str(), &end);
    if (end == nullptr || *end != '\0')
        return std::nullopt;
    const size_t dot = value.find('.');
    return PlainNumber{number,
                       dot == std::string::npos ? 0 : static_cast<int>(value.size() - dot - 1)};
}

} // namespace

std::string evidence_in_words(const Texts& texts, const Finding& finding,
                              const std::function<std::string(const std::string&)>& clean) {
    std::string out;
    for (const auto& [key, value] : finding.evidence) {
        const std::optional<PlainNumber> number = plain_number(value);
        const std::string shown = number  ? texts.number(number->value, number->decimals)
                                  : clean ? clean(value)
                                          : value;
        const std::string phrase = "evidence_words." + key;
        std::string words;
        if (number && number->value == 0 && texts.has(phrase + ".none"))
            words = texts.get(phrase + ".none");
        else if (number && number->decimals == 0 && texts.has(phrase + ".other"))
            words = texts.count(phrase, static_cast<long long>(number->value));
        else if (texts.has(phrase))
            words = texts.get(phrase, {{"value", shown}});
        else if (texts.has("evidence." + key))
            words = texts.get("evidence." + key) + ": " + shown;
        else {
            std::string label = key;
            for (char& c : label)
                if (c == '_')
                    c = ' ';
            words = label + ": " + shown;
        }
        out += (out.empty() ? "" : "; ") + words;
    }
    return out;
}

} // namespace planner
