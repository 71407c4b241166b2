#include "core/education/SeatAssignment.h"

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace anzhi::core::education {

namespace {

using Digraph = lemon::SmartDigraph;
using Units = long long;

//! Costs in hundredths of their unit (centi-minutes, centimetres): integers for the flow.
Units costUnits(double cost)
{
  return static_cast<Units>(std::llround(cost * 100));
}

} // namespace

std::int64_t SeatResult::totalUnseated() const
{
  return std::accumulate(unseated.begin(), unseated.end(), std::int64_t(0));
}

SeatResult assignSeats(const SeatProblem &problem)
{
  const std::size_t demands = problem.pupils.size(), schools = problem.seats.size();
  if (problem.reach.size() != demands)
    throw std::invalid_argument("seat assignment: reach and pupils differ in length");
  Digraph g;
  const Digraph::Node source = g.addNode(), sink = g.addNode();
  std::vector<Digraph::Node> demandNodes(demands), schoolNodes(schools);
  for (auto &n : demandNodes)
    n = g.addNode();
  for (auto &n : schoolNodes)
    n = g.addNode();
  Digraph::ArcMap<Units> capacity(g), cost(g);
  Units longest = 0, total = 0;
  for (const auto &links : problem.reach)
    for (const rules::CoverLink &l : links)
      longest = std::max(longest, costUnits(l.cost));
  // An augmenting path that seats one more pupil crosses at most one demand → school arc per
  // school forwards (backward arcs only lower its cost), so it costs at most schools × longest:
  // leaving a pupil unseated must cost more.
  const Units unseatedCost = (Units(schools) + 1) * (longest + 1);
  struct LinkArc
  {
    std::size_t demand, school;
    double cost;
    Digraph::Arc arc;
  };
  std::vector<LinkArc> linkArcs;
  std::vector<Digraph::Arc> unseatedArcs(demands);
  for (std::size_t d = 0; d < demands; ++d) {
    if (problem.pupils[d] < 0)
      throw std::invalid_argument("seat assignment: negative pupils");
    total += problem.pupils[d];
    const Digraph::Arc in = g.addArc(source, demandNodes[d]);
    capacity[in] = problem.pupils[d];
    cost[in] = 0;
    for (const rules::CoverLink &l : problem.reach[d]) {
      const Digraph::Arc a = g.addArc(demandNodes[d], schoolNodes.at(l.school));
      capacity[a] = problem.pupils[d];
      cost[a] = costUnits(l.cost);
      linkArcs.push_back({d, l.school, l.cost, a});
    }
    unseatedArcs[d] = g.addArc(demandNodes[d], sink);
    capacity[unseatedArcs[d]] = problem.pupils[d];
    cost[unseatedArcs[d]] = unseatedCost;
  }
  for (std::size_t s = 0; s < schools; ++s) {
    const Digraph::Arc out = g.addArc(schoolNodes[s], sink);
    capacity[out] = std::max<std::int64_t>(0, problem.seats[s]);
    cost[out] = 0;
  }
  lemon::NetworkSimplex<Digraph, Units, Units> simplex(g);
  simplex.upperMap(capacity).costMap(cost).stSupply(source, sink, total);
  if (simplex.run() != lemon::NetworkSimplex<Digraph, Units, Units>::OPTIMAL)
    throw std::logic_error("seat assignment: the flow has no optimum"); // the unseated arcs

  SeatResult result;
  result.seated.resize(demands);
  result.unseated.resize(demands);
  result.assigned.assign(schools, 0);
  for (const LinkArc &l : linkArcs) {
    const Units flow = simplex.flow(l.arc);
    if (flow == 0)
      continue;
    result.seated[l.demand].push_back({l.school, flow, l.cost});
    result.assigned[l.school] += flow;
    result.travel += double(flow) * l.cost;
  }
  for (std::size_t d = 0; d < demands; ++d) {
    result.unseated[d] = simplex.flow(unseatedArcs[d]);
    std::sort(result.seated[d].begin(), result.seated[d].end(),
              [](const SeatedPupils &a, const SeatedPupils &b) { return a.school < b.school; });
  }
  return result;
}

} // namespace anzhi::core::education
