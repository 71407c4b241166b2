#pragma once

#include "core/plan/ForestCells.h"
#include "core/plan/Reach.h"

#include <variant>
#include <vector>

namespace anzhi::core::plan {

//! What the assignment needs to know of each ranger of the plan (indices match Reach and the
//! owners of ForestCells; owners at or past rangers.size() are not in the plan: their land is
//! not to be handed out).
struct RangerDemand
{
  double floorM2 = 0;     //!< min_mu
  double demandM2 = 0;    //!< what the planner aims at: the floor plus a margin for rounding
  bool compliant = false; //!< already meets the floor, reach and parts: kept while possible
};

//! A smallest set of rangers found whose combined demand exceeds the forest they can reach.
struct HallSet
{
  std::vector<int> rangers; //!< ascending
  double demandM2 = 0, supplyM2 = 0;
};

//! Which ranger each cell goes to (a ranger index, or kFree; cells of owners outside the plan
//! keep their owner).
using CellOwners = std::vector<int>;

//! Decides whether every ranger can have their floor and, if so, which cells go to whom, as a
//! transportation problem: source → ranger (capacity the demand) → reachable cell → sink
//! (capacity the cell's area). Costs per m²: 0 for the ranger's own cells, then the distance
//! (0–1000 over max_distance_m) for free cells and 10^6 plus the distance for another ranger's:
//! area moved first, then distance. Arcs start from a candidate set (own cells, the nearest free
//! and others' cells up to a few times the demand; compliant rangers only their own cells and
//! nobody else theirs); while the maximum flow falls short, the rangers of its minimum cut get
//! every reachable cell and compliant neighbours are released, until the flow meets every
//! demand or the cut is a Hall violation of the full problem.
class RangerAssignment
{
public:
  RangerAssignment(const ForestCells &cells, const Reach &reach,
                   const std::vector<RangerDemand> &rangers, double maxDistanceM);
  //! Cell owners after rounding the flow (each cell to the ranger sending it the most) and
  //! topping up floors greedily, or the Hall set when no plan exists.
  std::variant<CellOwners, HallSet> solve();
  //! The greedy baseline: each short ranger, in order, takes the nearest free cells it reaches.
  CellOwners greedy() const;
  //! How many flow rounds solve() took (1 when the candidate arcs sufficed).
  int rounds() const { return m_rounds; }

  //! The forest rangers in `set` can reach, in m² (cells of owners outside the plan excluded).
  double reachableSupplyM2(const std::vector<int> &set) const;

private:
  enum class ArcSet
  {
    OwnOnly,    //!< compliant, locked: its own cells
    Candidates, //!< own cells and the nearest others
    All         //!< every reachable cell
  };
  bool available(int cell, int ranger) const;
  std::vector<int> arcCells(int ranger) const;
  HallSet certify(std::vector<int> set) const;
  CellOwners startingOwners() const;
  void topUpFloors(CellOwners &owners) const;
  //! The cells ranger r reaches, nearest first.
  std::vector<ReachableCell> nearestFirst(std::size_t r) const;

  const ForestCells &m_cells;
  const Reach &m_reach;
  const std::vector<RangerDemand> &m_rangers;
  double m_maxDistanceM;
  std::vector<ArcSet> m_arcs;
  int m_rounds = 0;
};

//! The area each ranger holds under `owners`, in m².
std::vector<double> areaByRanger(const ForestCells &cells, const CellOwners &owners,
                                 std::size_t rangers);

} // namespace anzhi::core::plan
