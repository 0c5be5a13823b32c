#include "planner/core/plan_messages.hpp"

#include <regex>
#include <vector>

namespace planner {

namespace {

// Longer messages are left as they are: std::regex matches recursively, and no message of the
// catalogue is near this long unless a value in it is.
constexpr size_t k_longest_message = 2000;

const char* const k_cases[] = {"nom", "gen", "dat", "loc"};

// One English pattern as a regular expression: a group per {name}; a name used again must
// match the same text.
struct Pattern {
    std::string key;
    std::regex regex;
    std::vector<std::string> names; // of the groups, in order
};

std::string regex_escape(const std::string& text) {
    static const std::string special = R"(\^$.|?*+()[]{}/)";
    std::string out;
    for (char c : text) {
        if (special.find(c) != std::string::npos)
            out += '\\';
        out += c;
    }
    return out;
}

// A {name} of the catalogue: lower-case letters and '_' (other braces, as in a JSON example,
// are text), with ".case" in a translation.
bool is_placeholder(const std::string& name) {
    if (name.empty())
        return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || c == '_' || c == '.'))
            return false;
    return true;
}

bool is_noun(const std::string& name) {
    return name == "what" || name == "kind" || name == "noun";
}

// The English noun phrases of the catalogue as one alternative, for {what}, {kind} and {noun}:
// a message matches only with a noun the catalogue can translate.
const std::string& nouns_regex();

// What a placeholder's text may be.
std::string group_for(const std::string& name) {
    if (is_noun(name))
        return "(" + nouns_regex() + ")";
    if (name == "did_you_mean")
        return R"(((?: \(did you mean '[^']*'\?\))?))";
    if (name == "path")
        return "(/[^ ]*)";
    if (name == "message")
        return "(.+)";
    if (name == "n" || name == "count" || name == "line" || name == "version")
        return "([0-9]+)";
    if (name == "min" || name == "max")
        return "([-+0-9.e]+)";
    return "(.+?)";
}

// The regular expression of a pattern; without `names`: its placeholders do not capture (a
// noun phrase inside a message's pattern).
std::string pattern_regex(const std::string& text, std::vector<std::string>* names) {
    std::string re;
    for (size_t i = 0; i < text.size();) {
        size_t open = text.find('{', i);
        size_t close = open == std::string::npos ? open : text.find('}', open);
        if (close == std::string::npos) {
            re += regex_escape(text.substr(i));
            break;
        }
        std::string name = text.substr(open + 1, close - open - 1);
        if (!is_placeholder(name)) {
            re += regex_escape(text.substr(i, open + 1 - i));
            i = open + 1;
            continue;
        }
        re += regex_escape(text.substr(i, open - i));
        if (!names) {
            re += "(?:.+?)";
            i = close + 1;
            continue;
        }
        std::vector<std::string>& seen_names = *names;
        size_t seen = 0;
        while (seen < seen_names.size() && seen_names[seen] != name)
            ++seen;
        if (seen < seen_names.size()) {
            re += "\\" + std::to_string(seen + 1);
        } else {
            re += group_for(name);
            seen_names.push_back(name);
        }
        i = close + 1;
    }
    return re;
}

Pattern make_pattern(const std::string& key, const std::string& text) {
    Pattern p{key, {}, {}};
    std::string re = pattern_regex(text, &p.names);
    p.regex = std::regex(re, std::regex::ECMAScript | std::regex::optimize);
    return p;
}

const std::string& nouns_regex() {
    static const std::string made = [] {
        Texts english = Texts::load("en");
        std::string out;
        for (const std::string& key : english.keys_under("plan_messages.words"))
            out += (out.empty() ? "" : "|") +
                   pattern_regex(english.get("plan_messages.words." + key), nullptr);
        return "(?:" + out + ")";
    }();
    return made;
}

struct Catalogue {
    std::vector<Pattern> patterns;
    std::vector<Pattern> words;
};

// The English patterns, read once.
const Catalogue& catalogue() {
    static const Catalogue made = [] {
        Catalogue c;
        Texts english = Texts::load("en");
        for (const std::string& key : english.keys_under("plan_messages.patterns"))
            c.patterns.push_back(make_pattern(key, english.get("plan_messages.patterns." + key)));
        for (const std::string& key : english.keys_under("plan_messages.words"))
            c.words.push_back(make_pattern(key, english.get("plan_messages.words." + key)));
        return c;
    }();
    return made;
}

