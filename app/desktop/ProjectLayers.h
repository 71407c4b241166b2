#pragma once

#include "core/Project.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::desktop {

//! A feature of a project layer, by position in Layer::features.
struct FeatureHit
{
  std::string layer;
  std::size_t index = 0;
};

//! Number of features of a layer (0 when absent).
std::size_t featureCount(const core::Project &p, const std::string &layer);
//! The extent of a layer's geometries, if it has any.
std::optional<gis::Envelope> layerExtent(const core::Project &p, const std::string &layer);
//! The extent of every layer with geometry.
std::optional<gis::Envelope> projectExtent(const core::Project &p);
const GEOSGeometry *geometryOf(const core::Project &p, const FeatureHit &hit);
std::int64_t fidOf(const core::Project &p, const FeatureHit &hit);

//! The topmost feature of `layersTopDown` at a map point: polygons that contain it, points and
//! lines within `tolerance` map units. Thread: any (reads the immutable project).
std::optional<FeatureHit> featureAt(const core::Project &p,
                                    const std::vector<std::string> &layersTopDown, double x,
                                    double y, double tolerance);
//! Features of `layersTopDown` whose geometry meets the rectangle.
std::vector<FeatureHit> featuresIn(const core::Project &p,
                                   const std::vector<std::string> &layersTopDown,
                                   const gis::Envelope &box, std::size_t limit = 5000);

} // namespace anzhi::desktop
