#pragma once

#include "core/Engine.h"

#include <string>

namespace anzhi::core {

//! Writes the violations as a GeoPackage layer `violations` in the working CRS (geometry type
//! GEOMETRY: overlaps are polygons, schools points), one transaction, into a temporary file
//! renamed into place. Throws std::runtime_error naming the path.
void writeViolationLayer(const std::string &path, const CheckResult &result,
                         const gis::Crs &workingCrs, const std::string &lang);

} // namespace anzhi::core
