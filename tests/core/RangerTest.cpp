// Ranger rules (三（十）) on hand-built projects near the central meridian of EPSG:4546, where
// ellipsoidal area equals planar area to a relative 3e-8 (scale factor 1 on the meridian, see
// ProtectedLandTest.cpp). 1 mu = 10000/15 m².

#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;
constexpr double kMu = 10000.0 / 15.0;

V ranger(const std::optional<std::string> &site = std::nullopt)
{
  return {FieldValue("护林员"), site ? FieldValue(*site) : null, FieldValue("relocated")};
}
V plotOf(const std::optional<std::string> &rangerCode)
{
  return {rangerCode ? FieldValue(*rangerCode) : null};
}

} // namespace

TEST(RangerArea, JustUnderAndJustOverFiveHundredMu)
{
  // 500 m wide: 499.9 mu = 333,266.67 m² → 666.5333 m tall; 500.1 mu = 333,400 m² → 666.8 m.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  auto under = b.add("rangers", "R-1", point(X0 + 100, Y0 + 100), ranger());
  b.add("rangers", "R-2", point(X0 + 700, Y0 + 100), ranger());
  b.add("ranger_plots", "G-1", rect(X0, Y0, X0 + 500, Y0 + 499.9 * kMu / 500), plotOf("R-1"));
  b.add("ranger_plots", "G-2", rect(X0 + 600, Y0, X0 + 1100, Y0 + 500.1 * kMu / 500),
        plotOf("R-2"));
  auto result = check(b.finish());
  auto found = violationsOf(result, "ranger-area");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].feature.layer, "rangers");
  EXPECT_EQ(found[0].feature.fid, under);
  EXPECT_NEAR(*found[0].areaMu(), 499.9, 499.9 * 1e-6);
  EXPECT_EQ(outcomeOf(result, "ranger-area").checked, 2);
}

TEST(RangerArea, UnionCountsOverlappingOwnPlotsOnce)
{
  // Two plots of 500 × 400 m (300 mu each, 600 mu summed) overlapping by 500 × 300 m: the
  // union is 500 × 500 m = 250,000 m² = 375 mu, under 500.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("rangers", "R-1", point(X0, Y0), ranger());
  b.add("ranger_plots", "G-1", rect(X0, Y0, X0 + 500, Y0 + 400), plotOf("R-1"));
  b.add("ranger_plots", "G-2", rect(X0, Y0 + 100, X0 + 500, Y0 + 500), plotOf("R-1"));
  auto result = check(b.finish());
  auto found = violationsOf(result, "ranger-area");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(*found[0].areaM2, 250000.0, 250000 * 1e-6);
  EXPECT_NEAR(*found[0].areaMu(), 375.0, 375 * 1e-6);
  EXPECT_TRUE(violationsOf(result, "ranger-overlap").empty()) << "same ranger's plots";
}

TEST(RangerUnassignedAndOrphans, RangerWithoutPlotAndPlotsWithoutRanger)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("rangers", "R-1", point(X0, Y0), ranger());
  auto idle = b.add("rangers", "R-2", point(X0, Y0), ranger());
  b.add("ranger_plots", "G-1", rect(X0, Y0, X0 + 600, Y0 + 600), plotOf("R-1"));
  auto unknown =
      b.add("ranger_plots", "G-2", rect(X0 + 1000, Y0, X0 + 1100, Y0 + 100), plotOf("R-9"));
  auto empty =
      b.add("ranger_plots", "G-3", rect(X0 + 2000, Y0, X0 + 2100, Y0 + 100), plotOf(std::nullopt));
  auto result = check(b.finish());
  auto unassigned = violationsOf(result, "ranger-unassigned");
  ASSERT_EQ(unassigned.size(), 1u);
  EXPECT_EQ(unassigned[0].feature.fid, idle);
  EXPECT_TRUE(violationsOf(result, "ranger-area").empty()) << "R-2 has no plot: unassigned only";
  auto orphans = violationsOf(result, "ranger-orphan-plot");
  ASSERT_EQ(orphans.size(), 2u);
  EXPECT_EQ(orphans[0].feature.layer, "ranger_plots");
  EXPECT_EQ(orphans[0].feature.fid, unknown);
  EXPECT_EQ(orphans[1].feature.fid, empty);
}

