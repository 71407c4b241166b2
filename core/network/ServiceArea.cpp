#include "core/network/ServiceArea.h"

#include <cmath>
#include <numbers>

namespace anzhi::core::network {

namespace {

//! Collects the convex hulls of reached stretches.
class Hulls
{
public:
  Hulls(double limit, double walkPerMinute)
      : m_limit(limit)
      , m_walk(walkPerMinute)
  {
  }

  //! Walks a polyline from its first vertex, reached at `minutes`, at `speed` metres a minute,
  //! adding a hull per straight stretch until the time runs out.
  template<typename Vertices> void walk(const Vertices &line, double minutes, double speed)
  {
    for (std::size_t i = 0; i + 1 < line.size() && minutes <= m_limit; ++i) {
      const XY a = line[i], b = line[i + 1];
      const double length = std::hypot(b.first - a.first, b.second - a.second);
      const double after = minutes + length / speed;
      if (after <= m_limit) {
        add(a, minutes, b, after);
      } else {
        const double t = (m_limit - minutes) * speed / length;
        add(a, minutes, {a.first + t * (b.first - a.first), a.second + t * (b.second - a.second)},
            m_limit);
      }
      minutes = after;
    }
  }

  gis::Geometry area() const
  {
    if (m_parts.empty())
      return nullptr;
    std::vector<const GEOSGeometry *> raw;
    for (const gis::Geometry &g : m_parts)
      raw.push_back(g.get());
    return gis::unionAll(raw);
  }

private:
  void add(XY a, double minutesA, XY b, double minutesB)
  {
    std::vector<XY> points;
    points.reserve(2 * kDiscSides);
    for (const auto &[centre, minutes] : {std::pair{a, minutesA}, std::pair{b, minutesB}}) {
      const double radius = (m_limit - minutes) * m_walk;
      if (radius <= 0) {
        points.push_back(centre);
        continue;
      }
      for (int k = 0; k < kDiscSides; ++k) {
        const double angle = 2 * std::numbers::pi * k / kDiscSides;
        points.emplace_back(centre.first + radius * std::cos(angle),
                            centre.second + radius * std::sin(angle));
      }
    }
    gis::Geometry hull = gis::convexHull(points);
    if (gis::isPolygonal(hull.get()))
      m_parts.push_back(std::move(hull));
  }

  double m_limit, m_walk;
  std::vector<gis::Geometry> m_parts;
};

} // namespace

gis::Geometry serviceArea(const Router &router, std::span<const RoadGraph::Snap> origin,
                          double limit, double walkPerMinute)
{
  const RoadGraph &graph = router.graph();
  Hulls hulls(limit, walkPerMinute);
  auto speedOf = [&](std::uint32_t e) { return router.speed(e); };
  // The origin's own edges, from the snapped point both ways: its ends' times come back along
  // the edge too late for the stretch between them.
  for (const RoadGraph::Snap &s : origin) {
    std::span<const XY> line = graph.vertices(s.edge);
    std::vector<XY> forward{}, backward{};
    double start = 0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
      const double segment =
          std::hypot(line[i + 1].first - line[i].first, line[i + 1].second - line[i].second);
      if (start + segment >= s.along && forward.empty()) {
        const double t = segment > 0 ? (s.along - start) / segment : 0;
        const XY at{line[i].first + t * (line[i + 1].first - line[i].first),
                    line[i].second + t * (line[i + 1].second - line[i].second)};
        forward.push_back(at);
        forward.insert(forward.end(), line.begin() + std::ptrdiff_t(i) + 1, line.end());
        backward.push_back(at);
        for (std::size_t k = i + 1; k-- > 0;)
          backward.push_back(line[k]);
      }
      start += segment;
    }
    const double walk = s.distance / walkPerMinute;
    hulls.walk(forward, walk, speedOf(s.edge));
    hulls.walk(backward, walk, speedOf(s.edge));
  }
  for (std::uint32_t n : router.reached())
    for (std::uint32_t e : graph.edgesAt(n)) {
      std::span<const XY> line = graph.vertices(e);
      if (graph.edge(e).from == n)
        hulls.walk(line, router.minutes(n), speedOf(e));
      if (graph.edge(e).to == n)
        hulls.walk(std::vector<XY>(line.rbegin(), line.rend()), router.minutes(n), speedOf(e));
    }
  return hulls.area();
}

} // namespace anzhi::core::network
