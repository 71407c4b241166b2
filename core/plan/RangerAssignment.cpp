#include "core/plan/RangerAssignment.h"

#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <stdexcept>

namespace anzhi::core::plan {

namespace {

using Digraph = lemon::SmartDigraph;
using Units = long long;

//! Flows are integers: hundredths of a square metre keep a cell's area to 0.005 m².
Units unitsOf(double m2)
{
  return static_cast<Units>(std::floor(m2 * 100));
}
Units demandUnits(double m2)
{
  return static_cast<Units>(std::ceil(m2 * 100));
}

constexpr Units kMovedCost = 1000000; //!< per unit taken from another ranger
constexpr Units kDistanceCost = 1000; //!< per unit at max_distance_m

//! How many times its demand a ranger's candidate arcs offer, of free and of others' forest.
constexpr double kFreeCandidates = 3, kOtherCandidates = 2;

} // namespace

std::vector<double> areaByRanger(const ForestCells &cells, const CellOwners &owners,
                                 std::size_t rangers)
{
  std::vector<double> area(rangers, 0.0);
  for (std::size_t c = 0; c < owners.size(); ++c)
    if (owners[c] >= 0 && std::size_t(owners[c]) < rangers)
      area[owners[c]] += cells[c].areaM2;
  return area;
}

RangerAssignment::RangerAssignment(const ForestCells &cells, const Reach &reach,
                                   const std::vector<RangerDemand> &rangers, double maxDistanceM)
    : m_cells(cells)
    , m_reach(reach)
    , m_rangers(rangers)
    , m_maxDistanceM(maxDistanceM)
{
  m_arcs.resize(rangers.size());
  for (std::size_t r = 0; r < rangers.size(); ++r)
    m_arcs[r] = rangers[r].compliant ? ArcSet::OwnOnly : ArcSet::Candidates;
}

bool RangerAssignment::available(int cell, int ranger) const
{
  const int owner = m_cells[cell].owner;
  if (owner == kFree || owner == ranger)
    return true;
  return std::size_t(owner) < m_rangers.size() && m_arcs[owner] != ArcSet::OwnOnly;
}

std::vector<int> RangerAssignment::arcCells(int r) const
{
  std::vector<int> out;
  const std::vector<ReachableCell> &reach = m_reach.of(r);
  if (m_arcs[r] != ArcSet::Candidates) {
    for (const ReachableCell &rc : reach)
      if (m_arcs[r] == ArcSet::All ? available(rc.cell, r) : m_cells[rc.cell].owner == r)
        out.push_back(rc.cell);
    return out;
  }
  std::vector<ReachableCell> byDistance;
  for (const ReachableCell &rc : reach) {
    if (m_cells[rc.cell].owner == r)
      out.push_back(rc.cell);
    else if (available(rc.cell, r))
      byDistance.push_back(rc);
  }
  std::sort(
      byDistance.begin(), byDistance.end(),
      [](const ReachableCell &a, const ReachableCell &b) { return a.distanceM < b.distanceM; });
  double free = 0, others = 0;
  const double demand = m_rangers[r].demandM2;
  for (const ReachableCell &rc : byDistance) {
    double &taken = m_cells[rc.cell].owner == kFree ? free : others;
    const double limit = (&taken == &free ? kFreeCandidates : kOtherCandidates) * demand;
    if (taken < limit) {
      taken += m_cells[rc.cell].areaM2;
      out.push_back(rc.cell);
    }
  }
  return out;
}

double RangerAssignment::reachableSupplyM2(const std::vector<int> &set) const
{
  std::vector<char> seen(m_cells.size(), 0);
  double supply = 0;
  for (int r : set)
    for (const ReachableCell &rc : m_reach.of(r)) {
      const int owner = m_cells[rc.cell].owner;
      if (seen[rc.cell] || (owner != kFree && std::size_t(owner) >= m_rangers.size()))
        continue;
      seen[rc.cell] = 1;
      supply += m_cells[rc.cell].areaM2;
    }
  return supply;
}

HallSet RangerAssignment::certify(std::vector<int> set) const
{
  // Drop rangers while the rest still ask for more than they reach: what remains is minimal
  // (no ranger can leave it). A cell's count is how many rangers of the set reach it; leaving,
  // a ranger takes with it the supply of the cells only it reaches.
  std::vector<int> count(m_cells.size(), 0);
  auto usable = [&](int c) {
    const int owner = m_cells[c].owner;
    return owner == kFree || std::size_t(owner) < m_rangers.size();
  };
  double demand = 0, supply = 0;
  for (int r : set) {
    demand += m_rangers[r].floorM2;
    for (const ReachableCell &rc : m_reach.of(r))
      if (usable(rc.cell) && count[rc.cell]++ == 0)
        supply += m_cells[rc.cell].areaM2;
  }
  // Try the rangers with the least demand first: they are the likeliest to be spare.
  std::sort(set.begin(), set.end(), [&](int a, int b) {
    return m_rangers[a].floorM2 < m_rangers[b].floorM2 ||
           (m_rangers[a].floorM2 == m_rangers[b].floorM2 && a < b);
  });
  std::vector<int> kept;
  for (std::size_t i = 0; i < set.size(); ++i) {
    const int r = set[i];
    double own = 0;
    for (const ReachableCell &rc : m_reach.of(r))
      if (usable(rc.cell) && count[rc.cell] == 1)
        own += m_cells[rc.cell].areaM2;
    const bool lastOne = kept.empty() && i + 1 == set.size();
    if (!lastOne && demand - m_rangers[r].floorM2 > supply - own) {
      demand -= m_rangers[r].floorM2;
      supply -= own;
      for (const ReachableCell &rc : m_reach.of(r))
        if (usable(rc.cell))
          --count[rc.cell];
    } else {
      kept.push_back(r);
    }
  }
  std::sort(kept.begin(), kept.end());
  HallSet hall{kept, 0, reachableSupplyM2(kept)};
  for (int r : kept)
    hall.demandM2 += m_rangers[r].floorM2;
  if (!(hall.demandM2 > hall.supplyM2))
    throw std::logic_error("ranger plan: the forest within reach falls short of the planner's "
                           "floors only by their rounding margin (1 m² a ranger); no Hall "
                           "violation of min_mu itself");
  return hall;
}

CellOwners RangerAssignment::startingOwners() const
{
  // Each ranger of the plan keeps the land they hold within reach; beyond reach it is free.
  CellOwners owners(m_cells.size());
  for (std::size_t c = 0; c < m_cells.size(); ++c) {
    const int owner = m_cells[c].owner;
    const bool planned = owner >= 0 && std::size_t(owner) < m_rangers.size();
    owners[c] = planned && !m_reach.find(owner, int(c)) ? kFree : owner;
  }
  return owners;
}

std::vector<ReachableCell> RangerAssignment::nearestFirst(std::size_t r) const
{
  std::vector<ReachableCell> near = m_reach.of(int(r));
  std::sort(near.begin(), near.end(), [](const ReachableCell &a, const ReachableCell &b) {
    return a.distanceM < b.distanceM;
  });
  return near;
}

void RangerAssignment::topUpFloors(CellOwners &owners) const
{
  std::vector<double> area = areaByRanger(m_cells, owners, m_rangers.size());
  for (std::size_t r = 0; r < m_rangers.size(); ++r) {
    if (area[r] >= m_rangers[r].demandM2)
      continue;
    const std::vector<ReachableCell> near = nearestFirst(r);
    // Free forest first, then the surplus of rangers who stay above their floor.
    for (int pass = 0; pass < 2 && area[r] < m_rangers[r].demandM2; ++pass)
      for (const ReachableCell &rc : near) {
        if (area[r] >= m_rangers[r].demandM2)
          break;
        const int holder = owners[rc.cell];
        const double a = m_cells[rc.cell].areaM2;
        const bool take = pass == 0 ? holder == kFree
                                    : holder >= 0 && std::size_t(holder) < m_rangers.size() &&
                                          holder != int(r) &&
                                          area[holder] - a >= m_rangers[holder].demandM2;
        if (!take)
          continue;
        if (holder >= 0)
          area[holder] -= a;
        owners[rc.cell] = int(r);
        area[r] += a;
      }
  }
}

std::variant<CellOwners, HallSet> RangerAssignment::solve()
{
  const int n = int(m_rangers.size());
  for (m_rounds = 1;; ++m_rounds) {
    Digraph g;
    Digraph::Node source = g.addNode(), sink = g.addNode();
    std::vector<Digraph::Node> rangerNode(n);
    std::vector<int> cellNode(m_cells.size(), -1);
    std::vector<Digraph::Arc> demandArc(n);
    struct Link
    {
      Digraph::Arc arc;
      int ranger, cell;
    };
    std::vector<Link> links;
    Units total = 0;
    for (int r = 0; r < n; ++r)
      rangerNode[r] = g.addNode();
    Digraph::ArcMap<Units> capacity(g), cost(g);
    for (int r = 0; r < n; ++r) {
      demandArc[r] = g.addArc(source, rangerNode[r]);
      capacity[demandArc[r]] = demandUnits(m_rangers[r].demandM2);
      cost[demandArc[r]] = 0;
      total += capacity[demandArc[r]];
      const std::vector<ReachableCell> &reach = m_reach.of(r);
      for (int c : arcCells(r)) {
        if (cellNode[c] < 0) {
          Digraph::Node node = g.addNode();
          cellNode[c] = g.id(node);
          Digraph::Arc out = g.addArc(node, sink);
          capacity[out] = unitsOf(m_cells[c].areaM2);
          cost[out] = 0;
        }
        Digraph::Arc arc = g.addArc(rangerNode[r], g.nodeFromId(cellNode[c]));
        capacity[arc] = unitsOf(m_cells[c].areaM2);
        const int owner = m_cells[c].owner;
        if (owner == r) {
          cost[arc] = 0;
        } else {
          auto it =
              std::lower_bound(reach.begin(), reach.end(), c,
                               [](const ReachableCell &a, int cell) { return a.cell < cell; });
          const double share = std::min(1.0, it->distanceM / std::max(1.0, m_maxDistanceM));
          cost[arc] = 1 + Units(std::lround(share * (kDistanceCost - 1))) +
                      (owner == kFree ? 0 : kMovedCost);
        }
        links.push_back({arc, r, c});
      }
    }
    lemon::Preflow<Digraph, Digraph::ArcMap<Units>> maxFlow(g, capacity, source, sink);
    maxFlow.run();
    if (maxFlow.flowValue() < total) {
      // The source side of the minimum cut with the fewest nodes: what the source reaches in
      // the residual network.
      std::vector<char> reached(g.maxNodeId() + 1, 0);
      std::deque<Digraph::Node> queue{source};
      reached[g.id(source)] = 1;
      while (!queue.empty()) {
        Digraph::Node u = queue.front();
        queue.pop_front();
        for (Digraph::OutArcIt a(g, u); a != lemon::INVALID; ++a)
          if (maxFlow.flow(a) < capacity[a] && !reached[g.id(g.target(a))]) {
            reached[g.id(g.target(a))] = 1;
            queue.push_back(g.target(a));
          }
        for (Digraph::InArcIt a(g, u); a != lemon::INVALID; ++a)
          if (maxFlow.flow(a) > 0 && !reached[g.id(g.source(a))]) {
            reached[g.id(g.source(a))] = 1;
            queue.push_back(g.source(a));
          }
      }
      std::vector<int> cut;
      bool widened = false;
      for (int r = 0; r < n; ++r) {
        if (!reached[g.id(rangerNode[r])])
          continue;
        cut.push_back(r);
        if (m_arcs[r] != ArcSet::All) {
          m_arcs[r] = ArcSet::All;
          widened = true;
        }
      }
      // Compliant rangers whose land the cut could use give it up now.
      for (int r : cut)
        for (const ReachableCell &rc : m_reach.of(r)) {
          const int owner = m_cells[rc.cell].owner;
          if (owner >= 0 && owner < n && owner != r && m_arcs[owner] == ArcSet::OwnOnly) {
            m_arcs[owner] = ArcSet::Candidates;
            widened = true;
          }
        }
      if (!widened)
        return certify(cut);
      continue;
    }
    lemon::NetworkSimplex<Digraph, Units, Units> simplex(g);
    simplex.upperMap(capacity).costMap(cost).stSupply(source, sink, total);
    if (simplex.run() != decltype(simplex)::OPTIMAL)
      throw std::logic_error("ranger plan: the minimum-cost flow failed after a full maximum flow");
    CellOwners owners = startingOwners();
    std::vector<Units> best(m_cells.size(), 0);
    for (const Link &link : links) {
      const Units f = simplex.flow(link.arc);
      // Ties go to the current owner (its arc comes first only by chance): compare explicitly.
      if (f > best[link.cell] ||
          (f > 0 && f == best[link.cell] && m_cells[link.cell].owner == link.ranger)) {
        best[link.cell] = f;
        owners[link.cell] = link.ranger;
      }
    }
    topUpFloors(owners);
    return owners;
  }
}

CellOwners RangerAssignment::greedy() const
{
  CellOwners owners = startingOwners();
  std::vector<double> area = areaByRanger(m_cells, owners, m_rangers.size());
  for (std::size_t r = 0; r < m_rangers.size(); ++r) {
    if (area[r] >= m_rangers[r].demandM2)
      continue;
    const std::vector<ReachableCell> near = nearestFirst(r);
    for (const ReachableCell &rc : near) {
      if (area[r] >= m_rangers[r].demandM2)
        break;
      if (owners[rc.cell] == kFree) {
        owners[rc.cell] = int(r);
        area[r] += m_cells[rc.cell].areaM2;
      }
    }
  }
  return owners;
}

} // namespace anzhi::core::plan
