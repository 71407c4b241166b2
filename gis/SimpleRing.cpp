#include "gis/SimpleRing.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace anzhi::gis {

namespace {

struct Point
{
  double x, y;
  bool operator==(const Point &) const = default;
};

//! Sign of the orientation of c relative to the line a→b when floating point is sure of it,
//! else 0 (collinear or too close to tell). The bound is far above Shewchuk's ccwerrboundA
//! (≈ 3.3e-16 of the products' magnitudes); tiny magnitudes are refused so that underflow
//! and subnormals cannot fool it.
int certainOrientation(const Point &a, const Point &b, const Point &c)
{
  const double left = (b.x - a.x) * (c.y - a.y);
  const double right = (b.y - a.y) * (c.x - a.x);
  const double magnitude = std::fabs(left) + std::fabs(right);
  if (!(magnitude > 1e-200))
    return 0;
  const double det = left - right;
  const double bound = 1e-12 * magnitude;
  return det > bound ? 1 : det < -bound ? -1 : 0;
}

struct Segment
{
  Point a, b;
  double minX, maxX, minY, maxY;
  std::size_t index;
};

//! Two segments that are not neighbours on the ring: proved not to share any point.
bool certainlyDisjoint(const Segment &s, const Segment &t)
{
  if (s.maxY < t.minY || t.maxY < s.minY || s.maxX < t.minX || t.maxX < s.minX)
    return true;
  const int o1 = certainOrientation(s.a, s.b, t.a), o2 = certainOrientation(s.a, s.b, t.b);
  if (o1 != 0 && o1 == o2)
    return true;
  const int o3 = certainOrientation(t.a, t.b, s.a), o4 = certainOrientation(t.a, t.b, s.b);
  return o3 != 0 && o3 == o4;
}

} // namespace

bool isCertainlySimpleRing(std::span<const double> xy)
{
  if (xy.size() % 2 != 0)
    return false;
  // Distinct consecutive vertices: GEOS ignores repeated points, and so do we.
  // Reused per thread: a project validates hundreds of thousands of small rings.
  thread_local std::vector<Point> ring;
  thread_local std::vector<Segment> segments;
  ring.clear();
  for (std::size_t i = 0; i + 1 < xy.size(); i += 2) {
    Point p{xy[i], xy[i + 1]};
    if (!std::isfinite(p.x) || !std::isfinite(p.y))
      return false;
    if (ring.empty() || !(ring.back() == p))
      ring.push_back(p);
  }
  // Closed, with at least three segments (GEOS: four non-repeated points).
  if (ring.size() < 4 || !(ring.front() == ring.back()))
    return false;
  const std::size_t n = ring.size() - 1; // segments
  segments.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Point &a = ring[i], &b = ring[i + 1];
    segments[i] = {
        a, b, std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), std::max(a.y, b.y), i};
    // Neighbours meet at their shared vertex only when they are not collinear.
    const Point &c = ring[i + 2 <= n ? i + 2 : 1];
    if (certainOrientation(a, b, c) == 0)
      return false;
  }
  // Sweep along x: only segments whose x-ranges overlap are compared.
  std::sort(segments.begin(), segments.end(),
            [](const Segment &s, const Segment &t) { return s.minX < t.minX; });
  for (std::size_t i = 0; i < n; ++i) {
    const Segment &s = segments[i];
    for (std::size_t j = i + 1; j < n && segments[j].minX <= s.maxX; ++j) {
      const Segment &t = segments[j];
      const std::size_t gap = s.index > t.index ? s.index - t.index : t.index - s.index;
      if (gap == 1 || gap == n - 1)
        continue; // neighbours, proved above
      if (!certainlyDisjoint(s, t))
        return false;
    }
  }
  return true;
}

} // namespace anzhi::gis
