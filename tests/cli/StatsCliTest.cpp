// anzhi-cli stats: the anzhi.stats/1 JSON of the hand-built project of
// tests/support/StatsProject.h, the table on stdout, and exit 2 naming what is at fault.

#include "tests/support/Cli.h"
#include "tests/support/StatsProject.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

using namespace anzhi::test;

namespace {

constexpr double kMuM2 = 10000.0 / 15.0;

} // namespace

TEST(StatsCli, JsonHasEveryTownshipAndTheTotal)
{
  TempDir dir;
  const std::string project = writeStatsProject(dir.file("p.gpkg"));
  const std::string out = dir.file("stats.json");
  CliRun run = cli("stats " + quote(project) + " --json " + quote(out), dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const nlohmann::json j = nlohmann::json::parse(slurp(out));
  EXPECT_EQ(j["schema"], "anzhi.stats/1");
  EXPECT_EQ(j["project"], "p.gpkg");
  EXPECT_EQ(j["working_crs"], "EPSG:4546");
  EXPECT_EQ(j["min_mu"], 500.0);
  ASSERT_EQ(j["townships"].size(), 2u);
  const nlohmann::json &jia = j["townships"][1];
  EXPECT_EQ(jia["township"], "甲镇");
  EXPECT_EQ(jia["sites"], 2);
  EXPECT_EQ(jia["population"], 1129);
  EXPECT_NEAR(jia["planned_education_mu"].get<double>(), 2000 / kMuM2, 1e-5);
  EXPECT_NEAR(jia["planned_industrial_mu"].get<double>(), 900 / kMuM2, 1e-5);
  EXPECT_NEAR(jia["planned_road_mu"].get<double>(), 0, 1e-9);
  EXPECT_NEAR(jia["protected_taken_mu"].get<double>(), 200 / kMuM2, 1e-5);
  EXPECT_EQ(jia["primary_seats"], 10);
  EXPECT_EQ(jia["junior_seats"], -10);
  EXPECT_EQ(jia["nine_year_seats"], -10);
  EXPECT_EQ(jia["primary_pupils"], 90);
  EXPECT_EQ(jia["junior_pupils"], 35);
  EXPECT_EQ(jia["rangers"], 3);
  EXPECT_EQ(jia["rangers_without_plot"], 1);
  EXPECT_EQ(jia["rangers_below_min"], 1);
  EXPECT_EQ(jia["rangers_at_or_above_min"], 1);
  EXPECT_NEAR(jia["ranger_area_mu"].get<double>(), 900, 1e-3);
  EXPECT_NEAR(jia["ranger_deficit_mu"].get<double>(), 140, 1e-3);
  EXPECT_EQ(jia["homesteads_reclaimed"], 2);
  EXPECT_NEAR(jia["homesteads_reclaimed_mu"].get<double>(), 300 / kMuM2, 1e-5);
  EXPECT_EQ(jia["homesteads_other"], 1);
  EXPECT_NEAR(jia["reclaimed_mu"].get<double>(), 250 / kMuM2, 1e-5);
  EXPECT_EQ(j["total"]["sites"], 3);
  EXPECT_EQ(j["total"]["households"], 67);
  EXPECT_EQ(j["total"]["junior_seats"], 190);
  // The table: a row per township and the total in each group.
  EXPECT_NE(run.out.find("合计"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("甲镇"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("== 护林员 =="), std::string::npos) << run.out;
  CliRun en = cli("stats " + quote(project) + " --lang en", dir);
  EXPECT_EQ(en.exitCode, 0);
  EXPECT_NE(en.out.find("Total"), std::string::npos) << en.out;
}

TEST(StatsCli, BadInputExitsTwoNamingIt)
{
  TempDir dir;
  CliRun missing = cli("stats " + quote(dir.file("nowhere.gpkg")), dir);
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("nowhere.gpkg"), std::string::npos) << missing.err;
  EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1) << missing.err;

  // A site layer whose population is text: the loader names the layer and the field.
  writeSitesWithTextPopulation(dir.file("text.gpkg"), 500000, 4300000);
  CliRun mistyped = cli("stats " + quote(dir.file("text.gpkg")), dir);
  EXPECT_EQ(mistyped.exitCode, 2);
  EXPECT_NE(mistyped.err.find("resettlement_sites"), std::string::npos) << mistyped.err;
  EXPECT_NE(mistyped.err.find("population"), std::string::npos) << mistyped.err;

  const std::string project = writeStatsProject(dir.file("p.gpkg"));
  CliRun overProject = cli("stats " + quote(project) + " --json " + quote(project), dir);
  EXPECT_EQ(overProject.exitCode, 2);
  EXPECT_EQ(slurp(project).substr(0, 15), "SQLite format 3") << "project untouched";
}
