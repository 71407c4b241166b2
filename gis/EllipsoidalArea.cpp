#include "gis/EllipsoidalArea.h"

#include "gis/GisError.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace anzhi::gis {

namespace {

constexpr double kRadiansPerDegree = std::numbers::pi / 180;

//! Snyder's q(φ) (Map Projections — A Working Manual, eq. 3-12) from sin φ: the authalic
//! latitude β is asin(q(φ) / q(90°)).
double authalicQ(double sinPhi, double e)
{
  const double e2 = e * e;
  return (1 - e2) * (sinPhi / (1 - e2 * sinPhi * sinPhi) + std::atanh(e * sinPhi) / e);
}

} // namespace

EllipsoidalArea::EllipsoidalArea(const Crs &workingCrs)
    : m_geographic(workingCrs.geographicBase())
    , m_toGeographic(&CoordinateTransform::forThread(workingCrs, m_geographic))
{
  const double a = m_geographic.semiMajor();
  const double f = m_geographic.flattening();
  if (a <= 0)
    throw GisError("coordinate reference system " + workingCrs.authId() +
                   " has no ellipsoid to measure area on");
  // Once per thread: geod_init's series coefficients cost as much as a small polygon's area.
  geod_init(&m_geodesic, a, f);
  m_e = std::sqrt(f * (2 - f));
  m_qPole = m_e > 0 ? authalicQ(1, m_e) : 2;
  m_authalicRadiusSquared = a * a * m_qPole / 2;
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
  return measure(g, false);
}

double EllipsoidalArea::squareMetresSmallRingsAuthalic(const GEOSGeometry *g) const
{
  return measure(g, true);
}

double EllipsoidalArea::authalicRingArea(const double *lon, const double *lat, std::size_t n) const
{
  // The authalic map keeps every area; a short geodesic maps to all but a great circle, and
  // each edge adds its signed spherical excess against the equator: 2·atan(tan(Δλ/2)·(t1 + t2)
  // / (1 + t1·t2)), t = tan(β/2).
  auto halfTanBeta = [&](double latitude) {
    const double sinPhi = std::sin(latitude * kRadiansPerDegree);
    const double sinBeta =
        std::clamp(m_e > 0 ? authalicQ(sinPhi, m_e) / m_qPole : sinPhi, -1.0, 1.0);
    return sinBeta / (1 + std::sqrt(1 - sinBeta * sinBeta)); // tan(β/2)
  };
  const double tFirst = halfTanBeta(lat[0]);
  double excess = 0, t1 = tFirst;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t j = i + 1 == n ? 0 : i + 1;
    const double t2 = j == 0 ? tFirst : halfTanBeta(lat[j]);
    const double halfDeltaLon = (lon[j] - lon[i]) * kRadiansPerDegree / 2;
    excess += 2 * std::atan2(std::tan(halfDeltaLon) * (t1 + t2), 1 + t1 * t2);
    t1 = t2;
  }
  return std::fabs(excess) * m_authalicRadiusSquared;
}

double EllipsoidalArea::measure(const GEOSGeometry *g, bool authalicForSmallRings) const
{
  auto ctx = geosContext();
  double total = 0;
  // The calling thread's buffers: a homestead's area is otherwise mostly two allocations.
  thread_local std::vector<double> xs, ys;
  forEachRingSequence(g, [&](const GEOSCoordSequence *ring, bool isHole) {
    unsigned size = 0;
    GEOSCoordSeq_getSize_r(ctx, ring, &size);
    if (size < 4)
      return;
    xs.resize(size);
    ys.resize(size);
    GEOSCoordSeq_copyToArrays_r(ctx, ring, xs.data(), ys.data(), nullptr, nullptr);
    // The closing vertex repeats the first; both area formulas close rings themselves.
    const std::size_t n = size - 1;
    const bool small =
        authalicForSmallRings &&
        *std::max_element(xs.begin(), xs.end()) - *std::min_element(xs.begin(), xs.end()) <=
            kSmallRingMetres &&
        *std::max_element(ys.begin(), ys.end()) - *std::min_element(ys.begin(), ys.end()) <=
            kSmallRingMetres;
    const std::size_t bad = m_toGeographic->transform(xs.data(), ys.data(), n);
    if (bad != n) {
      double x = 0, y = 0;
      GEOSCoordSeq_getXY_r(ctx, ring, static_cast<unsigned>(bad), &x, &y);
      throw GisError("cannot measure area: vertex (" + std::to_string(x) + ", " +
                     std::to_string(y) + ") does not transform to " + m_geographic.authId());
    }
    // Traditional GIS order: x is the longitude, y the latitude.
    double area = 0;
    if (small) {
      area = authalicRingArea(xs.data(), ys.data(), n);
    } else {
      double perimeter = 0;
      geod_polygonarea(&m_geodesic, ys.data(), xs.data(), static_cast<int>(n), &area, &perimeter);
    }
    total += isHole ? -std::fabs(area) : std::fabs(area);
  });
  return total;
}

} // namespace anzhi::gis
