// Loading: the working CRS rule of docs/contract.md, layers in other CRSs, skipped rules, and the
// errors that stop a check (they must name the file, layer, feature and field).

#include "tests/support/ProjectBuilder.h"

#include <fstream>
#include <gtest/gtest.h>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;

V site(std::int64_t population = 100)
{
  return {FieldValue("安置区"),   null, null, FieldValue("rural"),        null,
          FieldValue(population), null, null, FieldValue(std::int64_t(1))};
}

std::string errorOf(const std::string &path)
{
  try {
    check(path);
  } catch (const core::ProjectError &e) {
    return e.what();
  }
  return "(no error)";
}

} // namespace

TEST(ProjectLoad, ProjectedSitesGiveTheWorkingCrs)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.layer("resettlement_sites", 4547);
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 10, Y0 + 10), site());
  EXPECT_EQ(check(b.finish()).workingCrs, "EPSG:4547");
}

TEST(ProjectLoad, GeographicSitesPickNearestZoneTiesWest)
{
  // Sites' bounding box centred on 112.5°E, exactly between CM 111 and CM 114: the western
  // zone EPSG:4546. Centred on 112.6°E: CM 114 is nearer (1.4° against 1.6°): EPSG:4547.
  for (auto [lon, expected] : {std::pair{112.5, "EPSG:4546"}, std::pair{112.6, "EPSG:4547"}}) {
    TempDir dir;
    ProjectBuilder b(dir.file("p.gpkg"));
    b.layer("resettlement_sites", 4490);
    b.add("resettlement_sites", "AZQ-1", rect(lon - 0.3, 38.7, lon - 0.29, 38.71), site());
    b.add("resettlement_sites", "AZQ-2", rect(lon + 0.29, 38.7, lon + 0.3, 38.71), site());
    EXPECT_EQ(check(b.finish()).workingCrs, expected) << lon;
  }
}

TEST(ProjectLoad, LayersInOtherCrsAreTransformed)
{
  // Ranger plots in EPSG:4525 (zone 37, CM 111°E like EPSG:4546, easting prefixed with 37):
  // the same place is x + 37,000,000 there, exactly. The ranger's residence is given in
  // EPSG:4490; its coordinates come from
  //   echo "4300300 494999" | cs2cs -f %.12f EPSG:4546 EPSG:4490
  //   → 38.836006498257  110.942402057453
  // i.e. (494999, 4300300) in EPSG:4546: 5001 m west of the plot's west edge x = 500000.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("resettlement_sites", "AZQ-1", rect(X0 + 9000, Y0, X0 + 9100, Y0 + 100), site());
  b.layer("rangers", 4490);
  auto r1 = b.add("rangers", "R-1", "POINT(110.942402057453 38.836006498257)",
                  {FieldValue("护林员"), null, FieldValue("local")});
  b.add("rangers", "R-2", "", {FieldValue("护林员"), null, FieldValue("local")});
  b.layer("ranger_plots", 4525);
  const double P = 37000000;
  auto g1 =
      b.add("ranger_plots", "G-1", rect(P + X0, Y0, P + X0 + 600, Y0 + 600), {FieldValue("R-1")});
  // R-2's plot overlaps R-1's by 30 × 600 m = 18,000 m² (27 mu).
  auto g2 = b.add("ranger_plots", "G-2", rect(P + X0 + 570, Y0, P + X0 + 1170, Y0 + 600),
                  {FieldValue("R-2")});
  auto result = check(b.finish());
  EXPECT_EQ(result.workingCrs, "EPSG:4546");
  auto distance = violationsOf(result, "ranger-distance");
  ASSERT_EQ(distance.size(), 1u);
  EXPECT_EQ(distance[0].feature.fid, r1);
  EXPECT_NEAR(*distance[0].distanceM, 5001.0, 0.001);
  auto overlap = violationsOf(result, "ranger-overlap");
  ASSERT_EQ(overlap.size(), 1u);
  EXPECT_EQ(overlap[0].feature.fid, g1);
  EXPECT_EQ(overlap[0].other->fid, g2);
  EXPECT_NEAR(*overlap[0].areaM2, 18000.0, 18000 * 1e-6);
}

TEST(ProjectLoad, MissingLayersSkipRulesWithReason)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 10, Y0 + 10), site());
  auto result = check(b.finish());
  EXPECT_TRUE(outcomeOf(result, "protected-land").skipped);
  EXPECT_EQ(outcomeOf(result, "protected-land").reason, "missing layer: planned_plots");
  EXPECT_EQ(outcomeOf(result, "school-coverage").reason, "missing layer: schools");
  EXPECT_EQ(outcomeOf(result, "ranger-area").reason, "missing layer: rangers, ranger_plots");
  EXPECT_FALSE(outcomeOf(result, "support-plan").skipped);
  EXPECT_FALSE(outcomeOf(result, "invalid-geometry").skipped);
  EXPECT_EQ(outcomeOf(result, "invalid-geometry").checked, 1);
}

TEST(ProjectLoad, ErrorsNameFileLayerFeatureAndField)
{
  TempDir dir;
  std::string missing = dir.file("none.gpkg");
  EXPECT_NE(errorOf(missing).find(missing), std::string::npos);
  EXPECT_NE(errorOf(missing).find("not found"), std::string::npos);

  std::string text = dir.file("notes.gpkg");
  std::ofstream(text) << "这不是 GeoPackage\n";
  EXPECT_NE(errorOf(text).find(text), std::string::npos);

  {
    ProjectBuilder b(dir.file("nocrs.gpkg"));
    b.layer("planned_plots", 0);
    b.add("planned_plots", "P-1", rect(X0, Y0, X0 + 10, Y0 + 10),
          {FieldValue("地块"), FieldValue("green")});
    std::string message = errorOf(b.finish());
    EXPECT_NE(message.find("planned_plots"), std::string::npos) << message;
    EXPECT_NE(message.find("no coordinate reference system"), std::string::npos) << message;
  }
  {
    gis::VectorDataset ds = gis::VectorDataset::createGeoPackage(dir.file("nofield.gpkg"));
    auto w = ds.createLayer("planned_plots", gis::GeometryKind::Polygon, gis::Crs::fromEpsg(4546),
                            {{"code", gis::FieldType::String}, {"name", gis::FieldType::String}});
    gis::Geometry g = gis::fromWkt(rect(X0, Y0, X0 + 10, Y0 + 10));
    w.add(g.get(), {FieldValue("P-1"), FieldValue("x")});
  }
  std::string message = errorOf(dir.file("nofield.gpkg"));
  EXPECT_NE(message.find("planned_plots"), std::string::npos) << message;
  EXPECT_NE(message.find("land_use"), std::string::npos) << message;
  writeSitesWithTextPopulation(dir.file("badvalue.gpkg"), X0, Y0);
  message = errorOf(dir.file("badvalue.gpkg"));
  EXPECT_NE(message.find("resettlement_sites"), std::string::npos) << message;
  EXPECT_NE(message.find("feature 2"), std::string::npos) << message;
  EXPECT_NE(message.find("population"), std::string::npos) << message;
}
