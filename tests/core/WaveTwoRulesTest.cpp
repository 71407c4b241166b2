// jobs-near-home, elderly-care-coverage, elderly-care-beds and linkage-balance on hand-built
// projects: planar distances in EPSG:4546 and areas at its central meridian (easting 500000,
// scale factor 1), where a rectangle's ellipsoidal area equals its planar area to 1e-6.

#include "core/RuleSet.h"
#include "core/rules/LinkageBalance.h"
#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;
constexpr double kMu = 10000.0 / 15.0;

V site(const std::optional<std::string> &county, const std::string &setting,
       std::optional<std::int64_t> population)
{
  return {FieldValue("安置区"),
          county ? FieldValue(*county) : null,
          FieldValue("三井镇"),
          FieldValue(setting),
          null,
          population ? FieldValue(*population) : null,
          null,
          null,
          FieldValue(std::int64_t(1))};
}

V park(std::optional<std::int64_t> jobs)
{
  return {FieldValue("扶贫车间"), FieldValue("workshop"), jobs ? FieldValue(*jobs) : null};
}

V care(std::optional<std::int64_t> beds)
{
  return {FieldValue("日间照料中心"), beds ? FieldValue(*beds) : null};
}

V homestead(const std::string &siteCode, const std::string &status)
{
  return {FieldValue("H-1"),  FieldValue("长征村"),   FieldValue(siteCode),
          FieldValue(status), FieldValue("cropland"), null};
}

core::RuleSet rulesFrom(const std::string &tables)
{
  return core::RuleSet::fromToml("schema = \"anzhi.rules/1\"\n" + tables, "test.toml");
}

} // namespace

TEST(JobsNearHome, ParkWithJobsWithinTheRadiusOfTheSetting)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  // Rural site, a park with jobs exactly 3000 m east: covered (within is ≤).
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 200, Y0 + 200),
        site("岢岚县", "rural", 500));
  b.add("industrial_parks", "CY-1", rect(X0 + 3200, Y0, X0 + 3300, Y0 + 100), park(50));
  // Rural site: a workshop with NULL jobs 100 m away and one with 0 jobs overlapping do not
  // serve; the nearest with jobs is 3000.5 m away.
  const double y = Y0 + 20000;
  const auto uncovered = b.add("resettlement_sites", "AZQ-2", rect(X0, y, X0 + 200, y + 200),
                               site("岢岚县", "rural", 500));
  b.add("industrial_parks", "CY-2", rect(X0 + 300, y, X0 + 400, y + 100), park(std::nullopt));
  b.add("industrial_parks", "CY-3", rect(X0 + 150, y, X0 + 250, y + 100), park(0));
  b.add("industrial_parks", "CY-4", rect(X0 + 3200.5, y, X0 + 3300, y + 100), park(10));
  // Urban site 4999 m from a park: covered by the urban 5000 m.
  const double y3 = Y0 + 40000;
  b.add("resettlement_sites", "AZQ-3", rect(X0, y3, X0 + 200, y3 + 200),
        site("岢岚县", "urban", 500));
  b.add("industrial_parks", "CY-5", rect(X0 + 5199, y3, X0 + 5300, y3 + 100), park(5));
  // A site whose setting is neither urban nor rural has no radius: a park on it does not cover.
  const double y4 = Y0 + 60000;
  const auto mixed = b.add("resettlement_sites", "AZQ-4", rect(X0, y4, X0 + 200, y4 + 200),
                           site("岢岚县", "mixed", 500));
  b.add("industrial_parks", "CY-6", rect(X0 + 100, y4, X0 + 300, y4 + 100), park(80));
  auto result = check(b.finish());
  auto found = violationsOf(result, "jobs-near-home");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].feature.fid, uncovered);
  EXPECT_NEAR(*found[0].distanceM, 3000.5, 1e-6);
  EXPECT_EQ(found[0].severity, core::Severity::Warning);
  EXPECT_EQ(found[0].clause, "二（五）（六）");
  EXPECT_EQ(found[1].feature.fid, mixed);
  EXPECT_EQ(*found[1].distanceM, 0.0) << "the park overlaps the site";
}

TEST(JobsNearHome, NoParkWithJobsReportsNoDistance)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 200, Y0 + 200),
        site("岢岚县", "urban", 500));
  b.add("industrial_parks", "CY-1", rect(X0 + 300, Y0, X0 + 400, Y0 + 100), park(0));
  auto found = violationsOf(check(b.finish()), "jobs-near-home");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].distanceM.has_value());
}