std::vector<std::string> split_forms(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t bar; (bar = text.find('|', start)) != std::string::npos; start = bar + 1)
        out.push_back(text.substr(start, bar - start));
    out.push_back(text.substr(start));
    return out;
}

// An English noun phrase ("a goal", "an assignment of duty 'x'") in the case `form`.
std::optional<std::string> translate_word(const Texts& texts, const std::string& english,
                                          const std::string& form) {
    size_t index = 0;
    while (index < 4 && form != k_cases[index])
        ++index;
    if (index == 4)
        return std::nullopt;
    for (const Pattern& word : catalogue().words) {
        std::smatch m;
        if (!std::regex_match(english, m, word.regex))
            continue;
        const std::string key = "plan_messages.words." + word.key;
        if (!texts.has(key))
            return std::nullopt;
        std::vector<std::string> forms = split_forms(texts.get(key));
        std::map<std::string, std::string> values;
        for (size_t g = 0; g < word.names.size(); ++g)
            values[word.names[g]] = m[g + 1].str();
        return fill(forms[index < forms.size() ? index : 0], values);
    }
    return std::nullopt;
}

// Fills the target text: {name} with the value as it is, {name.case} with the value as a noun
// in that case.
std::optional<std::string> fill_translated(const Texts& texts, const std::string& text,
                                           const std::map<std::string, std::string>& values) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        size_t close = text[i] == '{' ? text.find('}', i) : std::string::npos;
        if (close == std::string::npos) {
            out += text[i++];
            continue;
        }
        std::string name = text.substr(i + 1, close - i - 1);
        if (!is_placeholder(name)) {
            out += text[i++];
            continue;
        }
        std::string form;
        if (size_t dot = name.find('.'); dot != std::string::npos) {
            form = name.substr(dot + 1);
            name.resize(dot);
        }
        auto it = values.find(name);
        if (it == values.end())
            return std::nullopt;
        if (form.empty()) {
            out += it->second;
        } else {
            auto word = translate_word(texts, it->second, form);
            if (!word)
                return std::nullopt;
            out += *word;
        }
        i = close + 1;
    }
    return out;
}

} // namespace

std::optional<std::string> try_translate_plan_message(const Texts& texts,
                                                      const std::string& message) {
    if (texts.language() == "en")
        return message;
    if (message.size() > k_longest_message)
        return std::nullopt;
    for (const Pattern& pattern : catalogue().patterns) {
        std::smatch m;
        if (!std::regex_match(message, m, pattern.regex))
            continue;
        const std::string key = "plan_messages.patterns." + pattern.key;
        if (!texts.has(key))
            return std::nullopt;
        std::map<std::string, std::string> values;
        for (size_t g = 0; g < pattern.names.size(); ++g) {
            const std::string& name = pattern.names[g];
            std::string value = m[g + 1].str();
            if (name == "did_you_mean" && !value.empty()) {
                size_t open = value.find('\'');
                size_t close = value.rfind('\'');
                value = fill(texts.get("plan_messages.did_you_mean"),
                             {{"word", value.substr(open + 1, close - open - 1)}});
            } else if (name == "message") {
                auto inner = try_translate_plan_message(texts, value);
                if (!inner)
                    return std::nullopt;
                value = *inner;
            }
            values[name] = value;
        }
        return fill_translated(texts, texts.get(key), values);
    }
    return std::nullopt;
}

std::string translate_plan_message(const Texts& texts, const std::string& message) {
    auto translated = try_translate_plan_message(texts, message);
    return translated ? *translated : message;
}

std::string translate_plan_line(const Texts& texts, const std::string& line) {
    if (texts.language() == "en")
        return line;
    if (auto whole = try_translate_plan_message(texts, line))
        return *whole;
    for (size_t at = line.find(": "); at != std::string::npos; at = line.find(": ", at + 2))
        if (auto rest = try_translate_plan_message(texts, line.substr(at + 2)))
            return line.substr(0, at + 2) + *rest;
    return line;
}

} // namespace planner
