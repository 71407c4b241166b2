// How far the ranger planner's assignment (core/plan/RangerAssignment: min-cost flow, rounding,
// floors topped up) is from the least area moved with whole cells, on small random instances
// (≤ 200 cells) solved exactly as a MILP with COIN-OR CBC (EPL):
//
//   minimise Σ a_c x_rc over cells c another ranger holds today
//   subject to Σ_r x_rc ≤ 1 (each cell to one ranger), Σ_c a_c x_rc ≥ floor_r (each floor),
//              x_rc ∈ {0, 1}, only for cells c within reach of ranger r.
//
// Contiguity is left out of both sides: this measures the assignment, not the repair.
//
//   ranger_milp_bench [INSTANCES] [SEED]      (default 30 instances, seed 1)
//
// Prints one line per instance and the mean and worst ratio; exits 1 if the planner ever moves
// less than the MILP's optimum (impossible unless one of them is wrong).

#include "core/plan/RangerAssignment.h"
#include "gis/EllipsoidalArea.h"

#include <coin/Cbc_C_Interface.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <variant>

using namespace anzhi;
using namespace anzhi::core::plan;

namespace {

struct Instance
{
  std::vector<gis::Geometry> forest;
  std::vector<std::vector<gis::Geometry>> plots; // by ranger
  std::vector<gis::Geometry> homes;
};

//! A 640 × 320 m block cut into vertical strips, one per ranger, of random widths; homes near
//! their strip; floors at a random 70–95 % of an even share, so that short rangers must take
//! from long ones.
Instance randomInstance(std::mt19937 &random, int rangers)
{
  const double x0 = 500000, y0 = 4300000, width = 640, height = 320;
  Instance in;
  in.forest.push_back(
      gis::makePolygon({{x0, y0}, {x0 + width, y0}, {x0 + width, y0 + height}, {x0, y0 + height}}));
  std::vector<double> cuts{0, width};
  std::uniform_real_distribution<double> u(0, 1);
  for (int r = 1; r < rangers; ++r)
    cuts.push_back(std::round(u(random) * width / 10) * 10);
  std::sort(cuts.begin(), cuts.end());
  for (int r = 0; r < rangers; ++r) {
    in.plots.emplace_back();
    if (cuts[r + 1] > cuts[r])
      in.plots.back().push_back(gis::makePolygon({{x0 + cuts[r], y0},
                                                  {x0 + cuts[r + 1], y0},
                                                  {x0 + cuts[r + 1], y0 + height},
                                                  {x0 + cuts[r], y0 + height}}));
    in.homes.push_back(gis::makePoint(x0 + (cuts[r] + cuts[r + 1]) / 2, y0 - 20));
  }
  return in;
}

} // namespace

constexpr double kMilpSeconds = 20;

