// Rasters, Horn slope, exact cell coverage and the geographic warp, on DEMs written by the test.
// Every expected value is worked out here by hand from the surface the test built.

#include "gis/CellCoverage.h"
#include "gis/GeographicWarp.h"
#include "gis/GisError.h"
#include "gis/Raster.h"
#include "gis/Slope.h"
#include "tests/support/Dem.h"
#include "tests/support/TempDir.h"

#include <geodesic.h>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

using namespace anzhi;
using anzhi::test::DemGrid;
using anzhi::test::rectangleWkt;
using anzhi::test::writeDem;

namespace {

constexpr double kDeg = 180.0 / std::numbers::pi;

gis::RasterWindow windowOf(const DemGrid &g, const std::function<double(int, int)> &z)
{
  gis::RasterWindow w{{g.originX, g.originY, g.cellWidth, g.cellHeight, g.columns, g.rows}, {}};
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.columns; ++c)
      w.values.push_back(z(c, r));
  return w;
}

} // namespace

TEST(Raster, OpensAGeoTiffAndReadsWindowsWithNaNOutsideAndForNodata)
{
  test::TempDir dir;
  DemGrid g{1000, 2000, 10, 20, 4, 3};
  const std::string path = writeDem(
      dir.file("dem.tif"), "EPSG:4546", g,
      [](int c, int r) { return c == 1 && r == 1 ? -9999 : c + 10 * r; }, -9999.0, GDT_Float32);
  gis::RasterDataset dem = gis::RasterDataset::open(path);
  EXPECT_EQ(dem.grid().columns, 4);
  EXPECT_EQ(dem.grid().rows, 3);
  EXPECT_EQ(dem.grid().cellWidth, 10);
  EXPECT_EQ(dem.grid().cellHeight, 20);
  EXPECT_EQ(dem.grid().originY, 2000);
  EXPECT_EQ(dem.crs().epsg(), 4546);
  EXPECT_EQ(dem.linearUnitMetres(), 1.0);
  ASSERT_TRUE(dem.nodata());
  // One cell beyond the raster on every side.
  gis::RasterWindow w = dem.read(-1, -1, 6, 5);
  EXPECT_EQ(w.grid.originX, 990);
  EXPECT_EQ(w.grid.originY, 2020);
  EXPECT_TRUE(std::isnan(w.at(0, 0)));
  EXPECT_TRUE(std::isnan(w.at(5, 4)));
  EXPECT_EQ(w.at(1, 1), 0);
  EXPECT_EQ(w.at(4, 3), 3 + 20);
  EXPECT_TRUE(std::isnan(w.at(2, 2))) << "nodata";
  EXPECT_TRUE(std::isnan(dem.read(10, 10, 2, 2).at(1, 1))) << "wholly outside";
}

TEST(Raster, RefusesWhatIsNotAGeoreferencedRasterNamingTheFile)
{
  test::TempDir dir;
  const std::string text = dir.writeFile("notes.tif", "not a raster");
  try {
    gis::RasterDataset::open(text);
    FAIL();
  } catch (const gis::GisError &e) {
    EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
  }
  const std::string noCrs =
      writeDem(dir.file("nocrs.tif"), "", DemGrid{0, 0, 1, 1, 2, 2}, [](int, int) { return 1; });
  try {
    gis::RasterDataset::open(noCrs);
    FAIL();
  } catch (const gis::GisError &e) {
    EXPECT_NE(std::string(e.what()).find("no CRS"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(noCrs), std::string::npos) << e.what();
  }
  const std::string rotated = writeDem(dir.file("rotated.tif"), "EPSG:4546",
                                       DemGrid{0, 0, 1, 1, 2, 2}, [](int, int) { return 1; });
  {
    GDALDatasetUniquePtr ds(GDALDataset::Open(rotated.c_str(), GDAL_OF_RASTER | GDAL_OF_UPDATE));
    double gt[6] = {0, 1, 0.1, 0, 0.1, -1};
    ds->SetGeoTransform(gt);
  }
  EXPECT_THROW(gis::RasterDataset::open(rotated), gis::GisError);
}

TEST(HornSlope, APlaneHasItsSlopeEverywhereButOnTheEdge)
{
  DemGrid g{0, 100, 10, 10, 6, 5};
  // z = 0.3 x + 0.4 y: |grad| = 0.5, slope atan(0.5).
  auto slope = gis::hornSlopeDegrees(
      windowOf(g, [&](int c, int r) { return 0.3 * g.centreX(c) + 0.4 * g.centreY(r); }));
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.columns; ++c) {
      const bool edge = r == 0 || c == 0 || r == g.rows - 1 || c == g.columns - 1;
      if (edge)
        EXPECT_TRUE(std::isnan(slope.at(c, r))) << c << "," << r;
      else
        EXPECT_NEAR(slope.at(c, r), std::atan(0.5) * kDeg, 1e-12) << c << "," << r;
    }
}

