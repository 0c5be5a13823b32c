#include "planner/checks/evidence_words.hpp"

#include "planner/core/texts.hpp"

#include <cstdlib>
#include <optional>
#include <vector>

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

// The checks write weekdays as "mon".."sun" in evidence values (care windows, gaps): in
// another language they become its own short names (check_text.weekdays).
std::string localise_weekdays(const Texts& texts, const std::string& value) {
    static const char* const english[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    if (texts.language() == "en")
        return value;
    const std::vector<std::string> names = texts.list("check_text.weekdays");
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    std::string out;
    for (size_t i = 0; i < value.size();) {
        bool replaced = false;
        if (i == 0 || !letter(value[i - 1]))
            for (size_t d = 0; d < 7 && d < names.size(); ++d)
                if (value.compare(i, 3, english[d]) == 0 &&
                    (i + 3 == value.size() || !letter(value[i + 3]))) {
                    out += names[d];
                    i += 3;
                    replaced = true;
                    break;
                }
        if (!replaced)
            out += value[i++];
    }
    return out;
}

} // namespace

std::string evidence_in_words(const Texts& texts, const Finding& finding,
                              const std::function<std::string(const std::string&)>& clean) {
    std::string out;
    for (const auto& [key, value] : finding.evidence) {
        const std::optional<PlainNumber> number = plain_number(value);
        const std::string shown = number  ? texts.number(number->value, number->decimals)
                                  : clean ? clean(localise_weekdays(texts, value))
                                          : localise_weekdays(texts, value);
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
