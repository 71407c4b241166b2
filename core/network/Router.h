#pragma once

#include "core/network/RoadGraph.h"

#include <functional>
#include <limits>
#include <span>
#include <vector>

namespace anzhi::core::network {

//! Bounded one-to-many shortest paths (Dijkstra with a binary heap) over a RoadGraph, in
//! minutes. Keeps its buffers between runs, so that one router per thread serves every origin.
//! Thread: one router per thread; the graph is shared.
class Router
{
public:
  //! speeds: metres per minute of every edge (RoadGraph::edgeSpeeds).
  Router(const RoadGraph &graph, std::span<const double> speeds);

  //! A node reached before the network begins: the end of an access leg.
  struct Seed
  {
    std::uint32_t node = 0;
    double minutes = 0;
  };
  //! The least minutes from any seed to every node, as far as `bound`: nodes beyond it are left
  //! unreached. `settled`, when given, is called with each node as its minutes become final, in
  //! ascending order of minutes; returning false stops the search there.
  void run(std::span<const Seed> seeds, double bound,
           const std::function<bool(std::uint32_t node, double minutes)> &settled = {});
  //! Minutes to node n in the last run; infinity when it was not reached.
  double minutes(std::uint32_t n) const { return m_minutes[n]; }
  //! The nodes reached in the last run, in the order they were settled.
  const std::vector<std::uint32_t> &reached() const { return m_reached; }
  //! Minutes to cross `metres` of edge e.
  double edgeMinutes(std::uint32_t e, double metres) const { return metres / m_speeds[e]; }
  //! Metres per minute on edge e.
  double speed(std::uint32_t e) const { return m_speeds[e]; }
  const RoadGraph &graph() const { return m_graph; }

  //! The seeds of an origin snapped onto the network: from each snap, its two edge ends, after
  //! walking the access leg at walkPerMinute metres per minute.
  std::vector<Seed> seedsOf(std::span<const RoadGraph::Snap> snaps, double walkPerMinute) const;

  static constexpr double kUnreached = std::numeric_limits<double>::infinity();

private:
  const RoadGraph &m_graph;
  std::span<const double> m_speeds;
  std::vector<double> m_minutes;
  std::vector<std::uint32_t> m_reached;
  std::vector<std::uint32_t> m_touched; //!< nodes whose minutes are set, to reset for the next run
};

} // namespace anzhi::core::network
