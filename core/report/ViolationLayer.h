#pragma once

#include "core/Engine.h"

#include <string>
#include <vector>

namespace anzhi::core {

//! The fields of a violations layer (rule, severity, clause, layer, feature_fid, code, …,
//! message), in the order violationValues() fills them.
const std::vector<gis::FieldDefinition> &violationFields();
//! One violation's values for violationFields(); the message in `lang`.
std::vector<gis::FieldValue> violationValues(const Violation &v, const std::string &lang);

//! Writes the violations as a GeoPackage layer `violations` in the working CRS (geometry type
//! GEOMETRY: overlaps are polygons, schools points), one transaction, into a temporary file
//! renamed into place. Throws std::runtime_error naming the path.
void writeViolationLayer(const std::string &path, const CheckResult &result,
                         const gis::Crs &workingCrs, const std::string &lang);

} // namespace anzhi::core
