// reclamation-suitability on projects and DEMs written here: planes, a quadratic and a cone
// whose Horn slope is known in closed form, cells weighted by hand-computed coverage.

#include "core/Terrain.h"
#include "tests/support/Dem.h"
#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double kDeg = 180.0 / std::numbers::pi;
constexpr double X0 = 500000, Y0 = 4300000; // EPSG:4546, the working CRS

V homestead(const std::string &targetUse, const std::string &status = "reclaimed")
{
  return {FieldValue("H-1"),  FieldValue("长征村"),  FieldValue("AZQ-1"),
          FieldValue(status), FieldValue(targetUse), null};
}

//! A project of homesteads (WKT, target_use), fids 1, 2, … in order.
std::string project(const TempDir &dir,
                    const std::vector<std::pair<std::string, std::string>> &homesteads)
{
  ProjectBuilder b(dir.file("p.gpkg"));
  b.layer("reclaimed_homesteads");
  int n = 0;
  for (const auto &[wkt, use] : homesteads)
    b.add("reclaimed_homesteads", "Z-" + std::to_string(++n), wkt, homestead(use));
  return b.finish();
}

core::CheckResult checkWithDem(const std::string &path, const std::optional<std::string> &dem,
                               const core::RuleSet &rules = core::RuleSet::defaults())
{
  core::LoadOptions options;
  options.landUse = rules.landUse;
  options.dem = dem;
  auto p = core::Project::load(path, options);
  return core::Engine(rules).check(*p);
}

core::RuleSet withLimit(double degrees)
{
  char text[128];
  std::snprintf(text, sizeof text,
                "[rules.reclamation-suitability]\nmax_cropland_slope_deg = %.17g\n", degrees);
  return core::RuleSet::fromToml(text, "test.toml");
}

//! A 10 m DEM of cols × rows cells with its north-west corner at (X0, Y0 + rows × 10).
DemGrid grid(int columns, int rows)
{
  return DemGrid{X0, Y0 + rows * 10.0, 10, 10, columns, rows};
}

} // namespace

TEST(ReclamationSuitability, APlaneHasItsSlopeAndOnlyCroplandIsJudged)
{
  TempDir dir;
  const DemGrid g = grid(20, 20);
  // z = 0.3 x + 0.4 y: slope atan(0.5) = 26.565° > 25 everywhere.
  const std::string dem = writeDem(dir.file("dem.tif"), "EPSG:4546", g, [&](int c, int r) {
    return 0.3 * (g.centreX(c) - X0) + 0.4 * (g.centreY(r) - Y0);
  });
  const std::string wkt = rectangleWkt(X0 + 33, Y0 + 41, X0 + 77.5, Y0 + 90);
  auto result =
      checkWithDem(project(dir, {{wkt, "cropland"}, {wkt, "forest"}, {wkt, "grassland"}}), dem);
  const auto &outcome = outcomeOf(result, "reclamation-suitability");
  EXPECT_FALSE(outcome.skipped);
  EXPECT_EQ(outcome.checked, 1);
  EXPECT_EQ(outcome.unchecked, 0);
  auto found = violationsOf(result, "reclamation-suitability");
  ASSERT_EQ(found.size(), 1u);
  const core::Violation &v = found[0];
  EXPECT_EQ(v.feature.layer, "reclaimed_homesteads");
  EXPECT_EQ(v.feature.fid, 1);
  EXPECT_EQ(v.feature.code, "Z-1");
  EXPECT_EQ(v.severity, core::Severity::Warning);
  EXPECT_EQ(v.clause, "五（十三）");
  ASSERT_TRUE(v.value);
  EXPECT_NEAR(*v.value, std::atan(0.5) * kDeg, 1e-9);
  EXPECT_FALSE(v.areaM2);
  EXPECT_FALSE(v.distanceM);
  EXPECT_FALSE(v.shortfallSeats);
  EXPECT_EQ(v.wkt.rfind("POLYGON", 0), 0u) << v.wkt;
  EXPECT_NE(v.messageZh.find("平均坡度 26.6°，超过 25.0°"), std::string::npos) << v.messageZh;
  EXPECT_NE(v.messageEn.find("26.6°"), std::string::npos) << v.messageEn;
}

