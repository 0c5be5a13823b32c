// The plan file's messages in Latvian (planner/core/plan_messages.hpp): every English pattern
// of templates/en.yaml has its Latvian text with the same placeholders, every pattern filled
// with sample values translates with the values carried over and none of its English words
// left, and a message the catalogue does not know stays as it is.
#include "model/plan_reader.hpp"
#include "planner/core/plan_messages.hpp"
#include "planner/core/texts.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <regex>
#include <set>

using namespace planner;

namespace {
// The {name} placeholders of a text, without a ".case" part.
std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    static const std::regex brace(R"(\{([a-z_]+)(\.[a-z]+)?\})");
    for (std::sregex_iterator it(text.begin(), text.end(), brace), end; it != end; ++it)
        out.insert((*it)[1].str());
    return out;
}

// A value for each placeholder as the code would write it.
std::string sample(const std::string& name) {
    static const std::map<std::string, std::string> values = {
        {"what", "a goal"},
        {"kind", "person"},
        {"noun", "person"},
        {"key", "fte"},
        {"path", "/people/anna/fte"},
        {"message", "a value cannot be moved into itself"},
        {"did_you_mean", " (did you mean 'name'?)"},
        {"n", "2"},
        {"count", "3"},
        {"line", "14"},
        {"version", "7"},
        {"min", "0"},
        {"max", "0.9"},
        {"word", "name"},
    };
    auto it = values.find(name);
    return it != values.end() ? it->second : "zq" + name + "7";
}

// A text without its `code`, 'quoted' and "quoted" parts.
std::string outside_quotes(const std::string& pattern) {
    std::string plain;
    char closing = 0;
    for (char c : pattern) {
        if (closing) {
            if (c == closing)
                closing = 0;
            continue;
        }
        if (c == '`' || c == '\'' || c == '"') {
            closing = c;
            continue;
        }
        plain += c;
    }
    return plain;
}

// The English words of a pattern that a reader would see: outside `code`, 'quotes' and
// "quotes", four letters or more.
std::set<std::string> english_words(const std::string& pattern) {
    std::string plain = outside_quotes(pattern);
    plain = std::regex_replace(plain, std::regex(R"(\{[a-z_]+\}|/[^ ]*)"), " ");
    std::set<std::string> out;
    static const std::regex word("[A-Za-z]{4,}");
    for (std::sregex_iterator it(plain.begin(), plain.end(), word), end; it != end; ++it)
        out.insert(it->str());
    return out;
}
// Whether `word` stands in `text` as a word of its own (letters of any script around it end it
// only when they are not letters: "form" is not in "formā").
bool has_word(const std::string& text, const std::string& word) {
    auto is_letter = [](char c) {
        auto b = static_cast<unsigned char>(c);
        return std::isalnum(b) || c == '_' || b >= 0x80;
    };
    for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        bool before = at > 0 && is_letter(text[at - 1]);
        bool after = at + word.size() < text.size() && is_letter(text[at + word.size()]);
        if (!before && !after)
            return true;
    }
    return false;
}
} // namespace

TEST_CASE("plan_messages: every English pattern and word has its Latvian text with the same "
          "placeholders") {
    Texts en = Texts::load("en");
    Texts lv = Texts::load("lv");
    auto patterns = en.keys_under("plan_messages.patterns");
    auto words = en.keys_under("plan_messages.words");
    CHECK(patterns.size() >= 60);
    CHECK(words.size() >= 20);
    CHECK(lv.keys_under("plan_messages.patterns") == patterns);
    CHECK(lv.keys_under("plan_messages.words") == words);
    for (const std::string& key : patterns) {
        INFO(key);
        const std::string path = "plan_messages.patterns." + key;
        REQUIRE(lv.has(path));
        CHECK(placeholders(lv.get(path)) == placeholders(en.get(path)));
        CHECK(lv.get(path) != en.get(path));
    }
    for (const std::string& key : words) {
        INFO(key);
        const std::string path = "plan_messages.words." + key;
        REQUIRE(lv.has(path));
        const std::string forms = lv.get(path);
        CHECK(std::count(forms.begin(), forms.end(), '|') == 3);
        CHECK(placeholders(forms) == placeholders(en.get(path)));
    }
}

