#pragma once

#include "gis/Geos.h"

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace anzhi::render {

//! Markers of one layer gathered into square cells of a grid anchored to map coordinates (cell
//! (i, j) covers [i·size, (i+1)·size) × [j·size, (j+1)·size)), so that panning never moves a
//! feature from one cluster to another; only zooming does. Thread: a value, one per layer.
class ClusterGrid
{
public:
  //! `cellSize`: the side of a cell in map units (> 0).
  explicit ClusterGrid(double cellSize);

  struct Cell
  {
    std::int64_t column = 0, row = 0;
    int count = 0;
    double sumX = 0, sumY = 0;
    std::size_t first = 0; //!< the feature added first (the only one when count is 1)
    double firstX = 0, firstY = 0;

    double meanX() const { return sumX / count; }
    double meanY() const { return sumY / count; }
  };

  void add(double x, double y, std::size_t feature);
  //! The occupied cells by row, then column: the same order whatever the order of add().
  std::vector<Cell> cells() const;
  //! The part of the map a cell covers.
  gis::Envelope bounds(const Cell &cell) const;
  double cellSize() const { return m_size; }

private:
  double m_size;
  std::unordered_map<std::uint64_t, std::size_t> m_index; //!< packed (column, row) → m_cells
  std::vector<Cell> m_cells;
};

} // namespace anzhi::render
