#include "model/metric_dates.hpp"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cctype>
#include <map>
#include <vector>

namespace planner::model::metric_detail {

namespace {

struct MonthName {
    std::string_view name; // lower case
    int month;
};

// Full names, common inflections and abbreviations (a trailing dot is stripped before lookup).
constexpr MonthName k_month_names[] = {
    // English
    {"january", 1},
    {"february", 2},
    {"march", 3},
    {"april", 4},
    {"may", 5},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    {"jan", 1},
    {"feb", 2},
    {"mar", 3},
    {"apr", 4},
    {"jun", 6},
    {"jul", 7},
    {"aug", 8},
    {"sep", 9},
    {"sept", 9},
    {"oct", 10},
    {"nov", 11},
    {"dec", 12},
    // Latvian: nominative, genitive, locative, abbreviations
    {"janvāris", 1},
    {"februāris", 2},
    {"marts", 3},
    {"aprīlis", 4},
    {"maijs", 5},
    {"jūnijs", 6},
    {"jūlijs", 7},
    {"augusts", 8},
    {"septembris", 9},
    {"oktobris", 10},
    {"novembris", 11},
    {"decembris", 12},
    {"janvāra", 1},
    {"februāra", 2},
    {"marta", 3},
    {"aprīļa", 4},
    {"maija", 5},
    {"jūnija", 6},
    {"jūlija", 7},
    {"augusta", 8},
    {"septembra", 9},
    {"oktobra", 10},
    {"novembra", 11},
    {"decembra", 12},
    {"janvārī", 1},
    {"februārī", 2},
    {"martā", 3},
    {"aprīlī", 4},
    {"maijā", 5},
    {"jūnijā", 6},
    {"jūlijā", 7},
    {"augustā", 8},
    {"septembrī", 9},
    {"oktobrī", 10},
    {"novembrī", 11},
    {"decembrī", 12},
    {"janv", 1},
    {"febr", 2},
    {"jūn", 6},
    {"jūl", 7},
    {"okt", 10},
    // Lithuanian: nominative and genitive
    {"sausis", 1},
    {"vasaris", 2},
    {"kovas", 3},
    {"balandis", 4},
    {"gegužė", 5},
    {"birželis", 6},
    {"liepa", 7},
    {"rugpjūtis", 8},
    {"rugsėjis", 9},
    {"spalis", 10},
    {"lapkritis", 11},
    {"gruodis", 12},
    {"sausio", 1},
    {"vasario", 2},
    {"kovo", 3},
    {"balandžio", 4},
    {"gegužės", 5},
    {"birželio", 6},
    {"liepos", 7},
    {"rugpjūčio", 8},
    {"rugsėjo", 9},
    {"spalio", 10},
    {"lapkričio", 11},
    {"gruodžio", 12},
    // Estonian
    {"jaanuar", 1},
    {"veebruar", 2},
    {"märts", 3},
    {"aprill", 4},
    {"mai", 5},
    {"juuni", 6},
    {"juuli", 7},
    {"oktoober", 10},
    {"detsember", 12},
    // Russian: genitive, nominative, abbreviations
    {"января", 1},
    {"февраля", 2},
    {"марта", 3},
    {"апреля", 4},
    {"мая", 5},
    {"июня", 6},
    {"июля", 7},
    {"августа", 8},
    {"сентября", 9},
    {"октября", 10},
    {"ноября", 11},
    {"декабря", 12},
    {"январь", 1},
    {"февраль", 2},
    {"март", 3},
    {"апрель", 4},
    {"май", 5},
    {"июнь", 6},
    {"июль", 7},
    {"август", 8},
    {"сентябрь", 9},
    {"октябрь", 10},
    {"ноябрь", 11},
    {"декабрь", 12},
    {"янв", 1},
    {"фев", 2},
    {"мар", 3},
    {"апр", 4},
    {"июн", 6},
    {"июл", 7},
    {"авг", 8},
    {"сен", 9},
    {"сент", 9},
    {"окт", 10},
    {"ноя", 11},
    {"дек", 12},
    // German
    {"januar", 1},
    {"jänner", 1},
    {"februar", 2},
    {"märz", 3},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"dezember", 12},
    {"okt", 10},
    {"dez", 12},
};

constexpr std::string_view k_weekdays[] = {
    "mon",       "tue",      "wed",    "thu",      "fri",    "sat",  "sun",  "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "tues", "thur", "thurs",
};

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : k_days[month - 1];
}

// Digits only, 1..max_length of them.
std::optional<int> read_digits(std::string_view text, size_t min_length, size_t max_length) {
    if (text.size() < min_length || text.size() > max_length)
        return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

void append_code_point(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

char32_t lower_code_point(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return cp + 32;
    bool even = cp % 2 == 0;
    if ((cp >= 0x100 && cp <= 0x137 && even) || (cp >= 0x139 && cp <= 0x148 && !even) ||
        (cp >= 0x14A && cp <= 0x177 && even) || (cp >= 0x179 && cp <= 0x17E && !even))
        return cp + 1;
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 80;
    return cp;
}

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t'))
            ++i;
        size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '\t')
            ++i;
        std::string_view word = text.substr(start, i - start);
        while (!word.empty() && word.back() == '.')
            word.remove_suffix(1);
        if (!word.empty())
            words.push_back(word);
    }
    return words;
}

} // namespace

