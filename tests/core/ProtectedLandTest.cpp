// protected-land (一（一）): hand-built projects on the central meridian of EPSG:4546.
//
// Why planar arithmetic gives the expected ellipsoidal areas here: EPSG:4546 is a
// Gauss-Kruger projection with scale factor k0 = 1 on its central meridian (111°E, x = 500000).
// The point scale grows as 1 + x'²/(2R²) with x' the distance from the meridian; within 1 km
// of it, k − 1 < 1.3e-8, so the ellipsoidal area of a small polygon equals its planar area to
// a relative 3e-8. Every threshold below is tested with a margin of at least 1 %.

#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;

V plot(const std::string &landUse)
{
  return {FieldValue("地块"), FieldValue(landUse)};
}

} // namespace

TEST(ProtectedLand, OverlapOverToleranceFiresUnderDoesNot)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  auto school = b.add("planned_plots", "P-1", rect(X0, Y0, X0 + 100, Y0 + 100), plot("education"));
  // 1.01 m² (1.01 × 1) over the school plot's east edge: over the 1 m² tolerance.
  auto over =
      b.add("planned_plots", "P-2", rect(X0 + 98.99, Y0, X0 + 150, Y0 + 1), plot("commercial"));
  // 0.99 m² (0.99 × 1) further north: under the tolerance.
  b.add("planned_plots", "P-3", rect(X0 + 99.01, Y0 + 10, X0 + 150, Y0 + 11), plot("commercial"));
  // Touching along the north edge only: intersection of area 0.
  b.add("planned_plots", "P-4", rect(X0, Y0 + 100, X0 + 100, Y0 + 200), plot("residential"));
  auto result = check(b.finish());
  auto found = violationsOf(result, "protected-land");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].feature.layer, "planned_plots");
  EXPECT_EQ(found[0].feature.fid, school);
  ASSERT_TRUE(found[0].other);
  EXPECT_EQ(found[0].other->fid, over);
  EXPECT_EQ(found[0].other->code, "P-2");
  EXPECT_NEAR(*found[0].areaM2, 1.01, 1.01 * 1e-6);
  EXPECT_NEAR(*found[0].areaMu(), 1.01 / (10000.0 / 15.0), 1e-8);
  EXPECT_EQ(found[0].severity, core::Severity::Error);
  EXPECT_EQ(found[0].clause, "一（一）");
  EXPECT_EQ(outcomeOf(result, "protected-land").checked, 4);
}

TEST(ProtectedLand, BothProtectedAttachesToLowerFidAndOncePerPair)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  auto first = b.add("planned_plots", "P-1", rect(X0, Y0, X0 + 100, Y0 + 100), plot("0806"));
  auto second = b.add("planned_plots", "P-2", rect(X0 + 80, Y0, X0 + 180, Y0 + 100), plot("A33"));
  // Same class overlapping: no violation.
  b.add("planned_plots", "P-3", rect(X0 + 150, Y0, X0 + 250, Y0 + 100), plot("080403"));
  auto result = check(b.finish());
  auto found = violationsOf(result, "protected-land");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].feature.fid, first);
  EXPECT_EQ(found[0].other->fid, second);
  EXPECT_NEAR(*found[0].areaM2, 20.0 * 100.0, 2000 * 1e-6);
}

TEST(ProtectedLand, BuildingsOfOtherClassesIncludingUnknownUse)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  auto clinic = b.add("planned_plots", "P-1", rect(X0, Y0, X0 + 100, Y0 + 100), plot("A51"));
  auto residential = b.add("buildings", "B-1", rect(X0 + 10, Y0 + 10, X0 + 30, Y0 + 25),
                           {FieldValue("residential")});
  auto unknown = b.add("buildings", "B-2", rect(X0 + 50, Y0 + 50, X0 + 60, Y0 + 60), {null});
  b.add("buildings", "B-3", rect(X0 + 70, Y0 + 70, X0 + 80, Y0 + 80), {FieldValue("0806")});
  auto result = check(b.finish());
  auto found = violationsOf(result, "protected-land");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].feature.fid, clinic);
  EXPECT_EQ(found[0].other->layer, "buildings");
  EXPECT_EQ(found[0].other->fid, residential);
  EXPECT_NEAR(*found[0].areaM2, 300.0, 300 * 1e-6);
  EXPECT_EQ(found[1].other->fid, unknown);
  EXPECT_NEAR(*found[1].areaM2, 100.0, 100 * 1e-6);
}

TEST(ProtectedLand, LandUseCodesMapToClasses)
{
  // Industrial by M2 and 100102, elderly care by A6 and 0807; 0701 and A331 are `other`.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("planned_plots", "P-1", rect(X0, Y0, X0 + 100, Y0 + 100), plot("M2"));
  b.add("planned_plots", "P-2", rect(X0 + 90, Y0, X0 + 190, Y0 + 100), plot("100102"));
  b.add("planned_plots", "P-3", rect(X0, Y0 + 200, X0 + 100, Y0 + 300), plot("A6"));
  b.add("planned_plots", "P-4", rect(X0 + 90, Y0 + 200, X0 + 190, Y0 + 300), plot("0807"));
  b.add("planned_plots", "P-5", rect(X0, Y0 + 400, X0 + 100, Y0 + 500), plot("A331"));
  b.add("planned_plots", "P-6", rect(X0 + 90, Y0 + 400, X0 + 190, Y0 + 500), plot("0701"));
  auto result = check(b.finish());
  auto found = violationsOf(result, "protected-land");
  // Same class pairs (M2/100102, A6/0807) and other/other (A331/0701) never fire.
  EXPECT_TRUE(found.empty()) << found.size() << " found, first on fid " << found[0].feature.fid;
}

TEST(ProtectedLand, InvalidBowTieIsReportedAndCheckedAfterRepair)
{
  // The bow-tie (0,0)-(100,100)-(100,0)-(0,100) repairs into two triangles of 2500 m² each,
  // meeting at (50,50): left (0,0)-(50,50)-(0,100), right (50,50)-(100,0)-(100,100). The
  // commercial plot [50,150]×[0,50] meets the left one in a point and cuts from the right one
  // the part below y = 50, which at height y is y wide (100 − y ≤ x ≤ 100): ∫₀⁵⁰ y dy = 1250.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  auto bowTie = b.add("planned_plots", "P-1",
                      "POLYGON((500000 4300000,500100 4300100,500100 4300000,500000 4300100,"
                      "500000 4300000))",
                      plot("education"));
  auto shop =
      b.add("planned_plots", "P-2", rect(X0 + 50, Y0, X0 + 150, Y0 + 50), plot("commercial"));
  auto result = check(b.finish());
  auto invalid = violationsOf(result, "invalid-geometry");
  ASSERT_EQ(invalid.size(), 1u);
  EXPECT_EQ(invalid[0].feature.layer, "planned_plots");
  EXPECT_EQ(invalid[0].feature.fid, bowTie);
  EXPECT_NE(invalid[0].messageEn.find("Self-intersection"), std::string::npos);
  EXPECT_NE(invalid[0].wkt.find("POINT (500050 4300050)"), std::string::npos) << invalid[0].wkt;
  auto taken = violationsOf(result, "protected-land");
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].other->fid, shop);
  EXPECT_NEAR(*taken[0].areaM2, 1250.0, 1250 * 1e-6);
}
