// Tests of the GEOS adapter (gis/Geos.h). Expected values are worked out by hand from the
// coordinates: the geometries are small enough to do so exactly.

#include "gis/Geos.h"
#include "gis/GisError.h"

#include <gtest/gtest.h>

#include <limits>
#include <thread>

namespace anzhi::gis {
namespace {

TEST(Geos, WktRoundTripKeepsPolygonWithHole)
{
  // GEOS writes "TYPE (...)" with ", " between coordinates; trimmed numbers lose ".000".
  const std::string wkt = "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 2 2))";
  Geometry g = fromWkt(wkt);
  EXPECT_EQ(toWkt(g.get()), wkt);
  // 10×10 square less the 1×1/2 triangle hole.
  EXPECT_DOUBLE_EQ(planarArea(g.get()), 99.5);
}

TEST(Geos, WktRoundsToRequestedDecimals)
{
  Geometry g = fromWkt("POINT (1.23456 -2.5)");
  // 1.23456 rounded to 3 decimals is 1.235; -2.5 is written without trailing zeros.
  EXPECT_EQ(toWkt(g.get(), 3), "POINT (1.235 -2.5)");
  EXPECT_EQ(toWkt(g.get(), 1), "POINT (1.2 -2.5)");
}

TEST(Geos, WkbRoundTripIsExact)
{
  Geometry g = fromWkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))");
  std::vector<unsigned char> wkb = toWkb(g.get());
  // NDR byte order marker first, then ISO type 6 = MultiPolygon (little endian).
  ASSERT_GE(wkb.size(), 5u);
  EXPECT_EQ(wkb[0], 1);
  EXPECT_EQ(wkb[1], 6);
  Geometry back = fromWkb(wkb);
  EXPECT_EQ(GEOSEqualsExact_r(geosContext(), g.get(), back.get(), 0.0), 1);
}

TEST(Geos, WktOfAbsurdCoordinatesDoesNotOverflow)
{
  // GEOS 3.11.1's trimmed WKT number writer smashes its stack beyond about 1e130 (found by
  // fuzz_gpkg_geometry); such coordinates are written untrimmed, ordinary ones trimmed.
  Geometry line = makeLine({{0, 0}, {-3.1e231, 6}, {1e300, 1}});
  const std::string wkt = toWkt(line.get(), 3);
  EXPECT_EQ(wkt.rfind("LINESTRING (0.000 0.000, -3", 0), 0u) << wkt;
  EXPECT_NE(wkt.find("6.000"), std::string::npos);
  Geometry collection = fromWkt("GEOMETRYCOLLECTION (POINT (1 2), POLYGON ((0 0, 1 0, 1 1, 0 0), "
                                "(0.1 0.1, 0.2 0.1, 0.2 0.2, 0.1 0.1)))");
  EXPECT_EQ(toWkt(collection.get(), 3), "GEOMETRYCOLLECTION (POINT (1 2), POLYGON ((0 0, 1 0, 1 1, "
                                        "0 0), (0.1 0.1, 0.2 0.1, 0.2 0.2, 0.1 0.1)))");
  Geometry holeFar = makePolygon({{0, 0}, {1, 0}, {1, 1}, {0, 0}},
                                 {{{0.1, 0.1}, {0.2, 0.1}, {0.2, 1e200}, {0.1, 0.1}}});
  EXPECT_NE(toWkt(holeFar.get(), 3).find("0.100"), std::string::npos) << "the hole is scanned";
}

TEST(Geos, BadWktThrowsGisError)
{
  try {
    fromWkt("POLYGON ((0 0, 1 0");
    FAIL() << "no exception";
  } catch (const GisError &e) {
    EXPECT_NE(std::string(e.what()).find("WKT"), std::string::npos) << e.what();
  }
}

TEST(Geos, MakePolygonClosesRings)
{
  Geometry g = makePolygon({{0, 0}, {4, 0}, {4, 4}, {0, 4}}, {{{1, 1}, {1, 2}, {2, 2}, {2, 1}}});
  EXPECT_EQ(toWkt(g.get()), "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))");
  EXPECT_DOUBLE_EQ(planarArea(g.get()), 16.0 - 1.0);
}

