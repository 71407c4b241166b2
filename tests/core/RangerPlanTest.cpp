// The ranger reallocation planner (core/plan, docs/contract.md "Ranger reallocation") on
// hand-built instances near the central meridian of EPSG:4546, where ellipsoidal area equals
// planar area to a relative 3e-8 (see RangerTest.cpp), so that areas are worked out from the
// coordinates: 1 mu = 10000/15 m². Claimed plans are checked by the engine's own ranger rules;
// infeasibility certificates against an independent measure of the forest within reach.

#include "core/plan/RangerPlan.h"
#include "gis/Crs.h"
#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

using namespace anzhi;
using namespace anzhi::test;
using core::plan::RangerPlanOptions;
using core::plan::RangerPlanResult;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;
constexpr double kMu = 10000.0 / 15.0;

V ranger()
{
  return {FieldValue("护林员"), null, FieldValue("local")};
}
V plotOf(const std::string &code)
{
  return {FieldValue(code)};
}

std::shared_ptr<const core::Project> load(const std::string &path)
{
  return core::Project::load(path, core::LoadOptions{});
}

RangerPlanOptions options(double minMu, double maxDistanceM, double cellM)
{
  RangerPlanOptions o;
  o.minMu = minMu;
  o.maxDistanceM = maxDistanceM;
  o.cellM = cellM;
  return o;
}

const core::plan::RangerChange &changeOf(const RangerPlanResult &plan, const std::string &code)
{
  for (const auto &c : plan.changes)
    if (c.rangerCode == code)
      return c;
  throw std::runtime_error("no change for " + code);
}

//! The project's rangers with the plan's plots instead of their own, checked by the engine
//! with the same floor and reach: the violations of the three rules a plan must pass.
std::vector<core::Violation> engineCheck(const std::string &dir, const core::Project &p,
                                         const RangerPlanResult &plan, double minMu,
                                         double maxDistanceM)
{
  ProjectBuilder b(dir + "/from-plan.gpkg");
  for (const core::Ranger &r : p.rangers.features)
    b.add("rangers", r.code.value_or(""), r.hasGeometry() ? gis::toWkt(r.geometry.get(), 6) : "",
          ranger());
  b.layer("ranger_plots");
  for (const auto &plot : plan.plots)
    b.add("ranger_plots", plot.code, gis::toWkt(plot.geometry.get(), 9), plotOf(plot.rangerCode));
  core::RuleSet rules = core::RuleSet::fromToml(
      "[rules.ranger-area]\nmin_mu = " + std::to_string(minMu) +
          "\n[rules.ranger-distance]\nmax_distance_m = " + std::to_string(maxDistanceM) + "\n",
      "test");
  core::CheckResult result = check(b.finish(), rules);
  std::vector<core::Violation> found;
  for (const char *rule : {"ranger-area", "ranger-overlap", "ranger-distance", "ranger-unassigned"})
    for (core::Violation &v : violationsOf(result, rule))
      found.push_back(std::move(v));
  return found;
}

} // namespace

