#pragma once
// Wording from templates/ (English and Latvian), built into the executable: texts with {name}
// placeholders, plural forms, numbers, dates and name order by ICU. Reports, check output and
// the web pages share it.

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace planner {

class Texts {
public:
    // Loads templates/LANG.yaml as built into the executable; UsageError for an unknown one.
    static Texts load(const std::string& language);

    const std::string& language() const { return m_language; }
    // The text of `key` ("staffing.summary") with {name} placeholders filled. A missing key is
    // a bug in the templates and throws.
    std::string get(const std::string& key,
                    const std::map<std::string, std::string>& values = {}) const;
    std::vector<std::string> list(const std::string& key) const;
    bool has(const std::string& key) const { return m_texts.count(key) > 0; }
    // The keys of the texts under `prefix` ("plan_messages.words"), without the prefix and its
    // dot, in sorted order.
    std::vector<std::string> keys_under(const std::string& prefix) const;
    // "26 November 2026" / "2026. gada 26. novembrī" for a Unix time.
    std::string date(long long unix_seconds) const;
    // Decimal numbers as the language writes them, by ICU ("1,234.5" / "1 234,5").
    std::string number(double value, int decimals) const;
    // An amount of money in `currency` (ISO 4217) as the language writes it, by ICU, with
    // `decimals` decimals (whole units by default): "€41,292" / "41 292 €", "€9.39" / "9,39 €".
    std::string money(double amount, const std::string& currency, int decimals = 0) const;
    // "1 open vacancy" / "2 open vacancies", "1 atvērta vakance" / "2 atvērtas vakances": the
    // text KEY.FORM with {count}, FORM chosen by ICU's plural rules for the language (zero, one,
    // few, other ...); KEY.other when the language's form is not in the templates.
    std::string count(const std::string& key, long long count) const;
    // The same with more placeholders than {count}.
    std::string count(const std::string& key, long long count,
                      std::map<std::string, std::string> values) const;
    // Hours with at most one decimal and no trailing zero: "10.5", "11" / "10,5", "11".
    std::string hours(double value) const;
    // A share with up to two decimals and no trailing zeros: "0.25", "1" / "0,25", "1".
    std::string share(double value) const;
    // A fraction as a whole percentage: "150%" / "150 %".
    std::string percent(double fraction) const;
    // "a, b and c" / "a, b un c" (common.and).
    std::string join(const std::vector<std::string>& words) const;
    // Sorts names as the language does (ICU collation: "Č" after "C" in Latvian).
    void sort_names(std::vector<std::string>& names) const;

    struct Icu; // ICU formatters, plural rules and collator, made once per language and shared

private:
    std::shared_ptr<Icu> icu() const;

    std::string m_language;
    mutable std::shared_ptr<Icu> m_icu;
    std::map<std::string, std::string> m_texts;
    std::map<std::string, std::vector<std::string>> m_lists;
};

// Fills {name} placeholders.
std::string fill(const std::string& text, const std::map<std::string, std::string>& values);

} // namespace planner
