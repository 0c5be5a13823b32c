#include "planner/core/texts.hpp"

#include "model/yaml_tree.hpp"
#include "planner/core/errors.hpp"
#include "planner/core/samples.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace planner {

namespace {
void flatten(const model::YamlTree& tree, uint32_t index, const std::string& prefix,
             std::map<std::string, std::string>& texts,
             std::map<std::string, std::vector<std::string>>& lists) {
    const model::YamlNode& node = tree.node(index);
    if (node.kind == model::YamlKind::scalar) {
        texts[prefix] = node.text;
    } else if (node.kind == model::YamlKind::sequence) {
        std::vector<std::string> items;
        for (uint32_t i = 0; i < node.child_count; ++i)
            items.emplace_back(tree.node(tree.child(node, i)).text);
        lists[prefix] = items;
    } else {
        for (uint32_t i = 0; i + 1 < node.child_count; i += 2) {
            std::string key(tree.node(tree.child(node, i)).text);
            flatten(tree, tree.child(node, i + 1), prefix.empty() ? key : prefix + "." + key, texts,
                    lists);
        }
    }
}
} // namespace

std::string fill(const std::string& text, const std::map<std::string, std::string>& values) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '{') {
            size_t end = text.find('}', i);
            if (end != std::string::npos) {
                auto it = values.find(text.substr(i + 1, end - i - 1));
                if (it != values.end()) {
                    out += it->second;
                    i = end + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

namespace {
icu::Locale icu_locale(const std::string& language) {
    return icu::Locale(language == "lv" ? "lv_LV" : "en_GB");
}

struct NumberKeyHash {
    size_t operator()(const std::pair<int, double>& key) const {
        return std::hash<double>()(key.second) * 31 + static_cast<size_t>(key.first);
    }
};
} // namespace

// ICU's formatters, plural rules and collator take locale data to build (most of the cost of
// a number written by ICU), so each is made once per language and reused: they are immutable
// once built and safe to use from several threads.
struct Texts::Icu {
    icu::Locale locale;
    std::mutex mutex; // guards the maps while a formatter is added
    std::map<std::pair<int, std::string>, icu::number::LocalizedNumberFormatter> formatters;
    std::unique_ptr<icu::PluralRules> plural_rules;
    std::unique_ptr<icu::Collator> collator;
    // Numbers already written (no currency), by places and the rounded value: the checks
    // write the same few hours and percentages thousands of times. Bounded, so that a
    // long-running server cannot grow it without limit; past the bound ICU writes each one.
    std::mutex numbers_mutex;
    std::unordered_map<std::pair<int, double>, std::string, NumberKeyHash> numbers;
    static constexpr size_t k_numbers_kept = 65536;

    explicit Icu(const std::string& language) : locale(icu_locale(language)) {
        UErrorCode status = U_ZERO_ERROR;
        plural_rules.reset(icu::PluralRules::forLocale(locale, status));
        if (U_FAILURE(status))
            plural_rules.reset();
        status = U_ZERO_ERROR;
        collator.reset(icu::Collator::createInstance(locale, status));
        if (U_FAILURE(status))
            collator.reset();
    }

    // The formatter for `decimals` places (half away from zero), in `currency` when one is
    // given (an ISO 4217 code).
    const icu::number::LocalizedNumberFormatter& formatter(int decimals,
                                                           const std::string& currency) {
        std::lock_guard<std::mutex> lock(mutex);
        auto key = std::make_pair(decimals, currency);
        auto found = formatters.find(key);
        if (found != formatters.end())
            return found->second;
        UErrorCode status = U_ZERO_ERROR;
        icu::number::LocalizedNumberFormatter made =
            icu::number::NumberFormatter::withLocale(locale)
                .precision(icu::number::Precision::fixedFraction(decimals))
                .roundingMode(UNUM_ROUND_HALFUP);
        if (!currency.empty()) {
            icu::UnicodeString iso = icu::UnicodeString::fromUTF8(currency);
            icu::CurrencyUnit unit(iso.getTerminatedBuffer(), status);
            if (U_FAILURE(status))
                throw std::logic_error("ICU does not know the currency " + currency);
            made = made.unit(unit);
        }
        return formatters.emplace(key, std::move(made)).first->second;
    }
};

std::vector<std::string> Texts::keys_under(const std::string& prefix) const {
    const std::string start = prefix + ".";
    std::vector<std::string> out;
    for (auto it = m_texts.lower_bound(start);
         it != m_texts.end() && it->first.compare(0, start.size(), start) == 0; ++it)
        out.push_back(it->first.substr(start.size()));
    return out;
}

std::shared_ptr<Texts::Icu> Texts::icu() const {
    // Made by load(); a default-constructed Texts makes it on first use.
    if (!m_icu)
        m_icu = std::make_shared<Icu>(m_language);
    return m_icu;
}

Texts Texts::load(const std::string& language) {
    const EmbeddedFile* file = find_sample("templates/" + language + ".yaml");
    if (!file)
        throw UsageError("unknown report language '" + language + "'; use en or lv");
    model::YamlTree tree;
    model::YamlError error;
    if (!tree.parse(file->content, error))
        throw std::logic_error("templates/" + language + ".yaml: " + error.message);
    Texts text;
    text.m_language = language;
    text.m_icu = std::make_shared<Icu>(language);
    flatten(tree, tree.root(), "", text.m_texts, text.m_lists);
    return text;
}

std::string Texts::get(const std::string& key,
                       const std::map<std::string, std::string>& values) const {
    auto it = m_texts.find(key);
    if (it == m_texts.end())
        throw std::logic_error("templates/" + m_language + ".yaml has no text '" + key + "'");
    return fill(it->second, values);
}

std::vector<std::string> Texts::list(const std::string& key) const {
    auto it = m_lists.find(key);
    if (it == m_lists.end())
        throw std::logic_error("templates/" + m_language + ".yaml has no list '" + key + "'");
    return it->second;
}

std::string Texts::date(long long unix_seconds) const {
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    auto months = list("common.months");
    return get("common.date_format", {{"day", std::to_string(tm.tm_mday)},
                                      {"month", months.at(static_cast<size_t>(tm.tm_mon))},
                                      {"year", std::to_string(tm.tm_year + 1900)}});
}

namespace {
// `value` rounded half away from zero to `decimals` places (never "-0"), written by
// `formatter`.
std::string format_decimal(double value, int decimals,
                           const icu::number::LocalizedNumberFormatter& formatter) {
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0)
        rounded = 0;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString text = formatter.formatDouble(rounded, status).toString(status);
    if (U_FAILURE(status))
        throw std::logic_error(std::string("ICU cannot format a number: ") + u_errorName(status));
    std::string out;
    text.toUTF8String(out);
    return out;
}
} // namespace

// Numbers, plural forms and name order come from ICU (see decisions.md): "2,796,467.5" and
// "2 796 467,5" (no-break space), half away from zero, never "-0".
std::string Texts::number(double value, int decimals) const {
    if (!std::isfinite(value))
        return value > 0 ? "\u221E" : "\u2014";
    Icu& data = *icu();
    const auto key = std::make_pair(decimals, value);
    {
        std::lock_guard<std::mutex> lock(data.numbers_mutex);
        auto found = data.numbers.find(key);
        if (found != data.numbers.end())
            return found->second;
    }
    std::string text = format_decimal(value, decimals, data.formatter(decimals, ""));
    std::lock_guard<std::mutex> lock(data.numbers_mutex);
    if (data.numbers.size() < Icu::k_numbers_kept)
        data.numbers.emplace(key, text);
    return text;
}

std::string Texts::money(double amount, const std::string& currency, int decimals) const {
    if (!std::isfinite(amount))
        return number(amount, 0);
    return format_decimal(amount, decimals, icu()->formatter(decimals, currency));
}

std::string Texts::count(const std::string& key, long long count) const {
    return this->count(key, count, {});
}

std::string Texts::count(const std::string& key, long long count,
                         std::map<std::string, std::string> values) const {
    const icu::PluralRules* rules = icu()->plural_rules.get();
    std::string form = "other";
    if (rules) {
        rules->select(static_cast<int32_t>(count)).toUTF8String(form = std::string());
    }
    std::string chosen = key + "." + form;
    if (m_texts.find(chosen) == m_texts.end())
        chosen = key + ".other";
    values["count"] = number(static_cast<double>(count), 0);
    return get(chosen, values);
}

std::string Texts::hours(double value) const {
    const double rounded = std::round(value * 10) / 10;
    return number(rounded, rounded == std::round(rounded) ? 0 : 1);
}

std::string Texts::share(double value) const {
    const double rounded = std::round(value * 100) / 100;
    int decimals = 2;
    if (rounded * 10 == std::round(rounded * 10))
        decimals = rounded == std::round(rounded) ? 0 : 1;
    return number(rounded, decimals);
}

std::string Texts::percent(double fraction) const {
    return get("common.percent", {{"value", number(std::round(fraction * 100), 0)}});
}

std::string Texts::join(const std::vector<std::string>& words) const {
    std::string text;
    for (size_t i = 0; i < words.size(); ++i) {
        if (i > 0)
            text += (i + 1 == words.size()) ? get("common.and") : ", ";
        text += words[i];
    }
    return text;
}

void Texts::sort_names(std::vector<std::string>& names) const {
    const icu::Collator* collator = icu()->collator.get();
    if (!collator) {
        std::sort(names.begin(), names.end());
        return;
    }
    std::stable_sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
        UErrorCode error = U_ZERO_ERROR;
        return collator->compareUTF8(a, b, error) == UCOL_LESS;
    });
}

} // namespace planner