TEST(ElderlyCareCoverage, SitesFromMinPopulationWithinTheRadius)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  // 800 people, a facility exactly 1000 m from the urban site: covered.
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 200, Y0 + 200),
        site("岢岚县", "urban", 800));
  b.add("elderly_care", "YL-1", point(X0 + 1200, Y0 + 100), care(10));
  // 800 people, the facility 1000.5 m away: fires with the distance.
  const double y = Y0 + 20000;
  const auto far = b.add("resettlement_sites", "AZQ-2", rect(X0, y, X0 + 200, y + 200),
                         site("岢岚县", "urban", 800));
  b.add("elderly_care", "YL-2", point(X0 + 1200.5, y + 100), care(10));
  // 799 people or NULL: not concerned, however far the facility.
  b.add("resettlement_sites", "AZQ-3", rect(X0, Y0 + 40000, X0 + 200, Y0 + 40200),
        site("岢岚县", "urban", 799));
  b.add("resettlement_sites", "AZQ-4", rect(X0, Y0 + 60000, X0 + 200, Y0 + 60200),
        site("岢岚县", "urban", std::nullopt));
  // Rural: 4999 m is within 5000 m.
  b.add("resettlement_sites", "AZQ-5", rect(X0, Y0 + 80000, X0 + 200, Y0 + 80200),
        site("岢岚县", "rural", 900));
  b.add("elderly_care", "YL-3", point(X0 + 5199, Y0 + 80100), care(10));
  auto found = violationsOf(check(b.finish()), "elderly-care-coverage");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].feature.fid, far);
  EXPECT_NEAR(*found[0].distanceM, 1000.5, 1e-6);
}

TEST(ElderlyCareBeds, DemandGoesToTheNearestCoveringFacility)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  // A: 1000 people → 200 elders → 8 beds; B: 1249 → 249 elders → floor(9.96) = 9 beds. Both
  // nearest to YL-1 (16 beds): 17 assigned, short by 1. YL-2 is farther from both.
  b.add("resettlement_sites", "AZQ-A", rect(X0, Y0, X0 + 200, Y0 + 200),
        site("岢岚县", "urban", 1000));
  b.add("resettlement_sites", "AZQ-B", rect(X0 + 400, Y0, X0 + 600, Y0 + 200),
        site("岢岚县", "urban", 1249));
  const auto short1 = b.add("elderly_care", "YL-1", point(X0 + 300, Y0 + 100), care(16));
  b.add("elderly_care", "YL-2", point(X0 + 300, Y0 + 700), care(0));
  // C: 3000 rural people → 600 elders → 24 beds, equidistant (500 m) from YL-3 and YL-4: the
  // lower fid takes it. YL-4, also without beds, is assigned nothing and does not fire.
  const double y = Y0 + 20000;
  b.add("resettlement_sites", "AZQ-C", rect(X0, y, X0 + 200, y + 200),
        site("岢岚县", "rural", 3000));
  const auto tie = b.add("elderly_care", "YL-3", point(X0 - 500, y + 100), care(std::nullopt));
  b.add("elderly_care", "YL-4", point(X0 + 700, y + 100), care(std::nullopt));
  // D: urban, 1000 people, nearest facility 1000.5 m away: its demand goes nowhere.
  const double y2 = Y0 + 40000;
  b.add("resettlement_sites", "AZQ-D", rect(X0, y2, X0 + 200, y2 + 200),
        site("岢岚县", "urban", 1000));
  b.add("elderly_care", "YL-5", point(X0 + 1200.5, y2 + 100), care(0));
  auto result = check(b.finish());
  auto found = violationsOf(result, "elderly-care-beds");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].feature.layer, "elderly_care");
  EXPECT_EQ(found[0].feature.fid, short1);
  EXPECT_EQ(found[0].shortfallSeats, 1);
  EXPECT_EQ(found[1].feature.fid, tie);
  EXPECT_EQ(found[1].shortfallSeats, 24);
  for (const auto &r : result.rules) {
    if (r.id == "elderly-care-beds") {
      EXPECT_EQ(r.checked, 5) << "every facility is examined";
    }
  }
}

TEST(ElderlyCareBeds, RatesComeFromTheRuleSet)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  // 1000 people × 0.25 = 250 elders × 0.1 = 25 beds against 20.
  b.add("resettlement_sites", "AZQ-A", rect(X0, Y0, X0 + 200, Y0 + 200),
        site("岢岚县", "urban", 1000));
  b.add("elderly_care", "YL-1", point(X0 + 100, Y0 + 100), care(20));
  auto rules = rulesFrom("[rules.elderly-care-beds]\nelderly_rate = 0.25\nbeds_per_elder = 0.1\n");
  auto found = violationsOf(check(b.finish(), rules), "elderly-care-beds");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].shortfallSeats, 5);
}

