#include "gis/EllipsoidalArea.h"

#include "gis/GisError.h"

#include <geodesic.h>

#include <cmath>
#include <map>

namespace anzhi::gis {

EllipsoidalArea::EllipsoidalArea(const Crs &workingCrs)
    : m_geographic(workingCrs.geographicBase())
    , m_toGeographic(&CoordinateTransform::forThread(workingCrs, m_geographic))
    , m_a(m_geographic.semiMajor())
    , m_f(m_geographic.flattening())
{
  if (m_a <= 0)
    throw GisError("coordinate reference system " + workingCrs.authId() +
                   " has no ellipsoid to measure area on");
}

const EllipsoidalArea &EllipsoidalArea::forThread(const Crs &workingCrs)
{
  thread_local std::map<std::string, std::unique_ptr<EllipsoidalArea>> cache;
  auto it = cache.find(workingCrs.definition());
  if (it == cache.end())
    it =
        cache.emplace(workingCrs.definition(), std::make_unique<EllipsoidalArea>(workingCrs)).first;
  return *it->second;
}

double EllipsoidalArea::squareMetres(const GEOSGeometry *g) const
{
  geod_geodesic geod{};
  geod_init(&geod, m_a, m_f);
  double total = 0;
  std::vector<double> lats, lons;
  forEachRing(g, [&](const std::vector<std::pair<double, double>> &ring, bool isHole) {
    if (ring.size() < 4)
      return;
    // The closing vertex repeats the first; geod_polygonarea closes rings itself.
    std::size_t n = ring.size() - 1;
    lats.resize(n);
    lons.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      double x = ring[i].first, y = ring[i].second;
      if (!m_toGeographic->transform(x, y))
        throw GisError("cannot measure area: vertex (" + std::to_string(ring[i].first) + ", " +
                       std::to_string(ring[i].second) + ") does not transform to " +
                       m_geographic.authId());
      lons[i] = x;
      lats[i] = y;
    }
    double area = 0, perimeter = 0;
    geod_polygonarea(&geod, lats.data(), lons.data(), static_cast<int>(n), &area, &perimeter);
    total += isHole ? -std::fabs(area) : std::fabs(area);
  });
  return total;
}

} // namespace anzhi::gis
