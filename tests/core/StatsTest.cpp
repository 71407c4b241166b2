// core/stats/ProjectStats on the hand-built project of tests/support/StatsProject.h: every
// figure of 甲镇 and 乙镇 and the total against the values worked out there.

#include "core/stats/ProjectStats.h"
#include "tests/support/StatsProject.h"

#include <gtest/gtest.h>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double kMuM2 = 10000.0 / 15.0;
constexpr double kMinM2 = 500 * kMuM2;

// Planar areas stand for ellipsoidal ones to 1e-7 relative (StatsProject.h); homesteads are
// measured on the authalic sphere, within 1e-3 m² (docs/contract.md 14.).
void expectArea(double actual, double expected)
{
  EXPECT_NEAR(actual, expected, 2e-3 + expected * 1e-6);
}

std::size_t classIndex(core::LandUseClass c)
{
  for (std::size_t k = 0; k < core::kLandUseClasses.size(); ++k)
    if (core::kLandUseClasses[k] == c)
      return k;
  throw std::logic_error("class");
}

} // namespace

TEST(Stats, EveryFigureOfEachTownshipAndTheTotal)
{
  TempDir dir;
  auto project = core::Project::load(writeStatsProject(dir.file("p.gpkg")), {});
  const core::ProjectStats stats = core::computeStats(*project, core::RuleSet::defaults(), 2);
  EXPECT_EQ(stats.minMu, 500);
  ASSERT_EQ(stats.townships.size(), 2u);
  ASSERT_EQ(stats.townships[0].township, "乙镇"); // by name: 乙 (U+4E59) before 甲 (U+7532)
  ASSERT_EQ(stats.townships[1].township, "甲镇");
  using core::LandUseClass;

  const core::StatsFigures &jia = stats.townships[1].figures;
  EXPECT_EQ(jia.sites, 2);
  EXPECT_EQ(jia.households, 60);
  EXPECT_EQ(jia.population, 1129);
  for (LandUseClass c : core::kLandUseClasses) {
    const double expected = c == LandUseClass::Education     ? 2000
                            : c == LandUseClass::Residential ? 5000
                            : c == LandUseClass::Commercial  ? 400
                            : c == LandUseClass::Industrial  ? 900
                                                             : 0;
    SCOPED_TRACE(std::string(core::className(c)));
    expectArea(jia.plannedM2[classIndex(c)], expected);
  }
  expectArea(jia.protectedTakenM2, 200);
  EXPECT_EQ(jia.primarySeats, 20 - 10);
  EXPECT_EQ(jia.juniorSeats, -10);
  EXPECT_EQ(jia.nineYearSeats, -10);
  EXPECT_EQ(jia.primaryPupils, 90);
  EXPECT_EQ(jia.juniorPupils, 35);
  EXPECT_EQ(jia.rangers, 3);
  EXPECT_EQ(jia.rangersWithoutPlot, 1);
  EXPECT_EQ(jia.rangersBelowMin, 1);
  EXPECT_EQ(jia.rangersAtOrAboveMin, 1);
  expectArea(jia.rangerAreaM2, 360000 + 240000);
  expectArea(jia.rangerDeficitM2, kMinM2 - 240000);
  using core::HomesteadStatus;
  auto status = [](const core::StatsFigures &f, HomesteadStatus s) {
    return f.homesteads[std::size_t(s)];
  };
  EXPECT_EQ(status(jia, HomesteadStatus::Pending).count, 1);
  expectArea(status(jia, HomesteadStatus::Pending).areaM2, 300);
  EXPECT_EQ(status(jia, HomesteadStatus::Demolished).count, 0);
  expectArea(status(jia, HomesteadStatus::Demolished).areaM2, 0);
  EXPECT_EQ(status(jia, HomesteadStatus::Reclaimed).count, 2);
  expectArea(status(jia, HomesteadStatus::Reclaimed).areaM2, 300);
  EXPECT_EQ(status(jia, HomesteadStatus::Other).count, 1);
  expectArea(status(jia, HomesteadStatus::Other).areaM2, 100);
  expectArea(jia.reclaimedM2, 250);

  const core::StatsFigures &yi = stats.townships[0].figures;
  EXPECT_EQ(yi.sites, 1);
  EXPECT_EQ(yi.population, 500);
  expectArea(yi.plannedM2[classIndex(LandUseClass::Green)], 200);
  expectArea(yi.protectedTakenM2, 0);
  EXPECT_EQ(yi.primarySeats, 0);
  EXPECT_EQ(yi.juniorSeats, 200);
  EXPECT_EQ(yi.primaryPupils, 40);
  EXPECT_EQ(yi.juniorPupils, 20);
  EXPECT_EQ(yi.rangers, 1);
  EXPECT_EQ(yi.rangersBelowMin, 1);
  expectArea(yi.rangerDeficitM2, kMinM2 - 10000);
  EXPECT_EQ(status(yi, HomesteadStatus::Demolished).count, 1);
  expectArea(yi.reclaimedM2, 0);

  const core::StatsFigures &total = stats.total;
  EXPECT_EQ(total.sites, 3);
  EXPECT_EQ(total.households, 67);
  EXPECT_EQ(total.population, 1629);
  EXPECT_EQ(total.primaryPupils, 130);
  EXPECT_EQ(total.juniorSeats, 190);
  EXPECT_EQ(total.rangers, 4);
  EXPECT_EQ(total.rangersBelowMin, 2);
  expectArea(total.rangerAreaM2, 610000);
  expectArea(total.rangerDeficitM2, 2 * kMinM2 - 250000);
  EXPECT_EQ(status(total, HomesteadStatus::Demolished).count, 1);
  expectArea(total.plannedM2[classIndex(LandUseClass::Green)], 200);
}

TEST(Stats, SitesWithoutTownshipShareTheUnnamedRowLast)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  const double X0 = kStatsX0, Y0 = kStatsY0;
  auto site = [&](const char *code, FieldValue township, double x) {
    b.add("resettlement_sites", code, rect(X0 + x, Y0, X0 + x + 10, Y0 + 10),
          {FieldValue("安置区"), FieldValue("县"), township, FieldValue("rural"),
           FieldValue(std::int64_t(1)), FieldValue(std::int64_t(100)), null, null,
           FieldValue(std::int64_t(1))});
  };
  site("S1", null, 0);
  site("S2", FieldValue(""), 100);
  site("S3", FieldValue("甲镇"), 200);
  auto project = core::Project::load(b.finish(), {});
  const core::ProjectStats stats = core::computeStats(*project, core::RuleSet::defaults());
  ASSERT_EQ(stats.townships.size(), 2u);
  EXPECT_EQ(stats.townships[0].township, "甲镇");
  EXPECT_FALSE(stats.townships[1].township);
  EXPECT_EQ(stats.townships[1].figures.sites, 2);
  EXPECT_EQ(stats.townships[1].figures.population, 200);
  EXPECT_EQ(stats.total.sites, 3);
}
