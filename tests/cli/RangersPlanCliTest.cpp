// anzhi-cli rangers plan as a script runs it: exit 0 with the plan written (ranger_plots in the
// project's schema, changes), exit 1 with the Hall set when no plan exists, exit 2 with one
// line on stderr naming what is missing or too fine. Figures worked out by hand as in
// tests/core/RangerPlanTest.cpp (EPSG:4546 near its central meridian; 1 mu = 10000/15 m²).

#include "tests/support/Cli.h"
#include "tests/support/ProjectBuilder.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;
constexpr double kMu = 10000.0 / 15.0;

V ranger()
{
  return {FieldValue("护林员"), null, FieldValue("local")};
}

//! Rules with a 15 mu floor within 1 km and a 10 m grid, [plan.rangers] set in the file.
std::string rulesFile(const TempDir &dir, double minMu = 15, double maxDistanceM = 1000)
{
  return dir.writeFile("rules.toml", "[plan.rangers]\ncell_m = 10\nmax_parts = 1\n"
                                     "[rules.ranger-area]\nmin_mu = " +
                                         std::to_string(minMu) +
                                         "\n[rules.ranger-distance]\nmax_distance_m = " +
                                         std::to_string(maxDistanceM) + "\n");
}

std::int64_t rows(const std::string &gpkg, const std::string &table)
{
  return gis::VectorDataset::open(gpkg).layer(table).featureCount();
}

} // namespace

TEST(RangersPlanCli, FeasibleOnlyByMovingAreaWritesThePlan)
{
  // A holds 0–250 × 100 m, B 250–300; B needs 10,000 m² (+1 m² margin): 51 cells of A's.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("forest_land", "LD-1", rect(X0, Y0, X0 + 300, Y0 + 100), {});
  b.add("rangers", "A", point(X0 - 10, Y0 + 50), ranger());
  b.add("rangers", "B", point(X0 + 310, Y0 + 50), ranger());
  b.add("ranger_plots", "G-A", rect(X0, Y0, X0 + 250, Y0 + 100), {FieldValue("A")});
  b.add("ranger_plots", "G-B", rect(X0 + 250, Y0, X0 + 300, Y0 + 100), {FieldValue("B")});
  const std::string project = b.finish();
  const std::string out = dir.file("方案.gpkg"), json = dir.file("plan.json");
  CliRun run = cli("rangers plan " + quote(project) + " --rules " + quote(rulesFile(dir)) +
                       " --out " + quote(out) + " --json " + quote(json),
                   dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  nlohmann::json j = nlohmann::json::parse(slurp(json));
  EXPECT_EQ(j["feasible"], true);
  EXPECT_EQ(j["rangers_total"], 2);
  EXPECT_EQ(j["rangers_satisfied"], 2);
  EXPECT_EQ(j["cell_m"], 10.0) << "from [plan.rangers]";
  EXPECT_NEAR(j["area_moved_mu"].get<double>(), 5100 / kMu, 0.01 / kMu);
  EXPECT_TRUE(j["hall_set"].is_null());
  // The plan's plots in the project's schema, one per ranger (each one part), and a change
  // per ranger.
  gis::VectorDataset plan = gis::VectorDataset::open(out);
  gis::VectorLayer plots = plan.layer("ranger_plots");
  EXPECT_GE(plots.requireField("code", gis::FieldType::String), 0);
  EXPECT_GE(plots.requireField("ranger_code", gis::FieldType::String), 0);
  EXPECT_EQ(plots.featureCount(), 2);
  EXPECT_EQ(rows(out, "changes"), 2);
  EXPECT_FALSE(plan.hasLayer("hall_set"));
}

TEST(RangersPlanCli, InfeasibleExitsOneWithTheHallSet)
{
  // West block 15 mu reached by W1 and W2 only (reach 200 m), who ask 2 × 10 mu.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("forest_land", "LD-W", rect(X0, Y0, X0 + 100, Y0 + 100), {});
  b.add("forest_land", "LD-E", rect(X0 + 1000, Y0, X0 + 1200, Y0 + 100), {});
  b.add("rangers", "W1", point(X0 + 30, Y0 - 20), ranger());
  b.add("rangers", "W2", point(X0 + 70, Y0 - 20), ranger());
  b.add("rangers", "E", point(X0 + 1100, Y0 - 20), ranger());
  b.layer("ranger_plots");
  const std::string project = b.finish();
  const std::string out = dir.file("plan.gpkg"), json = dir.file("plan.json");
  CliRun run = cli("rangers plan " + quote(project) + " --rules " + quote(rulesFile(dir, 10, 200)) +
                       " --out " + quote(out) + " --json " + quote(json),
                   dir);
  ASSERT_EQ(run.exitCode, 1) << run.err;
  nlohmann::json j = nlohmann::json::parse(slurp(json));
  EXPECT_EQ(j["feasible"], false);
  EXPECT_EQ(j["hall_set"]["rangers"], (nlohmann::json{"W1", "W2"}));
  EXPECT_NEAR(j["hall_set"]["demand_mu"].get<double>(), 20, 1e-9);
  EXPECT_NEAR(j["hall_set"]["supply_mu"].get<double>(), 15, 1e-4);
  EXPECT_EQ(rows(out, "hall_set"), 2);
  EXPECT_NE(run.out.find("W1 W2"), std::string::npos) << run.out;
}

TEST(RangersPlanCli, NoForestNoPlotsExitsTwoNamingBoth)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("rangers", "A", point(X0, Y0), ranger());
  const std::string project = b.finish();
  CliRun run = cli("rangers plan " + quote(project) + " --out " + quote(dir.file("o.gpkg")), dir);
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_NE(run.err.find("forest_land"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("ranger_plots"), std::string::npos) << run.err;
}

TEST(RangersPlanCli, TooFineACellExitsTwoSuggestingALargerOne)
{
  // 10 km square of forest: 10^8 cells of 1 m; 10 m gives 10^6.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("forest_land", "LD-1", rect(X0, Y0, X0 + 10000, Y0 + 10000), {});
  b.add("rangers", "A", point(X0, Y0), ranger());
  const std::string project = b.finish();
  CliRun run =
      cli("rangers plan " + quote(project) + " --cell-m 1 --out " + quote(dir.file("o.gpkg")), dir);
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("at least 10 m"), std::string::npos) << run.err;
}

TEST(RangersPlanCli, NoOutputOverwritesTheProject)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("forest_land", "LD-1", rect(X0, Y0, X0 + 300, Y0 + 100), {});
  b.add("rangers", "A", point(X0 - 10, Y0 + 50), ranger());
  b.add("ranger_plots", "G-A", rect(X0, Y0, X0 + 250, Y0 + 100), {FieldValue("A")});
  const std::string project = b.finish();
  const std::string before = slurp(project);
  for (const std::string &outputs :
       {" --out " + quote(dir.file("o.gpkg")) + " --json " + quote(project),
        " --out " + quote(project)}) {
    const CliRun run =
        cli("rangers plan " + quote(project) + " --rules " + quote(rulesFile(dir)) + outputs, dir);
    EXPECT_EQ(run.exitCode, 2) << outputs;
    EXPECT_NE(run.err.find("it is the project itself"), std::string::npos) << run.err;
  }
  EXPECT_EQ(slurp(project), before);
}
