#include "core/network/Router.h"

#include <queue>

namespace anzhi::core::network {

Router::Router(const RoadGraph &graph, std::span<const double> speeds)
    : m_graph(graph)
    , m_speeds(speeds)
    , m_minutes(graph.nodeCount(), kUnreached)
{
}

std::vector<Router::Seed> Router::seedsOf(std::span<const RoadGraph::Snap> snaps,
                                          double walkPerMinute) const
{
  std::vector<Seed> seeds;
  for (const RoadGraph::Snap &s : snaps) {
    const RoadGraph::Edge &e = m_graph.edge(s.edge);
    const double walk = s.distance / walkPerMinute;
    seeds.push_back({e.from, walk + edgeMinutes(s.edge, s.along)});
    seeds.push_back({e.to, walk + edgeMinutes(s.edge, e.length - s.along)});
  }
  return seeds;
}

void Router::run(std::span<const Seed> seeds, double bound,
                 const std::function<bool(std::uint32_t, double)> &settled)
{
  for (std::uint32_t n : m_touched)
    m_minutes[n] = kUnreached;
  m_touched.clear();
  m_reached.clear();
  using Entry = std::pair<double, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
  auto offer = [&](std::uint32_t n, double minutes) {
    if (minutes > bound || minutes >= m_minutes[n])
      return;
    if (m_minutes[n] == kUnreached)
      m_touched.push_back(n);
    m_minutes[n] = minutes;
    heap.push({minutes, n});
  };
  for (const Seed &s : seeds)
    offer(s.node, s.minutes);
  while (!heap.empty()) {
    auto [minutes, n] = heap.top();
    heap.pop();
    if (minutes > m_minutes[n]) // a stale entry: n was settled sooner
      continue;
    m_reached.push_back(n);
    if (settled && !settled(n, minutes))
      return;
    for (std::uint32_t e : m_graph.edgesAt(n)) {
      const RoadGraph::Edge &edge = m_graph.edge(e);
      offer(edge.from == n ? edge.to : edge.from, minutes + edgeMinutes(e, edge.length));
    }
  }
}

} // namespace anzhi::core::network
