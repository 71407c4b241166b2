#pragma once

#include "gis/Geos.h"

#include <cstdint>
#include <functional>

namespace anzhi::gis {

//! A square grid of the plane: cell (column, row) spans [column·size, (column+1)·size) in x and
//! likewise in y, so that grids of one size line up whatever is split on them.
struct SquareGrid
{
  double size = 50;
  std::int64_t column(double x) const;
  std::int64_t row(double y) const;
  Envelope cell(std::int64_t column, std::int64_t row) const;
  //! How many cells the envelope meets (an upper bound of the pieces splitGrid makes).
  double cellsMeeting(const Envelope &e) const;
};

//! Splits the polygonal parts of g along the grid's lines and calls fn(column, row, piece)
//! for every non-empty piece, a valid Polygon or MultiPolygon inside one cell. Halves the
//! geometry along the middle grid line of its longer side recursively, so that each vertex is
//! clipped about log2(cells) times rather than once per cell.
void splitByGrid(const GEOSGeometry *g, const SquareGrid &grid,
                 const std::function<void(std::int64_t, std::int64_t, Geometry)> &fn);

} // namespace anzhi::gis
