// Education planning (docs/education.md): seats that fit (min-cost flow) against hand-worked
// answers and a brute force over every integer assignment; where to build (p-median and maximal
// coverage) against every k-subset of the candidates, enumerated here; and the two on small
// projects whose covering is worked out by hand (EPSG:4546, planar distances).

#include "core/education/SchoolSiting.h"
#include "core/education/SeatPlan.h"
#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <random>

using namespace anzhi;
using namespace anzhi::test;
using namespace anzhi::core::education;
using anzhi::core::rules::CoverLink;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;

std::int64_t seatedAt(const SeatResult &r, std::size_t demand, std::size_t school)
{
  for (const SeatedPupils &s : r.seated[demand])
    if (s.school == school)
      return s.pupils;
  return 0;
}

//! The best (most seated, then least travel) over every integer assignment, by enumeration.
std::pair<std::int64_t, double> bruteForceSeats(const SeatProblem &p)
{
  std::pair<std::int64_t, double> best{-1, 0};
  std::vector<std::int64_t> load(p.seats.size(), 0);
  std::function<void(std::size_t, std::size_t, std::int64_t, std::int64_t, double)> go =
      [&](std::size_t d, std::size_t link, std::int64_t left, std::int64_t seated, double cost) {
        if (d == p.pupils.size()) {
          if (seated > best.first || (seated == best.first && cost < best.second - 1e-9))
            best = {seated, cost};
          return;
        }
        if (link == p.reach[d].size()) { // the rest of this demand stays unseated
          const std::size_t next = d + 1;
          go(next, 0, next < p.pupils.size() ? p.pupils[next] : 0, seated, cost);
          return;
        }
        const CoverLink &l = p.reach[d][link];
        for (std::int64_t n = 0; n <= left && load[l.school] + n <= p.seats[l.school]; ++n) {
          load[l.school] += n;
          go(d, link + 1, left - n, seated + n, cost + double(n) * l.cost);
          load[l.school] -= n;
        }
      };
  go(0, 0, p.pupils.empty() ? 0 : p.pupils[0], 0, 0.0);
  return best;
}

//! Σ weight × min(base, chosen costs) over every k-subset: the optimum, independently.
double bruteForceSelection(const SelectionProblem &p)
{
  double best = std::numeric_limits<double>::infinity();
  std::vector<char> pick(p.candidates, 0);
  std::fill(pick.begin(), pick.begin() + p.k, 1);
  std::sort(pick.begin(), pick.end());
  do {
    double total = 0;
    for (std::size_t i = 0; i < p.weight.size(); ++i) {
      double c = p.baseCost[i];
      for (const CoverLink &l : p.reach[i])
        if (pick[l.school])
          c = std::min(c, l.cost);
      total += p.weight[i] * c;
    }
    best = std::min(best, total);
  } while (std::next_permutation(pick.begin(), pick.end()));
  return best;
}

//! The objective of a choice, computed here independently of the program.
double costOf(const SelectionProblem &p, const std::vector<std::size_t> &chosen)
{
  double total = 0;
  for (std::size_t i = 0; i < p.weight.size(); ++i) {
    double c = p.baseCost[i];
    for (const CoverLink &l : p.reach[i])
      if (std::find(chosen.begin(), chosen.end(), l.school) != chosen.end())
        c = std::min(c, l.cost);
    total += p.weight[i] * c;
  }
  return total;
}

//! Whether some swap of one chosen candidate for an unchosen one lowers the objective.
bool swapImproves(const SelectionProblem &p, const std::vector<std::size_t> &chosen)
{
  const double current = costOf(p, chosen);
  for (std::size_t out = 0; out < chosen.size(); ++out)
    for (std::size_t in = 0; in < p.candidates; ++in) {
      if (std::find(chosen.begin(), chosen.end(), in) != chosen.end())
        continue;
      std::vector<std::size_t> swapped = chosen;
      swapped[out] = in;
      if (costOf(p, swapped) < current - 1e-9)
        return true;
    }
  return false;
}

SelectionProblem randomSelection(std::mt19937 &rng, std::size_t demands, std::size_t candidates,
                                 std::size_t k, bool coverage)
{
  std::uniform_int_distribution<int> pupils(0, 60), cost(1, 100), coin(0, 2);
  SelectionProblem p;
  p.candidates = candidates;
  p.k = k;
  for (std::size_t i = 0; i < demands; ++i) {
    const bool covered = coin(rng) == 0;
    p.weight.push_back(coverage && covered ? 0.0 : double(pupils(rng)));
    p.baseCost.push_back(coverage ? 1.0 : (covered ? double(cost(rng)) : 200.0));
    std::vector<CoverLink> links;
    for (std::size_t j = 0; j < candidates; ++j)
      if (coin(rng) == 0)
        links.push_back({j, coverage ? 0.0 : double(cost(rng))});
    p.reach.push_back(std::move(links));
  }
  return p;
}