TEST(RangerPlan, FeasibleOnlyByMovingAreaFromOneRangerToAnother)
{
  // Forest 300 × 100 m. A (home west) holds 0–250 (25,000 m², 37.5 mu), B (home east) holds
  // 250–300 (5,000 m²). The floor is 15 mu = 10,000 m² (plus the planner's 1 m² margin), so B
  // needs 5,000 m² and a bit more from A: on a 10 m grid, 51 cells of 100 m², 5,100 m², the
  // least whole-cell move. A keeps 19,900 m², above its floor.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("forest_land", "LD-1", rect(X0, Y0, X0 + 300, Y0 + 100), {});
  b.add("rangers", "A", point(X0 - 10, Y0 + 50), ranger());
  b.add("rangers", "B", point(X0 + 310, Y0 + 50), ranger());
  b.add("ranger_plots", "G-A", rect(X0, Y0, X0 + 250, Y0 + 100), plotOf("A"));
  b.add("ranger_plots", "G-B", rect(X0 + 250, Y0, X0 + 300, Y0 + 100), plotOf("B"));
  auto project = load(b.finish());
  RangerPlanResult plan = core::plan::planRangers(*project, options(15, 1000, 10));
  ASSERT_TRUE(plan.feasible);
  EXPECT_TRUE(plan.complete());
  EXPECT_NEAR(changeOf(plan, "A").beforeMu * kMu, 25000, 0.05);
  EXPECT_NEAR(changeOf(plan, "B").beforeMu * kMu, 5000, 0.05);
  EXPECT_NEAR(changeOf(plan, "B").afterMu * kMu, 10100, 0.05);
  EXPECT_NEAR(changeOf(plan, "B").movedMu * kMu, 5100, 0.05);
  EXPECT_NEAR(changeOf(plan, "A").afterMu * kMu, 19900, 0.05);
  EXPECT_NEAR(changeOf(plan, "A").movedMu, 0, 1e-9);
  EXPECT_NEAR(plan.movedMu() * kMu, 5100, 0.05);
  EXPECT_EQ(changeOf(plan, "A").parts, 1);
  EXPECT_EQ(changeOf(plan, "B").parts, 1);
  EXPECT_TRUE(engineCheck(dir.path(), *project, plan, 15, 1000).empty());
}

TEST(RangerPlan, InfeasibleWithTheHallSetAndItsFigures)
{
  // Two forest blocks 900 m apart. West: 100 × 100 m = 10,000 m² = 15 mu, reached by W1 and W2
  // only (homes 20 m south of it, reach 200 m); east: 200 × 100 = 30 mu, reached by E only.
  // The floor 10 mu: W1 and W2 ask for 20 mu and can reach 15; E is fine alone.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("forest_land", "LD-W", rect(X0, Y0, X0 + 100, Y0 + 100), {});
  b.add("forest_land", "LD-E", rect(X0 + 1000, Y0, X0 + 1200, Y0 + 100), {});
  b.add("rangers", "W1", point(X0 + 30, Y0 - 20), ranger());
  b.add("rangers", "W2", point(X0 + 70, Y0 - 20), ranger());
  b.add("rangers", "E", point(X0 + 1100, Y0 - 20), ranger());
  b.layer("ranger_plots");
  auto project = load(b.finish());
  RangerPlanResult plan = core::plan::planRangers(*project, options(10, 200, 10));
  ASSERT_FALSE(plan.feasible);
  EXPECT_EQ(plan.hallSet, (std::vector<std::string>{"W1", "W2"}));
  EXPECT_NEAR(plan.hallDemandMu, 20, 1e-9);
  EXPECT_NEAR(plan.hallSupplyMu, 15, 1e-4);
}

TEST(RangerPlan, RangerWhoseOnlyForestIsBeyondReach)
{
  // The only forest (100 × 300 m = 45 mu) lies 400 m east of F's home; the reach is 300 m. N,
  // living beside it, is satisfied alone, but F reaches nothing: the Hall set is F alone, asking
  // 10 mu of 0.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("forest_land", "LD-1", rect(X0, Y0, X0 + 100, Y0 + 300), {});
  b.add("rangers", "N", point(X0 + 50, Y0 + 150), ranger());
  b.add("rangers", "F", point(X0 - 400, Y0 + 150), ranger());
  b.add("ranger_plots", "G-F", rect(X0, Y0, X0 + 100, Y0 + 300), plotOf("F"));
  auto project = load(b.finish());
  RangerPlanResult plan = core::plan::planRangers(*project, options(10, 300, 10));
  ASSERT_FALSE(plan.feasible);
  EXPECT_EQ(plan.hallSet, (std::vector<std::string>{"F"}));
  EXPECT_NEAR(plan.hallDemandMu, 10, 1e-9);
  EXPECT_NEAR(plan.hallSupplyMu, 0, 1e-9);
}

