#include "app/desktop/edit/Rings.h"

#include <algorithm>
#include <cmath>

namespace anzhi::desktop {

Rings Rings::of(const GEOSGeometry *g)
{
  Rings r;
  if (!g)
    return r;
  if (gis::typeId(g) == GEOS_POINT) {
    r.point = true;
    r.rings.push_back({gis::pointXY(g)});
    r.holes.push_back(false);
    return r;
  }
  gis::forEachRing(g, [&](const Coords &ring, bool hole) {
    r.rings.push_back(ring);
    r.holes.push_back(hole);
  });
  return r;
}

gis::Geometry Rings::build() const
{
  if (point)
    return gis::makePoint(rings.at(0).at(0).first, rings.at(0).at(0).second);
  std::vector<gis::Geometry> parts;
  for (std::size_t i = 0; i < rings.size();) {
    std::vector<Coords> holes;
    std::size_t j = i + 1;
    for (; j < rings.size() && this->holes[j]; ++j)
      holes.push_back(rings[j]);
    parts.push_back(gis::makePolygon(rings[i], holes));
    i = j;
  }
  if (parts.size() == 1)
    return std::move(parts.front());
  return gis::makeCollection(GEOS_MULTIPOLYGON, std::move(parts));
}

std::optional<Rings::Vertex> Rings::vertexNear(double x, double y, double tol) const
{
  std::optional<Vertex> best;
  double bestD = tol;
  for (std::size_t r = 0; r < rings.size(); ++r) {
    // The closing vertex repeats the first: leave it out.
    const std::size_t n = point ? rings[r].size() : rings[r].size() - 1;
    for (std::size_t i = 0; i < n; ++i) {
      double d = std::hypot(rings[r][i].first - x, rings[r][i].second - y);
      if (d <= bestD) {
        bestD = d;
        best = Vertex{r, i};
      }
    }
  }
  return best;
}

std::optional<Rings::Vertex> Rings::segmentNear(double x, double y, double tol) const
{
  if (point)
    return std::nullopt;
  std::optional<Vertex> best;
  double bestD = tol;
  for (std::size_t r = 0; r < rings.size(); ++r)
    for (std::size_t i = 0; i + 1 < rings[r].size(); ++i) {
      auto [x0, y0] = rings[r][i];
      auto [x1, y1] = rings[r][i + 1];
      const double dx = x1 - x0, dy = y1 - y0, len2 = dx * dx + dy * dy;
      if (len2 <= 0)
        continue;
      const double u = std::clamp(((x - x0) * dx + (y - y0) * dy) / len2, 0.0, 1.0);
      const double d = std::hypot(x0 + u * dx - x, y0 + u * dy - y);
      if (d <= bestD) {
        bestD = d;
        best = Vertex{r, i};
      }
    }
  return best;
}

void Rings::moveVertex(const Vertex &v, double x, double y)
{
  Coords &ring = rings.at(v.ring);
  ring.at(v.index) = {x, y};
  if (!point && v.index == 0)
    ring.back() = {x, y}; // keep the ring closed
}

Rings::Vertex Rings::insertAfter(const Vertex &v, double x, double y)
{
  Coords &ring = rings.at(v.ring);
  ring.insert(ring.begin() + std::ptrdiff_t(v.index + 1), {x, y});
  return {v.ring, v.index + 1};
}

bool Rings::removeVertex(const Vertex &v)
{
  Coords &ring = rings.at(v.ring);
  if (point || ring.size() <= 4) // three distinct vertices and the closing one
    return false;
  ring.erase(ring.begin() + std::ptrdiff_t(v.index));
  if (v.index == 0)
    ring.back() = ring.front();
  return true;
}

} // namespace anzhi::desktop
