#pragma once

#include "gis/Crs.h"
#include "gis/Geos.h"

#include <geodesic.h>

namespace anzhi::gis {

//! Square metres in one mu (亩): exactly 10000/15.
inline constexpr double kSquareMetresPerMu = 10000.0 / 15.0;

//! Ellipsoidal (geodesic) area as China's land survey computes it: the vertices of a
//! geometry in a working CRS are transformed to that CRS's geographic base, and PROJ's
//! geod_polygonarea measures each ring on the base's ellipsoid. Holes subtract,
//! multipolygon parts add. Thread: use on the thread that created it (see forThread()).
class EllipsoidalArea
{
public:
  explicit EllipsoidalArea(const Crs &workingCrs);
  static const EllipsoidalArea &forThread(const Crs &workingCrs);

  //! Area in m² of the polygonal parts of g (0 for points and lines).
  double squareMetres(const GEOSGeometry *g) const;
  //! The same area where the rings that fit in a kSmallRingMetres square of the working CRS
  //! are measured on the authalic sphere (the ellipsoid's equal-area sphere, edges as great
  //! circles): eight times cheaper than geod_polygonarea and within 1e-3 m² of it for such rings
  //! (tests/gis/EllipsoidalAreaTest). For sums over hundreds of thousands of homesteads.
  double squareMetresSmallRingsAuthalic(const GEOSGeometry *g) const;
  static constexpr double kSmallRingMetres = 200;
  static double toMu(double squareMetres) { return squareMetres / kSquareMetresPerMu; }

private:
  Crs m_geographic;
  const CoordinateTransform *m_toGeographic = nullptr;
  double measure(const GEOSGeometry *g, bool authalicForSmallRings) const;
  double authalicRingArea(const double *lon, const double *lat, std::size_t n) const;

  geod_geodesic m_geodesic{};
  double m_e = 0;                     //!< eccentricity
  double m_qPole = 0;                 //!< q(φ) at the pole
  double m_authalicRadiusSquared = 0; //!< R_q², R_q the radius of the sphere of equal area
};

} // namespace anzhi::gis
