#pragma once

#include "gis/Geos.h"

#include <optional>
#include <utility>
#include <vector>

namespace anzhi::desktop {

//! A polygon or multipolygon as editable rings (closed: last = first), in GEOS's order: each
//! part's shell, then its holes. A point is one ring of one coordinate.
struct Rings
{
  using Coords = std::vector<std::pair<double, double>>;
  std::vector<Coords> rings;
  std::vector<bool> holes;
  bool point = false;

  static Rings of(const GEOSGeometry *g);
  gis::Geometry build() const;

  struct Vertex
  {
    std::size_t ring = 0, index = 0;
  };
  //! The vertex nearest (x, y) within tol (the closing vertex counts as the first).
  std::optional<Vertex> vertexNear(double x, double y, double tol) const;
  //! The segment (ring, index of its first vertex) nearest (x, y) within tol.
  std::optional<Vertex> segmentNear(double x, double y, double tol) const;
  void moveVertex(const Vertex &v, double x, double y);
  //! Inserts a vertex after v.index; returns the new vertex.
  Vertex insertAfter(const Vertex &v, double x, double y);
  //! False when the ring would keep fewer than three distinct vertices.
  bool removeVertex(const Vertex &v);
};

} // namespace anzhi::desktop
