#pragma once

#include "core/Progress.h"
#include "gis/Crs.h"
#include "gis/Geos.h"
#include "gis/GridSplit.h"

#include <memory>
#include <stdexcept>
#include <vector>

namespace anzhi::core::plan {

//! The planner cannot start: no forest pool, a cell size making too many cells. what() names
//! what is at fault and, for the cell size, the least size that would do.
class PlanInputError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

inline constexpr int kFree = -1; //!< owner of forest no ranger of the plan holds

//! The forest pool cut into small cells, the units the planner hands out: first along the
//! boundaries of the current plots (so that a cell has one owner), then along a square grid.
//! Every cell lies in one grid square and in one owner's land or in free forest; cells do not
//! overlap.
class ForestCells
{
public:
  struct Cell
  {
    gis::Geometry geometry;
    gis::Envelope envelope;
    double areaM2 = 0;   //!< ellipsoidal
    int owner = kFree;   //!< index of the owner given to build(), or kFree
    double x = 0, y = 0; //!< centroid, working CRS
  };
  //! The most cells a plan may have: about 1 KB each, 10 M are 10 GB.
  static constexpr double kMaxCells = 10e6;

  //! pool: the forest polygons (may overlap); owned[k]: the plots of owner k (may overlap one
  //! another: a piece claimed by several owners goes to the lowest index). Throws
  //! PlanInputError when the pool is empty or the grid would make more than kMaxCells cells.
  //! Owners and pool parts are cut on `threads` threads (≤ 0: one per core). Throws Cancelled
  //! once `progress` is cancelled.
  static ForestCells build(const std::vector<const GEOSGeometry *> &pool,
                           const std::vector<std::vector<const GEOSGeometry *>> &owned,
                           double cellM, const gis::Crs &workingCrs, int threads = 0,
                           const Progress *progress = nullptr);

  const std::vector<Cell> &cells() const { return m_cells; }
  std::size_t size() const { return m_cells.size(); }
  const Cell &operator[](std::size_t i) const { return m_cells[i]; }
  //! Cells sharing an edge with cell i (touching at a corner does not count).
  const std::vector<int> &neighbours(std::size_t i) const { return m_neighbours[i]; }
  //! Cells whose envelope meets env.
  std::vector<std::size_t> candidates(const gis::Envelope &env) const
  {
    return m_index->query(env);
  }
  double cellM() const { return m_grid.size; }

private:
  void linkNeighbours();

  gis::SquareGrid m_grid;
  std::vector<Cell> m_cells;
  std::vector<std::pair<std::int64_t, std::int64_t>> m_square; //!< grid square of each cell
  std::vector<std::vector<int>> m_neighbours;
  std::unique_ptr<gis::StrTree> m_index;
};

} // namespace anzhi::core::plan