TEST(RangerPlan, ForestPoolInAnotherCrsIsReprojected)
{
  // The first instance with the forest stored in geographic CGCS2000 (EPSG:4490): the loader
  // brings it into the working CRS, and the plan must come out the same.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.layer("forest_land", 4490);
  const gis::CoordinateTransform &toGeographic =
      gis::CoordinateTransform::forThread(gis::Crs::fromEpsg(4546), gis::Crs::fromEpsg(4490));
  gis::Geometry forest =
      toGeographic.transform(gis::fromWkt(rect(X0, Y0, X0 + 300, Y0 + 100)).get());
  b.add("forest_land", "LD-1", gis::toWkt(forest.get(), 12), {});
  b.add("rangers", "A", point(X0 - 10, Y0 + 50), ranger());
  b.add("rangers", "B", point(X0 + 310, Y0 + 50), ranger());
  b.add("ranger_plots", "G-A", rect(X0, Y0, X0 + 250, Y0 + 100), plotOf("A"));
  b.add("ranger_plots", "G-B", rect(X0 + 250, Y0, X0 + 300, Y0 + 100), plotOf("B"));
  auto project = load(b.finish());
  ASSERT_EQ(project->workingCrs.authId(), "EPSG:4546");
  RangerPlanResult plan = core::plan::planRangers(*project, options(15, 1000, 10));
  ASSERT_TRUE(plan.complete());
  // The round trip through degrees moves the forest's corners by well under a millimetre.
  EXPECT_NEAR(changeOf(plan, "B").movedMu * kMu, 5100, 1);
  EXPECT_NEAR(changeOf(plan, "A").afterMu * kMu, 19900, 1);
  EXPECT_TRUE(engineCheck(dir.path(), *project, plan, 15, 1000).empty());
}

TEST(RangerPlan, CompliantRangerKeepsPlotsWhenOthersCanBeSatisfiedOtherwise)
{
  // A holds 0–200 × 100 (20,000 m², 30 mu ≥ 15): compliant. B holds nothing, lives between A's
  // land and free forest 300–450 (15,000 m²), both within reach: B gets free forest, A keeps
  // exactly what it had.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("forest_land", "LD-1", rect(X0, Y0, X0 + 200, Y0 + 100), {});
  b.add("forest_land", "LD-2", rect(X0 + 300, Y0, X0 + 450, Y0 + 100), {});
  b.add("rangers", "A", point(X0 + 100, Y0 - 10), ranger());
  b.add("rangers", "B", point(X0 + 250, Y0 - 10), ranger());
  b.add("ranger_plots", "G-A", rect(X0, Y0, X0 + 200, Y0 + 100), plotOf("A"));
  auto project = load(b.finish());
  RangerPlanResult plan = core::plan::planRangers(*project, options(15, 1000, 10));
  ASSERT_TRUE(plan.complete());
  EXPECT_NEAR(changeOf(plan, "A").afterMu * kMu, 20000, 0.05);
  EXPECT_NEAR(plan.movedMu(), 0, 1e-9);
  EXPECT_GE(changeOf(plan, "B").afterMu * kMu, 10000);
  // A's planned plot is its old one: the same polygon up to vertex order.
  int plotsOfA = 0;
  gis::Geometry old = gis::fromWkt(rect(X0, Y0, X0 + 200, Y0 + 100));
  for (const auto &plot : plan.plots)
    if (plot.rangerCode == "A") {
      ++plotsOfA;
      EXPECT_NEAR(gis::planarArea(gis::difference(old.get(), plot.geometry.get()).get()), 0, 1e-6);
      EXPECT_NEAR(gis::planarArea(gis::difference(plot.geometry.get(), old.get()).get()), 0, 1e-6);
    }
  EXPECT_EQ(plotsOfA, 1);
  EXPECT_TRUE(engineCheck(dir.path(), *project, plan, 15, 1000).empty());
}

