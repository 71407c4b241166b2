#pragma once

#include "gis/Crs.h"
#include "gis/Geos.h"

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
  static double toMu(double squareMetres) { return squareMetres / kSquareMetresPerMu; }

private:
  Crs m_geographic;
  const CoordinateTransform *m_toGeographic = nullptr;
  double m_a = 0, m_f = 0;
};

} // namespace anzhi::gis