TEST(ReclamationSuitability, HalfOfOneCellAndAWholeOtherWeighByArea)
{
  // z = k x² (x from the DEM's west edge): Horn's slope is exactly atan(2 k x_centre). The
  // homestead [15, 30] × [y of row 2] covers half of column 1 (x = 15) and all of column 2
  // (x = 25): mean = (0.5 atan(2k·15) + 1 atan(2k·25)) / 1.5.
  TempDir dir;
  const DemGrid g = grid(5, 5);
  const double k = 0.02;
  const std::string dem = writeDem(dir.file("dem.tif"), "EPSG:4546", g, [&](int c, int) {
    const double x = g.centreX(c) - X0;
    return k * x * x;
  });
  const double rowTop = g.originY - 20, rowBottom = g.originY - 30;
  auto result =
      checkWithDem(project(dir, {{rectangleWkt(X0 + 15, rowBottom, X0 + 30, rowTop), "cropland"}}),
                   dem, withLimit(0));
  auto found = violationsOf(result, "reclamation-suitability");
  ASSERT_EQ(found.size(), 1u);
  const double expected = (0.5 * std::atan(2 * k * 15) + std::atan(2 * k * 25)) * kDeg / 1.5;
  EXPECT_NEAR(*found[0].value, expected, 1e-9);
}

TEST(ReclamationSuitability, CellsNextToNodataAndOnTheEdgeHaveNoSlope)
{
  // 6 × 6 cells of z = k x², nodata at column 2, row 2. Cells with a slope: the interior
  // (columns and rows 1–4) less the 3 × 3 block around the hole: (4, 1), (4, 2), (4, 3),
  // (1, 4), (2, 4), (3, 4), (4, 4), each covered whole by a homestead over the whole DEM.
  TempDir dir;
  const DemGrid g = grid(6, 6);
  const double k = 0.01;
  const std::string dem = writeDem(
      dir.file("dem.tif"), "EPSG:4546", g,
      [&](int c, int r) {
        const double x = g.centreX(c) - X0;
        return c == 2 && r == 2 ? -9999.0 : k * x * x;
      },
      -9999.0);
  auto slope = [&](double x) { return std::atan(2 * k * x) * kDeg; };
  const double expected = (4 * slope(45) + slope(15) + slope(25) + slope(35)) / 7;
  auto result = checkWithDem(
      project(dir, {{rectangleWkt(X0, Y0, X0 + 60, Y0 + 60), "cropland"},
                    // Only the edge column and the cells next to the hole: no slope at all.
                    {rectangleWkt(X0 + 2, Y0 + 2, X0 + 8, Y0 + 58), "cropland"},
                    {rectangleWkt(X0 + 12, Y0 + 22, X0 + 38, Y0 + 48), "cropland"}}),
      dem, withLimit(0));
  auto found = violationsOf(result, "reclamation-suitability");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].feature.fid, 1);
  EXPECT_NEAR(*found[0].value, expected, 1e-9);
  const auto &outcome = outcomeOf(result, "reclamation-suitability");
  EXPECT_EQ(outcome.checked, 1);
  EXPECT_EQ(outcome.unchecked, 2);
}

TEST(ReclamationSuitability, OutsideTheDemIsUncheckedPartlyOutsideIsCheckedOnTheRest)
{
  TempDir dir;
  const DemGrid g = grid(10, 10);
  const std::string dem = writeDem(dir.file("dem.tif"), "EPSG:4546", g, [&](int c, int r) {
    return 0.3 * (g.centreX(c) - X0) + 0.4 * (g.centreY(r) - Y0);
  });
  auto result =
      checkWithDem(project(dir, {{rectangleWkt(X0 + 500, Y0 + 500, X0 + 520, Y0 + 520), "cropland"},
                                 {rectangleWkt(X0 + 70, Y0 + 70, X0 + 200, Y0 + 200), "cropland"},
                                 {"", "cropland"}}),
                   dem);
  const auto &outcome = outcomeOf(result, "reclamation-suitability");
  EXPECT_EQ(outcome.checked, 1);
  EXPECT_EQ(outcome.unchecked, 2);
  auto found = violationsOf(result, "reclamation-suitability");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].feature.fid, 2);
  EXPECT_NEAR(*found[0].value, std::atan(0.5) * kDeg, 1e-9);
}

