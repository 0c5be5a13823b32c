#include "exporters/pdf_theme.hpp"

#include <algorithm>
#include <cmath>

namespace planner::exporters {
namespace {

struct Hsl {
    double hue = 0; // degrees
    double saturation = 0;
    double lightness = 0;
};

Hsl to_hsl(Rgb colour) {
    const double r = colour.red / 255.0;
    const double g = colour.green / 255.0;
    const double b = colour.blue / 255.0;
    const double high = std::max({r, g, b});
    const double low = std::min({r, g, b});
    Hsl out;
    out.lightness = (high + low) / 2;
    const double delta = high - low;
    if (delta < 1e-9) {
        return out;
    }
    out.saturation = delta / (1 - std::abs(2 * out.lightness - 1));
    if (high == r) {
        out.hue = 60 * std::fmod((g - b) / delta + 6, 6.0);
    } else if (high == g) {
        out.hue = 60 * ((b - r) / delta + 2);
    } else {
        out.hue = 60 * ((r - g) / delta + 4);
    }
    return out;
}

Rgb from_hsl(Hsl hsl) {
    const double chroma = (1 - std::abs(2 * hsl.lightness - 1)) * hsl.saturation;
    const double h = std::fmod(hsl.hue + 360, 360.0) / 60;
    const double x = chroma * (1 - std::abs(std::fmod(h, 2.0) - 1));
    double r = 0;
    double g = 0;
    double b = 0;
    if (h < 1) {
        r = chroma, g = x;
    } else if (h < 2) {
        r = x, g = chroma;
    } else if (h < 3) {
        g = chroma, b = x;
    } else if (h < 4) {
        g = x, b = chroma;
    } else if (h < 5) {
        r = x, b = chroma;
    } else {
        r = chroma, b = x;
    }
    const double m = hsl.lightness - chroma / 2;
    const auto channel = [m](double v) {
        return static_cast<std::uint8_t>(std::clamp(std::lround((v + m) * 255), 0L, 255L));
    };
    return {channel(r), channel(g), channel(b)};
}

// A hue-rotated sibling of the primary with moderate saturation and lightness, so extra chart
// series stay in the same quiet register as the brand colour.
Rgb sibling(Hsl base, double hue_shift, double saturation, double lightness) {
    return from_hsl({base.hue + hue_shift, std::min(base.saturation, saturation), lightness});
}

} // namespace

Rgb mix(Rgb a, Rgb b, double t) {
    const auto channel = [t](std::uint8_t x, std::uint8_t y) {
        return static_cast<std::uint8_t>(std::lround(x + (y - x) * t));
    };
    return {channel(a.red, b.red), channel(a.green, b.green), channel(a.blue, b.blue)};
}

double relative_luminance(Rgb colour) {
    const auto linear = [](std::uint8_t channel) {
        const double v = channel / 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(colour.red) + 0.7152 * linear(colour.green) +
           0.0722 * linear(colour.blue);
}

double contrast_ratio(Rgb a, Rgb b) {
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb readable_on(Rgb background) {
    const Rgb white{0xff, 0xff, 0xff};
    const Rgb ink{0x1a, 0x1d, 0x21};
    return contrast_ratio(background, white) >= contrast_ratio(background, ink) ? white : ink;
}

Theme make_theme(Rgb primary) {
    Theme theme;
    theme.primary = primary;
    theme.primary_text = primary;
    for (int step = 0; step < 20 && contrast_ratio(theme.primary_text, theme.white) < 5.5; ++step) {
        theme.primary_text = mix(theme.primary_text, Rgb{0, 0, 0}, 0.12);
    }
    theme.on_primary = readable_on(primary);
    theme.tint = mix(primary, theme.white, 0.86);
    theme.tint_light = mix(primary, theme.white, 0.94);
    const Hsl base = to_hsl(primary);
    theme.series = {
        primary,
        sibling(base, 180, 0.55, 0.55), // complementary, muted
        mix(primary, theme.white, 0.5),
        Rgb{0x8a, 0x91, 0x99}, // neutral grey
        sibling(base, 60, 0.45, 0.45),
        sibling(base, -60, 0.45, 0.60),
        mix(primary, Rgb{0, 0, 0}, 0.45),
        sibling(base, 120, 0.40, 0.50),
    };
    return theme;
}

Rgb Theme::status(StatusColour status) const {
    switch (status) {
    case StatusColour::green:
        return {0x2e, 0x7d, 0x4f};
    case StatusColour::amber:
        return {0xd0, 0x8a, 0x0b};
    case StatusColour::red:
        return {0xc0, 0x39, 0x2b};
    case StatusColour::none:
        break;
    }
    return muted;
}

Rgb Theme::status_tint(StatusColour status) const {
    switch (status) {
    case StatusColour::green:
        return {0xdf, 0xf0, 0xe5};
    case StatusColour::amber:
        return {0xfb, 0xee, 0xd2};
    case StatusColour::red:
        return {0xf6, 0xdc, 0xd9};
    case StatusColour::none:
        break;
    }
    return white;
}

} // namespace planner::exporters
