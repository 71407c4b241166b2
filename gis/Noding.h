#pragma once

#include "gis/Geos.h"

#include <cstddef>
#include <utility>
#include <vector>

namespace anzhi::gis {

//! The point of segment a–b nearest to p: its position t along the segment (0 at a, 1 at b) and
//! its distance from p.
struct SegmentProjection
{
  double t = 0;
  double distance = 0;
};
SegmentProjection projectOnSegment(std::pair<double, double> p, std::pair<double, double> a,
                                   std::pair<double, double> b);

//! One piece of a noded set of lines: its 2-D vertices and every input line it lies on (several
//! where inputs overlap), ascending.
struct NodedPiece
{
  std::vector<std::pair<double, double>> coords;
  std::vector<std::size_t> sources;
};

//! Nodes lines at every crossing and overlap (GEOS node), in 2-D: Z and M are dropped. lines[i]
//! may be a LineString or MultiLineString (other types and empty or null entries are ignored);
//! each piece names the indices i it came from. Zero-length pieces are left out.
std::vector<NodedPiece> nodedLines(const std::vector<const GEOSGeometry *> &lines);

} // namespace anzhi::gis
