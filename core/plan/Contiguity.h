#pragma once

#include "core/plan/RangerAssignment.h"

namespace anzhi::core::plan {

//! The connected parts of each ranger's cells (cells sharing an edge are connected).
class RangerParts
{
public:
  RangerParts(const ForestCells &cells, const CellOwners &owners, std::size_t rangers);
  //! Ranger r's parts, each a list of cells, largest area first.
  const std::vector<std::vector<int>> &of(int r) const { return m_parts[r]; }

private:
  std::vector<std::vector<std::vector<int>>> m_parts;
};

//! Brings each ranger to at most maxParts connected parts while keeping every floor: the
//! largest parts are kept and the others released to free forest when the floor allows;
//! otherwise the kept parts first grow across their boundary into reachable free forest, then
//! into neighbours' surplus (a neighbour gives a boundary cell only when it stays at or above
//! its floor and the cell does not cut one of its parts in two: AZP-style boundary swaps).
//! Rangers it cannot repair keep their parts and are reported as not satisfied.
void repairContiguity(const ForestCells &cells, const Reach &reach,
                      const std::vector<RangerDemand> &rangers, int maxParts, CellOwners &owners);

} // namespace anzhi::core::plan
