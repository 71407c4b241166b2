#include "core/plan/Reach.h"

#include "core/Parallel.h"

#include <algorithm>
#include <cmath>

namespace anzhi::core::plan {

namespace {

double envelopeGap(const gis::Envelope &a, const gis::Envelope &b)
{
  const double dx = std::max({0.0, b.minX - a.maxX, a.minX - b.maxX});
  const double dy = std::max({0.0, b.minY - a.maxY, a.minY - b.maxY});
  return std::hypot(dx, dy);
}

double farthestCorner(double x, double y, const gis::Envelope &e)
{
  return std::hypot(std::max(std::abs(x - e.minX), std::abs(x - e.maxX)),
                    std::max(std::abs(y - e.minY), std::abs(y - e.maxY)));
}

} // namespace

Reach::Reach(const ForestCells &cells, const std::vector<const GEOSGeometry *> &residences,
             double maxDistanceM, int threads, const Progress *progress)
    : m_reach(residences.size())
{
  parallelFor(residences.size(), threads, [&](std::size_t r) {
    throwIfCancelled(progress);
    const GEOSGeometry *home = residences[r];
    const gis::Envelope homeBox = gis::envelope(home);
    auto [px, py] = gis::pointXY(gis::pointOnSurface(home).get());
    gis::Envelope search{homeBox.minX - maxDistanceM, homeBox.minY - maxDistanceM,
                         homeBox.maxX + maxDistanceM, homeBox.maxY + maxDistanceM};
    std::optional<gis::PreparedGeometry> prepared;
    std::vector<ReachableCell> &reach = m_reach[r];
    for (std::size_t c : cells.candidates(search)) {
      const ForestCells::Cell &cell = cells[c];
      if (envelopeGap(homeBox, cell.envelope) > maxDistanceM)
        continue;
      // Every point of the cell is within the distance of a point of the residence: surely in.
      // Otherwise GEOS decides, exactly as ranger-distance does.
      if (farthestCorner(px, py, cell.envelope) > maxDistanceM) {
        if (!prepared)
          prepared.emplace(home);
        if (!prepared->withinDistance(cell.geometry.get(), maxDistanceM))
          continue;
      }
      reach.push_back({int(c), float(std::hypot(cell.x - px, cell.y - py))});
    }
    std::sort(reach.begin(), reach.end(),
              [](const ReachableCell &a, const ReachableCell &b) { return a.cell < b.cell; });
  });
}

const ReachableCell *Reach::find(int ranger, int cell) const
{
  const std::vector<ReachableCell> &reach = m_reach[ranger];
  auto it = std::lower_bound(reach.begin(), reach.end(), cell,
                             [](const ReachableCell &a, int c) { return a.cell < c; });
  return it != reach.end() && it->cell == cell ? &*it : nullptr;
}

} // namespace anzhi::core::plan