TEST(RangerPlan, PlotsSeparatedByAGapNarrowerThanACellAreTwoParts)
{
  // A's two plots, 0–110 and 130–230 (× 100 m), are the whole forest; the 20 m gap between
  // them is not forest and lies inside one 50 m grid square (100–150). They are two parts:
  // with max_parts 2 A keeps both (21,000 m²), with 1 it keeps the larger (11,000 m² ≥
  // 10 mu = 6,667 m²) and frees the other.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("forest_land", "LD-1", rect(X0, Y0, X0 + 110, Y0 + 100), {});
  b.add("forest_land", "LD-2", rect(X0 + 130, Y0, X0 + 230, Y0 + 100), {});
  b.add("rangers", "A", point(X0 + 120, Y0 - 10), ranger());
  b.add("ranger_plots", "G-1", rect(X0, Y0, X0 + 110, Y0 + 100), plotOf("A"));
  b.add("ranger_plots", "G-2", rect(X0 + 130, Y0, X0 + 230, Y0 + 100), plotOf("A"));
  auto project = load(b.finish());
  RangerPlanOptions two = options(10, 1000, 50);
  two.maxParts = 2;
  RangerPlanResult plan = core::plan::planRangers(*project, two);
  ASSERT_TRUE(plan.complete());
  EXPECT_EQ(changeOf(plan, "A").parts, 2);
  EXPECT_NEAR(changeOf(plan, "A").afterMu * kMu, 21000, 0.05);
  plan = core::plan::planRangers(*project, options(10, 1000, 50));
  ASSERT_TRUE(plan.complete());
  EXPECT_EQ(changeOf(plan, "A").parts, 1);
  EXPECT_NEAR(changeOf(plan, "A").afterMu * kMu, 11000, 0.05);
  EXPECT_EQ(plan.plots.size(), 1u);
}

TEST(RangerPlan, RangerWithoutResidenceIsLeftOutWithPlotsUnchanged)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("forest_land", "LD-1", rect(X0, Y0, X0 + 300, Y0 + 100), {});
  b.add("rangers", "A", point(X0 + 50, Y0 - 10), ranger());
  b.add("rangers", "Z", "", ranger()); // no point, no site
  b.add("ranger_plots", "G-Z", rect(X0 + 200, Y0, X0 + 300, Y0 + 100), plotOf("Z"));
  auto project = load(b.finish());
  RangerPlanResult plan = core::plan::planRangers(*project, options(15, 1000, 10));
  ASSERT_EQ(plan.leftOut.size(), 1u);
  EXPECT_EQ(plan.leftOut[0].label, "Z");
  ASSERT_EQ(plan.changes.size(), 1u);
  // A gets the 20,000 m² that Z does not hold, Z keeps its plot.
  EXPECT_TRUE(plan.complete());
  EXPECT_LE(changeOf(plan, "A").afterMu * kMu, 20000 + 0.01);
  bool zKept = false;
  for (const auto &plot : plan.plots)
    zKept = zKept || (plot.rangerCode == "Z" && plot.code == "G-Z");
  EXPECT_TRUE(zKept);
}

TEST(RangerPlan, NoForestPoolIsRefusedNamingWhatIsMissing)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("rangers", "A", point(X0, Y0), ranger());
  auto project = load(b.finish());
  try {
    core::plan::planRangers(*project, options(15, 1000, 10));
    FAIL() << "planned without forest";
  } catch (const core::plan::PlanInputError &e) {
    EXPECT_NE(std::string(e.what()).find("forest_land"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("ranger_plots"), std::string::npos) << e.what();
  }
}