TEST(HornSlope, IsExactOnAQuadraticAndNeedsAllNineCells)
{
  // Horn's weighted central difference is exact for z = k x²: dz/dx = 2 k x at the centre.
  DemGrid g{0, 50, 10, 10, 6, 5};
  const double k = 0.01;
  auto z = [&](int c, int r) {
    return c == 4 && r == 3 ? std::numeric_limits<double>::quiet_NaN()
                            : k * g.centreX(c) * g.centreX(c);
  };
  auto slope = gis::hornSlopeDegrees(windowOf(g, z));
  EXPECT_NEAR(slope.at(1, 1), std::atan(2 * k * 15) * kDeg, 1e-12);
  EXPECT_NEAR(slope.at(2, 1), std::atan(2 * k * 25) * kDeg, 1e-12);
  EXPECT_NEAR(slope.at(4, 1), std::atan(2 * k * 45) * kDeg, 1e-12);
  // The cells around (4, 3) have no slope, nor has (4, 3) itself.
  EXPECT_TRUE(std::isnan(slope.at(3, 2)));
  EXPECT_TRUE(std::isnan(slope.at(4, 2)));
  EXPECT_TRUE(std::isnan(slope.at(3, 3)));
}

TEST(CellCoverage, FullHalfAndTriangleCells)
{
  gis::GridGeometry grid{0, 30, 10, 10, 3, 3};
  // [15, 30] × [10, 20]: half of (1, 1), all of (2, 1).
  auto cells = gis::cellCoverage(gis::fromWkt(rectangleWkt(15, 10, 30, 20)).get(), grid);
  ASSERT_EQ(cells.size(), 2u);
  EXPECT_EQ(cells[0].column, 1);
  EXPECT_EQ(cells[0].row, 1);
  EXPECT_DOUBLE_EQ(cells[0].fraction, 0.5);
  EXPECT_EQ(cells[1].column, 2);
  EXPECT_DOUBLE_EQ(cells[1].fraction, 1.0);
  // The triangle (0,0) (10,0) (0,10) is half of cell (0, 2).
  cells = gis::cellCoverage(gis::fromWkt("POLYGON((0 0,10 0,0 10,0 0))").get(), grid);
  ASSERT_EQ(cells.size(), 1u);
  EXPECT_EQ(cells[0].row, 2);
  EXPECT_DOUBLE_EQ(cells[0].fraction, 0.5);
  // A hole removes its part: [0,30]² minus [12, 18] × [12, 18] (0.36 of cell (1, 1)).
  cells = gis::cellCoverage(
      gis::fromWkt("POLYGON((0 0,30 0,30 30,0 30,0 0),(12 12,18 12,18 18,12 18,12 12))").get(),
      grid);
  ASSERT_EQ(cells.size(), 9u);
  EXPECT_NEAR(cells[4].fraction, 1 - 0.36, 1e-15);
  // Cells outside the grid are left out.
  cells = gis::cellCoverage(gis::fromWkt(rectangleWkt(-10, -10, 5, 5)).get(), grid);
  ASSERT_EQ(cells.size(), 1u);
  EXPECT_DOUBLE_EQ(cells[0].fraction, 0.25);
}

