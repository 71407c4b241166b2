// Tests of the fast simple-ring proof (gis/SimpleRing.h) that lets validity() skip GEOS's
// topology analysis. Two kinds: hand-drawn rings whose answer is known from the drawing, and
// a property test that the proof never calls "simple" a ring GEOS finds invalid.

#include "gis/SimpleRing.h"
#include "gis/Geos.h"

#include <gtest/gtest.h>

#include <geos_c.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <vector>

namespace anzhi::gis {
namespace {

bool simple(std::vector<double> xy)
{
  return isCertainlySimpleRing(xy);
}

TEST(SimpleRing, SquareTriangleAndConcaveRingAreProved)
{
  EXPECT_TRUE(simple({0, 0, 1, 0, 1, 1, 0, 1, 0, 0}));
  EXPECT_TRUE(simple({0, 0, 4, 0, 2, 3, 0, 0}));
  // An L shape: concave, every non-neighbour pair apart.
  EXPECT_TRUE(simple({0, 0, 4, 0, 4, 1, 1, 1, 1, 4, 0, 4, 0, 0}));
  // Clockwise as well as anticlockwise.
  EXPECT_TRUE(simple({0, 0, 0, 1, 1, 1, 1, 0, 0, 0}));
}

TEST(SimpleRing, RepeatedVerticesAreIgnoredAsGeosDoes)
{
  EXPECT_TRUE(simple({0, 0, 0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0}));
  // A, B, A, A: two distinct vertices, too few once repeats are dropped.
  EXPECT_FALSE(simple({0, 0, 1, 1, 1, 1, 0, 0}));
}

TEST(SimpleRing, CrossingsTouchesAndSpikesAreNotProved)
{
  // Bow-tie: the diagonals cross at (5, 5).
  EXPECT_FALSE(simple({0, 0, 10, 10, 10, 0, 0, 10, 0, 0}));
  // Figure eight through the shared vertex (1, 1).
  EXPECT_FALSE(simple({0, 0, 2, 0, 1, 1, 2, 2, 0, 2, 1, 1, 0, 0}));
  // The vertex (2, 0) lies on the first edge (self-touching ring).
  EXPECT_FALSE(simple({0, 0, 4, 0, 4, 4, 3, 4, 2, 0, 1, 4, 0, 4, 0, 0}));
  // A spike: out along x = 2 to (2, 3) and straight back.
  EXPECT_FALSE(simple({0, 0, 2, 0, 2, 2, 2, 3, 2, 2, 0, 2, 0, 0}));
  // Collinear neighbours: (0,0), (1,0), (2,0) give a zero-area "triangle".
  EXPECT_FALSE(simple({0, 0, 1, 0, 2, 0, 0, 0}));
}

TEST(SimpleRing, MalformedInputIsNotProved)
{
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(simple({0, 0, 1, 0, 1, 1, 0, 1}));         // not closed
  EXPECT_FALSE(simple({0, 0, 1, 0, 1, nan, 0, 1, 0, 0})); // NaN vertex
  EXPECT_FALSE(simple({0, 0, 1, 0, 1, 1, 0}));            // odd count
  EXPECT_FALSE(simple({}));
}

TEST(SimpleRing, RectangleInGaussKruegerCoordinatesIsProved)
{
  // A 40 m × 25 m plot rotated by 30° around (38 512 345.6, 4 201 234.5) (zone-prefixed
  // EPSG:4525 eastings): large coordinates, small extent — the common case.
  const double cx = 38512345.6, cy = 4201234.5, c = std::cos(M_PI / 6), s = std::sin(M_PI / 6);
  std::vector<double> xy;
  for (auto [u, v] :
       {std::pair{-20.0, -12.5}, {20.0, -12.5}, {20.0, 12.5}, {-20.0, 12.5}, {-20.0, -12.5}}) {
    xy.push_back(cx + u * c - v * s);
    xy.push_back(cy + u * s + v * c);
  }
  EXPECT_TRUE(isCertainlySimpleRing(xy));
}

std::string ringWkt(const std::vector<double> &xy)
{
  std::string wkt = "POLYGON ((";
  char buf[64];
  for (std::size_t i = 0; i < xy.size(); i += 2) {
    std::snprintf(buf, sizeof buf, "%s%.17g %.17g", i ? ", " : "", xy[i], xy[i + 1]);
    wkt += buf;
  }
  return wkt + "))";
}

// Random rings on a coarse grid (many touches, collinear runs, repeats, crossings), shifted
// to Gauss–Krüger magnitudes: whenever the proof says "simple", GEOS's exact isValid must say
// valid. The proof must also do its job: most of the valid ones are proved.
TEST(SimpleRing, NeverProvesARingGeosFindsInvalid)
{
  std::mt19937 random(20201203);
  std::uniform_int_distribution<int> grid(0, 4), vertices(3, 8);
  GEOSContextHandle_t ctx = geosContext();
  int proved = 0, geosValid = 0, geosInvalid = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    const int n = vertices(random);
    const double originX = trial % 2 ? 38512000.0 : 0.0, originY = trial % 2 ? 4201000.0 : 0.0;
    std::vector<double> xy;
    for (int i = 0; i < n; ++i) {
      xy.push_back(originX + grid(random) * 2.5);
      xy.push_back(originY + grid(random) * 2.5);
    }
    xy.push_back(xy[0]);
    xy.push_back(xy[1]);
    Geometry polygon;
    try {
      polygon = fromWkt(ringWkt(xy));
    } catch (const std::exception &) {
      continue; // GEOS cannot even build it (fewer than four points)
    }
    const char valid = GEOSisValid_r(ctx, polygon.get());
    (valid == 1 ? geosValid : geosInvalid)++;
    if (isCertainlySimpleRing(xy)) {
      ++proved;
      ASSERT_EQ(valid, 1) << ringWkt(xy);
    }
  }
  // Both kinds occur often enough for the test to mean something.
  EXPECT_GT(geosValid, 2000);
  EXPECT_GT(geosInvalid, 2000);
  EXPECT_GT(proved, geosValid / 2);
}

TEST(SimpleRing, ValidityStillReportsGeosReasonForRingsNotProved)
{
  // Through validity(): a ring with a spike is not proved and GEOS gives its verdict.
  Geometry spike = fromWkt("POLYGON ((0 0, 2 0, 2 2, 2 3, 2 2, 0 2, 0 0))");
  ValidityReport report = validity(spike.get());
  EXPECT_FALSE(report.valid);
  EXPECT_FALSE(report.reason.empty());
  // A proved square: valid, no reason.
  Geometry square = fromWkt("MULTIPOLYGON (((0 0, 3 0, 3 3, 0 3, 0 0)))");
  EXPECT_TRUE(validity(square.get()).valid);
}

} // namespace
} // namespace anzhi::gis
