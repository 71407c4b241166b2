#include "gis/CellCoverage.h"

#include <algorithm>
#include <cmath>

namespace anzhi::gis {

namespace {

struct Point
{
  double u, v; //!< in cells from the grid's origin: u east, v south
};
using Ring = std::vector<Point>;

//! Sutherland–Hodgman against one axis-parallel half-plane: keeps the part of `ring` where
//! coordinate `Axis` is ≥ bound (keepAbove) or ≤ bound. Points on the line are exact.
template<double Point::*Axis> Ring clip(const Ring &ring, double bound, bool keepAbove)
{
  Ring out;
  if (ring.empty())
    return out;
  out.reserve(ring.size() + 4);
  auto inside = [&](const Point &p) { return keepAbove ? p.*Axis >= bound : p.*Axis <= bound; };
  Point prev = ring.back();
  bool prevIn = inside(prev);
  for (const Point &cur : ring) {
    const bool curIn = inside(cur);
    if (curIn != prevIn) {
      const double t = (bound - prev.*Axis) / (cur.*Axis - prev.*Axis);
      Point cross{prev.u + t * (cur.u - prev.u), prev.v + t * (cur.v - prev.v)};
      cross.*Axis = bound;
      out.push_back(cross);
    }
    if (curIn)
      out.push_back(cur);
    prev = cur;
    prevIn = curIn;
  }
  return out;
}

//! |area| of a ring, computed relative to (u0, v0) so that far from the origin no digits are
//! lost to cancellation.
double absArea(const Ring &ring, double u0, double v0)
{
  double twice = 0;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
    twice += (ring[j].u - u0) * (ring[i].v - v0) - (ring[i].u - u0) * (ring[j].v - v0);
  return std::abs(twice) / 2;
}

} // namespace

std::vector<CoveredCell> cellCoverage(const GEOSGeometry *g, const GridGeometry &grid)
{
  std::vector<CoveredCell> cells;
  if (!g || isEmpty(g) || grid.columns <= 0 || grid.rows <= 0)
    return cells;
  const Envelope env = envelope(g);
  // The cells of the grid the envelope meets: the dense window the rings add into.
  const int c0 = std::max(0, int(std::floor((env.minX - grid.originX) / grid.cellWidth)));
  const int c1 =
      std::min(grid.columns - 1, int(std::ceil((env.maxX - grid.originX) / grid.cellWidth)) - 1);
  const int r0 = std::max(0, int(std::floor((grid.originY - env.maxY) / grid.cellHeight)));
  const int r1 =
      std::min(grid.rows - 1, int(std::ceil((grid.originY - env.minY) / grid.cellHeight)) - 1);
  if (c0 > c1 || r0 > r1)
    return cells;
  const int width = c1 - c0 + 1;
  std::vector<double> sum(std::size_t(width) * std::size_t(r1 - r0 + 1), 0.0);
  forEachRing(g, [&](const std::vector<std::pair<double, double>> &coords, bool hole) {
    Ring ring;
    ring.reserve(coords.size());
    for (const auto &[x, y] : coords)
      ring.push_back({(x - grid.originX) / grid.cellWidth, (grid.originY - y) / grid.cellHeight});
    if (ring.size() > 1 && ring.front().u == ring.back().u && ring.front().v == ring.back().v)
      ring.pop_back();
    if (ring.size() < 3)
      return;
    const double sign = hole ? -1.0 : 1.0;
    for (int r = r0; r <= r1; ++r) {
      const Ring strip = clip<&Point::v>(clip<&Point::v>(ring, r, true), r + 1, false);
      if (strip.size() < 3)
        continue;
      auto [lo, hi] = std::minmax_element(strip.begin(), strip.end(),
                                          [](const Point &a, const Point &b) { return a.u < b.u; });
      const int from = std::max(c0, int(std::floor(lo->u)));
      const int to = std::min(c1, int(std::ceil(hi->u)) - 1);
      for (int c = from; c <= to; ++c) {
        const Ring cell = clip<&Point::u>(clip<&Point::u>(strip, c, true), c + 1, false);
        if (cell.size() < 3)
          continue;
        sum[std::size_t(r - r0) * std::size_t(width) + std::size_t(c - c0)] +=
            sign * absArea(cell, c, r);
      }
    }
  });
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c) {
      const double f = sum[std::size_t(r - r0) * std::size_t(width) + std::size_t(c - c0)];
      // A hole's rounding may leave a few 1e-16 where the shell's cancel it.
      if (f > 1e-12)
        cells.push_back({c, r, std::min(f, 1.0)});
    }
  return cells;
}

} // namespace anzhi::gis