TEST(RangerPlan, TooManyCellsIsRefusedSuggestingALargerCell)
{
  // 10 km × 10 km of forest on a 1 m grid: 10^8 cells; 10^7 would need √10 m, so 10 m.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("forest_land", "LD-1", rect(X0, Y0, X0 + 10000, Y0 + 10000), {});
  b.add("rangers", "A", point(X0, Y0), ranger());
  auto project = load(b.finish());
  try {
    core::plan::planRangers(*project, options(15, 1000, 1));
    FAIL() << "planned 10^8 cells";
  } catch (const core::plan::PlanInputError &e) {
    EXPECT_NE(std::string(e.what()).find("at least 10 m"), std::string::npos) << e.what();
  }
}

namespace {

//! Forest within reach of a set of rangers measured without cells: the forest inside the
//! union of discs of radius maxDistanceM about their homes (GEOS buffers, 64 segments a
//! quarter, a little inside the true disc, so never more than the cells' reach).
double forestWithinM2(const std::vector<gis::Geometry> &forest,
                      const std::vector<std::pair<double, double>> &homes, double maxDistanceM)
{
  std::vector<gis::Geometry> discs;
  for (auto [x, y] : homes)
    discs.push_back(gis::Geometry(
        GEOSBuffer_r(gis::geosContext(), gis::makePoint(x, y).get(), maxDistanceM, 64)));
  std::vector<const GEOSGeometry *> d, f;
  for (const auto &g : discs)
    d.push_back(g.get());
  for (const auto &g : forest)
    f.push_back(g.get());
  gis::Geometry reach = gis::unionAll(d);
  gis::Geometry pool = gis::unionAll(f);
  return gis::planarArea(gis::intersection(reach.get(), pool.get()).get());
}

} // namespace

TEST(RangerPlan, RandomInstancesPlansPassTheRulesAndCertificatesHold)
{
  // Random forest blocks on a 1.2 km square, rangers with random homes and random current
  // plots (which may overlap one another and leave the forest), a 15 mu floor within 300 m.
  std::mt19937 random(20201210);
  int feasible = 0, infeasible = 0;
  for (int instance = 0; instance < 12; ++instance) {
    TempDir dir;
    ProjectBuilder b(dir.file("p.gpkg"));
    std::uniform_real_distribution<double> where(0, 1000), size(60, 220);
    std::vector<gis::Geometry> forest;
    const int blocks = 3 + int(random() % 5);
    for (int i = 0; i < blocks; ++i) {
      const double x = X0 + where(random), y = Y0 + where(random);
      const std::string wkt = rect(x, y, x + size(random), y + size(random));
      forest.push_back(gis::fromWkt(wkt));
      b.add("forest_land", "LD-" + std::to_string(i), wkt, {});
    }
    b.layer("ranger_plots");
    const int rangers = 2 + int(random() % 6);
    std::vector<std::pair<double, double>> homes;
    for (int r = 0; r < rangers; ++r) {
      const std::string code = "R" + std::to_string(r);
      homes.emplace_back(X0 + where(random), Y0 + where(random));
      b.add("rangers", code, point(homes.back().first, homes.back().second), ranger());
      if (random() % 3 != 0) {
        const double x = homes.back().first - 100, y = homes.back().second - 50;
        b.add("ranger_plots", "G-" + code, rect(x, y, x + size(random), y + size(random)),
              plotOf(code));
      }
    }
    auto project = load(b.finish());
    RangerPlanResult plan = core::plan::planRangers(*project, options(15, 300, 20));
    if (plan.feasible) {
      ++feasible;
      // Every ranger the plan calls satisfied passes the engine's rules; nobody overlaps.
      std::set<std::string> satisfied;
      for (const auto &c : plan.changes)
        if (c.satisfied)
          satisfied.insert(c.rangerCode);
      for (const core::Violation &v : engineCheck(dir.path(), *project, plan, 15, 300)) {
        EXPECT_NE(v.rule, "ranger-overlap") << "instance " << instance << ": " << v.messageEn;
        if (v.feature.layer == "rangers") {
          const std::string code = *project->rangers.features[v.feature.fid - 1].code;
          EXPECT_FALSE(satisfied.count(code))
              << "instance " << instance << ": " << v.rule << " " << v.messageEn;
        }
      }
    } else {
      ++infeasible;
      std::vector<std::pair<double, double>> hallHomes;
      for (const std::string &code : plan.hallSet)
        hallHomes.push_back(homes[std::stoi(code.substr(1))]);
      const double within = forestWithinM2(forest, hallHomes, 300);
      const double demand = double(plan.hallSet.size()) * 15 * kMu;
      EXPECT_NEAR(plan.hallDemandMu * kMu, demand, 1e-6) << "instance " << instance;
      // The cells reached cover at least the forest within the discs, and the demand exceeds
      // what was reached, so it exceeds the forest within reach however it is measured.
      EXPECT_GE(plan.hallSupplyMu * kMu, within - 1) << "instance " << instance;
      EXPECT_GT(demand, plan.hallSupplyMu * kMu) << "instance " << instance;
      EXPECT_GT(demand, within) << "instance " << instance;
    }
  }
  // The seed gives both kinds of instance, so both properties were exercised.
  EXPECT_GT(feasible, 0);
  EXPECT_GT(infeasible, 0);
}

