#pragma once

#include <span>

namespace anzhi::gis {

//! A conservative, fast answer to "is this closed ring simple?" for validating polygons
//! without GEOS's full topology analysis: true only when every pair of segments is proved
//! disjoint (or, for neighbours, to meet only at their shared vertex) by orientation signs
//! whose floating-point error is bounded, so GEOS's exact predicates would agree. Anything
//! close to a touch, a collinear spike, too few distinct points, an unclosed ring or a
//! non-finite coordinate gives false, meaning "not proved": ask GEOS.
//! `xy` holds the ring's vertices as x0, y0, x1, y1, …, the last equal to the first.
bool isCertainlySimpleRing(std::span<const double> xy);

} // namespace anzhi::gis
