// clinic-coverage, large-site-employment, support-plan and reclamation-progress on
// hand-built projects (planar distances in EPSG:4546, plain arithmetic).

#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;

V site(const std::string &setting, std::optional<std::int64_t> population,
       std::optional<std::int64_t> supportPlan = 1)
{
  return {FieldValue("安置区"),
          null,
          FieldValue("三井镇"),
          FieldValue(setting),
          null,
          population ? FieldValue(*population) : null,
          null,
          null,
          supportPlan ? FieldValue(*supportPlan) : null};
}

V homestead(const std::string &status, std::optional<gis::Date> done)
{
  return {FieldValue("H-1"),  FieldValue("长征村"),   FieldValue("AZQ-1"),
          FieldValue(status), FieldValue("cropland"), done ? FieldValue(*done) : null};
}

} // namespace

TEST(ClinicCoverage, RadiusBySettingAnyLevelCovers)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  // Urban site 1000 m from a village clinic: covered (≤). Rural site 3000.5 m away: not.
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 200, Y0 + 200), site("urban", 100));
  auto rural = b.add("resettlement_sites", "AZQ-2", rect(X0, Y0 + 10000, X0 + 200, Y0 + 10200),
                     site("rural", 100));
  b.add("clinics", "W-1", point(X0 + 1200, Y0 + 100),
        {FieldValue("卫生室"), FieldValue("village")});
  b.add("clinics", "W-2", point(X0 + 3200.5, Y0 + 10100),
        {FieldValue("卫生院"), FieldValue("township")});
  auto result = check(b.finish());
  auto found = violationsOf(result, "clinic-coverage");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].feature.fid, rural);
  EXPECT_NEAR(*found[0].distanceM, 3000.5, 1e-6);
  EXPECT_FALSE(found[0].other);
  EXPECT_EQ(found[0].severity, core::Severity::Warning);
}

TEST(LargeSiteEmployment, OnlyEmploymentServiceWithinRadiusCounts)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  // 3000 people, employment point 500 m away: fine. 3000 people with only a community
  // service point inside and an employment point 700 m away: fires at 700 m. 2999: not large.
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 200, Y0 + 200), site("urban", 3000));
  auto lacking = b.add("resettlement_sites", "AZQ-2", rect(X0, Y0 + 5000, X0 + 200, Y0 + 5200),
                       site("urban", 3000));
  b.add("resettlement_sites", "AZQ-3", rect(X0, Y0 + 9000, X0 + 200, Y0 + 9200),
        site("urban", 2999));
  b.add("service_points", "F-1", point(X0 + 700, Y0 + 100),
        {FieldValue("就业服务站"), FieldValue("employment_service")});
  b.add("service_points", "F-2", point(X0 + 100, Y0 + 5100),
        {FieldValue("社区服务站"), FieldValue("community_service")});
  b.add("service_points", "F-3", point(X0 + 900, Y0 + 5100),
        {FieldValue("就业服务站"), FieldValue("employment_service")});
  auto result = check(b.finish());
  auto found = violationsOf(result, "large-site-employment");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].feature.fid, lacking);
  EXPECT_NEAR(*found[0].distanceM, 700.0, 1e-6);
}

TEST(SupportPlan, EightHundredOrMoreNeedsPlanNullIncluded)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  auto zero =
      b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 10, Y0 + 10), site("rural", 800, 0));
  auto empty = b.add("resettlement_sites", "AZQ-2", rect(X0, Y0 + 100, X0 + 10, Y0 + 110),
                     site("rural", 5000, std::nullopt));
  b.add("resettlement_sites", "AZQ-3", rect(X0, Y0 + 200, X0 + 10, Y0 + 210),
        site("rural", 799, 0));
  b.add("resettlement_sites", "AZQ-4", rect(X0, Y0 + 300, X0 + 10, Y0 + 310),
        site("rural", 900, 1));
  b.add("resettlement_sites", "AZQ-5", rect(X0, Y0 + 400, X0 + 10, Y0 + 410),
        site("rural", std::nullopt, 0));
  auto result = check(b.finish());
  auto found = violationsOf(result, "support-plan");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].feature.fid, zero);
  EXPECT_EQ(found[1].feature.fid, empty);
  EXPECT_EQ(outcomeOf(result, "support-plan").checked, 5);
  EXPECT_EQ(outcomeOf(result, "clinic-coverage").skipped, true);
  EXPECT_EQ(outcomeOf(result, "clinic-coverage").reason, "missing layer: clinics");
}

TEST(ReclamationProgress, StatusAndDoneDateAgainstDeadline)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  auto pending = b.add("reclaimed_homesteads", "Z-1", rect(X0, Y0, X0 + 20, Y0 + 20),
                       homestead("pending", std::nullopt));
  auto demolished = b.add("reclaimed_homesteads", "Z-2", rect(X0, Y0 + 50, X0 + 20, Y0 + 70),
                          homestead("demolished", gis::Date{2020, 6, 1}));
  auto late = b.add("reclaimed_homesteads", "Z-3", rect(X0, Y0 + 100, X0 + 20, Y0 + 120),
                    homestead("reclaimed", gis::Date{2021, 1, 1}));
  b.add("reclaimed_homesteads", "Z-4", rect(X0, Y0 + 150, X0 + 20, Y0 + 170),
        homestead("reclaimed", gis::Date{2020, 12, 31}));
  b.add("reclaimed_homesteads", "Z-5", rect(X0, Y0 + 200, X0 + 20, Y0 + 220),
        homestead("reclaimed", std::nullopt));
  auto result = check(b.finish());
  auto found = violationsOf(result, "reclamation-progress");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].feature.fid, pending);
  EXPECT_EQ(found[1].feature.fid, demolished);
  EXPECT_EQ(found[2].feature.fid, late);
  EXPECT_EQ(found[0].feature.layer, "reclaimed_homesteads");
}
