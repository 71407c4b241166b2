// LoadOptions::skipBrokenLayers: the desktop app opens what it can and names what it could
// not; the default (what checks use) still fails the whole project.

#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 543000, Y0 = 4284000;

//! Sites and plots are fine; `schools` lacks its required `level` field.
std::string projectWithBrokenSchools(const TempDir &dir)
{
  ProjectBuilder b(dir.file("broken.gpkg"));
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 100, Y0 + 100),
        {FieldValue("安置区"), null, null, FieldValue("rural"), null, FieldValue(std::int64_t(100)),
         null, null, FieldValue(std::int64_t(1))});
  b.add("planned_plots", "P-1", rect(X0, Y0, X0 + 50, Y0 + 50),
        {FieldValue("小学"), FieldValue("education")});
  b.layer("schools", {{"name", gis::FieldType::String}});
  b.add("schools", "XX-1", point(X0 + 10, Y0 + 10), {FieldValue("小学")});
  return b.finish();
}

} // namespace

TEST(SkipBrokenLayers, DefaultStillThrowsNamingTheLayerAndField)
{
  TempDir dir;
  std::string path = projectWithBrokenSchools(dir);
  try {
    core::Project::load(path, {});
    FAIL() << "expected ProjectError";
  } catch (const core::ProjectError &e) {
    EXPECT_NE(std::string(e.what()).find("schools"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("level"), std::string::npos) << e.what();
  }
}

TEST(SkipBrokenLayers, OpensTheRestAndRecordsTheProblem)
{
  TempDir dir;
  std::string path = projectWithBrokenSchools(dir);
  core::LoadOptions options;
  options.skipBrokenLayers = true;
  auto project = core::Project::load(path, options);
  EXPECT_TRUE(project->sites.present);
  EXPECT_EQ(project->sites.features.size(), 1u);
  EXPECT_TRUE(project->plots.present);
  EXPECT_EQ(project->plots.features.size(), 1u);
  EXPECT_FALSE(project->schools.present);
  EXPECT_TRUE(project->schools.features.empty());
  EXPECT_FALSE(project->hasLayer("schools"));
  ASSERT_EQ(project->problems.size(), 1u);
  EXPECT_EQ(project->problems[0].layer, "schools");
  EXPECT_NE(project->problems[0].message.find("level"), std::string::npos);
  // Rules that need the broken layer are skipped, the others run.
  core::CheckResult result = core::Engine(core::RuleSet::defaults()).check(*project);
  for (const auto &r : result.rules) {
    if (r.id == "school-coverage") {
      EXPECT_TRUE(r.skipped);
    }
  }
}

TEST(SkipBrokenLayers, NoProblemsForAGoodProject)
{
  TempDir dir;
  ProjectBuilder b(dir.file("ok.gpkg"));
  b.add("planned_plots", "P-1", rect(X0, Y0, X0 + 50, Y0 + 50),
        {FieldValue("小学"), FieldValue("education")});
  core::LoadOptions options;
  options.skipBrokenLayers = true;
  auto project = core::Project::load(b.finish(), options);
  EXPECT_TRUE(project->problems.empty());
  EXPECT_TRUE(project->plots.present);
}
