#include "app/desktop/edit/Snapper.h"

#include "app/desktop/edit/EditSession.h"

#include <cmath>
#include <limits>

namespace anzhi::desktop {

std::optional<Snapper::Snap> Snapper::snap(QPointF screen, const render::MapTransform &t) const
{
  if (!m_enabled || !t.isValid() || !m_layers)
    return std::nullopt;
  const QPointF at = t.toMap(screen);
  const double tol = m_tolerancePx * t.unitsPerPixel();
  const gis::Envelope box{at.x() - tol, at.y() - tol, at.x() + tol, at.y() + tol};
  double bestVertex = tol, bestSegment = tol;
  std::optional<Snap> vertex, segment;
  auto visit = [&](const std::vector<std::pair<double, double>> &coords) {
    for (std::size_t i = 0; i < coords.size(); ++i) {
      const auto [x, y] = coords[i];
      const double d = std::hypot(x - at.x(), y - at.y());
      if (d <= bestVertex) {
        bestVertex = d;
        vertex = Snap{{x, y}, true};
      }
      if (i == 0)
        continue;
      // The nearest point of segment (i-1, i).
      const auto [x0, y0] = coords[i - 1];
      const double dx = x - x0, dy = y - y0, len2 = dx * dx + dy * dy;
      if (len2 <= 0)
        continue;
      const double u = std::clamp(((at.x() - x0) * dx + (at.y() - y0) * dy) / len2, 0.0, 1.0);
      const QPointF p(x0 + u * dx, y0 + u * dy);
      const double ds = std::hypot(p.x() - at.x(), p.y() - at.y());
      if (ds <= bestSegment) {
        bestSegment = ds;
        segment = Snap{p, false};
      }
    }
  };
  for (const std::string &layer : m_layers()) {
    std::vector<core::FeatureKey> near = m_session.featuresIn(layer, box);
    // Zoomed far out, thousands of features lie under the cursor: snapping there would
    // stall the mouse and land nowhere useful.
    if (near.size() > kMaxCandidates)
      continue;
    for (const core::FeatureKey &key : near) {
      std::optional<core::FeatureState> s = m_session.state(key);
      if (!s || !s->geometry)
        continue;
      const GEOSGeometry *g = s->geometry.get();
      if (gis::isPolygonal(g)) {
        gis::forEachRing(g, [&](const auto &ring, bool) { visit(ring); });
      } else if (gis::typeId(g) == GEOS_POINT) {
        auto [x, y] = gis::pointXY(g);
        visit({{x, y}});
      }
    }
  }
  return vertex ? vertex : segment;
}

} // namespace anzhi::desktop