//! The planar area ranger `code`'s planned plots share with the polygon `wkt`.
double plannedInside(const RangerPlanResult &plan, const std::string &code, const std::string &wkt)
{
  gis::Geometry area = gis::fromWkt(wkt);
  double inside = 0;
  for (const auto &plot : plan.plots)
    if (plot.rangerCode == code)
      inside += gis::planarArea(gis::intersection(plot.geometry.get(), area.get()).get());
  return inside;
}

TEST(RangerPlanLocks, LockedPlotThatThePlanWouldMoveStaysWithItsRanger)
{
  // A holds G-A1 (0–200) and G-A2 (200–250), B holds 250–300 (× 100 m), the whole forest; the
  // floor is 15 mu = 10,000 m². Unlocked, B takes the 5,100 m² of A nearest its home (east),
  // G-A2 among them. With G-A2 locked (and two parts allowed), G-A2 stays A's as it is and B
  // takes from G-A1 instead: B ends up with 5,000 m² of its own and at least 5,000 m² west of
  // G-A2, A with G-A2 and the rest of G-A1, both at least the floor.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  const std::string a1 = rect(X0, Y0, X0 + 200, Y0 + 100),
                    a2 = rect(X0 + 200, Y0, X0 + 250, Y0 + 100);
  b.add("forest_land", "LD-1", rect(X0, Y0, X0 + 300, Y0 + 100), {});
  b.add("rangers", "A", point(X0 - 10, Y0 + 50), ranger());
  b.add("rangers", "B", point(X0 + 310, Y0 + 50), ranger());
  b.add("ranger_plots", "G-A1", a1, plotOf("A"));
  b.add("ranger_plots", "G-A2", a2, plotOf("A"));
  b.add("ranger_plots", "G-B", rect(X0 + 250, Y0, X0 + 300, Y0 + 100), plotOf("B"));
  auto project = load(b.finish());
  RangerPlanOptions o = options(15, 1000, 10);
  o.maxParts = 2;
  RangerPlanResult unlocked = core::plan::planRangers(*project, o);
  ASSERT_TRUE(unlocked.complete());
  EXPECT_GT(plannedInside(unlocked, "B", a2), 4999);

  const std::int64_t lockedFid = project->rangerPlots.features[1].fid;
  ASSERT_EQ(project->rangerPlots.features[1].code, "G-A2");
  o.locks.plotFids = {lockedFid};
  RangerPlanResult plan = core::plan::planRangers(*project, o);
  ASSERT_TRUE(plan.complete());
  int kept = 0;
  for (const auto &plot : plan.plots)
    if (plot.keptFid == lockedFid) {
      ++kept;
      EXPECT_EQ(plot.code, "G-A2");
      EXPECT_EQ(plot.rangerCode, "A");
      gis::Geometry old = gis::fromWkt(a2);
      EXPECT_NEAR(gis::planarArea(gis::difference(old.get(), plot.geometry.get()).get()), 0, 1e-6);
      EXPECT_NEAR(gis::planarArea(gis::difference(plot.geometry.get(), old.get()).get()), 0, 1e-6);
    }
  EXPECT_EQ(kept, 1);
  EXPECT_NEAR(plannedInside(plan, "B", a2), 0, 1e-6);
  EXPECT_GE(plannedInside(plan, "B", a1), 5000);
  EXPECT_NEAR(plannedInside(plan, "A", a2), 5000, 1e-6);
  EXPECT_GE(plannedInside(plan, "A", a1) + plannedInside(plan, "A", a2), 10000);
  EXPECT_TRUE(engineCheck(dir.path(), *project, plan, 15, 1000).empty());
}