TEST(Geos, BowTieIsInvalidWithSelfIntersectionAtCrossing)
{
  Geometry bowTie = fromWkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))");
  ValidityReport report = validity(bowTie.get());
  EXPECT_FALSE(report.valid);
  EXPECT_NE(report.reason.find("Self-intersection"), std::string::npos) << report.reason;
  // The diagonals y = x and y = 10 - x cross at (5, 5).
  ASSERT_TRUE(report.x && report.y);
  EXPECT_DOUBLE_EQ(*report.x, 5.0);
  EXPECT_DOUBLE_EQ(*report.y, 5.0);
}

TEST(Geos, ValidPolygonHasNoReasonNorLocation)
{
  Geometry square = fromWkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
  ValidityReport report = validity(square.get());
  EXPECT_TRUE(report.valid);
  EXPECT_FALSE(report.x.has_value());
}

TEST(Geos, MakeValidKeepPolygonalGivesTwoTrianglesOfArea50)
{
  Geometry bowTie = fromWkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))");
  Geometry repaired = makeValid(bowTie.get(), true);
  ASSERT_TRUE(repaired);
  EXPECT_TRUE(isPolygonal(repaired.get()));
  EXPECT_TRUE(validity(repaired.get()).valid);
  // Two triangles (0,0)-(5,5)-(0,10) and (10,0)-(5,5)-(10,10), each base 10 × height 5 / 2.
  EXPECT_DOUBLE_EQ(planarArea(repaired.get()), 25.0 + 25.0);
}

TEST(Geos, MakeValidKeepPolygonalDropsCollapsedLinework)
{
  // A "polygon" with a zero-area spike: make-valid returns polygon plus line; only the
  // polygonal part must be kept.
  Geometry spiky = fromWkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 5, -5 5, 0 5, 0 0))");
  Geometry repaired = makeValid(spiky.get(), true);
  EXPECT_TRUE(isPolygonal(repaired.get()));
  EXPECT_DOUBLE_EQ(planarArea(repaired.get()), 100.0);
  Geometry all = makeValid(spiky.get(), false);
  EXPECT_EQ(typeId(all.get()), GEOS_GEOMETRYCOLLECTION);
}

TEST(Geos, PolygonalPartsKeepsOnlyThePolygon)
{
  Geometry mixed = fromWkt(
      "GEOMETRYCOLLECTION (POINT (1 1), POLYGON ((0 0, 2 0, 2 2, 0 0)), LINESTRING (0 0, 5 5))");
  Geometry parts = polygonalParts(mixed.get());
  EXPECT_EQ(typeId(parts.get()), GEOS_MULTIPOLYGON);
  EXPECT_EQ(toWkt(parts.get()), "MULTIPOLYGON (((0 0, 2 0, 2 2, 0 0)))");

  // Without any polygon the result is an empty MultiPolygon, not null.
  Geometry point = fromWkt("POINT (3 4)");
  Geometry none = polygonalParts(point.get());
  ASSERT_TRUE(none);
  EXPECT_EQ(typeId(none.get()), GEOS_MULTIPOLYGON);
  EXPECT_TRUE(isEmpty(none.get()));
}

TEST(Geos, StrTreeReturnsIntersectingItemsWithOriginalIndices)
{
  Geometry box0 = fromWkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
  Geometry empty2 = fromWkt("POLYGON EMPTY");
  Geometry box3 = fromWkt("POLYGON ((5 5, 6 5, 6 6, 5 6, 5 5))");
  Geometry point4 = fromWkt("POINT (10 10)");
  Geometry line5 = fromWkt("LINESTRING (20 0, 20 30)");
  // Item 1 is null and item 2 empty: both left out, the others keep their indices.
  StrTree tree({box0.get(), nullptr, empty2.get(), box3.get(), point4.get(), line5.get()});
  EXPECT_EQ(tree.size(), 4u);

  // The tree keeps copies of the envelopes; the geometries may go (ASan checks this).
  box0.reset();
  box3.reset();
  point4.reset();
  line5.reset();

  using Items = std::vector<std::size_t>;
  EXPECT_EQ(tree.query({0.5, 0.5, 5.5, 5.5}), (Items{0, 3}));
  EXPECT_EQ(tree.query({-100, -100, 100, 100}), (Items{0, 3, 4, 5}));
  // Touching envelopes meet: box0 ends at x = 1.
  EXPECT_EQ(tree.query({1, 1, 2, 2}), (Items{0}));
  // A point query inside box3, and one on the point item.
  EXPECT_EQ(tree.query({5.5, 5.5, 5.5, 5.5}), (Items{3}));
  EXPECT_EQ(tree.query({10, 10, 10, 10}), (Items{4}));
  // The line's envelope is x = 20, y in [0, 30].
  EXPECT_EQ(tree.query({19, 29, 21, 40}), (Items{5}));
  EXPECT_EQ(tree.query({30, 30, 40, 40}), Items{});
}

