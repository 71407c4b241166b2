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

#include <geodesic.h>
#include <proj.h>

#include <cmath>
#include <random>

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

// A homestead of 20 m × 15 m, 543400..543420 E, 4284400..4284415 N:
//   $ printf '4284400 543400\n4284400 543420\n4284415 543420\n4284415 543400\n' |
//       cs2cs -f %.12f EPSG:4546 EPSG:4490
//   38.691727695434	111.498843224857 0.000000000000
//   38.691726714645	111.499073098429 0.000000000000
//   38.691861832946	111.499074037233 0.000000000000
//   38.691862813741	111.498844163228 0.000000000000
//   $ ... | /usr/bin/python3 area.py
//   299.986084
constexpr double kHomesteadM2 = 299.986084;

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
  // 1 mu = 10000/15 m² exactly (docs/contract.md), so 10000 m² = 15 mu and 1 m² = 0.0015 mu.
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

TEST(EllipsoidalArea, SmallRingsOnTheAuthalicSphere)
{
  EllipsoidalArea area(Crs::fromEpsg(4546));
  Geometry homestead =
      makePolygon({{543400, 4284400}, {543420, 4284400}, {543420, 4284415}, {543400, 4284415}});
  EXPECT_NEAR(area.squareMetresSmallRingsAuthalic(homestead.get()), kHomesteadM2, 1e-3);
  // 200 m across is still small; the 1 km square is not and goes to geod_polygonarea, so the
  // square with the hole is the same 959955.281163 m² as above.
  Geometry hole = square(543400, 4284400, EllipsoidalArea::kSmallRingMetres);
  EXPECT_NEAR(area.squareMetresSmallRingsAuthalic(hole.get()), kHoleM2, 1e-3);
  Geometry withHole =
      makePolygon({{543000, 4284000}, {544000, 4284000}, {544000, 4285000}, {543000, 4285000}},
                  {{{543400, 4284400}, {543600, 4284400}, {543600, 4284600}, {543400, 4284600}}});
  EXPECT_NEAR(area.squareMetresSmallRingsAuthalic(withHole.get()), 959955.281163, 0.01);
}

TEST(EllipsoidalArea, AuthalicAgreesWithGeodesicOnRandomSmallRings)
{
  // Random star-shaped rings up to 200 m across anywhere in zone 37 at 34–41°N, measured by the
  // authalic sphere and, independently here, by PROJ's transformation and geod_polygonarea.
  const Crs crs = Crs::fromEpsg(4546);
  EllipsoidalArea area(crs);
  PJ_CONTEXT *ctx = proj_context_create();
  PJ *raw = proj_create_crs_to_crs(ctx, "EPSG:4546", "EPSG:4490", nullptr);
  PJ *toLonLat = proj_normalize_for_visualization(ctx, raw);
  geod_geodesic geod{};
  geod_init(&geod, 6378137.0, 1 / 298.257222101);
  std::mt19937 random(7);
  std::uniform_real_distribution<double> unit(0, 1);
  double worst = 0;
  for (int k = 0; k < 500; ++k) {
    const int n = 3 + static_cast<int>(random() % 12);
    const double cx = 400000 + 200000 * unit(random), cy = 3770000 + 770000 * unit(random);
    std::vector<std::pair<double, double>> ring;
    std::vector<double> lats, lons;
    for (int i = 0; i < n; ++i) {
      const double angle = 2 * M_PI * i / n, radius = 50 + 50 * unit(random);
      ring.emplace_back(cx + radius * std::cos(angle), cy + radius * std::sin(angle));
      PJ_COORD c =
          proj_trans(toLonLat, PJ_FWD, proj_coord(ring.back().first, ring.back().second, 0, 0));
      lons.push_back(c.xy.x);
      lats.push_back(c.xy.y);
    }
    double geodesic = 0, perimeter = 0;
    geod_polygonarea(&geod, lats.data(), lons.data(), n, &geodesic, &perimeter);
    Geometry g = makePolygon(ring);
    worst = std::max(worst,
                     std::fabs(area.squareMetresSmallRingsAuthalic(g.get()) - std::fabs(geodesic)));
  }
  proj_destroy(toLonLat);
  proj_destroy(raw);
  proj_context_destroy(ctx);
  EXPECT_LT(worst, 1e-3);
}

} // namespace
} // namespace anzhi::gis