TEST(RangerPlanLocks, LockedRangerKeepsEveryPlotAsItIs)
{
  // A holds G-A (0–150 × 100, 15,000 m²) and G-AF, a block 2 km east, beyond its 1,000 m reach.
  // Planned, A loses G-AF (land beyond reach is freed); locked, A's two plots come back as they
  // are and A is listed as left out, locked. B (150–300) is fine either way.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  const std::string far = rect(X0 + 2000, Y0, X0 + 2100, Y0 + 100);
  b.add("forest_land", "LD-1", rect(X0, Y0, X0 + 300, Y0 + 100), {});
  b.add("forest_land", "LD-2", far, {});
  b.add("rangers", "A", point(X0 - 10, Y0 + 50), ranger());
  b.add("rangers", "B", point(X0 + 310, Y0 + 50), ranger());
  b.add("ranger_plots", "G-A", rect(X0, Y0, X0 + 150, Y0 + 100), plotOf("A"));
  b.add("ranger_plots", "G-AF", far, plotOf("A"));
  b.add("ranger_plots", "G-B", rect(X0 + 150, Y0, X0 + 300, Y0 + 100), plotOf("B"));
  auto project = load(b.finish());
  RangerPlanOptions o = options(15, 1000, 10);
  RangerPlanResult unlocked = core::plan::planRangers(*project, o);
  ASSERT_TRUE(unlocked.complete());
  EXPECT_NEAR(plannedInside(unlocked, "A", far), 0, 1e-6);

  o.locks.rangers = {"A"};
  RangerPlanResult plan = core::plan::planRangers(*project, o);
  ASSERT_TRUE(plan.complete());
  ASSERT_EQ(plan.changes.size(), 1u);
  EXPECT_EQ(plan.changes[0].rangerCode, "B");
  ASSERT_EQ(plan.leftOut.size(), 1u);
  EXPECT_EQ(plan.leftOut[0].label, "A");
  std::set<std::string> codesOfA;
  for (const auto &plot : plan.plots)
    if (plot.rangerCode == "A") {
      codesOfA.insert(plot.code);
      ASSERT_TRUE(plot.keptFid);
      const core::RangerPlot &old =
          project->rangerPlots.features[*project->rangerPlots.findFid(*plot.keptFid)];
      EXPECT_EQ(old.code, plot.code);
      EXPECT_NEAR(gis::planarArea(gis::difference(old.geometry.get(), plot.geometry.get()).get()),
                  0, 1e-6);
      EXPECT_NEAR(gis::planarArea(gis::difference(plot.geometry.get(), old.geometry.get()).get()),
                  0, 1e-6);
    }
  EXPECT_EQ(codesOfA, (std::set<std::string>{"G-A", "G-AF"}));
  EXPECT_NEAR(plannedInside(plan, "B", rect(X0, Y0, X0 + 150, Y0 + 100)), 0, 1e-6);
}

