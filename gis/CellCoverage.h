#pragma once

#include "gis/Geos.h"
#include "gis/Raster.h"

#include <vector>

namespace anzhi::gis {

//! A cell of a grid and the fraction of its area a polygon covers, in (0, 1].
struct CoveredCell
{
  int column = 0, row = 0;
  double fraction = 0;
};

//! Every cell of `grid` that the polygonal parts of g (in the grid's CRS) cover a part of, with
//! that part as a fraction of the cell's area, row by row; cells outside the grid are left out.
//! Exact up to floating-point rounding (about 1e-12 of a cell): each ring is clipped to each
//! row of cells and then to each cell of the row (Sutherland–Hodgman against a rectangle keeps
//! the signed area of a simple ring's intersection with it), shells adding and holes
//! subtracting. g must be valid (rings simple, holes inside their shell).
std::vector<CoveredCell> cellCoverage(const GEOSGeometry *g, const GridGeometry &grid);

} // namespace anzhi::gis
