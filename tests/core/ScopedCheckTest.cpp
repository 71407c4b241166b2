// The live re-check of an edited neighbourhood: Engine::checkScope against an already loaded
// project reports the violations around the scope and none of those far from it.

#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>

using namespace anzhi;
using namespace anzhi::test;

TEST(ScopedCheck, OnlyTheNeighbourhoodIsRechecked)
{
  constexpr double X0 = 500000, Y0 = 4300000;
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  // Two encroached school plots 10 km apart, each overlapped by 10 × 100 m of commerce.
  auto nearPlot = b.add("planned_plots", "P-1", rect(X0, Y0, X0 + 100, Y0 + 100),
                        {FieldValue("学校"), FieldValue("education")});
  b.add("planned_plots", "P-2", rect(X0 + 90, Y0, X0 + 190, Y0 + 100),
        {FieldValue("商业"), FieldValue("commercial")});
  b.add("planned_plots", "P-3", rect(X0 + 10000, Y0, X0 + 10100, Y0 + 100),
        {FieldValue("学校"), FieldValue("education")});
  b.add("planned_plots", "P-4", rect(X0 + 10090, Y0, X0 + 10190, Y0 + 100),
        {FieldValue("商业"), FieldValue("commercial")});
  std::string path = b.finish();

  core::RuleSet rules = core::RuleSet::defaults();
  core::LoadOptions options;
  auto project = core::Project::load(path, options);
  core::Engine engine(rules);
  ASSERT_EQ(violationsOf(engine.check(*project), "protected-land").size(), 2u);

  // The edited feature is P-2: its envelope is the scope.
  auto found = engine.checkScope(*project, gis::Envelope{X0 + 90, Y0, X0 + 190, Y0 + 100});
  std::vector<core::Violation> taken;
  for (const auto &v : found)
    if (v.rule == "protected-land")
      taken.push_back(v);
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].feature.fid, nearPlot);
  EXPECT_NEAR(*taken[0].areaM2, 1000.0, 1000 * 1e-6);
}
