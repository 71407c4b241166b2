#include "core/edit/GeometryEdits.h"

#include "gis/EllipsoidalArea.h"

#include <cmath>

namespace anzhi::core {

std::vector<gis::Geometry> splitPolygon(const GEOSGeometry *polygon, const GEOSGeometry *line)
{
  if (!polygon || !gis::isPolygonal(polygon))
    throw GeometryEditError("only a polygon can be split");
  // Node the polygon's rings with the line, polygonize, and keep the faces inside the polygon
  // (the faces a line makes outside it, e.g. between two of its parts, are not the polygon's).
  gis::Geometry rings = gis::boundary(polygon);
  std::vector<gis::Geometry> inputs;
  inputs.push_back(gis::clone(rings.get()));
  inputs.push_back(gis::clone(line));
  gis::Geometry noded =
      gis::unaryUnion(gis::makeCollection(GEOS_GEOMETRYCOLLECTION, std::move(inputs)).get());
  std::vector<gis::Geometry> parts;
  gis::PreparedGeometry inside(polygon);
  for (gis::Geometry &face : gis::polygonize(noded.get())) {
    gis::Geometry probe = gis::pointOnSurface(face.get());
    if (inside.contains(probe.get()))
      parts.push_back(std::move(face));
  }
  if (parts.size() < 2)
    throw GeometryEditError("the line does not cut the polygon in two: draw it across the "
                            "polygon from one edge to another");
  return parts;
}

gis::Geometry mergePolygons(const std::vector<const GEOSGeometry *> &polygons, bool allowMulti)
{
  if (polygons.size() < 2)
    throw GeometryEditError("select at least two polygons to merge");
  gis::Geometry merged = gis::polygonalParts(gis::unionAll(polygons).get());
  if (!allowMulti && gis::typeId(merged.get()) != GEOS_POLYGON)
    throw GeometryEditError("the polygons do not touch: merging them would make a multipart "
                            "feature");
  return merged;
}

AreaCut cutAtArea(const GEOSGeometry *polygon, const gis::Crs &workingCrs, double targetM2,
                  double direction, double toleranceM2)
{
  const gis::EllipsoidalArea &area = gis::EllipsoidalArea::forThread(workingCrs);
  const double total = area.squareMetres(polygon);
  if (!(targetM2 > 0 && targetM2 < total))
    throw GeometryEditError("the area to give must be more than 0 and less than the plot's " +
                            std::to_string(total / gis::kSquareMetresPerMu) + " mu");
  // Coordinates along u = (cos, sin) and across v = (-sin, cos); the given part is u < t.
  const double ux = std::cos(direction), uy = std::sin(direction);
  const double vx = -uy, vy = ux;
  gis::Envelope env = gis::envelope(polygon);
  const double cx = env.centerX(), cy = env.centerY();
  const double reach = std::hypot(env.maxX - env.minX, env.maxY - env.minY) + 1.0;
  auto at = [&](double u, double v) -> std::pair<double, double> {
    return {cx + u * ux + v * vx, cy + u * uy + v * vy};
  };
  auto halfPlane = [&](double t) {
    return gis::makePolygon({at(-reach, -reach), at(t, -reach), at(t, reach), at(-reach, reach)});
  };
  auto given = [&](double t) {
    gis::Geometry box = halfPlane(t);
    return gis::polygonalParts(gis::intersection(polygon, box.get()).get());
  };
  double lo = -reach, hi = reach, t = 0;
  gis::Geometry part;
  double partM2 = 0;
  // The given area grows monotonically with t: bisect until it matches.
  for (int i = 0; i < 200; ++i) {
    t = (lo + hi) / 2;
    part = given(t);
    partM2 = area.squareMetres(part.get());
    if (std::abs(partM2 - targetM2) <= toleranceM2)
      break;
    (partM2 < targetM2 ? lo : hi) = t;
  }
  if (std::abs(partM2 - targetM2) > toleranceM2)
    throw GeometryEditError("no straight cut in this direction gives the asked area");
  AreaCut cut;
  cut.givenM2 = partM2;
  cut.given = std::move(part);
  gis::Geometry rest =
      gis::makePolygon({at(t, -reach), at(reach, -reach), at(reach, reach), at(t, reach)});
  cut.remainder = gis::polygonalParts(gis::intersection(polygon, rest.get()).get());
  gis::Geometry full = gis::makeLine({at(t, -reach), at(t, reach)});
  cut.line = gis::intersection(full.get(), polygon);
  return cut;
}

} // namespace anzhi::core