TEST(Geos, StrTreeOfNothingAnswersEmpty)
{
  StrTree tree({nullptr});
  EXPECT_EQ(tree.size(), 0u);
  EXPECT_TRUE(tree.query({-1, -1, 1, 1}).empty());
}

TEST(Geos, StrTreeQueriesFromSeveralThreads)
{
  std::vector<Geometry> owned;
  std::vector<const GEOSGeometry *> raw;
  for (int i = 0; i < 100; ++i) {
    owned.push_back(makePoint(i, i));
    raw.push_back(owned.back().get());
  }
  StrTree tree(raw);
  // Points (i, i) with 10 <= i <= 19 fall into [10, 19.5]².
  std::vector<std::size_t> expected;
  for (std::size_t i = 10; i <= 19; ++i)
    expected.push_back(i);
  std::vector<std::thread> threads;
  std::vector<bool> ok(4, false);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      bool all = true;
      for (int k = 0; k < 200; ++k)
        all = all && tree.query({10, 10, 19.5, 19.5}) == expected;
      ok[t] = all;
    });
  for (auto &th : threads)
    th.join();
  for (int t = 0; t < 4; ++t)
    EXPECT_TRUE(ok[t]) << "thread " << t;
}

TEST(Geos, PreparedContainsAndWithinDistanceAtTheExactDistance)
{
  Geometry square = fromWkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
  PreparedGeometry prepared(square.get());
  Geometry inside = makePoint(5, 5);
  Geometry onEdge = makePoint(10, 5);
  Geometry outside = makePoint(20, 5); // 10 east of the edge x = 10

  EXPECT_TRUE(prepared.contains(inside.get()));
  // A boundary point is not contained (its interior does not meet the polygon's interior).
  EXPECT_FALSE(prepared.contains(onEdge.get()));
  EXPECT_TRUE(prepared.intersects(onEdge.get()));
  EXPECT_FALSE(prepared.containsProperly(onEdge.get()));
  EXPECT_FALSE(prepared.contains(outside.get()));

  EXPECT_DOUBLE_EQ(prepared.distance(outside.get()), 10.0);
  EXPECT_DOUBLE_EQ(distance(square.get(), outside.get()), 10.0);
  EXPECT_TRUE(prepared.withinDistance(outside.get(), 10.0));
  EXPECT_FALSE(prepared.withinDistance(outside.get(), 9.999));
  EXPECT_TRUE(prepared.withinDistance(inside.get(), 0.0));
}

TEST(Geos, EnvelopeCoversEveryPartAndRing)
{
  auto box = [](const std::string &wkt) {
    Envelope e = envelope(fromWkt(wkt).get());
    return std::vector<double>{e.minX, e.minY, e.maxX, e.maxY};
  };
  using Box = std::vector<double>;
  EXPECT_EQ(box("POINT (3 -4)"), (Box{3, -4, 3, -4}));
  // An invalid polygon whose hole lies outside its shell: the hole still counts.
  EXPECT_EQ(box("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0), (5 5, 6 5, 6 6, 5 5))"), (Box{0, 0, 6, 6}));
  EXPECT_EQ(box("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((-3 2, -2 2, -2 9, -3 2)))"),
            (Box{-3, 0, 1, 9}));
  EXPECT_EQ(box("MULTIPOINT ((1 1), (4 -2))"), (Box{1, -2, 4, 1}));
  EXPECT_EQ(box("GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 5, 2 6))"), (Box{0, 1, 2, 6}));
}

