// Tests of Crs and CoordinateTransform (gis/Crs.h). Reference coordinates come from PROJ's
// cs2cs command line tool (PROJ 9.1.1). cs2cs uses the authority axis order of each CRS:
// latitude, longitude for EPSG:4490 and northing, easting for EPSG:4546 and EPSG:4525
// (checked with `projinfo EPSG:4546`: AXIS["northing (X)",north] comes first). The code under
// test uses the traditional GIS order (x = longitude or easting), so the columns are swapped
// when the values are copied below.

#include "gis/Crs.h"
#include "gis/GisError.h"

#include <gtest/gtest.h>

#include <cmath>
#include <thread>

namespace anzhi::gis {
namespace {

TEST(Crs, ProjectedGaussKrugerCm111)
{
  Crs crs = Crs::fromEpsg(4546);
  EXPECT_TRUE(crs.isProjected());
  EXPECT_FALSE(crs.isGeographic());
  EXPECT_EQ(crs.epsg(), 4546);
  EXPECT_EQ(crs.authId(), "EPSG:4546");
  EXPECT_EQ(crs.definition(), "EPSG:4546");
  // `projinfo EPSG:4546` → PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 111E", ...
  EXPECT_EQ(crs.name(), "CGCS2000 / 3-degree Gauss-Kruger CM 111E");
  // `projinfo EPSG:4490` → ELLIPSOID["CGCS2000",6378137,298.257222101, ...
  EXPECT_DOUBLE_EQ(crs.semiMajor(), 6378137.0);
  EXPECT_DOUBLE_EQ(crs.flattening(), 1.0 / 298.257222101);
}

TEST(Crs, GeographicCgcs2000)
{
  Crs crs = Crs::fromEpsg(4490);
  EXPECT_TRUE(crs.isGeographic());
  EXPECT_FALSE(crs.isProjected());
  EXPECT_EQ(crs.epsg(), 4490);
  EXPECT_EQ(crs.name(), "China Geodetic Coordinate System 2000");
}

TEST(Crs, GeographicBaseOfGaussKrugerIsCgcs2000)
{
  Crs base = Crs::fromEpsg(4546).geographicBase();
  EXPECT_EQ(base.epsg(), 4490);
  EXPECT_EQ(base.authId(), "EPSG:4490");
  EXPECT_TRUE(base.isGeographic());
  // The base of a geographic CRS is itself.
  EXPECT_EQ(Crs::fromEpsg(4490).geographicBase().authId(), "EPSG:4490");
  // Zone-prefixed EPSG:4525 shares the base.
  EXPECT_EQ(Crs::fromEpsg(4525).geographicBase().epsg(), 4490);
}

TEST(Crs, FromUserInputAcceptsProjStringAndWkt)
{
  // A PROJ string has no EPSG code: the definition is kept as given.
  Crs proj = Crs::fromUserInput("+proj=longlat +ellps=GRS80 +no_defs +type=crs");
  EXPECT_FALSE(proj.epsg().has_value());
  EXPECT_TRUE(proj.isGeographic());
  EXPECT_DOUBLE_EQ(proj.semiMajor(), 6378137.0);

  // The "EPSG:4546" text round-trips through Crs::definition().
  Crs again = Crs::fromUserInput(Crs::fromEpsg(4546).definition());
  EXPECT_EQ(again.epsg(), 4546);
}

TEST(Crs, UnknownDefinitionThrowsNamingIt)
{
  try {
    Crs::fromUserInput("EPSG:999999");
    FAIL() << "no exception";
  } catch (const GisError &e) {
    EXPECT_NE(std::string(e.what()).find("EPSG:999999"), std::string::npos) << e.what();
  }
}

TEST(Crs, Equivalence)
{
  EXPECT_TRUE(Crs::fromEpsg(4546).equivalentTo(Crs::fromEpsg(4546)));
  // Same projection except the 37,500,000 false easting: not equivalent.
  EXPECT_FALSE(Crs::fromEpsg(4546).equivalentTo(Crs::fromEpsg(4525)));
  EXPECT_FALSE(Crs::fromEpsg(4490).equivalentTo(Crs::fromEpsg(4546)));
}

TEST(Crs, GaussKrugerZoneOfLongitude)
{
  // Central meridians are 75 + 3k °E and EPSG = 4534 + k (`projinfo EPSG:4546` is CM 111E,
  // `projinfo EPSG:4547` is CM 114E, `projinfo EPSG:4534` is CM 75E).
  EXPECT_EQ(Crs::gaussKrugerZoneEpsg(111.0), 4546); // on CM 111
  EXPECT_EQ(Crs::gaussKrugerZoneEpsg(111.4), 4546); // 0.4 from 111, 2.6 from 114
  EXPECT_EQ(Crs::gaussKrugerZoneEpsg(112.6), 4547); // 1.6 from 111, 1.4 from 114
  EXPECT_EQ(Crs::gaussKrugerZoneEpsg(112.5), 4546); // tie: the western zone
  EXPECT_EQ(Crs::gaussKrugerZoneEpsg(109.5), 4545); // tie between 108 and 111: 108
  EXPECT_EQ(Crs::gaussKrugerZoneEpsg(109.6), 4546); // 1.6 from 108, 1.4 from 111
  EXPECT_EQ(Crs::gaussKrugerZoneEpsg(75.0), 4534);
  EXPECT_EQ(Crs::gaussKrugerZoneEpsg(135.0), 4554);
}

// Point 111.5°E 38.7°N in CGCS2000.
//   $ echo '38.7 111.5' | cs2cs -f %.6f EPSG:4490 EPSG:4546
//   4285318.862047	543495.631239 0.000000
//   $ echo '38.7 111.5' | cs2cs -f %.6f EPSG:4490 EPSG:4525
//   4285318.862047	37543495.631239 0.000000
constexpr double kLon = 111.5, kLat = 38.7;
constexpr double kEasting4546 = 543495.631239, kNorthing = 4285318.862047;
constexpr double kEasting4525 = 37543495.631239;

TEST(CoordinateTransform, GeographicToGaussKrugerMatchesCs2cs)
{
  CoordinateTransform toGk(Crs::fromEpsg(4490), Crs::fromEpsg(4546));
  EXPECT_FALSE(toGk.isIdentity());
  double x = kLon, y = kLat;
  ASSERT_TRUE(toGk.transform(x, y));
  EXPECT_NEAR(x, kEasting4546, 0.001);
  EXPECT_NEAR(y, kNorthing, 0.001);
}

TEST(CoordinateTransform, RoundTripThroughZonePrefixedCrs)
{
  Crs geographic = Crs::fromEpsg(4490), gk = Crs::fromEpsg(4546), gk37 = Crs::fromEpsg(4525);
  CoordinateTransform toGk(geographic, gk);
  CoordinateTransform toGk37(gk, gk37);
  CoordinateTransform back(gk37, geographic);

  double x = kLon, y = kLat;
  ASSERT_TRUE(toGk.transform(x, y));
  const double easting = x, northing = y;

  ASSERT_TRUE(toGk37.transform(x, y));
  EXPECT_NEAR(x, kEasting4525, 0.001);
  EXPECT_NEAR(y, kNorthing, 0.001);
  // Same CM 111 and scale; EPSG:4525 only adds the zone number 37 to the false easting
  // (`projinfo EPSG:4525 -o PROJ`: +x_0=37500000 vs +x_0=500000 for EPSG:4546).
  EXPECT_NEAR(x, easting + 37000000.0, 1e-6);
  EXPECT_NEAR(y, northing, 1e-6);

  ASSERT_TRUE(back.transform(x, y));
  // 1e-9 degree is about 0.1 mm.
  EXPECT_NEAR(x, kLon, 1e-9);
  EXPECT_NEAR(y, kLat, 1e-9);
}

TEST(CoordinateTransform, IdentityBetweenEquivalentCrs)
{
  CoordinateTransform same(Crs::fromEpsg(4546), Crs::fromEpsg(4546));
  EXPECT_TRUE(same.isIdentity());
  double x = 1.5, y = -2.5;
  EXPECT_TRUE(same.transform(x, y));
  EXPECT_EQ(x, 1.5);
  EXPECT_EQ(y, -2.5);
}

TEST(CoordinateTransform, FailsOutsideTheDomain)
{
  CoordinateTransform toGk(Crs::fromEpsg(4490), Crs::fromEpsg(4546));
  double x = 111.0, y = 95.0; // latitude 95° does not exist
  EXPECT_FALSE(toGk.transform(x, y));
  // A failure leaves the transform usable.
  double x2 = kLon, y2 = kLat;
  ASSERT_TRUE(toGk.transform(x2, y2));
  EXPECT_NEAR(x2, kEasting4546, 0.001);
}

// The corners of the 1 km square 543000..544000 E, 4284000..4285000 N of EPSG:4546:
//   $ printf '4284000 543000\n4284000 544000\n4285000 544000\n4285000 543000\n' |
//       cs2cs -f %.12f EPSG:4546 EPSG:4490
//   38.688144057852	111.494220960747 0.000000000000
//   38.688094923010	111.505714060355 0.000000000000
//   38.697102799301	111.505777485786 0.000000000000
//   38.697151949876	111.494282944886 0.000000000000
TEST(CoordinateTransform, WholeGeometry)
{
  Geometry lonLat = fromWkt("POLYGON ((111.494220960747 38.688144057852, "
                            "111.505714060355 38.688094923010, "
                            "111.505777485786 38.697102799301, "
                            "111.494282944886 38.697151949876, "
                            "111.494220960747 38.688144057852))");
  Geometry gk = CoordinateTransform::forThread(Crs::fromEpsg(4490), Crs::fromEpsg(4546))
                    .transform(lonLat.get());
  ASSERT_TRUE(gk);
  const std::vector<std::pair<double, double>> expected = {{543000, 4284000},
                                                           {544000, 4284000},
                                                           {544000, 4285000},
                                                           {543000, 4285000},
                                                           {543000, 4284000}};
  std::vector<std::pair<double, double>> got;
  forEachRing(gk.get(),
              [&](const std::vector<std::pair<double, double>> &ring, bool) { got = ring; });
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_NEAR(got[i].first, expected[i].first, 0.001) << "vertex " << i;
    EXPECT_NEAR(got[i].second, expected[i].second, 0.001) << "vertex " << i;
  }
  // The input is untouched.
  EXPECT_NEAR(pointXY(centroid(lonLat.get()).get()).first, 111.5, 0.01);
}

TEST(CoordinateTransform, GeometryWithAnImpossibleVertexThrowsNamingBothCrs)
{
  Geometry bad = fromWkt("LINESTRING (111 38, 111 95)");
  CoordinateTransform toGk(Crs::fromEpsg(4490), Crs::fromEpsg(4546));
  try {
    toGk.transform(bad.get());
    FAIL() << "no exception";
  } catch (const GisError &e) {
    std::string message = e.what();
    EXPECT_NE(message.find("EPSG:4490"), std::string::npos) << message;
    EXPECT_NE(message.find("EPSG:4546"), std::string::npos) << message;
  }
}

TEST(CoordinateTransform, ForThreadGivesEachThreadItsOwnTransform)
{
  Crs geographic = Crs::fromEpsg(4490), gk = Crs::fromEpsg(4546);
  const CoordinateTransform *mine = &CoordinateTransform::forThread(geographic, gk);
  EXPECT_EQ(mine, &CoordinateTransform::forThread(geographic, gk));
  const CoordinateTransform *theirs = nullptr;
  double x = kLon, y = kLat;
  bool ok = false;
  std::thread([&] {
    const CoordinateTransform &t = CoordinateTransform::forThread(geographic, gk);
    theirs = &t;
    ok = t.transform(x, y);
  }).join();
  EXPECT_NE(mine, theirs);
  EXPECT_TRUE(ok);
  EXPECT_NEAR(x, kEasting4546, 0.001);
  EXPECT_NEAR(y, kNorthing, 0.001);
}

TEST(Crs, FalseEastingTellsZonePrefixes)
{
  // EPSG:4525 is CGCS2000 3-degree zone 37 with the zone number in the easting; EPSG:4546 is the
  // same zone (CM 111°E) without it.
  EXPECT_EQ(Crs::fromEpsg(4525).falseEasting(), 37500000.0);
  EXPECT_EQ(Crs::fromEpsg(4546).falseEasting(), 500000.0);
  EXPECT_EQ(Crs::fromEpsg(4490).falseEasting(), std::nullopt);
}

} // namespace
} // namespace anzhi::gis
