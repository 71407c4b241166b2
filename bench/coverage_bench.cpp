// Exact cell coverage two ways over the same homesteads: gis::cellCoverage (clipping each ring
// to each row and cell) against a GEOS intersection of the homestead with every cell of its
// envelope. What docs/performance.md ("Zonal slope") quotes; both sums must agree.
//
//   coverage_bench [HOMESTEADS]    (default 20000)

#include "gis/CellCoverage.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <random>

using namespace anzhi;

int main(int argc, char **argv)
{
  const int count = argc > 1 ? std::atoi(argv[1]) : 20000;
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0, 1);
  const gis::GridGeometry grid{480000, 4400000, 10, 10, 10000, 10000};
  // Rotated rectangles of 12–35 m, as bench/slope_data.py draws homesteads.
  std::vector<gis::Geometry> polygons;
  for (int i = 0; i < count; ++i) {
    const double cx = 481000 + u(rng) * 90000, cy = 4399000 - u(rng) * 90000;
    const double w = 12 + u(rng) * 23, h = 12 + u(rng) * 23, a = u(rng) * std::numbers::pi;
    std::vector<std::pair<double, double>> ring;
    for (auto [dx, dy] :
         {std::pair{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}})
      ring.emplace_back(cx + dx * std::cos(a) - dy * std::sin(a),
                        cy + dx * std::sin(a) + dy * std::cos(a));
    ring.push_back(ring.front());
    polygons.push_back(gis::makePolygon(ring));
  }
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
