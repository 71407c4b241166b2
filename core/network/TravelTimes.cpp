#include "core/network/TravelTimes.h"

#include "core/Parallel.h"

#include <algorithm>

namespace anzhi::core::network {

namespace {

//! Calls fn(arrival, minutes to the arrival's road point) for every point on the edges of node
//! n, reached at `minutes`.
template<typename Fn>
void arrivalsAround(const Router &router, const Arrivals &arrivals, std::uint32_t n, double minutes,
                    Fn &&fn)
{
  const RoadGraph &graph = router.graph();
  for (std::uint32_t e : graph.edgesAt(n)) {
    const RoadGraph::Edge &edge = graph.edge(e);
    for (const Arrivals::Arrival &a : arrivals.on(e)) {
      if (edge.from == n)
        fn(a, minutes + router.edgeMinutes(e, a.along));
      if (edge.to == n)
        fn(a, minutes + router.edgeMinutes(e, edge.length - a.along));
    }
  }
}

//! The same for the points on the edges the origin snaps to, reached along that edge without
//! passing through either end.
template<typename Fn>
void arrivalsAlongOwnEdges(const Router &router, const Arrivals &arrivals,
                           std::span<const RoadGraph::Snap> origin, double walkPerMinute, Fn &&fn)
{
  for (const RoadGraph::Snap &s : origin)
    for (const Arrivals::Arrival &a : arrivals.on(s.edge))
      fn(a, s.distance / walkPerMinute + router.edgeMinutes(s.edge, std::abs(s.along - a.along)));
}

//! The least time to each point reached from one origin, kept between origins.
class Arrived
{
public:
  explicit Arrived(std::size_t points)
      : m_best(points, Router::kUnreached)
  {
  }
  void offer(const Arrivals::Arrival &a, double minutes)
  {
    minutes += a.walk;
    if (minutes >= m_best[a.point])
      return;
    if (m_best[a.point] == Router::kUnreached)
      m_touched.push_back(a.point);
    m_best[a.point] = minutes;
  }
  //! The points reached within bound, (point, minutes); then forgets them for the next origin.
  std::vector<std::pair<std::size_t, double>> take(double bound)
  {
    std::vector<std::pair<std::size_t, double>> out;
    for (std::size_t p : m_touched) {
      if (m_best[p] <= bound)
        out.emplace_back(p, m_best[p]);
      m_best[p] = Router::kUnreached;
    }
    m_touched.clear();
    return out;
  }

private:
  std::vector<double> m_best; //!< by point
  std::vector<std::size_t> m_touched;
};

} // namespace

Arrivals::Arrivals(const RoadGraph &graph, std::span<const std::optional<XY>> points,
                   const AccessRules &access)
    : m_onEdge(graph.edgeCount())
{
  const double walkPerMinute = metresPerMinute(access.walkKmh);
  for (std::size_t p = 0; p < points.size(); ++p) {
    if (!points[p])
      continue;
    for (const RoadGraph::Snap &s : graph.snap(*points[p], access.maxAccessM))
      m_onEdge[s.edge].push_back({p, s.along, s.distance / walkPerMinute});
  }
}

std::optional<Reach> quickest(Router &router, const Arrivals &arrivals, XY from,
                              const AccessRules &access)
{
  const double walkPerMinute = metresPerMinute(access.walkKmh);
  const std::vector<RoadGraph::Snap> snaps = router.graph().snap(from, access.maxAccessM);
  if (snaps.empty())
    return std::nullopt;
  std::optional<Reach> best;
  auto consider = [&](const Arrivals::Arrival &a, double minutes) {
    minutes += a.walk;
    if (!best || minutes < best->minutes || (minutes == best->minutes && a.point < best->origin))
      best = Reach{a.point, minutes};
  };
  arrivalsAlongOwnEdges(router, arrivals, snaps, walkPerMinute, consider);
  // Every arrival from a node settled at t takes at least t: once t passes the best, stop.
  router.run(router.seedsOf(snaps, walkPerMinute), Router::kUnreached,
             [&](std::uint32_t n, double minutes) {
               if (best && minutes > best->minutes)
                 return false;
               arrivalsAround(router, arrivals, n, minutes, consider);
               return true;
             });
  return best;
}

std::vector<std::vector<Reach>> travelTimes(const RoadGraph &graph, std::span<const double> speeds,
                                            std::span<const std::optional<XY>> origins,
                                            std::span<const std::optional<XY>> destinations,
                                            const AccessRules &access, double bound, int threads)
{
  const double walkPerMinute = metresPerMinute(access.walkKmh);
  // Destinations by the edges they snap to, so that an origin's search visits only those on
  // the edges it reaches.
  const Arrivals arrivals(graph, destinations, access);
  // By origin: (destination, minutes).
  std::vector<std::vector<std::pair<std::size_t, double>>> byOrigin(origins.size());
  struct Worker
  {
    Router router;
    Arrived arrived;
  };
  std::vector<std::unique_ptr<Worker>> workers(
      std::size_t(parallelWorkers(origins.size(), threads)));
  parallelFor(origins.size(), threads, [&](std::size_t o, int w) {
    if (!origins[o])
      return;
    if (!workers[w])
      workers[w].reset(new Worker{Router(graph, speeds), Arrived(destinations.size())});
    Router &router = workers[w]->router;
    Arrived &arrived = workers[w]->arrived;
    const std::vector<RoadGraph::Snap> snaps = graph.snap(*origins[o], access.maxAccessM);
    if (snaps.empty())
      return;
    router.run(router.seedsOf(snaps, walkPerMinute), bound);
    auto offer = [&](const Arrivals::Arrival &a, double minutes) { arrived.offer(a, minutes); };
    arrivalsAlongOwnEdges(router, arrivals, snaps, walkPerMinute, offer);
    for (std::uint32_t n : router.reached())
      arrivalsAround(router, arrivals, n, router.minutes(n), offer);
    byOrigin[o] = arrived.take(bound);
  });
  std::vector<std::vector<Reach>> byDestination(destinations.size());
  for (std::size_t o = 0; o < origins.size(); ++o)
    for (const auto &[d, minutes] : byOrigin[o])
      byDestination[d].push_back({o, minutes});
  return byDestination;
}

} // namespace anzhi::core::network