V site(const std::string &setting, std::int64_t primary, std::int64_t junior = 0)
{
  return {FieldValue("安置区"),
          null,
          null,
          FieldValue(setting),
          null,
          FieldValue(std::int64_t(1000)),
          FieldValue(primary),
          FieldValue(junior),
          FieldValue(std::int64_t(1))};
}

V school(const std::string &level, std::int64_t capacity, std::int64_t enrolled = 0)
{
  return {FieldValue("学校"), FieldValue(level), FieldValue(capacity), FieldValue(enrolled)};
}

V plot(const std::string &landUse)
{
  return {FieldValue("地块"), FieldValue(landUse)};
}

std::string square(double x, double y, double side = 100)
{
  return rect(x, y, x + side, y + side);
}

} // namespace

TEST(SeatAssignment, CapacityPushesTheNearerSitesPupilsToTheFartherSchool)
{
  // A (10 pupils) reaches X at 1 and Y at 5; B (10) reaches X only, at 2; each school seats 10.
  // Nearest-first would seat A at X and leave B unseated; all 20 fit only with A at Y:
  // 10 × 5 + 10 × 2 = 70.
  SeatProblem p;
  p.pupils = {10, 10};
  p.seats = {10, 10};
  p.reach = {{{0, 1.0}, {1, 5.0}}, {{0, 2.0}}};
  const SeatResult r = assignSeats(p);
  EXPECT_EQ(seatedAt(r, 0, 1), 10);
  EXPECT_EQ(seatedAt(r, 0, 0), 0);
  EXPECT_EQ(seatedAt(r, 1, 0), 10);
  EXPECT_EQ(r.totalUnseated(), 0);
  EXPECT_DOUBLE_EQ(r.travel, 70.0);
  EXPECT_EQ(r.assigned, (std::vector<std::int64_t>{10, 10}));
}

TEST(SeatAssignment, SeatsAsManyAsAReshuffleCanEvenWhenItCostsMore)
{
  // A (1) reaches X only at 10; B (1) reaches X at 1 and Y at 10; one seat each. Seating B at X
  // (1) leaves A out; seating both costs 20. No pupil is left out to save travel.
  SeatProblem p;
  p.pupils = {1, 1};
  p.seats = {1, 1};
  p.reach = {{{0, 10.0}}, {{0, 1.0}, {1, 10.0}}};
  const SeatResult r = assignSeats(p);
  EXPECT_EQ(r.totalUnseated(), 0);
  EXPECT_EQ(seatedAt(r, 0, 0), 1);
  EXPECT_EQ(seatedAt(r, 1, 1), 1);
  EXPECT_DOUBLE_EQ(r.travel, 20.0);
}

TEST(SeatAssignment, PupilsWithoutReachOrSeatsStayUnseated)
{
  // C reaches nothing; D (8) reaches X, which has 5 free seats.
  SeatProblem p;
  p.pupils = {7, 8};
  p.seats = {5};
  p.reach = {{}, {{0, 3.0}}};
  const SeatResult r = assignSeats(p);
  EXPECT_EQ(r.unseated, (std::vector<std::int64_t>{7, 3}));
  EXPECT_EQ(seatedAt(r, 1, 0), 5);
  EXPECT_DOUBLE_EQ(r.travel, 15.0);
}

TEST(SeatAssignment, MatchesEveryIntegerAssignmentOnSmallInstances)
{
  std::mt19937 rng(16);
  std::uniform_int_distribution<int> pupils(0, 4), seats(0, 5), cost(0, 30), coin(0, 2);
  for (int round = 0; round < 200; ++round) {
    SeatProblem p;
    const int demands = 2 + round % 3, schools = 1 + round % 3;
    for (int s = 0; s < schools; ++s)
      p.seats.push_back(seats(rng));
    for (int d = 0; d < demands; ++d) {
      p.pupils.push_back(pupils(rng));
      std::vector<CoverLink> links;
      for (int s = 0; s < schools; ++s)
        if (coin(rng) != 0)
          links.push_back({std::size_t(s), cost(rng) / 4.0});
      p.reach.push_back(std::move(links));
    }
    const auto [seated, travel] = bruteForceSeats(p);
    const SeatResult r = assignSeats(p);
    std::int64_t total = 0;
    for (std::int64_t n : p.pupils)
      total += n;
    EXPECT_EQ(total - r.totalUnseated(), seated) << "round " << round;
    EXPECT_NEAR(r.travel, travel, 1e-9) << "round " << round;
    for (std::size_t s = 0; s < p.seats.size(); ++s)
      EXPECT_LE(r.assigned[s], p.seats[s]);
  }
}

