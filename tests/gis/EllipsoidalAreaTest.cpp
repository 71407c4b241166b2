// Tests of EllipsoidalArea (gis/EllipsoidalArea.h).
//
// Reference areas were computed outside Anzhi in two independent steps:
//  1. the corners in EPSG:4546 go to CGCS2000 latitude/longitude with PROJ's cs2cs (input and
//     output in authority axis order: northing easting → latitude longitude);
//  2. the polygon on those corners is measured with GeographicLib's pure-Python implementation
//     of Karney's geodesic polygon area (Debian package python3-geographiclib 2.0), on the
//     CGCS2000 ellipsoid a = 6378137 m, 1/f = 298.257222101. (PROJ 9.1's `geod` has no
//     polygon-area mode.) The script, area.py, reads "lat lon" lines:
//       import sys
//       from geographiclib.geodesic import Geodesic
//       g = Geodesic(6378137.0, 1/298.257222101)
//       p = g.Polygon()
//       for l in sys.stdin:
//           if l.strip(): p.AddPoint(*map(float, l.split()[:2]))
//       print("%.6f" % p.Compute(False, True)[2])

#include "gis/EllipsoidalArea.h"
#include "gis/GisError.h"

#include <gtest/gtest.h>

#include <cmath>

namespace anzhi::gis {
namespace {

// The 1 km square 543000..544000 E, 4284000..4285000 N (about 111.5°E 38.7°N):
//   $ printf '4284000 543000\n4284000 544000\n4285000 544000\n4285000 543000\n' |
//       cs2cs -f %.12f EPSG:4546 EPSG:4490
//   38.688144057852	111.494220960747 0.000000000000
//   38.688094923010	111.505714060355 0.000000000000
//   38.697102799301	111.505777485786 0.000000000000
//   38.697151949876	111.494282944886 0.000000000000
//   $ ... | /usr/bin/python3 area.py
//   999953.417885
constexpr double kSquareM2 = 999953.417885;

// The 200 m square hole 543400..543600 E, 4284400..4284600 N:
//   $ printf '4284400 543400\n4284400 543600\n4284600 543600\n4284600 543400\n' |
//       cs2cs -f %.12f EPSG:4546 EPSG:4490
//   38.691727695434	111.498843224857 0.000000000000
//   38.691717867207	111.501141960072 0.000000000000
//   38.693519443733	111.501154529855 0.000000000000
//   38.693529272589	111.498855736989 0.000000000000
//   $ ... | /usr/bin/python3 area.py
//   39998.136722
constexpr double kHoleM2 = 39998.136722;

// A second 1 km square 545000..546000 E, 4284000..4285000 N:
//   $ printf '4284000 545000\n4284000 546000\n4285000 546000\n4285000 545000\n' |
//       cs2cs -f %.12f EPSG:4546 EPSG:4490
//   38.688044658756	111.517207131612 0.000000000000
//   38.687993265099	111.528700173874 0.000000000000
//   38.697001108839	111.528766481847 0.000000000000
//   38.697052518952	111.517271998321 0.000000000000
//   $ ... | /usr/bin/python3 area.py
//   999949.036152
constexpr double kSecondSquareM2 = 999949.036152;

Geometry square(double x0, double y0, double side)
{
  return makePolygon({{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}});
}

TEST(EllipsoidalArea, OneKilometreGaussKrugerSquare)
{
  EllipsoidalArea area(Crs::fromEpsg(4546));
  Geometry g = square(543000, 4284000, 1000);
  double m2 = area.squareMetres(g.get());
  EXPECT_NEAR(m2, kSquareM2, 0.01);
  // Planar area in the projection would be exactly 1,000,000 m²; 43.5 km east of the central
  // meridian the Gauss-Kruger scale (about 1 + 2.3e-5) makes it ~47 m² too large.
  EXPECT_DOUBLE_EQ(planarArea(g.get()), 1000000.0);
  EXPECT_GT(std::fabs(m2 - 1000000.0), 1.0);
}

TEST(EllipsoidalArea, RingOrientationDoesNotMatter)
{
  EllipsoidalArea area(Crs::fromEpsg(4546));
  Geometry clockwise =
      makePolygon({{543000, 4284000}, {543000, 4285000}, {544000, 4285000}, {544000, 4284000}});
  EXPECT_NEAR(area.squareMetres(clockwise.get()), kSquareM2, 0.01);
}

TEST(EllipsoidalArea, HolesSubtract)
{
  EllipsoidalArea area(Crs::fromEpsg(4546));
  Geometry withHole =
      makePolygon({{543000, 4284000}, {544000, 4284000}, {544000, 4285000}, {543000, 4285000}},
                  {{{543400, 4284400}, {543600, 4284400}, {543600, 4284600}, {543400, 4284600}}});
  // 999953.417885 - 39998.136722 = 959955.281163
  EXPECT_NEAR(area.squareMetres(withHole.get()), kSquareM2 - kHoleM2, 0.01);
  EXPECT_NEAR(area.squareMetres(withHole.get()), 959955.281163, 0.01);
}

TEST(EllipsoidalArea, MultiPolygonPartsAdd)
{
  EllipsoidalArea area(Crs::fromEpsg(4546));
  std::vector<Geometry> parts;
  parts.push_back(square(543000, 4284000, 1000));
  parts.push_back(square(545000, 4284000, 1000));
  Geometry multi = makeCollection(GEOS_MULTIPOLYGON, std::move(parts));
  // 999953.417885 + 999949.036152 = 1999902.454037
  EXPECT_NEAR(area.squareMetres(multi.get()), kSquareM2 + kSecondSquareM2, 0.01);
  EXPECT_NEAR(area.squareMetres(multi.get()), 1999902.454037, 0.01);
}

TEST(EllipsoidalArea, SameSquareInZonePrefixedCrs)
{
  // EPSG:4525 is EPSG:4546 with 37,000,000 added to the easting: same square, same area.
  EllipsoidalArea area(Crs::fromEpsg(4525));
  Geometry g = square(37543000, 4284000, 1000);
  EXPECT_NEAR(area.squareMetres(g.get()), kSquareM2, 0.01);
}

TEST(EllipsoidalArea, GeographicWorkingCrsMeasuresLonLatDirectly)
{
  // The cs2cs corners above, as longitude/latitude in EPSG:4490.
  Geometry lonLat = fromWkt("POLYGON ((111.494220960747 38.688144057852, "
                            "111.505714060355 38.688094923010, "
                            "111.505777485786 38.697102799301, "
                            "111.494282944886 38.697151949876, "
                            "111.494220960747 38.688144057852))");
  EXPECT_NEAR(EllipsoidalArea::forThread(Crs::fromEpsg(4490)).squareMetres(lonLat.get()), kSquareM2,
              0.01);
}

TEST(EllipsoidalArea, PointsAndLinesHaveNoArea)
{
  const EllipsoidalArea &area = EllipsoidalArea::forThread(Crs::fromEpsg(4546));
  EXPECT_EQ(area.squareMetres(makePoint(543000, 4284000).get()), 0.0);
  EXPECT_EQ(area.squareMetres(makeLine({{543000, 4284000}, {544000, 4285000}}).get()), 0.0);
  EXPECT_EQ(area.squareMetres(fromWkt("POLYGON EMPTY").get()), 0.0);
}

TEST(EllipsoidalArea, MuIsSquareMetresOver10000Over15)
{
  // 1 mu = 10000/15 m² exactly (domain.md), so 10000 m² = 15 mu and 1 m² = 0.0015 mu.
  EXPECT_DOUBLE_EQ(kSquareMetresPerMu, 10000.0 / 15.0);
  EXPECT_DOUBLE_EQ(EllipsoidalArea::toMu(10000.0), 15.0);
  EXPECT_DOUBLE_EQ(EllipsoidalArea::toMu(2000.0), 3.0);

  EllipsoidalArea area(Crs::fromEpsg(4546));
  Geometry g = square(543000, 4284000, 1000);
  double mu = EllipsoidalArea::toMu(area.squareMetres(g.get()));
  // 999953.417885 * 15 / 10000 = 1499.930126828 (python3: 999953.417885/(10000/15))
  EXPECT_NEAR(mu, 1499.930126828, 0.01 * 15 / 10000);
  EXPECT_NEAR(mu, kSquareM2 * 15.0 / 10000.0, 1e-5);
}

TEST(EllipsoidalArea, VertexOutsideTheCrsThrows)
{
  // An easting of 10^9 m has no inverse projection:
  //   $ echo '4284000 1e9' | cs2cs -f %.6f EPSG:4546 EPSG:4490
  //   *	* inf
  // (A huge northing is no good test: PROJ's extended tmerc maps 10^12 m N to 31.3°N.)
  EllipsoidalArea area(Crs::fromEpsg(4546));
  Geometry absurd = square(1e9, 4284000, 1000);
  EXPECT_THROW(area.squareMetres(absurd.get()), GisError);
}

} // namespace
} // namespace anzhi::gis
