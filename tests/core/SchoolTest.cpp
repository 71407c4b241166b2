// school-coverage (一（四）) and school-capacity (一（二）（三）) on hand-built projects.
// Distances are planar in EPSG:4546, so the expected values are plain arithmetic.

#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;

V site(const std::string &setting, std::int64_t population,
       std::optional<std::int64_t> primary = std::nullopt,
       std::optional<std::int64_t> junior = std::nullopt)
{
  return {FieldValue("安置区"),
          FieldValue("岢岚县"),
          FieldValue("宋家沟乡"),
          FieldValue(setting),
          null,
          FieldValue(population),
          primary ? FieldValue(*primary) : null,
          junior ? FieldValue(*junior) : null,
          FieldValue(std::int64_t(1))};
}

V school(const std::string &level, std::int64_t capacity, std::int64_t enrolled = 0)
{
  return {FieldValue("学校"), FieldValue(level), FieldValue(capacity), FieldValue(enrolled)};
}

} // namespace

TEST(SchoolCoverage, RadiusIsInclusiveAndReportsNearestDistance)
{
  // Urban site [0,200]²; a primary school exactly 500 m east of its edge (covered: distance ≤
  // radius) and a junior school 1000.5 m north of it (radius 1000: not covered).
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  auto s =
      b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 200, Y0 + 200), site("urban", 1000));
  b.add("schools", "S-1", point(X0 + 700, Y0 + 100), school("primary", 5000));
  b.add("schools", "S-2", point(X0 + 100, Y0 + 1200.5), school("junior", 5000));
  auto result = check(b.finish());
  auto found = violationsOf(result, "school-coverage");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].feature.layer, "resettlement_sites");
  EXPECT_EQ(found[0].feature.fid, s);
  EXPECT_EQ(found[0].level, "junior");
  EXPECT_NEAR(*found[0].distanceM, 1000.5, 1e-6);
  EXPECT_EQ(found[0].township, "宋家沟乡");
  // The message names the nearest school and why it does not cover: beyond the radius (1000.5 m
  // rounds to 1001).
  EXPECT_NE(found[0].messageZh.find("（最近的初中 S-2「学校」相距 1001 米，超出 1000 米服务半径）"),
            std::string::npos)
      << found[0].messageZh;
  EXPECT_NE(found[0].messageEn.find(
                "(the nearest junior school, S-2 (学校), is 1001 m away, beyond the 1000 m "
                "service radius)"),
            std::string::npos)
      << found[0].messageEn;
}

TEST(SchoolCoverage, NineYearServesBothLevelsAndRuralRadiiApply)
{
  // Rural site; a nine-year school 2400 m away covers primary (2500) and junior (5000).
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 200, Y0 + 200), site("rural", 500));
  b.add("schools", "S-1", point(X0 + 2600, Y0 + 100), school("nine_year", 5000));
  auto result = check(b.finish());
  EXPECT_TRUE(violationsOf(result, "school-coverage").empty());
}

TEST(SchoolCoverage, CatchmentOverridesRadius)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  // Site A: its primary school lies inside it, but the school's catchment is drawn elsewhere,
  // so the radius does not apply: A is not covered at primary level.
  auto a =
      b.add("resettlement_sites", "AZQ-A", rect(X0, Y0, X0 + 200, Y0 + 200), site("urban", 1000));
  b.add("schools", "S-A", point(X0 + 100, Y0 + 100), school("primary", 5000));
  b.add("school_catchments", "C-A", rect(X0 + 5000, Y0, X0 + 6000, Y0 + 1000), {FieldValue("S-A")});
  // Site B: 20 km from its school, but inside the school's catchment: covered.
  b.add("resettlement_sites", "AZQ-B", rect(X0, Y0 + 20000, X0 + 200, Y0 + 20200),
        site("urban", 1000));
  b.add("schools", "S-B", point(X0 + 20000, Y0 + 20100), school("primary", 5000));
  b.add("school_catchments", "C-B", rect(X0 - 100, Y0 + 19900, X0 + 300, Y0 + 20300),
        {FieldValue("S-B")});
  // A catchment naming no school is ignored.
  b.add("school_catchments", "C-X", rect(X0 - 100, Y0 - 100, X0 + 300, Y0 + 300),
        {FieldValue("S-NONE")});
  // Juniors for both, by radius.
  b.add("schools", "S-J", point(X0 + 100, Y0 + 10000), school("junior", 5000));
  auto result = check(b.finish());
  auto found = violationsOf(result, "school-coverage");
  // Junior: A is 9800 m from S-J and B 9900 m: both uncovered (urban junior radius 1000).
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].feature.fid, a);
  EXPECT_EQ(found[0].level, "junior");
  EXPECT_EQ(found[1].feature.fid, a);
  EXPECT_EQ(found[1].level, "primary");
  EXPECT_NEAR(*found[1].distanceM, 0.0, 1e-9) << "nearest school lies inside the site";
  // "0 m away" alone would puzzle a planner: the message says the catchment leaves A out.
  EXPECT_NE(found[1].messageZh.find("（最近的小学 S-A「学校」相距 0 米，其学区不含本安置区）"),
            std::string::npos)
      << found[1].messageZh;
  EXPECT_NE(found[1].messageEn.find("is 0 m away; its catchment leaves the site out"),
            std::string::npos)
      << found[1].messageEn;
  EXPECT_EQ(found[2].level, "junior");
}