TEST(RangerPlanProgress, ReportsPhasesInOrderAndStopsWhenCancelled)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("forest_land", "LD-1", rect(X0, Y0, X0 + 300, Y0 + 100), {});
  b.add("rangers", "A", point(X0 - 10, Y0 + 50), ranger());
  b.add("rangers", "B", point(X0 + 310, Y0 + 50), ranger());
  b.add("ranger_plots", "G-A", rect(X0, Y0, X0 + 250, Y0 + 100), plotOf("A"));
  b.add("ranger_plots", "G-B", rect(X0 + 250, Y0, X0 + 300, Y0 + 100), plotOf("B"));
  auto project = load(b.finish());
  RangerPlanOptions o = options(15, 1000, 10);
  o.threads = 1;

  std::vector<std::string> steps;
  double last = -1;
  bool increasing = true;
  core::Progress watch([&](const std::string &step, double fraction) {
    if (steps.empty() || steps.back() != step)
      steps.push_back(step);
    increasing = increasing && fraction >= last && fraction <= 1;
    last = fraction;
  });
  o.progress = &watch;
  EXPECT_TRUE(core::plan::planRangers(*project, o).complete());
  EXPECT_EQ(steps,
            (std::vector<std::string>{"cells", "reach", "assignment", "contiguity", "plots"}));
  EXPECT_TRUE(increasing);
  EXPECT_DOUBLE_EQ(last, 1);

  // Cancelled once it reaches the assignment: nothing after it starts.
  steps.clear();
  core::Progress *self = nullptr;
  core::Progress cancelling([&](const std::string &step, double) {
    steps.push_back(step);
    if (step == "assignment")
      self->cancel();
  });
  self = &cancelling;
  o.progress = &cancelling;
  EXPECT_THROW(core::plan::planRangers(*project, o), core::Cancelled);
  EXPECT_EQ(steps, (std::vector<std::string>{"cells", "reach", "assignment"}));

  // Cancelled before it starts: it stops in the first loop.
  core::Progress before;
  before.cancel();
  o.progress = &before;
  EXPECT_THROW(core::plan::planRangers(*project, o), core::Cancelled);
}

TEST(RangerPlanSettings, FromTheRuleSetAndRefusedWhenWrong)
{
  const core::RuleSet defaults = core::RuleSet::defaults();
  RangerPlanOptions o = RangerPlanOptions::fromRules(defaults);
  EXPECT_EQ(o.maxParts, 1);
  EXPECT_EQ(o.cellM, 100);
  EXPECT_EQ(o.minMu, 500);
  EXPECT_EQ(o.maxDistanceM, 5000);
  o = RangerPlanOptions::fromRules(core::RuleSet::fromToml(
      "min_overlap_m2 = 2\n[plan.rangers]\nmax_parts = 2\ncell_m = 25\n"
      "[rules.ranger-area]\nmin_mu = 300\n[rules.ranger-distance]\nmax_distance_m = 800\n",
      "t.toml"));
  EXPECT_EQ(o.maxParts, 2);
  EXPECT_EQ(o.cellM, 25);
  EXPECT_EQ(o.minMu, 300);
  EXPECT_EQ(o.maxDistanceM, 800);
  EXPECT_EQ(o.minOverlapM2, 2);
  for (const char *bad : {"[plan.rangers]\nparts = 2\n", "[plan.rangers]\nmax_parts = 0\n",
                          "[plan.rangers]\ncell_m = 0.5\n", "[plan.roads]\n"}) {
    try {
      core::RuleSet::fromToml(bad, "t.toml");
      ADD_FAILURE() << "accepted " << bad;
    } catch (const core::RuleSetError &e) {
      EXPECT_NE(std::string(e.what()).find("t.toml:"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("plan."), std::string::npos) << e.what();
    }
  }
}
