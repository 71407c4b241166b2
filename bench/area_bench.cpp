// Ellipsoidal area of homestead-sized rings two ways on one thread: geod_polygonarea
// (EllipsoidalArea::squareMetres) against the authalic sphere that linkage-balance uses for
// small rings (squareMetresSmallRingsAuthalic). What docs/performance.md ("Land linkage")
// quotes; prints the largest difference between the two.
//
//   area_bench [HOMESTEADS]    (default 200000)

#include "gis/EllipsoidalArea.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>
#include <random>

using namespace anzhi;

int main(int argc, char **argv)
{
  const int count = argc > 1 ? std::atoi(argv[1]) : 200000;
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0, 1);
  // Rotated rectangles of 12–35 m across zone 37 (EPSG:4546), as the sample draws homesteads.
  std::vector<gis::Geometry> polygons;
  for (int i = 0; i < count; ++i) {
    const double cx = 420000 + u(rng) * 160000, cy = 3800000 + u(rng) * 700000;
    const double w = 12 + u(rng) * 23, h = 12 + u(rng) * 23, a = u(rng) * std::numbers::pi;
    std::vector<std::pair<double, double>> ring;
    for (auto [dx, dy] :
         {std::pair{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}})
      ring.emplace_back(cx + dx * std::cos(a) - dy * std::sin(a),
                        cy + dx * std::sin(a) + dy * std::cos(a));
    ring.push_back(ring.front());
    polygons.push_back(gis::makePolygon(ring));
  }
  const gis::EllipsoidalArea &area = gis::EllipsoidalArea::forThread(gis::Crs::fromEpsg(4546));
  using Clock = std::chrono::steady_clock;
  std::vector<double> geodesic(polygons.size()), authalic(polygons.size());
  const auto t0 = Clock::now();
  for (std::size_t i = 0; i < polygons.size(); ++i)
    geodesic[i] = area.squareMetres(polygons[i].get());
  const auto t1 = Clock::now();
  for (std::size_t i = 0; i < polygons.size(); ++i)
    authalic[i] = area.squareMetresSmallRingsAuthalic(polygons[i].get());
  const auto t2 = Clock::now();
  double worst = 0;
  for (std::size_t i = 0; i < polygons.size(); ++i)
    worst = std::max(worst, std::fabs(geodesic[i] - authalic[i]));
  const auto us = [&](auto a, auto b) {
    return std::chrono::duration<double, std::micro>(b - a).count() / count;
  };
  std::printf("%d homesteads: geod_polygonarea %.2f µs each, authalic %.2f µs each, "
              "largest difference %.2e m²\n",
              count, us(t0, t1), us(t1, t2), worst);
}
