#pragma once

#include "gis/Crs.h"
#include "gis/Geos.h"

#include <stdexcept>
#include <utility>
#include <vector>

namespace anzhi::core {

//! A geometry edit that cannot be done as asked; what() says why in the user's terms.
class GeometryEditError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

//! The parts of a polygon cut by a line that crosses it (the line is extended by nothing: it
//! must cross the polygon from edge to edge). Throws GeometryEditError when it does not split
//! it into at least two parts.
std::vector<gis::Geometry> splitPolygon(const GEOSGeometry *polygon, const GEOSGeometry *line);

//! The union of polygons that overlap or touch, as one Polygon (or a MultiPolygon when they
//! are apart and `allowMulti`). Throws GeometryEditError otherwise.
gis::Geometry mergePolygons(const std::vector<const GEOSGeometry *> &polygons, bool allowMulti);

//! A straight cut of a polygon that gives `targetM2` of ellipsoidal area to one side.
struct AreaCut
{
  gis::Geometry given;     //!< the part of targetM2
  gis::Geometry remainder; //!< the rest
  gis::Geometry line;      //!< the cut inside the polygon
  double givenM2 = 0;
};

//! Cuts `polygon` with a line perpendicular to `direction` (radians from the x axis, working
//! CRS) so that the part towards `direction`'s opposite side holds `targetM2` of ellipsoidal
//! area (measured in `workingCrs`) within `toleranceM2`: bisection on the cut's offset.
//! Throws GeometryEditError when the target is not strictly between 0 and the polygon's area.
AreaCut cutAtArea(const GEOSGeometry *polygon, const gis::Crs &workingCrs, double targetM2,
                  double direction = 0, double toleranceM2 = 0.01 * 10000.0 / 15.0);

} // namespace anzhi::core