TEST(RangerOverlap, DifferentRangersOnlyAndNullCodesAlike)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("rangers", "R-1", point(X0, Y0), ranger());
  b.add("rangers", "R-2", point(X0, Y0), ranger());
  auto a = b.add("ranger_plots", "G-1", rect(X0, Y0, X0 + 600, Y0 + 600), plotOf("R-1"));
  // R-2's plot overlaps R-1's by 20 × 20 m at the north-east corner.
  auto c =
      b.add("ranger_plots", "G-2", rect(X0 + 580, Y0 + 580, X0 + 1180, Y0 + 1180), plotOf("R-2"));
  // Two plots with null ranger_code overlapping each other: the same (unknown) ranger.
  auto n1 =
      b.add("ranger_plots", "G-3", rect(X0 + 3000, Y0, X0 + 3100, Y0 + 100), plotOf(std::nullopt));
  b.add("ranger_plots", "G-4", rect(X0 + 3050, Y0, X0 + 3150, Y0 + 100), plotOf(std::nullopt));
  // A null-code plot overlapping R-1's plot by 10 × 600 m: different rangers.
  auto n3 =
      b.add("ranger_plots", "G-5", rect(X0 - 50, Y0, X0 + 10, Y0 + 600), plotOf(std::nullopt));
  auto result = check(b.finish());
  auto found = violationsOf(result, "ranger-overlap");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].feature.fid, a);
  EXPECT_EQ(found[0].other->fid, c);
  EXPECT_NEAR(*found[0].areaM2, 400.0, 400 * 1e-6);
  EXPECT_EQ(found[1].feature.fid, a) << "the lower fid of the pair";
  EXPECT_EQ(found[1].other->fid, n3);
  EXPECT_NEAR(*found[1].areaM2, 6000.0, 6000 * 1e-6);
  (void)n1;
}

TEST(RangerDistance, ResidencePointOrSitePolygon)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.layer("resettlement_sites");
  b.add("resettlement_sites", "AZQ-1", rect(X0 - 5500, Y0, X0 - 5200, Y0 + 300),
        {FieldValue("安置区"), null, null, FieldValue("rural"), null, FieldValue(std::int64_t(100)),
         null, null, FieldValue(std::int64_t(1))});
  // Plot [X0, X0+600] × [Y0, Y0+600] for each ranger, stacked northwards 1 km apart.
  auto far = b.add("rangers", "R-1", point(X0 - 5001, Y0 + 300), ranger());
  b.add("rangers", "R-2", point(X0 - 4999, Y0 + 1300), ranger());
  auto bySite = b.add("rangers", "R-3", "", ranger("AZQ-1"));
  b.add("rangers", "R-4", "", ranger()); // neither point nor site: not checked
  for (int i = 0; i < 4; ++i)
    b.add("ranger_plots", "G-" + std::to_string(i + 1),
          rect(X0, Y0 + 1000 * i, X0 + 600, Y0 + 1000 * i + 600),
          plotOf("R-" + std::to_string(i + 1)));
  auto result = check(b.finish());
  auto found = violationsOf(result, "ranger-distance");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].feature.fid, far);
  EXPECT_NEAR(*found[0].distanceM, 5001.0, 1e-6);
  EXPECT_EQ(found[0].severity, core::Severity::Warning);
  // The site's east edge x = X0 − 5200 to the plot's west edge x = X0; the site spans
  // y 0..300 and R-3's plot y 2000..2600: distance √(5200² + 1700²).
  EXPECT_EQ(found[1].feature.fid, bySite);
  EXPECT_NEAR(*found[1].distanceM, std::sqrt(5200.0 * 5200.0 + 1700.0 * 1700.0), 1e-6);
}