TEST_CASE("plan_messages: every pattern filled with sample values translates to Latvian with "
          "its values and without its English words") {
    Texts en = Texts::load("en");
    Texts lv = Texts::load("lv");
    // Words the Latvian keeps as they are: names of the format and of standards.
    const std::set<std::string> kept = {"JSON", "IANA", "Europe", "Riga", "YYYY"};
    for (const std::string& key : en.keys_under("plan_messages.patterns")) {
        INFO(key);
        const std::string pattern = en.get("plan_messages.patterns." + key);
        std::map<std::string, std::string> values;
        for (const std::string& name : placeholders(pattern))
            values[name] = sample(name);
        const std::string english = fill(pattern, values);
        INFO(english);
        auto latvian = try_translate_plan_message(lv, english);
        REQUIRE(latvian);
        INFO(*latvian);
        CHECK(*latvian != english);
        for (const auto& [name, value] : values)
            if (name != "what" && name != "kind" && name != "noun" && name != "did_you_mean" &&
                name != "message")
                CHECK(latvian->find(value) != std::string::npos);
        const std::string shown = outside_quotes(*latvian);
        for (const std::string& word : english_words(pattern)) {
            INFO(word);
            if (!kept.count(word))
                CHECK_FALSE(has_word(shown, word));
        }
        // English stays English.
        CHECK(translate_plan_message(en, english) == english);
    }
}

TEST_CASE("plan_messages: nouns take their Latvian case and nested messages are translated") {
    Texts lv = Texts::load("lv");
    CHECK(translate_plan_message(lv, "unknown key 'bogus' in a goal (did you mean 'name'?)") ==
          "nezināma atslēga 'bogus' mērķī (varbūt domājāt 'name'?)");
    CHECK(translate_plan_message(lv, "unknown key 'bogus' in the plan file") ==
          "nezināma atslēga 'bogus' plāna failā");
    CHECK(translate_plan_message(
              lv, "an assignment of duty 'publishing' is missing 'channel'; add `channel: ...`") ==
          "pienākuma 'publishing' piešķīrumam trūkst 'channel'; pievienojiet `channel: ...`");
    CHECK(translate_plan_message(lv, "duplicate person id 'anna' (first defined at line 12); "
                                     "give each person its own id") ==
          "cilvēka id 'anna' atkārtojas (pirmoreiz 12. rindā); katram ierakstam vajag savu id");
    CHECK(translate_plan_message(lv, "operation 2 (replace /people/zed/fte): there is no person "
                                     "'zed' in the plan") ==
          "2. operācija (replace /people/zed/fte): plānā nav cilvēka 'zed'");
    CHECK(translate_plan_message(lv, "there is no element of 'suppress' 'x' in the plan") ==
          "plānā nav saraksta 'suppress' elementa 'x'");
}

TEST_CASE("plan_messages: a message the catalogue does not know is left unchanged") {
    Texts lv = Texts::load("lv");
    for (const std::string message :
         {"a message no pattern has", "zzz is missing 'id'; add `id: ...`", "",
          "operation 2 (add /x): a message no pattern has", "unknown key 'x' in something new"})
        CHECK(translate_plan_message(lv, message) == message);
    CHECK(translate_plan_message(lv, std::string(5000, 'x') + " is not set") ==
          std::string(5000, 'x') + " is not set");
}

TEST_CASE("plan_messages: the messages of a real invalid plan file all translate, line by line") {
    const std::string text = "version: 1\n"
                             "plan:\n  name: T\n  bogus: 1\n  week:\n    hours: many\n"
                             "people:\n"
                             "  - id: anna\n    status: actve\n    fte: 1.5\n    reports_to: zed\n"
                             "  - id: anna\n    timezone: Europe/Rigga\n"
                             "    hours:\n      days: [mon, tuesday]\n";
    model::PlanReadResult read = model::read_plan_text("plan.yaml", text);
    REQUIRE(read.errors.size() >= 6);
    Texts lv = Texts::load("lv");
    for (const model::Diagnostic& d : read.errors) {
        INFO(d.message);
        auto latvian = try_translate_plan_message(lv, d.message);
        CHECK(latvian);
        const std::string line = d.to_string();
        const std::string shown = translate_plan_line(lv, line);
        CHECK(shown != line);
        CHECK(shown.rfind("plan.yaml:", 0) == 0);
        if (latvian)
            CHECK(shown.find(*latvian) != std::string::npos);
    }
    CHECK(translate_plan_line(lv, "    9 | fte: 1.5") == "    9 | fte: 1.5");
}