TEST(ReclamationSuitability, ExceedsIsStrictlyGreater)
{
  // z = x on 10 m cells: Horn's dz/dx is 80 / 80 = 1 exactly, and a homestead of exactly one
  // cell has weight 1: the mean is atan(1) in degrees to the last bit. At that limit it does
  // not exceed; one ulp below, it does.
  TempDir dir;
  const DemGrid g = grid(5, 5);
  const std::string dem =
      writeDem(dir.file("dem.tif"), "EPSG:4546", g, [&](int c, int) { return g.centreX(c) - X0; });
  const std::string path =
      project(dir, {{rectangleWkt(X0 + 20, Y0 + 20, X0 + 30, Y0 + 30), "cropland"}});
  const double slope = std::atan(1.0) * (180.0 / std::numbers::pi);
  EXPECT_TRUE(
      violationsOf(checkWithDem(path, dem, withLimit(slope)), "reclamation-suitability").empty());
  EXPECT_EQ(violationsOf(checkWithDem(path, dem, withLimit(std::nextafter(slope, 0.0))),
                         "reclamation-suitability")
                .size(),
            1u);
  // And at the default 25°: planes of 24.9° and 25.1°.
  for (double degrees : {24.9, 25.1}) {
    const double a = std::tan(degrees / kDeg);
    const std::string tilted = writeDem(dir.file("tilt.tif"), "EPSG:4546", g,
                                        [&](int c, int) { return a * (g.centreX(c) - X0); });
    EXPECT_EQ(violationsOf(checkWithDem(path, tilted), "reclamation-suitability").size(),
              degrees > 25 ? 1u : 0u)
        << degrees;
  }
}

TEST(ReclamationSuitability, ACone)
{
  // z = 500 − 0.7 r around the DEM's centre: slope atan(0.7) = 34.99° away from the apex.
  // A ring of homesteads 150–200 m from the apex on 5 m cells: Horn's difference of r over a
  // 10 m stencil differs from |∇r| = 1 by O((5/150)²) ≈ 0.1 % of the gradient, < 0.05°.
  TempDir dir;
  const DemGrid g{X0, Y0 + 500, 5, 5, 100, 100};
  const double ax = X0 + 250, ay = Y0 + 250;
  const std::string dem = writeDem(dir.file("cone.tif"), "EPSG:4546", g, [&](int c, int r) {
    return 500 - 0.7 * std::hypot(g.centreX(c) - ax, g.centreY(r) - ay);
  });
  std::vector<std::pair<std::string, std::string>> homesteads;
  for (int i = 0; i < 8; ++i) {
    const double angle = i * std::numbers::pi / 4;
    const double x = ax + 175 * std::cos(angle), y = ay + 175 * std::sin(angle);
    homesteads.push_back({rectangleWkt(x - 12, y - 9, x + 12, y + 9), "cropland"});
  }
  auto result = checkWithDem(project(dir, homesteads), dem);
  auto found = violationsOf(result, "reclamation-suitability");
  ASSERT_EQ(found.size(), 8u);
  for (const auto &v : found)
    EXPECT_NEAR(*v.value, std::atan(0.7) * kDeg, 0.05) << v.feature.fid;
}

TEST(ReclamationSuitability, AProjectedDemInAnotherCrsIsUsedAsItIs)
{
  // The DEM in UTM 49N (WGS 84): a plane in its own metres, slope atan(hypot(0.25, 0.15)) =
  // 16.26°,
  // sampled under a homestead drawn in EPSG:4546.
  TempDir dir;
  double ux = X0, uy = Y0;
  gis::CoordinateTransform(gis::Crs::fromEpsg(4546), gis::Crs::fromEpsg(32649)).transform(ux, uy);
  const DemGrid g{std::floor(ux) - 500, std::floor(uy) + 500, 20, 20, 50, 50};
  const std::string dem = writeDem(dir.file("utm.tif"), "EPSG:32649", g, [&](int c, int r) {
    return 0.25 * (g.centreX(c) - g.originX) + 0.15 * (g.centreY(r) - g.originY);
  });
  auto result =
      checkWithDem(project(dir, {{rectangleWkt(X0 - 50, Y0 - 40, X0 + 60, Y0 + 30), "cropland"}}),
                   dem, withLimit(0));
  auto found = violationsOf(result, "reclamation-suitability");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(*found[0].value, std::atan(std::hypot(0.25, 0.15)) * kDeg, 1e-9);
}

