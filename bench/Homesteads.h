#pragma once

// Homesteads as bench/slope_data.py draws them: rotated rectangles of 12–35 m, centres uniform
// in x0 + [0, 1)·dx, y0 + [0, 1)·dy (dy may be negative), from a fixed seed.

#include "gis/Geos.h"

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

namespace anzhi::bench {

inline std::vector<gis::Geometry> homesteads(int count, double x0, double dx, double y0, double dy)
{
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<gis::Geometry> polygons;
  for (int i = 0; i < count; ++i) {
    const double cx = x0 + u(rng) * dx, cy = y0 + u(rng) * dy;
    const double w = 12 + u(rng) * 23, h = 12 + u(rng) * 23, a = u(rng) * std::numbers::pi;
    std::vector<std::pair<double, double>> ring;
    for (auto [ex, ey] :
         {std::pair{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}})
      ring.emplace_back(cx + ex * std::cos(a) - ey * std::sin(a),
                        cy + ex * std::sin(a) + ey * std::cos(a));
    ring.push_back(ring.front());
    polygons.push_back(gis::makePolygon(ring));
  }
  return polygons;
}

} // namespace anzhi::bench
