// Township attribution (docs/rules.md decision 19): hand-built geometry on EPSG:4546.

#include "core/Township.h"
#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;

V siteFields(const char *township)
{
  return {FieldValue("安置区"),
          FieldValue("县"),
          FieldValue(township),
          FieldValue("rural"),
          FieldValue(std::int64_t(10)),
          FieldValue(std::int64_t(30)),
          null,
          null,
          FieldValue(std::int64_t(1))};
}

V homestead(const FieldValue &siteCode)
{
  return {FieldValue("HH"),      FieldValue("村"),     siteCode,
          FieldValue("pending"), FieldValue("forest"), null};
}

std::optional<std::string> townshipOf(const std::vector<core::Violation> &found,
                                      const std::string &layer, std::int64_t fid)
{
  for (const core::Violation &v : found)
    if (v.feature.layer == layer && v.feature.fid == fid)
      return v.township;
  throw std::runtime_error("no violation on " + layer + " " + std::to_string(fid));
}

} // namespace

TEST(Township, LinkThenContainmentThenNearestThenLowerFid)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  // B is added first, so it has the lower fid.
  b.add("resettlement_sites", "B", rect(X0 + 1000, Y0, X0 + 1100, Y0 + 100), siteFields("乙镇"));
  b.add("resettlement_sites", "A", rect(X0, Y0, X0 + 100, Y0 + 100), siteFields("甲镇"));
  // Inside A.
  const auto plot = b.add("planned_plots", "P1", rect(X0 + 10, Y0 + 10, X0 + 20, Y0 + 20),
                          {FieldValue("地块"), FieldValue("residential")});
  // Outside every site, 90 m from B and 800 m from A, naming no site.
  const auto nearB = b.add("reclaimed_homesteads", "H1", rect(X0 + 900, Y0 + 40, X0 + 910, Y0 + 50),
                           homestead(null));
  // Lying beside B but naming A: the link wins.
  const auto linkedA =
      b.add("reclaimed_homesteads", "H2", rect(X0 + 1040, Y0 + 200, X0 + 1050, Y0 + 210),
            homestead(FieldValue("A")));
  // Naming a site that does not exist: placed by location, inside A.
  const auto unknownSite =
      b.add("reclaimed_homesteads", "H3", rect(X0 + 40, Y0 + 40, X0 + 50, Y0 + 50),
            homestead(FieldValue("Z")));
  // Its point-on-surface (550, 50) is 450 m from A's east edge and from B's west edge: the tie
  // goes to B, the lower fid. Its ranger does not exist, so no link decides.
  const auto equidistant =
      b.add("ranger_plots", "RP1", rect(X0 + 500, Y0, X0 + 600, Y0 + 100), {FieldValue("nobody")});
  b.layer("rangers"); // empty: ranger-orphan-plot needs the layer
  const std::string path = b.finish();

  auto project = core::Project::load(path, {});
  const core::TownshipAttribution attribution(*project);
  auto township = [&](const std::string &layer, std::int64_t fid) {
    std::optional<std::size_t> index;
    project->visitLayer(layer, [&](const auto &l) { index = l.findFid(fid); });
    return attribution.townshipOf(attribution.siteOf(layer, *index));
  };
  EXPECT_EQ(township("planned_plots", plot), "甲镇");
  EXPECT_EQ(township("reclaimed_homesteads", nearB), "乙镇");
  EXPECT_EQ(township("reclaimed_homesteads", linkedA), "甲镇");
  EXPECT_EQ(township("reclaimed_homesteads", unknownSite), "甲镇");
  EXPECT_EQ(township("ranger_plots", equidistant), "乙镇");

  // The check's violations carry the same townships (reclamation-progress, ranger-orphan-plot).
  const auto result = check(path);
  EXPECT_EQ(townshipOf(result.violations, "reclaimed_homesteads", nearB), "乙镇");
  EXPECT_EQ(townshipOf(result.violations, "reclaimed_homesteads", linkedA), "甲镇");
  EXPECT_EQ(townshipOf(result.violations, "ranger_plots", equidistant), "乙镇");
}

TEST(Township, RangerPlotFollowsItsRangersSite)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("resettlement_sites", "B", rect(X0 + 1000, Y0, X0 + 1100, Y0 + 100), siteFields("乙镇"));
  b.add("resettlement_sites", "A", rect(X0, Y0, X0 + 100, Y0 + 100), siteFields("甲镇"));
  // A ranger of A with no residence whose only plot lies inside B, far under 500 mu.
  const auto ranger =
      b.add("rangers", "R1", "", {FieldValue("护林员"), FieldValue("A"), FieldValue("relocated")});
  b.add("ranger_plots", "RP1", rect(X0 + 1010, Y0 + 10, X0 + 1020, Y0 + 20), {FieldValue("R1")});
  // Two plots of different rangers overlapping inside B; their rangers name no site, so the
  // plots' location decides.
  b.add("rangers", "R2", point(X0 + 1050, Y0 + 50),
        {FieldValue("护林员"), null, FieldValue("local")});
  b.add("rangers", "R3", point(X0 + 1050, Y0 + 50),
        {FieldValue("护林员"), null, FieldValue("local")});
  const auto overlapping = b.add("ranger_plots", "RP2",
                                 rect(X0 + 1030, Y0 + 30, X0 + 1060, Y0 + 60), {FieldValue("R2")});
  b.add("ranger_plots", "RP3", rect(X0 + 1040, Y0 + 30, X0 + 1070, Y0 + 60), {FieldValue("R3")});
  const auto result = check(b.finish());
  EXPECT_EQ(townshipOf(violationsOf(result, "ranger-area"), "rangers", ranger), "甲镇");
  EXPECT_EQ(townshipOf(violationsOf(result, "ranger-overlap"), "ranger_plots", overlapping),
            "乙镇");
}

TEST(Township, NoneOnlyWithoutSites)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("ranger_plots", "RP1", rect(X0, Y0, X0 + 10, Y0 + 10), {FieldValue("nobody")});
  b.layer("rangers");
  const auto result = check(b.finish());
  const auto found = violationsOf(result, "ranger-orphan-plot");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].township);
}