std::optional<Date> make_date(int year, int month, int day) {
    if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month))
        return std::nullopt;
    return Date{year, month, day};
}

std::optional<Date> parse_iso_date_prefix(std::string_view text) {
    // `2025-10-31`, or `2025/10/31` as TikTok's business overviews write it.
    if (text.size() < 10 || (text[4] != '-' && text[4] != '/') || text[7] != text[4])
        return std::nullopt;
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ')
        return std::nullopt;
    auto year = read_digits(text.substr(0, 4), 4, 4);
    auto month = read_digits(text.substr(5, 2), 2, 2);
    auto day = read_digits(text.substr(8, 2), 2, 2);
    if (!year || !month || !day)
        return std::nullopt;
    // An ISO date is unambiguous: every calendar date is one, 9999-12-31 too (the years
    // 1900-2200 of make_date guard the formats whose fields could be read another way).
    if (*year < 1 || *month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month))
        return std::nullopt;
    return Date{*year, *month, *day};
}

std::optional<Date> parse_us_date(std::string_view text) {
    std::string_view date = text.substr(0, text.find(' '));
    size_t first = date.find('/');
    size_t second = first == std::string_view::npos ? first : date.find('/', first + 1);
    if (second == std::string_view::npos)
        return std::nullopt;
    auto month = read_digits(date.substr(0, first), 1, 2);
    auto day = read_digits(date.substr(first + 1, second - first - 1), 1, 2);
    auto year = read_digits(date.substr(second + 1), 4, 4);
    if (!month || !day || !year)
        return std::nullopt;
    return make_date(*year, *month, *day);
}

std::string lower_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            out += static_cast<char>(lower_code_point(byte));
            ++i;
        } else if ((byte & 0xE0) == 0xC0 && i + 1 < text.size()) {
            char32_t cp = ((byte & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
            append_code_point(out, lower_code_point(cp));
            i += 2;
        } else {
            out += text[i];
            ++i;
        }
    }
    return out;
}

namespace {

// The languages of TikTok's interface in Europe (and English), whose month names ICU knows.
constexpr const char* k_icu_month_locales[] = {
    "en", "bg", "cs", "da", "de", "el", "es", "et", "fi", "fr", "ga", "hr", "hu",
    "is", "it", "lt", "lv", "mt", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl",
    "sq", "sr", "sv", "tr", "uk", "ca", "eu", "gl", "mk", "bs", "be"};

std::string icu_lower(const icu::UnicodeString& text) {
    icu::UnicodeString lower(text);
    lower.toLower(icu::Locale::getRoot());
    std::string out;
    lower.toUTF8String(out);
    while (!out.empty() && out.back() == '.')
        out.pop_back();
    return out;
}

// Month names of those languages: wide and abbreviated, in running text (often genitive:
// `Οκτωβρίου`, `października`) and standing alone. A name that means different months in two
// languages is left out.
const std::map<std::string, int>& icu_month_names() {
    static const std::map<std::string, int> names = [] {
        std::map<std::string, int> found;
        std::map<std::string, bool> ambiguous;
        for (const char* tag : k_icu_month_locales) {
            UErrorCode status = U_ZERO_ERROR;
            icu::DateFormatSymbols symbols(icu::Locale(tag), status);
            if (U_FAILURE(status))
                continue;
            for (auto context :
                 {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE})
                for (auto width :
                     {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
                    int32_t count = 0;
                    const icu::UnicodeString* months = symbols.getMonths(count, context, width);
                    for (int32_t m = 0; m < count && m < 12; ++m) {
                        std::string name = icu_lower(months[m]);
                        if (name.empty())
                            continue;
                        auto [it, inserted] = found.emplace(name, m + 1);
                        if (!inserted && it->second != m + 1)
                            ambiguous[name] = true;
                    }
                }
        }
        for (const auto& entry : ambiguous)
            found.erase(entry.first);
        return found;
    }();
    return names;
}

} // namespace

std::optional<int> month_from_name(std::string_view word) {
    std::string lower = lower_utf8(word);
    while (!lower.empty() && lower.back() == '.')
        lower.pop_back();
    for (const MonthName& entry : k_month_names)
        if (entry.name == lower)
            return entry.month;
    const auto& names = icu_month_names();
    auto it = names.find(icu_lower(icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))));
    if (it != names.end())
        return it->second;
    return std::nullopt;
}

std::optional<WordDate> parse_word_date(std::string_view text) {
    std::optional<int> month, day, year;
    for (std::string_view word : split_words(text)) {
        if (auto number = read_digits(word, 1, 2)) {
            if (day)
                return std::nullopt;
            day = number;
        } else if (auto four = read_digits(word, 4, 4)) {
            if (year)
                return std::nullopt;
            year = four;
        } else if (auto name = month_from_name(word)) {
            if (month)
                return std::nullopt;
            month = name;
        } else {
            std::string lower = lower_utf8(word);
            bool weekday = false;
            for (std::string_view name : k_weekdays)
                weekday = weekday || lower == name;
            if (!weekday)
                return std::nullopt;
        }
    }
    if (!month || !day || *day < 1 || *day > days_in_month(year.value_or(2000), *month))
        return std::nullopt;
    if (year && !make_date(*year, *month, *day))
        return std::nullopt;
    return WordDate{*month, *day, year};
}

} // namespace planner::model::metric_detail