TEST(ReclamationSuitability, AGeographicDemIsWarpedOntoTheWorkingCrs)
{
  // CGCS2000 geographic, 1″ cells holding 0.3 E + 0.2 N of their centres in EPSG:4546: a
  // plane in working metres, slope atan(hypot(0.3, 0.2)) = 19.83°. Bilinear interpolation
  // is exact on a function linear in the source coordinates; E, N depart from linear in
  // lon/lat by under a millimetre over a 3 × 3 stencil (~90 m), so 0.001° is ample.
  TempDir dir;
  const double s = 1.0 / 3600;
  const DemGrid g{110.99, 38.01, s, s, 72, 72};
  gis::CoordinateTransform toWorking(gis::Crs::fromEpsg(4490), gis::Crs::fromEpsg(4546));
  const std::string dem = writeDem(dir.file("geo.tif"), "EPSG:4490", g, [&](int c, int r) {
    double x = g.centreX(c), y = g.centreY(r);
    toWorking.transform(x, y);
    return 0.3 * x + 0.2 * y;
  });
  double x = 111.0, y = 38.0;
  toWorking.transform(x, y);
  auto result =
      checkWithDem(project(dir, {{rectangleWkt(x - 40, y - 30, x + 55, y + 45), "cropland"}}), dem,
                   withLimit(0));
  auto found = violationsOf(result, "reclamation-suitability");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(*found[0].value, std::atan(std::hypot(0.3, 0.2)) * kDeg, 1e-3);
}

TEST(ReclamationSuitability, WithoutADemTheRuleIsSkippedWithTheReason)
{
  TempDir dir;
  auto result = checkWithDem(project(dir, {{rectangleWkt(X0, Y0, X0 + 10, Y0 + 10), "cropland"}}),
                             std::nullopt);
  const auto &outcome = outcomeOf(result, "reclamation-suitability");
  EXPECT_TRUE(outcome.skipped);
  EXPECT_EQ(outcome.reason, core::kNoDemReason);
}

TEST(ReclamationSuitability, TheDemComesFromTheSettingsRelativeToTheProject)
{
  TempDir dir;
  const DemGrid g = grid(10, 10);
  std::filesystem::create_directories(dir.path() / "terrain");
  writeDem(dir.file("terrain/dem.tif"), "EPSG:4546", g,
           [&](int c, int) { return 0.6 * (g.centreX(c) - X0); });
  const std::string path =
      project(dir, {{rectangleWkt(X0 + 30, Y0 + 30, X0 + 60, Y0 + 60), "cropland"}});
  {
    gis::VectorDataset ds = gis::VectorDataset::open(path, gis::VectorDataset::Mode::Update);
    ds.executeSql("CREATE TABLE anzhi_settings(key TEXT PRIMARY KEY, value TEXT)");
    ds.executeSql("INSERT INTO anzhi_settings VALUES ('dem_path', 'terrain/dem.tif')");
  }
  auto located = core::locateDem(path, std::nullopt);
  ASSERT_TRUE(located);
  EXPECT_EQ(located->name, (dir.path() / "terrain/dem.tif").string());
  auto found = violationsOf(checkWithDem(path, std::nullopt), "reclamation-suitability");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(*found[0].value, std::atan(0.6) * kDeg, 1e-9);
  // --dem overrides it.
  const std::string flat =
      writeDem(dir.file("flat.tif"), "EPSG:4546", g, [](int, int) { return 800.0; });
  EXPECT_TRUE(violationsOf(checkWithDem(path, flat), "reclamation-suitability").empty());
}

TEST(ReclamationSuitability, AMissingOrForeignDemStopsTheCheckNamingIt)
{
  TempDir dir;
  const std::string path = project(dir, {{rectangleWkt(X0, Y0, X0 + 10, Y0 + 10), "cropland"}});
  for (const std::string &dem :
       {dir.file("absent.tif"), dir.writeFile("notes.txt", "no raster here\n")}) {
    try {
      checkWithDem(path, dem);
      FAIL() << dem;
    } catch (const core::ProjectError &e) {
      EXPECT_NE(std::string(e.what()).find(dem), std::string::npos) << e.what();
    }
  }
}