TEST(SiteSelection, PMedianOptimumOverEverySubset)
{
  std::mt19937 rng(1600);
  int heuristicMisses = 0;
  double worstGap = 0;
  for (int round = 0; round < 30; ++round) {
    const std::size_t candidates = 6 + round % 3, k = 1 + round % 3;
    const SelectionProblem p = randomSelection(rng, 14, candidates, k, false);
    const double optimum = bruteForceSelection(p);
    const Selection cbc = selectByCbc(p, 60);
    EXPECT_TRUE(cbc.provenOptimal);
    EXPECT_NEAR(cbc.cost, optimum, 1e-6) << "round " << round;
    EXPECT_EQ(cbc.chosen.size(), k);
    EXPECT_NEAR(*cbc.bound, optimum, 1e-6);
    const Selection heuristic = selectByInterchange(p);
    EXPECT_EQ(heuristic.chosen.size(), k);
    EXPECT_GE(heuristic.cost, optimum - 1e-6);
    EXPECT_NEAR(heuristic.cost, costOf(p, heuristic.chosen), 1e-6);
    EXPECT_FALSE(swapImproves(p, heuristic.chosen)) << "round " << round;
    if (heuristic.cost > optimum + 1e-6)
      ++heuristicMisses;
    worstGap = std::max(worstGap, heuristic.cost / optimum - 1);
    // Auto returns the proven optimum.
    EXPECT_NEAR(selectSites(p, SelectionMethod::Auto, 60).cost, optimum, 1e-6);
  }
  // Teitz–Bart is a local search with no bound in general: its answer is guaranteed only to
  // admit no improving swap (checked above). On these 30 instances it misses the optimum once,
  // by 13.9 %; the test allows at most 2 misses, each within 15 %.
  EXPECT_LE(heuristicMisses, 2);
  EXPECT_LE(worstGap, 0.15);
}

TEST(SiteSelection, MaximalCoverageOptimumOverEverySubset)
{
  std::mt19937 rng(4);
  int heuristicMisses = 0;
  for (int round = 0; round < 30; ++round) {
    const std::size_t candidates = 6 + round % 3, k = 1 + round % 3;
    const SelectionProblem p = randomSelection(rng, 14, candidates, k, true);
    const double optimum = bruteForceSelection(p); // pupils left uncovered
    const Selection cbc = selectByCbc(p, 60);
    EXPECT_NEAR(cbc.cost, optimum, 1e-6) << "round " << round;
    const Selection heuristic = selectByInterchange(p);
    EXPECT_GE(heuristic.cost, optimum - 1e-6);
    EXPECT_FALSE(swapImproves(p, heuristic.chosen)) << "round " << round;
    heuristicMisses += heuristic.cost > optimum + 1e-6;
    // Auto returns the proven optimum.
    EXPECT_NEAR(selectSites(p, SelectionMethod::Auto, 60).cost, optimum, 1e-6);
  }
  // As above: a local optimum, which here misses the global one once in 30.
  EXPECT_LE(heuristicMisses, 2);
}

TEST(SiteSelection, AddingAllCandidatesOrNoneIsExact)
{
  std::mt19937 rng(7);
  SelectionProblem p = randomSelection(rng, 10, 5, 5, false);
  std::vector<std::size_t> all = {0, 1, 2, 3, 4};
  EXPECT_EQ(selectByInterchange(p).chosen, all);
  EXPECT_NEAR(selectByCbc(p, 60).cost, selectionCost(p, all), 1e-6);
  p.k = 0;
  EXPECT_TRUE(selectByInterchange(p).chosen.empty());
  p.k = 6;
  EXPECT_THROW(selectByInterchange(p), std::invalid_argument);
}

namespace {

//! Primary radius urban 500 m (the defaults); sites 100 m squares.
struct SitingProject
{
  TempDir dir;
  std::string path;
  std::shared_ptr<const core::Project> project;
  core::RuleSet rules = core::RuleSet::defaults();