int main(int argc, char **argv)
{
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const int instances = argc > 1 ? std::atoi(argv[1]) : 30;
  std::mt19937 random(argc > 2 ? std::atoi(argv[2]) : 1);
  const gis::Crs crs = gis::Crs::fromEpsg(4546);
  const double cellM = 40, maxDistanceM = 400;
  double ratioSum = 0, worst = 1;
  int compared = 0;
  for (int i = 0; i < instances; ++i) {
    const int rangers = 3 + int(random() % 4);
    Instance in = randomInstance(random, rangers);
    std::vector<const GEOSGeometry *> pool{in.forest[0].get()};
    std::vector<std::vector<const GEOSGeometry *>> owned;
    std::vector<const GEOSGeometry *> homes;
    for (int r = 0; r < rangers; ++r) {
      owned.emplace_back();
      for (const auto &g : in.plots[r])
        owned.back().push_back(g.get());
      homes.push_back(in.homes[r].get());
    }
    ForestCells cells = ForestCells::build(pool, owned, cellM, crs, 1);
    Reach reach(cells, homes, maxDistanceM, 1);
    double total = 0;
    for (const auto &c : cells.cells())
      total += c.areaM2;
    std::uniform_real_distribution<double> share(0.7, 0.95);
    const double floor = total / rangers * share(random);
    std::vector<RangerDemand> demands(rangers);
    for (auto &d : demands) {
      d.floorM2 = floor;
      d.demandM2 = floor + 1;
    }
    RangerAssignment assignment(cells, reach, demands, maxDistanceM);
    auto solved = assignment.solve();
    // The MILP on the same cells, reach and (margin-included) demands.
    Cbc_Model *model = Cbc_newModel();
    Cbc_setLogLevel(model, 0);
    Cbc_setMaximumSeconds(model, kMilpSeconds);
    std::vector<std::vector<int>> byCell(cells.size());
    std::vector<std::vector<std::pair<int, double>>> byRanger(rangers);
    int column = 0;
    for (int r = 0; r < rangers; ++r)
      for (const ReachableCell &rc : reach.of(r)) {
        const int owner = cells[rc.cell].owner;
        const double a = cells[rc.cell].areaM2;
        Cbc_addCol(model, "", 0, 1, owner != kFree && owner != r ? a : 0, 1, 0, nullptr, nullptr);
        byCell[rc.cell].push_back(column);
        byRanger[r].emplace_back(column, a);
        ++column;
      }
    for (const auto &cols : byCell) {
      std::vector<double> ones(cols.size(), 1.0);
      if (!cols.empty())
        Cbc_addRow(model, "", int(cols.size()), cols.data(), ones.data(), 'L', 1);
    }
    for (int r = 0; r < rangers; ++r) {
      std::vector<int> cols;
      std::vector<double> coefs;
      for (auto [c, a] : byRanger[r]) {
        cols.push_back(c);
        coefs.push_back(a);
      }
      Cbc_addRow(model, "", int(cols.size()), cols.data(), coefs.data(), 'G', demands[r].demandM2);
    }
    Cbc_setObjSense(model, 1);
    Cbc_solve(model);
    // Within the time limit CBC may stop short of a proof: its lower bound still bounds the
    // planner's gap from above.
    const bool milpFeasible = !Cbc_isProvenInfeasible(model) && Cbc_numberSavedSolutions(model) > 0;
    const bool proven = Cbc_isProvenOptimal(model);
    const double optimum = milpFeasible ? Cbc_getBestPossibleObjValue(model) : 0;
    Cbc_deleteModel(model);
    if (const CellOwners *owners = std::get_if<CellOwners>(&solved)) {
      double moved = 0;
      for (std::size_t c = 0; c < cells.size(); ++c)
        if ((*owners)[c] >= 0 && cells[c].owner != kFree && (*owners)[c] != cells[c].owner)
          moved += cells[c].areaM2;
      std::vector<double> area = areaByRanger(cells, *owners, rangers);
      bool floorsMet = true;
      for (int r = 0; r < rangers; ++r)
        floorsMet = floorsMet && area[r] >= demands[r].demandM2;
      std::printf("instance %2d: %d rangers, %3zu cells, flow moves %9.1f m², MILP %9.1f m²%s%s\n",
                  i, rangers, cells.size(), moved, optimum,
                  !milpFeasible ? " (MILP: no solution)"
                  : proven      ? ""
                                : " (lower bound: no proof in the time limit)",
                  floorsMet ? "" : " (floor missed)");
      if (milpFeasible && floorsMet) {
        if (proven && moved + 1e-6 < optimum) {
          std::printf("the planner moved less than the optimum: a bug\n");
          return 1;
        }
        const double ratio = optimum > 0 ? moved / optimum : (moved > 0 ? 2 : 1);
        ratioSum += ratio;
        worst = std::max(worst, ratio);
        ++compared;
      }
    } else {
      std::printf("instance %2d: %d rangers, %3zu cells, flow: no plan (Hall set), MILP %s\n", i,
                  rangers, cells.size(), milpFeasible ? "FEASIBLE: a bug" : "infeasible");
      if (milpFeasible)
        return 1;
    }
  }
  std::printf("compared %d: area moved / optimum mean %.4f, worst %.4f\n", compared,
              compared ? ratioSum / compared : 0.0, worst);
  return 0;
}
