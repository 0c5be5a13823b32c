#include "exporters/number_format.hpp"

#include <cmath>
#include <cstdio>

namespace planner::exporters {

std::string format_fixed(double value, int decimals) {
    if (!std::isfinite(value))
        return value > 0 ? "inf" : "—";
    char buffer[64];
    double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0)
        rounded = 0; // no "-0.00"
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, rounded);
    return buffer;
}

} // namespace planner::exporters