  SitingProject()
  {
    ProjectBuilder b(dir.file("p.gpkg"));
    // S1 (30) alone in the west; S2 (20) and S3 (25) 500 m apart in the east; S4 (40) beside
    // the existing school, covered.
    b.add("resettlement_sites", "S1", square(X0, Y0), site("urban", 30));
    b.add("resettlement_sites", "S2", square(X0 + 5000, Y0), site("urban", 20));
    b.add("resettlement_sites", "S3", square(X0 + 5600, Y0), site("urban", 25));
    b.add("resettlement_sites", "S4", square(X0, Y0 + 5000), site("urban", 40));
    b.add("schools", "E1", point(X0 + 50, Y0 + 5300), school("primary", 100));
    // C1 300 m east of S1; C2 midway between S2 and S3 (250 m from each); C3 covers nobody;
    // C4 is no education plot.
    b.add("planned_plots", "C1", square(X0 + 390, Y0 + 40, 20), plot("education"));
    b.add("planned_plots", "C2", square(X0 + 5340, Y0 + 40, 20), plot("A33"));
    b.add("planned_plots", "C3", square(X0 + 20000, Y0, 20), plot("education"));
    b.add("planned_plots", "C4", square(X0 + 200, Y0, 20), plot("residential"));
    path = b.finish();
    core::LoadOptions options;
    options.landUse = rules.landUse;
    project = core::Project::load(path, options);
  }
};

} // namespace

TEST(SchoolSiting, CoverageAddsTheSchoolCoveringMostUncoveredPupils)
{
  SitingProject p;
  const EducationReach reach(*p.project, p.rules);
  const std::vector<Candidate> candidates = educationPlotCandidates(*p.project);
  ASSERT_EQ(candidates.size(), 3u);
  EXPECT_EQ(candidates[0].label, "C1");
  EXPECT_EQ(candidates[1].label, "C2");
  for (SelectionMethod method : {SelectionMethod::Cbc, SelectionMethod::Heuristic}) {
    const SitingPlan one = planSchools(reach, core::rules::SchoolLevel::Primary, candidates, 1,
                                       SitingObjective::Coverage, method, 60);
    ASSERT_EQ(one.added.size(), 1u);
    EXPECT_EQ(one.added[0].candidate, 1u); // C2: 20 + 25 > C1's 30
    EXPECT_EQ(one.added[0].newlyCovered, 45);
    EXPECT_EQ(one.pupils, 115);
    EXPECT_EQ(one.uncoveredBefore, 75);
    EXPECT_EQ(one.uncoveredAfter, 30);
    const SitingPlan two = planSchools(reach, core::rules::SchoolLevel::Primary, candidates, 2,
                                       SitingObjective::Coverage, method, 60);
    ASSERT_EQ(two.added.size(), 2u);
    EXPECT_EQ(two.added[0].candidate, 0u);
    EXPECT_EQ(two.added[0].newlyCovered, 30);
    EXPECT_EQ(two.added[1].newlyCovered, 45);
    EXPECT_EQ(two.uncoveredAfter, 0);
  }
}

TEST(SchoolSiting, TravelCountsDistancesAndThePenalty)
{
  // Radius mode: cost = metres from the site's polygon. S4 is 200 m from E1 (its top edge at
  // +5100, the school at +5300); the others are uncovered. The penalty is twice the longest
  // covering trip or radius: the rural radius 2500 m → 5000 m.
  SitingProject p;
  const EducationReach reach(*p.project, p.rules);
  const std::vector<Candidate> candidates = educationPlotCandidates(*p.project);
  const SitingPlan plan = planSchools(reach, core::rules::SchoolLevel::Primary, candidates, 2,
                                      SitingObjective::Travel, SelectionMethod::Auto, 60);
  EXPECT_EQ(plan.unit, "m");
  EXPECT_DOUBLE_EQ(plan.unreachedCost, 5000.0);
  EXPECT_NEAR(plan.travelBefore, 40 * 200.0 + 75 * 5000.0, 1e-6);
  // C1's point-on-surface is (X0+400, Y0+50): 300 m from S1; C2 at X0+5350: 250 m from S2's
  // east edge (X0+5100) and S3's west edge (X0+5600).
  EXPECT_NEAR(plan.travelAfter, 40 * 200.0 + 30 * 300.0 + 45 * 250.0, 1e-6);
  EXPECT_TRUE(plan.selection.provenOptimal);
}

