#include "gis/Slope.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace anzhi::gis {

RasterWindow hornSlopeDegrees(const RasterWindow &elevation)
{
  const GridGeometry &g = elevation.grid;
  RasterWindow slope{
      g, std::vector<double>(elevation.values.size(), std::numeric_limits<double>::quiet_NaN())};
  const double toDegrees = 180.0 / std::numbers::pi;
  for (int r = 1; r + 1 < g.rows; ++r)
    for (int c = 1; c + 1 < g.columns; ++c) {
      const double a = elevation.at(c - 1, r - 1), b = elevation.at(c, r - 1),
                   cc = elevation.at(c + 1, r - 1), d = elevation.at(c - 1, r),
                   e = elevation.at(c, r), f = elevation.at(c + 1, r),
                   gg = elevation.at(c - 1, r + 1), h = elevation.at(c, r + 1),
                   i = elevation.at(c + 1, r + 1);
      // NaN propagates through the sums, but the centre cell is not in them.
      if (std::isnan(e))
        continue;
      const double dzdx = ((cc + 2 * f + i) - (a + 2 * d + gg)) / (8 * g.cellWidth);
      const double dzdy = ((gg + 2 * h + i) - (a + 2 * b + cc)) / (8 * g.cellHeight);
      const double s = std::atan(std::hypot(dzdx, dzdy)) * toDegrees;
      slope.values[std::size_t(r) * std::size_t(g.columns) + std::size_t(c)] = s;
    }
  return slope;
}

} // namespace anzhi::gis