namespace {

//! County A: sites fid 2 and 3 overlapping by half (union 150 × 100 = 15000 m²), reclaimed
//! 100 × 50 = 5000 m² (plus a duplicate of it, a demolished one and one of no site).
//! County B: a site and a reclaimed homestead of exactly its shape: balanced.
std::string linkageProject(TempDir &dir)
{
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("resettlement_sites", "AZQ-B", rect(X0, Y0 + 5000, X0 + 100, Y0 + 5100),
        site("兴县", "rural", 100));
  b.add("resettlement_sites", "AZQ-A1", rect(X0, Y0, X0 + 100, Y0 + 100),
        site("岢岚县", "rural", 100));
  b.add("resettlement_sites", "AZQ-A2", rect(X0 + 50, Y0, X0 + 150, Y0 + 100),
        site("岢岚县", "rural", 100));
  // No county, or an empty one: left out (else county "" would fire).
  b.add("resettlement_sites", "AZQ-N", rect(X0, Y0 + 9000, X0 + 100, Y0 + 9100),
        site(std::nullopt, "rural", 100));
  b.add("resettlement_sites", "AZQ-E", rect(X0, Y0 + 9500, X0 + 100, Y0 + 9600),
        site("", "rural", 100));
  const std::string half = rect(X0, Y0 + 2000, X0 + 100, Y0 + 2050);
  b.add("reclaimed_homesteads", "ZJD-1", half, homestead("AZQ-A2", "reclaimed"));
  b.add("reclaimed_homesteads", "ZJD-2", half, homestead("AZQ-A1", "reclaimed"));
  b.add("reclaimed_homesteads", "ZJD-3", rect(X0, Y0 + 3000, X0 + 500, Y0 + 3500),
        homestead("AZQ-A1", "demolished"));
  b.add("reclaimed_homesteads", "ZJD-4", rect(X0, Y0 + 4000, X0 + 500, Y0 + 4500),
        homestead("AZQ-X", "reclaimed"));
  b.add("reclaimed_homesteads", "ZJD-5", rect(X0, Y0 + 5000, X0 + 100, Y0 + 5100),
        homestead("AZQ-B", "reclaimed"));
  return b.finish();
}

} // namespace

TEST(LinkageBalance, UnionsPerCountyAttachedToTheLowestFid)
{
  TempDir dir;
  auto result = check(linkageProject(dir));
  auto found = violationsOf(result, "linkage-balance");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].feature.layer, "resettlement_sites");
  EXPECT_EQ(found[0].feature.fid, 2);
  EXPECT_NEAR(*found[0].areaM2, 10000.0, 0.01);
  EXPECT_NEAR(*found[0].areaMu(), 15.0, 0.01 / kMu);
  for (const auto &r : result.rules) {
    if (r.id == "linkage-balance") {
      EXPECT_EQ(r.checked, 3) << "the sites of a county";
    }
  }
}

TEST(LinkageBalance, ToleranceInMu)
{
  TempDir dir;
  const std::string path = linkageProject(dir);
  // The shortfall is 15 mu: a tolerance of 14.9 mu still fires, 15.1 does not.
  EXPECT_EQ(violationsOf(check(path, rulesFrom("[rules.linkage-balance]\ntolerance_mu = 14.9\n")),
                         "linkage-balance")
                .size(),
            1u);
  EXPECT_TRUE(violationsOf(check(path, rulesFrom("[rules.linkage-balance]\ntolerance_mu = 15.1\n")),
                           "linkage-balance")
                  .empty());
}

TEST(LinkageBalance, TableListsEveryCounty)
{
  TempDir dir;
  const std::string path = linkageProject(dir);
  auto project = core::Project::load(path, {});
  auto table = core::rules::linkageByCounty(*project);
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table[0].county, "兴县");
  EXPECT_NEAR(table[0].constructionM2, 10000.0, 0.01);
  EXPECT_NEAR(table[0].reclaimedM2, 10000.0, 0.01);
  EXPECT_EQ(table[1].county, "岢岚县");
  EXPECT_NEAR(table[1].constructionM2, 15000.0, 0.015);
  EXPECT_NEAR(table[1].reclaimedM2, 5000.0, 0.005);
  EXPECT_NEAR(table[1].balanceM2(), -10000.0, 0.02);
}
