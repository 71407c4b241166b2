// Tests of the grid split and overlay helpers (gis/GridSplit.h, gis/Geos.h). Expected areas are
// worked out by hand from the coordinates.

#include "gis/GridSplit.h"
#include "gis/Crs.h"

#include <gtest/gtest.h>

#include <map>

namespace anzhi::gis {
namespace {

TEST(GridSplit, RectangleSplitsIntoTheCellsItMeets)
{
  // 0..250 × 0..120 on a 100 m grid: columns 0, 1, 2 (the last 50 wide), rows 0, 1 (20 tall).
  Geometry g = makePolygon({{0, 0}, {250, 0}, {250, 120}, {0, 120}});
  std::map<std::pair<std::int64_t, std::int64_t>, double> area;
  splitByGrid(g.get(), SquareGrid{100}, [&](std::int64_t c, std::int64_t r, Geometry piece) {
    EXPECT_EQ(validity(piece.get()).valid, true);
    area[{c, r}] += planarArea(piece.get());
  });
  const std::map<std::pair<std::int64_t, std::int64_t>, double> expected = {
      {{0, 0}, 10000}, {{1, 0}, 10000}, {{2, 0}, 5000},
      {{0, 1}, 2000},  {{1, 1}, 2000},  {{2, 1}, 1000}};
  ASSERT_EQ(area.size(), expected.size());
  for (const auto &[cell, a] : expected)
    EXPECT_NEAR(area[cell], a, 1e-6) << cell.first << "," << cell.second;
}

TEST(GridSplit, TriangleWithHoleKeepsItsAreaAndNegativeCells)
{
  // Right triangle with legs 300 (area 45,000) less a 20 × 20 hole: 44,600 m², on a grid whose
  // cells start at negative coordinates.
  Geometry g = makePolygon({{-150, -150}, {150, -150}, {-150, 150}},
                           {{{-100, -100}, {-80, -100}, {-80, -80}, {-100, -80}}});
  double total = 0;
  int pieces = 0;
  splitByGrid(g.get(), SquareGrid{50}, [&](std::int64_t c, std::int64_t r, Geometry piece) {
    Envelope e = envelope(piece.get());
    EXPECT_GE(e.minX, c * 50.0 - 1e-9);
    EXPECT_LE(e.maxX, (c + 1) * 50.0 + 1e-9);
    EXPECT_GE(e.minY, r * 50.0 - 1e-9);
    EXPECT_LE(e.maxY, (r + 1) * 50.0 + 1e-9);
    total += planarArea(piece.get());
    ++pieces;
  });
  EXPECT_NEAR(total, 44600, 1e-6);
  // 6 × 6 cells of which the 15 wholly above the diagonal x + y = 0 stay empty: 21 pieces.
  EXPECT_EQ(pieces, 21);
}

TEST(GridSplit, RectangleBackFromDegreesSplitsWhereGeosClipThrows)
{
  // A 300 × 100 m rectangle taken to CGCS2000 degrees and back has vertices nanometres off the
  // grid lines, where GEOS 3.11's rectangle clip can build a three-point ring and throw (the
  // planner met it in tests/core/RangerPlanTest); the cells still add up to the 30,000 m².
  const Crs gk = Crs::fromEpsg(4546), geographic = Crs::fromEpsg(4490);
  Geometry g =
      makePolygon({{500000, 4300000}, {500300, 4300000}, {500300, 4300100}, {500000, 4300100}});
  Geometry there = CoordinateTransform::forThread(gk, geographic).transform(g.get());
  Geometry back = CoordinateTransform::forThread(geographic, gk)
                      .transform(fromWkt(toWkt(there.get(), 12)).get());
  double total = 0;
  splitByGrid(back.get(), SquareGrid{10}, [&](std::int64_t, std::int64_t, Geometry piece) {
    EXPECT_TRUE(validity(piece.get()).valid);
    total += planarArea(piece.get());
  });
  EXPECT_NEAR(total, 30000, 1e-3);
}

TEST(Overlay, DifferenceAndSharedEdges)
{
  Geometry a = makePolygon({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
  Geometry b = makePolygon({{5, 0}, {15, 0}, {15, 10}, {5, 10}});
  EXPECT_DOUBLE_EQ(planarArea(difference(a.get(), b.get()).get()), 50);
  Geometry right = makePolygon({{10, 2}, {20, 2}, {20, 4}, {10, 4}});
  Geometry corner = makePolygon({{10, 10}, {20, 10}, {20, 20}, {10, 20}});
  EXPECT_TRUE(shareEdge(a.get(), right.get()));
  EXPECT_FALSE(shareEdge(a.get(), corner.get())) << "a single point in common";
  EXPECT_FALSE(shareEdge(a.get(), b.get())) << "overlapping, not neighbours";
}

TEST(Overlay, ClipToRectangleKeepsOnlyPolygonalParts)
{
  Geometry a = makePolygon({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
  // The rectangle only touches a along x = 10: nothing polygonal remains.
  EXPECT_TRUE(isEmpty(clipToRectangle(a.get(), {10, 0, 20, 10}).get()));
  EXPECT_DOUBLE_EQ(planarArea(clipToRectangle(a.get(), {5, 5, 20, 20}).get()), 25);
}

} // namespace
} // namespace anzhi::gis