TEST(SchoolCoverage, UnknownSettingOnlyCoveredByCatchment)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  auto s =
      b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 200, Y0 + 200), site("mixed", 1000));
  b.add("schools", "S-1", point(X0 + 100, Y0 + 100), school("nine_year", 5000));
  auto result = check(b.finish());
  auto found = violationsOf(result, "school-coverage");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].feature.fid, s);
  EXPECT_EQ(found[0].level, "junior");
  EXPECT_EQ(found[1].level, "primary");
  EXPECT_NE(found[1].messageZh.find(
                "（最近的小学 S-1「学校」相距 0 米；安置类型未填写城镇或农村，只能由学区覆盖）"),
            std::string::npos)
      << found[1].messageZh;
}

TEST(SchoolCapacity, NullPupilsUseExactRateAndNineYearSharesSeats)
{
  // A custom rule set with primary rate 0.29: floor(100 × 0.29) = 29 exactly (in binary
  // floating point 100 × 0.29 = 28.999999999999996). Junior rate 0.04: floor(100 × 0.04) = 4.
  // The nine-year school has 30 seats and 0 enrolled: 29 + 4 = 33 → shortfall 3.
  core::RuleSet rules = core::RuleSet::fromToml(
      "[rules.school-capacity]\npupil_rate = { primary = 0.29, junior = 0.04 }\n", "test.toml");
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 200, Y0 + 200), site("urban", 100));
  auto nine = b.add("schools", "S-1", point(X0 + 100, Y0 + 100), school("nine_year", 30));
  auto result = check(b.finish(), rules);
  auto found = violationsOf(result, "school-capacity");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].feature.layer, "schools");
  EXPECT_EQ(found[0].feature.fid, nine);
  EXPECT_EQ(found[0].shortfallSeats, 3);
  EXPECT_FALSE(found[0].level);
  EXPECT_EQ(found[0].severity, core::Severity::Warning);
}

TEST(SchoolCapacity, PupilsGoToNearestCoveringSchoolTiesToLowerFid)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  // 120 primary pupils given; population irrelevant then. Junior pupils 0.
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 200, Y0 + 200),
        site("rural", 5000, 120, 0));
  // Two primary schools 300 m west and east of the site (a tie), 100 seats each, 0 enrolled:
  // all 120 pupils go to the lower fid, 20 over its seats.
  auto west = b.add("schools", "S-W", point(X0 - 300, Y0 + 100), school("primary", 100));
  b.add("schools", "S-E", point(X0 + 500, Y0 + 100), school("primary", 100));
  // A full school far away (6 km, outside the 2500 m rural radius): never assigned, but its own
  // enrolled exceed capacity.
  auto full = b.add("schools", "S-F", point(X0 + 6200, Y0 + 100), school("primary", 50, 60));
  // A high school is never checked, even over capacity.
  b.add("schools", "S-H", point(X0 + 100, Y0 + 100), school("high", 0, 900));
  auto result = check(b.finish());
  auto found = violationsOf(result, "school-capacity");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].feature.fid, west);
  EXPECT_EQ(found[0].shortfallSeats, 20);
  EXPECT_EQ(found[1].feature.fid, full);
  EXPECT_EQ(found[1].shortfallSeats, 10);
  EXPECT_EQ(outcomeOf(result, "school-capacity").checked, 3);
}

TEST(SchoolCapacity, UncoveredSitesPupilsGoNowhere)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 200, Y0 + 200),
        site("urban", 5000, 400, 200));
  b.add("schools", "S-1", point(X0 + 800, Y0 + 100), school("primary", 10));
  auto result = check(b.finish());
  EXPECT_TRUE(violationsOf(result, "school-capacity").empty());
  EXPECT_EQ(violationsOf(result, "school-coverage").size(), 2u);
}