TEST(CellCoverage, MatchesGeosIntersectionOnRandomPolygonsFarFromTheOrigin)
{
  // Star-shaped polygons (with a hole) around a point of a 30 m grid at GK coordinates: every
  // cell's fraction against GEOS's intersection area with that cell.
  std::mt19937 random(17);
  std::uniform_real_distribution<double> unit(0, 1);
  const gis::GridGeometry grid{480000, 4230000, 30, 30, 400, 400};
  for (int n = 0; n < 40; ++n) {
    const double cx = 480000 + 3000 + unit(random) * 6000,
                 cy = 4230000 - 3000 - unit(random) * 6000;
    std::vector<std::pair<double, double>> outer, hole;
    const int vertices = 5 + n % 20;
    for (int i = 0; i < vertices; ++i) {
      const double angle = 2 * std::numbers::pi * i / vertices;
      const double radius = 40 + unit(random) * 200;
      outer.emplace_back(cx + radius * std::cos(angle), cy + radius * std::sin(angle));
    }
    outer.push_back(outer.front());
    for (int i = 0; i < 4; ++i) // a diamond of radius 20 m: inside every outer ring
      hole.emplace_back(cx + 20 * std::cos(i * std::numbers::pi / 2 + 0.3),
                        cy + 20 * std::sin(i * std::numbers::pi / 2 + 0.3));
    hole.push_back(hole.front());
    gis::Geometry polygon = gis::makePolygon(outer, {hole});
    double total = 0;
    for (const gis::CoveredCell &cell : gis::cellCoverage(polygon.get(), grid)) {
      const double x0 = grid.originX + cell.column * grid.cellWidth;
      const double y1 = grid.originY - cell.row * grid.cellHeight;
      gis::Geometry square = gis::fromWkt(rectangleWkt(x0, y1 - 30, x0 + 30, y1));
      const double exact = gis::planarArea(gis::intersection(polygon.get(), square.get()).get());
      EXPECT_NEAR(cell.fraction * 900, exact, 1e-9 * 900)
          << n << ": " << cell.column << "," << cell.row;
      total += cell.fraction * 900;
    }
    EXPECT_NEAR(total, gis::planarArea(polygon.get()), 1e-9 * gis::planarArea(polygon.get()));
  }
}

TEST(GeographicWarp, CellHeightIsTheMeridianArcAtTheCentre)
{
  // One arc second at 38° N on CGCS2000, against the geodesic between the cell's edges.
  gis::GridGeometry grid{111.0, 38.0 + 0.5 / 3600, 1.0 / 3600, 1.0 / 3600, 10, 1};
  const double a = 6378137, f = 1 / 298.257222101;
  geod_geodesic geod;
  geod_init(&geod, a, f);
  double metres = 0;
  geod_inverse(&geod, 38.0 - 0.5 / 3600, 111.0, 38.0 + 0.5 / 3600, 111.0, &metres, nullptr,
               nullptr);
  EXPECT_NEAR(gis::cellHeightMetres(grid, a, f), metres, 1e-6);
}

TEST(GeographicWarp, APlaneInMetresKeepsItsSlopeAndTheFootprintEndsInNoData)
{
  // A 1 arc-second DEM in CGCS2000 whose cells hold 0.2 E + 0.1 N of their centres in
  // EPSG:4546 (E, N by PROJ): a plane in the working CRS, slope atan(hypot(0.2, 0.1)).
  test::TempDir dir;
  const double s = 1.0 / 3600;
  DemGrid g{110.99, 38.01, s, s, 72, 72};
  const gis::Crs working = gis::Crs::fromEpsg(4546);
  gis::CoordinateTransform toWorking(gis::Crs::fromEpsg(4490), working);
  const std::string path = writeDem(dir.file("geo.tif"), "EPSG:4490", g, [&](int c, int r) {
    double x = g.centreX(c), y = g.centreY(r);
    toWorking.transform(x, y);
    return 0.2 * x + 0.1 * y;
  });
  gis::RasterDataset dem = gis::RasterDataset::open(path);
  gis::GeographicWarp warp(dem, working);
  double x = 111.0, y = 38.0;
  toWorking.transform(x, y);
  gis::RasterWindow z = warp.read({x - 200, y - 200, x + 200, y + 200}, 1);
  EXPECT_NEAR(z.grid.originX / warp.cellSize(), std::round(z.grid.originX / warp.cellSize()), 1e-9)
      << "aligned to the cell size";
  auto slope = gis::hornSlopeDegrees(z);
  // The source is linear in E, N up to the curvature of the projection over a 3×3 stencil
  // (~90 m: the departure from affine is below a millimetre), and bilinear interpolation
  // reproduces a linear function exactly: 0.001° is many times that error.
  int seen = 0;
  for (int r = 1; r + 1 < z.grid.rows; ++r)
    for (int c = 1; c + 1 < z.grid.columns; ++c) {
      ++seen;
      EXPECT_NEAR(slope.at(c, r), std::atan(std::hypot(0.2, 0.1)) * kDeg, 1e-3);
    }
  EXPECT_GT(seen, 100);
  // 600 m beyond the DEM's east edge (~0.0055° of longitude at 38°N after 0.02°): no value.
  double ex = 111.01 + 0.008, ey = 38.0;
  toWorking.transform(ex, ey);
  gis::RasterWindow outside = warp.read({ex, ey, ex + 1, ey + 1}, 0);
  for (double v : outside.values)
    EXPECT_TRUE(std::isnan(v));
}