TEST(SeatPlan, NineYearSeatsAreSharedByBothLevels)
{
  // One nine_year school with 30 free seats (40 − 10 enrolled) 100 m from a site of 20 primary
  // and 15 junior pupils: 5 stay unseated when both levels are seated together, none when each
  // level is seated alone.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("resettlement_sites", "S1", square(X0, Y0), site("urban", 20, 15));
  b.add("schools", "N1", point(X0 + 200, Y0 + 50), school("nine_year", 40, 10));
  const core::RuleSet rules = core::RuleSet::defaults();
  core::LoadOptions options;
  auto project = core::Project::load(b.finish(), options);
  const EducationReach reach(*project, rules);
  using core::rules::SchoolLevel;
  const SeatPlan both = planSeats(reach, {SchoolLevel::Primary, SchoolLevel::Junior});
  ASSERT_EQ(both.schools.size(), 1u);
  EXPECT_EQ(both.schools[0].free, 30);
  EXPECT_EQ(both.schools[0].assigned, 30);
  EXPECT_EQ(both.schools[0].remaining(), 0);
  EXPECT_EQ(both.pupils(), 35);
  EXPECT_EQ(both.unseated(), 5);
  EXPECT_NEAR(both.travel, 30 * 100.0, 1e-9);
  const SeatPlan primary = planSeats(reach, {SchoolLevel::Primary});
  EXPECT_EQ(primary.unseated(), 0);
  EXPECT_EQ(primary.schools[0].remaining(), 10);
}

TEST(SchoolSiting, NewSchoolsAreReachedByRoadInNetworkMode)
{
  // One road along y = 0, everything at walking speed (4 km/h = 200/3 m/min). The site's
  // point-on-surface (50, 60) is 60 m from the road; candidate N1's (650, 30) 30 m: 60 + 600 +
  // 30 = 690 m, 10.35 min ≤ 15 (urban). N2's (1550, 30): 1590 m, 23.85 min, beyond.
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("resettlement_sites", "S1", rect(X0, Y0 + 10, X0 + 100, Y0 + 110), site("urban", 12));
  b.add("roads", "R1",
        "LINESTRING(" + std::to_string(X0) + " " + std::to_string(Y0) + ", " +
            std::to_string(X0 + 2000) + " " + std::to_string(Y0) + ")",
        {FieldValue("village")});
  b.add("schools", "E1", point(X0 + 1900, Y0 + 3000), school("junior", 100));
  b.add("planned_plots", "N1", square(X0 + 640, Y0 + 20, 20), plot("education"));
  b.add("planned_plots", "N2", square(X0 + 1540, Y0 + 20, 20), plot("education"));
  const core::RuleSet rules = core::RuleSet::fromToml(
      "[rules.school-coverage]\nmode = { primary = \"network\", junior = \"radius\" }\n", "t");
  core::LoadOptions options;
  options.landUse = rules.landUse;
  auto project = core::Project::load(b.finish(), options);
  const EducationReach reach(*project, rules);
  const std::vector<Candidate> candidates = educationPlotCandidates(*project);
  ASSERT_EQ(candidates.size(), 2u);
  const ReachMatrix links =
      reach.points(core::rules::SchoolLevel::Primary,
                   std::vector<core::network::XY>{candidates[0].point, candidates[1].point});
  ASSERT_EQ(links[0].size(), 1u);
  EXPECT_EQ(links[0][0].school, 0u);
  EXPECT_NEAR(links[0][0].cost, 690 / (200.0 / 3), 1e-9);
  const SitingPlan plan = planSchools(reach, core::rules::SchoolLevel::Primary, candidates, 1,
                                      SitingObjective::Travel, SelectionMethod::Heuristic, 60);
  EXPECT_EQ(plan.unit, "min");
  EXPECT_DOUBLE_EQ(plan.unreachedCost, 60.0); // twice the rural 30 min
  EXPECT_EQ(plan.added[0].candidate, 0u);
  EXPECT_EQ(plan.added[0].newlyCovered, 12);
  EXPECT_NEAR(plan.travelAfter, 12 * 690 / (200.0 / 3), 1e-9);
  // Without roads the level cannot be judged by road: refused, naming the project.
  ProjectBuilder bare(dir.file("bare.gpkg"));
  bare.add("resettlement_sites", "S1", rect(X0, Y0 + 10, X0 + 100, Y0 + 110), site("urban", 12));
  auto noRoads = core::Project::load(bare.finish(), options);
  const EducationReach without(*noRoads, rules);
  EXPECT_THROW(without.schools(core::rules::SchoolLevel::Primary), std::runtime_error);
  EXPECT_NO_THROW(without.schools(core::rules::SchoolLevel::Junior));
}
