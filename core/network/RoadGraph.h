#pragma once

#include "gis/Geos.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace anzhi::core::network {

using XY = std::pair<double, double>;

//! The road network of docs/contract.md "Network distance": the roads noded at every crossing,
//! undirected, as compressed sparse rows (an edge is a noded piece between two nodes, its length
//! in metres of the working CRS). Built once per project; read-only after, so that routers on
//! several threads share it.
class RoadGraph
{
public:
  //! roads[i] is road i's (Multi)LineString in the working CRS, null or empty when it has none.
  explicit RoadGraph(const std::vector<const GEOSGeometry *> &roads);

  struct Edge
  {
    std::uint32_t from = 0, to = 0;
    double length = 0;
  };
  std::size_t nodeCount() const { return m_nodes.size(); }
  std::size_t edgeCount() const { return m_edges.size(); }
  XY node(std::uint32_t n) const { return m_nodes[n]; }
  const Edge &edge(std::uint32_t e) const { return m_edges[e]; }
  //! The edges meeting node n.
  std::span<const std::uint32_t> edgesAt(std::uint32_t n) const
  {
    return {m_adjacent.data() + m_adjacentStart[n], m_adjacent.data() + m_adjacentStart[n + 1]};
  }
  //! The edge's vertices from its `from` node to its `to` node.
  std::span<const XY> vertices(std::uint32_t e) const
  {
    return {m_vertices.data() + m_vertexStart[e], m_vertices.data() + m_vertexStart[e + 1]};
  }
  //! The roads (indices into the constructor's list) the edge lies on: several where they overlap.
  std::span<const std::size_t> roadsOf(std::uint32_t e) const
  {
    return {m_roads.data() + m_roadStart[e], m_roads.data() + m_roadStart[e + 1]};
  }

  //! A point of the network: on edge `edge`, `along` metres from its `from` node, `distance`
  //! metres from the point that was snapped.
  struct Snap
  {
    std::uint32_t edge = 0;
    double along = 0;
    double distance = 0;
  };
  //! The network points nearest to p, if no farther than maxDistance (exactly maxDistance is
  //! near enough): every one of them where several are equally near; empty when none is.
  std::vector<Snap> snap(XY p, double maxDistance) const;

  //! Speed in metres per minute of every edge, the fastest of its roads' speeds in km/h.
  std::vector<double> edgeSpeeds(const std::function<double(std::size_t road)> &kmhOfRoad) const;

private:
  std::vector<XY> m_nodes;
  std::vector<Edge> m_edges;
  std::vector<std::uint32_t> m_adjacentStart, m_adjacent;
  std::vector<std::uint32_t> m_vertexStart;
  std::vector<XY> m_vertices;
  std::vector<std::uint32_t> m_roadStart;
  std::vector<std::size_t> m_roads;
  std::unique_ptr<gis::StrTree> m_index; //!< over edge envelopes
};

//! Metres per minute at a speed in km/h.
inline double metresPerMinute(double kmh)
{
  return kmh * 1000.0 / 60.0;
}

} // namespace anzhi::core::network
