#pragma once

#include "core/network/Router.h"

#include <span>

namespace anzhi::core::network {

//! The service area of an origin (docs/network.md): the ground from which the origin is reached
//! within `limit` minutes, walking straight to a road and then along the network. Every reached
//! stretch of road, cut where the time runs out, is widened by the walk the remaining time
//! allows: along a straight stretch the remaining time falls linearly, so the ground it serves is
//! the convex hull of the discs at its two ends (radius = remaining minutes × walking speed).
//! The union of those hulls over every reached stretch; null when nothing is reached.
//! `router` holds the run from the origin's seeds (bound ≥ limit); `origin` the origin's snaps.
gis::Geometry serviceArea(const Router &router, std::span<const RoadGraph::Snap> origin,
                          double limit, double walkPerMinute);

//! Sides of the polygon that stands for a disc in serviceArea: its area is
//! n/(2π)·sin(2π/n) = 99.84 % of the disc's.
inline constexpr int kDiscSides = 64;

} // namespace anzhi::core::network
