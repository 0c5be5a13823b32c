#pragma once
// Plain geometry for layout code: points in PDF points, origin top-left, y downwards.

namespace planner::exporters {

struct Point {
    double x = 0;
    double y = 0;
};

struct Size {
    double width = 0;
    double height = 0;
};

} // namespace planner::exporters
