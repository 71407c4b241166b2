#pragma once

#include "core/plan/ForestCells.h"

#include <vector>

namespace anzhi::core::plan {

//! A cell a ranger may manage: within max_distance_m of the residence, as ranger-distance
//! measures it (GEOS distance from the residence, a point or a site's polygon, to the cell).
struct ReachableCell
{
  int cell = 0;
  float distanceM = 0; //!< from the residence's point (or its polygon's point-on-surface) to the
                       //!< cell's point-on-surface: the planner's measure of how far it is
};

//! The cells each ranger can reach, in ascending cell order. Thread: read-only once built.
class Reach
{
public:
  //! residences[r]: ranger r's residence in the working CRS (never null). Throws Cancelled once
  //! `progress` is cancelled.
  Reach(const ForestCells &cells, const std::vector<const GEOSGeometry *> &residences,
        double maxDistanceM, int threads, const Progress *progress = nullptr);
  const std::vector<ReachableCell> &of(int ranger) const { return m_reach[ranger]; }
  //! The entry of cell c in ranger r's reach, or null when r cannot reach it.
  const ReachableCell *find(int ranger, int cell) const;
  std::size_t rangers() const { return m_reach.size(); }

private:
  std::vector<std::vector<ReachableCell>> m_reach;
};

} // namespace anzhi::core::plan
