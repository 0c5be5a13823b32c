#pragma once
// Number formatting shared by every renderer: fixed decimals, "." separator, no locale.

#include <string>

namespace planner::exporters {

// `value` rounded half away from zero to `decimals` places; never "-0.0"; "inf" and "—" for
// values that are not finite.
std::string format_fixed(double value, int decimals);

} // namespace planner::exporters
