// School siting (core/education/SiteSelection, docs/education.md) on a seeded p-median instance:
// D demand points (pupils 1–100) and C candidate points uniform in a 30 km square, every
// candidate reaching every demand at its straight-line distance in metres, choose k. Solved
// with CBC (the MILP, up to a time limit) and with the greedy + Teitz–Bart heuristic; prints
// the times, both objectives, CBC's bound and the heuristic's gap.
//
//   school_siting_bench [DEMAND] [CANDIDATES] [K] [SEED] [CBC_SECONDS]
//   (default 1000 150 10 1 600)

#include "core/education/SiteSelection.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>

using namespace anzhi::core::education;

int main(int argc, char **argv)
{
  const std::size_t demands = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1000;
  const std::size_t candidates = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 150;
  const std::size_t k = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 10;
  const unsigned seed = argc > 4 ? unsigned(std::strtoul(argv[4], nullptr, 10)) : 1;
  const double seconds = argc > 5 ? std::strtod(argv[5], nullptr) : 600;

  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> coordinate(0, 30000);
  std::uniform_int_distribution<int> pupils(1, 100);
  std::vector<std::pair<double, double>> sites(demands), places(candidates);
  for (auto &p : sites)
    p = {coordinate(rng), coordinate(rng)};
  for (auto &p : places)
    p = {coordinate(rng), coordinate(rng)};
  SelectionProblem problem;
  problem.candidates = candidates;
  problem.k = k;
  for (std::size_t i = 0; i < demands; ++i) {
    problem.weight.push_back(pupils(rng));
    problem.baseCost.push_back(2 * 30000 * std::sqrt(2.0)); // no school yet: beyond any trip
    std::vector<anzhi::core::rules::CoverLink> links;
    for (std::size_t j = 0; j < candidates; ++j)
      links.push_back(
          {j, std::hypot(sites[i].first - places[j].first, sites[i].second - places[j].second)});
    problem.reach.push_back(std::move(links));
  }
  std::printf("p-median %zu demand x %zu candidates, k = %zu, seed %u\n", demands, candidates, k,
              seed);
  const Selection heuristic = selectByInterchange(problem);
  std::printf("heuristic: %.3f s, objective %.1f pupil-m, %d swaps\n", heuristic.heuristicSeconds,
              heuristic.cost, heuristic.swaps);
  std::fflush(stdout); // CBC may be stopped from outside: keep the heuristic's line
  const Selection cbc = selectByCbc(problem, seconds);
  std::printf("cbc:       %.3f s, objective %.1f pupil-m, bound %.1f, %s\n", cbc.cbcSeconds,
              cbc.cost, *cbc.bound, cbc.provenOptimal ? "proven optimal" : "NOT proven optimal");
  const double reference = cbc.provenOptimal ? cbc.cost : *cbc.bound;
  std::printf("heuristic gap to %s: %.4f %%\n", cbc.provenOptimal ? "the optimum" : "CBC's bound",
              100 * (heuristic.cost - reference) / reference);
  return 0;
}
