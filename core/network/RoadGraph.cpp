#include "core/network/RoadGraph.h"

#include "gis/Noding.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace anzhi::core::network {

RoadGraph::RoadGraph(const std::vector<const GEOSGeometry *> &roads)
{
  std::vector<gis::NodedPiece> pieces = gis::nodedLines(roads);
  std::map<XY, std::uint32_t> nodeAt;
  auto nodeOf = [&](const XY &p) {
    auto [it, added] = nodeAt.emplace(p, std::uint32_t(m_nodes.size()));
    if (added)
      m_nodes.push_back(p);
    return it->second;
  };
  std::vector<gis::StrTree::Item> boxes;
  m_vertexStart.push_back(0);
  m_roadStart.push_back(0);
  for (gis::NodedPiece &piece : pieces) {
    Edge edge{nodeOf(piece.coords.front()), nodeOf(piece.coords.back()), 0};
    gis::Envelope box{piece.coords[0].first, piece.coords[0].second, piece.coords[0].first,
                      piece.coords[0].second};
    for (std::size_t i = 0; i < piece.coords.size(); ++i) {
      if (i > 0)
        edge.length += std::hypot(piece.coords[i].first - piece.coords[i - 1].first,
                                  piece.coords[i].second - piece.coords[i - 1].second);
      box.expandToInclude({piece.coords[i].first, piece.coords[i].second, piece.coords[i].first,
                           piece.coords[i].second});
    }
    boxes.push_back({box, m_edges.size()});
    m_edges.push_back(edge);
    m_vertices.insert(m_vertices.end(), piece.coords.begin(), piece.coords.end());
    m_vertexStart.push_back(std::uint32_t(m_vertices.size()));
    m_roads.insert(m_roads.end(), piece.sources.begin(), piece.sources.end());
    m_roadStart.push_back(std::uint32_t(m_roads.size()));
  }
  m_index = std::make_unique<gis::StrTree>(std::move(boxes));
  // Compressed sparse rows: count the edges at each node, then place them.
  m_adjacentStart.assign(m_nodes.size() + 1, 0);
  for (const Edge &e : m_edges) {
    ++m_adjacentStart[e.from + 1];
    if (e.to != e.from)
      ++m_adjacentStart[e.to + 1];
  }
  for (std::size_t n = 0; n < m_nodes.size(); ++n)
    m_adjacentStart[n + 1] += m_adjacentStart[n];
  m_adjacent.resize(m_adjacentStart.back());
  std::vector<std::uint32_t> fill(m_adjacentStart.begin(), m_adjacentStart.end() - 1);
  for (std::uint32_t e = 0; e < m_edges.size(); ++e) {
    m_adjacent[fill[m_edges[e].from]++] = e;
    if (m_edges[e].to != m_edges[e].from)
      m_adjacent[fill[m_edges[e].to]++] = e;
  }
}

std::vector<RoadGraph::Snap> RoadGraph::snap(XY p, double maxDistance) const
{
  std::vector<Snap> nearest;
  double best = maxDistance;
  for (std::size_t e : m_index->query({p.first - maxDistance, p.second - maxDistance,
                                       p.first + maxDistance, p.second + maxDistance})) {
    std::span<const XY> line = vertices(std::uint32_t(e));
    double start = 0; // metres along the edge to vertex i
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
      const double segment =
          std::hypot(line[i + 1].first - line[i].first, line[i + 1].second - line[i].second);
      const gis::SegmentProjection at = gis::projectOnSegment(p, line[i], line[i + 1]);
      if (at.distance < best) {
        best = at.distance;
        nearest.clear();
      }
      if (at.distance == best)
        nearest.push_back(
            {std::uint32_t(e), std::min(start + at.t * segment, m_edges[e].length), at.distance});
      start += segment;
    }
  }
  return nearest;
}

std::vector<double>
RoadGraph::edgeSpeeds(const std::function<double(std::size_t road)> &kmhOfRoad) const
{
  std::vector<double> speeds(m_edges.size(), 0);
  for (std::uint32_t e = 0; e < m_edges.size(); ++e)
    for (std::size_t road : roadsOf(e))
      speeds[e] = std::max(speeds[e], metresPerMinute(kmhOfRoad(road)));
  return speeds;
}

} // namespace anzhi::core::network
