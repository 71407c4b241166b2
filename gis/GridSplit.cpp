#include "gis/GridSplit.h"

#include <cmath>

namespace anzhi::gis {

std::int64_t SquareGrid::column(double x) const
{
  return static_cast<std::int64_t>(std::floor(x / size));
}

std::int64_t SquareGrid::row(double y) const
{
  return static_cast<std::int64_t>(std::floor(y / size));
}

Envelope SquareGrid::cell(std::int64_t c, std::int64_t r) const
{
  return {double(c) * size, double(r) * size, double(c + 1) * size, double(r + 1) * size};
}

double SquareGrid::cellsMeeting(const Envelope &e) const
{
  return double(column(e.maxX) - column(e.minX) + 1) * double(row(e.maxY) - row(e.minY) + 1);
}

namespace {

void split(Geometry g, const SquareGrid &grid,
           const std::function<void(std::int64_t, std::int64_t, Geometry)> &fn)
{
  if (isEmpty(g.get()))
    return;
  const Envelope e = envelope(g.get());
  // A piece whose extent ends on a grid line does not reach the cell beyond it.
  const std::int64_t c0 = grid.column(e.minX), r0 = grid.row(e.minY);
  const std::int64_t c1 = std::max(c0, std::int64_t(std::ceil(e.maxX / grid.size)) - 1);
  const std::int64_t r1 = std::max(r0, std::int64_t(std::ceil(e.maxY / grid.size)) - 1);
  if (c0 == c1 && r0 == r1) {
    fn(c0, r0, std::move(g));
    return;
  }
  // The halves reach a cell beyond the geometry: GEOS's clip hangs on unbounded rectangles.
  const double margin = grid.size;
  Envelope low{e.minX - margin, e.minY - margin, e.maxX + margin, e.maxY + margin}, high = low;
  if (c1 - c0 >= r1 - r0) {
    const double x = double(c0 + (c1 - c0 + 1) / 2) * grid.size;
    low.maxX = high.minX = x;
  } else {
    const double y = double(r0 + (r1 - r0 + 1) / 2) * grid.size;
    low.maxY = high.minY = y;
  }
  Geometry lower = clipToRectangle(g.get(), low);
  Geometry upper = clipToRectangle(g.get(), high);
  g.reset();
  split(std::move(lower), grid, fn);
  split(std::move(upper), grid, fn);
}

} // namespace

void splitByGrid(const GEOSGeometry *g, const SquareGrid &grid,
                 const std::function<void(std::int64_t, std::int64_t, Geometry)> &fn)
{
  split(polygonalParts(g), grid, fn);
}

} // namespace anzhi::gis
