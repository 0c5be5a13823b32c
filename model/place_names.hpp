#pragma once
// Places as people write them in HR files -> IANA time zones, with ICU's names of cities and
// countries in English and the languages of Europe: `Rīga`, `Lisabona`, `Lisbon, Portugal`,
// `Vilnius, Lietuva`. Internal to the roster import; no workspace, no plan.

#include <optional>
#include <string>
#include <string_view>

namespace planner::model {

struct PlaceZone {
    std::string zone;   // IANA id, e.g. "Europe/Riga"
    std::string reason; // when no zone: why, for the message ("`Texas` is not a city ...")
};

// An IANA id as it is; a city (ICU's exemplar city of a zone, in any of those languages, or
// the city part of a zone id); "City, Country": the city, else the country's only zone.
PlaceZone time_zone_for_place(std::string_view place);

} // namespace planner::model
