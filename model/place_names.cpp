#include "model/place_names.hpp"

#include "model/calendar.hpp"
#include "model/suggest.hpp"

#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <set>
#include <vector>

namespace planner::model {

namespace {

// English and the languages of Europe (those of TikTok's and most HR systems' interfaces).
constexpr const char* k_locales[] = {"en", "bg", "cs", "da", "de", "el", "es", "et", "fi", "fr",
                                     "ga", "hr", "hu", "is", "it", "lt", "lv", "mt", "nb", "nl",
                                     "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr",
                                     "uk", "ca", "eu", "gl", "mk", "bs", "be"};

std::string key_of(const icu::UnicodeString& text) {
    icu::UnicodeString lower(text);
    lower.trim();
    lower.toLower(icu::Locale::getRoot());
    std::string out;
    lower.toUTF8String(out);
    return out;
}

std::string key_of(std::string_view text) {
    return key_of(icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))));
}

struct Places {
    std::map<std::string, std::string> city_zone;                 // lower-case name -> zone
    std::map<std::string, std::string> country_region;            // lower-case name -> "LV"
    std::map<std::string, std::vector<std::string>> region_zones; // "LV" -> zones
    std::vector<std::string> zones;                               // every zone id
};

const Places& places() {
    static const Places table = [] {
        Places p;
        std::set<std::string> ambiguous;
        auto add_city = [&](const std::string& key, const std::string& zone) {
            if (key.empty())
                return;
            auto [it, inserted] = p.city_zone.emplace(key, zone);
            if (!inserted && it->second != zone)
                ambiguous.insert(key);
        };
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::StringEnumeration> ids(icu::TimeZone::createTimeZoneIDEnumeration(
            UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
        std::vector<std::string> zones;
        if (U_SUCCESS(status) && ids) {
            while (const char* id = ids->next(nullptr, status)) {
                if (U_FAILURE(status))
                    break;
                if (is_known_time_zone(id)) // only zones that the plan's checks accept
                    zones.emplace_back(id);
            }
        }
        p.zones = zones;
        for (const std::string& zone : zones) {
            // The city part of the id: Europe/Riga -> riga, America/New_York -> new york.
            std::string city = zone.substr(zone.rfind('/') + 1);
            for (char& c : city)
                if (c == '_')
                    c = ' ';
            add_city(key_of(city), zone);
            char region[8] = {};
            UErrorCode region_status = U_ZERO_ERROR;
            icu::TimeZone::getRegion(icu::UnicodeString::fromUTF8(zone), region, sizeof region,
                                     region_status);
            if (U_SUCCESS(region_status) && region[0])
                p.region_zones[region].push_back(zone);
        }
        for (const char* tag : k_locales) {
            icu::Locale locale(tag);
            UErrorCode names_status = U_ZERO_ERROR;
            std::unique_ptr<icu::TimeZoneNames> names(
                icu::TimeZoneNames::createInstance(locale, names_status));
            if (U_SUCCESS(names_status) && names) {
                for (const std::string& zone : zones) {
                    icu::UnicodeString city;
                    names->getExemplarLocationName(icu::UnicodeString::fromUTF8(zone), city);
                    if (!city.isBogus())
                        add_city(key_of(city), zone);
                }
            }
            for (const auto& [region, region_zone_list] : p.region_zones) {
                icu::UnicodeString country;
                icu::Locale("", region.c_str()).getDisplayCountry(locale, country);
                std::string key = key_of(country);
                if (!key.empty() && key != key_of(std::string_view(region)))
                    p.country_region.emplace(key, region);
            }
        }
        for (const std::string& key : ambiguous)
            p.city_zone.erase(key);
        // What people write that ICU's display names do not say.
        for (const auto& [alias, region] :
             std::map<std::string, std::string>{{"usa", "US"}, {"uk", "GB"}, {"u.s.", "US"}})
            p.country_region.emplace(alias, region);
        return p;
    }();
    return table;
}

std::string trim(std::string_view text) {
    size_t b = text.find_first_not_of(" \t");
    if (b == std::string_view::npos)
        return {};
    return std::string(text.substr(b, text.find_last_not_of(" \t") - b + 1));
}

} // namespace

PlaceZone time_zone_for_place(std::string_view place) {
    std::string text = trim(place);
    if (is_known_time_zone(text))
        return {text, {}};
    const Places& p = places();
    if (auto it = p.city_zone.find(key_of(std::string_view(text))); it != p.city_zone.end())
        return {it->second, {}};
    size_t comma = text.rfind(',');
    if (text.find('/') != std::string::npos)
        return {{},
                "'" + text + "' is not an IANA time zone" + did_you_mean(text, p.zones) +
                    "; use a name such as Europe/Riga, or a city"};
    if (comma == std::string::npos)
        return {{},
                "'" + text +
                    "' is not a city that planner knows; write it as \"City, Country\" (the "
                    "country's time zone is used when it has one) or give an IANA time zone "
                    "such as Europe/Riga"};
    std::string city = trim(std::string_view(text).substr(0, comma));
    std::string country = trim(std::string_view(text).substr(comma + 1));
    if (auto it = p.city_zone.find(key_of(std::string_view(city))); it != p.city_zone.end())
        return {it->second, {}};
    auto region = p.country_region.find(key_of(std::string_view(country)));
    if (region == p.country_region.end())
        return {{},
                "'" + country + "' (in '" + text +
                    "') is not a country that planner knows; write the country's name in "
                    "English or give an IANA time zone such as Europe/Riga"};
    auto zones = p.region_zones.find(region->second);
    if (zones == p.region_zones.end() || zones->second.size() != 1)
        return {{},
                "'" + city + "' is not a city that planner knows, and " + country +
                    " has several time zones; give an IANA time zone (for example in a column "
                    "mapped to timezone)"};
    return {zones->second.front(), {}};
}

} // namespace planner::model
