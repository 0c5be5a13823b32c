#pragma once
// The look of the PDF: a restrained palette derived from the brand's primary colour, and the
// type scale and spacing every block uses, so that all pages share one rhythm.

#include "exporters/document.hpp"

#include <vector>

namespace planner::exporters {

struct Theme {
    Rgb primary;      // accents: bars, table header fill, cover band
    Rgb primary_text; // the primary darkened until it reads as text on white (headings)
    Rgb on_primary;   // text drawn on a primary fill: white, or near-black on light brands
    Rgb tint;         // ~14% primary on white: tile and callout backgrounds
    Rgb tint_light;   // ~6% primary on white: zebra stripes
    Rgb text{0x22, 0x25, 0x2a};
    Rgb muted{0x5f, 0x66, 0x6d};
    Rgb rule{0xc9, 0xce, 0xd4};
    Rgb grid{0xe3, 0xe6, 0xea};
    Rgb white{0xff, 0xff, 0xff};
    std::vector<Rgb> series; // chart series and matrix codes, primary first

    Rgb status(StatusColour status) const;      // solid red / amber / green
    Rgb status_tint(StatusColour status) const; // a light background of the same hue
};

Theme make_theme(Rgb primary);

// a blended towards b by t in [0, 1].
Rgb mix(Rgb a, Rgb b, double t);
// WCAG relative luminance and contrast ratio.
double relative_luminance(Rgb colour);
double contrast_ratio(Rgb a, Rgb b);
// White or near-black, whichever reads better on background.
Rgb readable_on(Rgb background);

// Type scale (points) and spacing. Leading is the distance between baselines.
namespace type {
inline constexpr double k_body = 9.5;
inline constexpr double k_body_leading = 13.5;
inline constexpr double k_lead = 11.5;
inline constexpr double k_lead_leading = 16;
inline constexpr double k_note = 8;
inline constexpr double k_note_leading = 11;
inline constexpr double k_h1 = 17;
inline constexpr double k_h2 = 12.5;
inline constexpr double k_h3 = 10.5;
inline constexpr double k_block_title = 10;
inline constexpr double k_table = 8.3;
inline constexpr double k_table_leading = 10.6;
inline constexpr double k_small = 7.3;    // axis ticks, legends, page furniture
inline constexpr double k_block_gap = 14; // space after every block
} // namespace type

} // namespace planner::exporters