TEST(Geos, EnvelopeOfGeometryAndIntersection)
{
  Geometry line = fromWkt("LINESTRING (3 -1, -2 4, 7 2)");
  Envelope e = envelope(line.get());
  EXPECT_DOUBLE_EQ(e.minX, -2);
  EXPECT_DOUBLE_EQ(e.minY, -1);
  EXPECT_DOUBLE_EQ(e.maxX, 7);
  EXPECT_DOUBLE_EQ(e.maxY, 4);
  EXPECT_DOUBLE_EQ(e.centerX(), 2.5);
  EXPECT_DOUBLE_EQ(e.centerY(), 1.5);
  EXPECT_TRUE(e.intersects({7, 4, 8, 8}));    // corner touch
  EXPECT_FALSE(e.intersects({7.1, 0, 8, 1})); // just east
  e.expandToInclude({-5, 0, 0, 10});
  EXPECT_DOUBLE_EQ(e.minX, -5);
  EXPECT_DOUBLE_EQ(e.maxY, 10);
}

TEST(Geos, OverlayHelpers)
{
  Geometry a = fromWkt("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))");
  Geometry b = fromWkt("POLYGON ((2 2, 6 2, 6 6, 2 6, 2 2))");
  // Overlap is the 2×2 square [2,4]²; the union is 16 + 16 - 4.
  EXPECT_DOUBLE_EQ(planarArea(intersection(a.get(), b.get()).get()), 4.0);
  EXPECT_DOUBLE_EQ(planarArea(unionAll({a.get(), b.get()}).get()), 28.0);
  EXPECT_TRUE(intersects(a.get(), b.get()));
  EXPECT_FALSE(contains(a.get(), b.get()));

  Geometry c = centroid(a.get());
  EXPECT_EQ(pointXY(c.get()), std::make_pair(2.0, 2.0));
  Geometry p = pointOnSurface(a.get());
  EXPECT_TRUE(contains(a.get(), p.get()));
}

TEST(Geos, TransformXYAppliesToEveryVertexAndCanAbort)
{
  Geometry g = fromWkt("POLYGON ((0 0, 1 0, 1 1, 0 0))");
  Geometry moved = transformXY(g.get(), [](double &x, double &y) {
    x += 100;
    y *= 2;
    return true;
  });
  EXPECT_EQ(toWkt(moved.get()), "POLYGON ((100 0, 101 0, 101 2, 100 0))");
  Geometry aborted = transformXY(g.get(), [](double &, double &) { return false; });
  EXPECT_FALSE(aborted);
}

TEST(Geos, ForEachRingVisitsShellsAndHoles)
{
  Geometry g = fromWkt("MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 1 1)), "
                       "((10 10, 11 10, 11 11, 10 10)))");
  std::vector<std::pair<std::size_t, bool>> seen;
  forEachRing(g.get(), [&](const std::vector<std::pair<double, double>> &ring, bool isHole) {
    seen.emplace_back(ring.size(), isHole);
  });
  using Seen = std::vector<std::pair<std::size_t, bool>>;
  EXPECT_EQ(seen, (Seen{{5, false}, {4, true}, {4, false}}));
}

TEST(Geos, ClosedLinesBecomePolygons)
{
  Geometry square =
      closedLinesAsPolygons(fromWkt("LINESTRING (0 0, 10 0, 10 10, 0 10, 0 0)").get());
  ASSERT_TRUE(square);
  EXPECT_EQ(toWkt(square.get()), "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)))");
  EXPECT_EQ(planarArea(square.get()), 100.0);
  EXPECT_FALSE(closedLinesAsPolygons(fromWkt("LINESTRING (0 0, 10 0, 10 10)").get()));
  EXPECT_FALSE(
      closedLinesAsPolygons(fromWkt("MULTILINESTRING ((0 0, 1 0, 1 1, 0 0), (5 5, 6 5))").get()));
  EXPECT_FALSE(closedLinesAsPolygons(fromWkt("POINT (1 2)").get()));
  EXPECT_EQ(typeName(square.get()), "MultiPolygon");
  EXPECT_EQ(partCount(square.get()), 1);
}

TEST(Geos, FindsNonFiniteCoordinates)
{
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(hasNonFiniteCoordinate(makePoint(nan, 1).get()));
  EXPECT_TRUE(hasNonFiniteCoordinate(
      makeLine({{0, 0}, {std::numeric_limits<double>::infinity(), 1}}).get()));
  EXPECT_FALSE(hasNonFiniteCoordinate(makePoint(543000, 4284000).get()));
}

} // namespace
} // namespace anzhi::gis
