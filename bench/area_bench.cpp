// Ellipsoidal area of homestead-sized rings two ways on one thread: geod_polygonarea
// (EllipsoidalArea::squareMetres) against the authalic sphere that linkage-balance uses for
// small rings (squareMetresSmallRingsAuthalic). What docs/performance.md ("Land linkage")
// quotes; prints the largest difference between the two.
//
//   area_bench [HOMESTEADS]    (default 200000)

#include "bench/Homesteads.h"
#include "gis/EllipsoidalArea.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace anzhi;

int main(int argc, char **argv)
{
  const int count = argc > 1 ? std::atoi(argv[1]) : 200000;
  // Across zone 37 (EPSG:4546).
  const std::vector<gis::Geometry> polygons =
      bench::homesteads(count, 420000, 160000, 3800000, 700000);
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
