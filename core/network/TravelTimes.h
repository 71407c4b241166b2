#pragma once

#include "core/network/RoadGraph.h"
#include "core/network/Router.h"

#include <optional>
#include <span>
#include <vector>

namespace anzhi::core::network {

//! How a trip reaches and leaves the network (docs/contract.md "Network distance"): a straight
//! walk to the nearest network point, at walkKmh, no longer than maxAccessM.
struct AccessRules
{
  double walkKmh = 4.0;
  double maxAccessM = 2000.0;
};

//! One origin reached from a destination, with the least travel time.
struct Reach
{
  std::size_t origin = 0;
  double minutes = 0;
};

//! Points snapped onto the network, listed by the edges they lie on: where a search arrives.
class Arrivals
{
public:
  //! points without a value, or farther than access.maxAccessM from every road, are left out.
  Arrivals(const RoadGraph &graph, std::span<const std::optional<XY>> points,
           const AccessRules &access);
  struct Arrival
  {
    std::size_t point = 0;
    double along = 0; //!< metres from the edge's `from` node
    double walk = 0;  //!< minutes of the walk between the point and the network
  };
  std::span<const Arrival> on(std::uint32_t edge) const { return m_onEdge[edge]; }

private:
  std::vector<std::vector<Arrival>> m_onEdge;
};

//! The point of `arrivals` quickest to reach from `from` (ties: the lower point index), with
//! the time; the search goes no farther than that. None when no point is connected to it.
std::optional<Reach> quickest(Router &router, const Arrivals &arrivals, XY from,
                              const AccessRules &access);

//! For every destination, the origins whose travel time to it is at most `bound` minutes,
//! ascending by origin: access walk + road legs + egress walk, always through the network. A
//! point with no network point within maxAccessM is not connected; where several network points
//! are equally near, the least time is taken. Origins and destinations without a point (nullopt)
//! reach nothing. One bounded Dijkstra per origin, on up to `threads` threads.
std::vector<std::vector<Reach>> travelTimes(const RoadGraph &graph, std::span<const double> speeds,
                                            std::span<const std::optional<XY>> origins,
                                            std::span<const std::optional<XY>> destinations,
                                            const AccessRules &access, double bound,
                                            int threads = 0);

} // namespace anzhi::core::network
