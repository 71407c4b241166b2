// Exact cell coverage two ways over the same homesteads: gis::cellCoverage (clipping each ring
// to each row and cell) against a GEOS intersection of the homestead with every cell of its
// envelope. What docs/performance.md ("Zonal slope") quotes; both sums must agree.
//
//   coverage_bench [HOMESTEADS]    (default 20000)

#include "bench/Homesteads.h"
#include "gis/CellCoverage.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace anzhi;

int main(int argc, char **argv)
{
  const int count = argc > 1 ? std::atoi(argv[1]) : 20000;
  const gis::GridGeometry grid{480000, 4400000, 10, 10, 10000, 10000};
  const std::vector<gis::Geometry> polygons =
      bench::homesteads(count, 481000, 90000, 4399000, -90000);
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  double clipped = 0;
  std::size_t cells = 0;
  for (const auto &p : polygons)
    for (const gis::CoveredCell &c : gis::cellCoverage(p.get(), grid)) {
      clipped += c.fraction;
      ++cells;
    }
  const auto t1 = Clock::now();
  double geos = 0;
  for (const auto &p : polygons) {
    const gis::Envelope e = gis::envelope(p.get());
    const int c0 = int(std::floor((e.minX - grid.originX) / grid.cellWidth));
    const int c1 = int(std::ceil((e.maxX - grid.originX) / grid.cellWidth));
    const int r0 = int(std::floor((grid.originY - e.maxY) / grid.cellHeight));
    const int r1 = int(std::ceil((grid.originY - e.minY) / grid.cellHeight));
    for (int r = r0; r < r1; ++r)
      for (int c = c0; c < c1; ++c) {
        const double x0 = grid.originX + c * grid.cellWidth,
                     y1 = grid.originY - r * grid.cellHeight;
        const double x1 = x0 + grid.cellWidth, y0 = y1 - grid.cellHeight;
        gis::Geometry square = gis::makePolygon({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}});
        geos += gis::planarArea(gis::intersection(p.get(), square.get()).get()) / grid.cellArea();
      }
  }
  const auto t2 = Clock::now();
  auto us = [&](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::micro>(b - a).count() / count;
  };
  std::printf("%d homesteads, %.1f cells each\nclipping: %.2f us a homestead\n"
              "GEOS intersection per cell: %.2f us a homestead\nsums %.9f and %.9f cells\n",
              count, double(cells) / count, us(t0, t1), us(t1, t2), clipped, geos);
  return std::abs(clipped - geos) <= 1e-9 * geos ? 0 : 1;
}
