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

//! Every feature of `layersTopDown` at a map point, topmost first (layer by layer, the feature
//! drawn last first): polygons that contain it, points and lines within `tolerance` map units;
//! at most `limit`. Thread: any (reads the immutable project).
std::vector<FeatureHit> featuresAt(const core::Project &p,
                                   const std::vector<std::string> &layersTopDown, double x,
                                   double y, double tolerance, std::size_t limit = 50);
//! A feature's name where its layer has one (a std::string or an optional one), else nothing.
template<typename F> std::optional<std::string> featureName(const F &f)
{
  if constexpr (requires { f.name; })
    return f.name;
  else
    return std::nullopt;
}

//! "P-12 幸福家园": the feature's code (or #fid) and, where the layer has one, its name.
QString featureTitle(const core::Project &p, const FeatureHit &hit);
//! Features of `layersTopDown` whose geometry meets the rectangle.
std::vector<FeatureHit> featuresIn(const core::Project &p,
                                   const std::vector<std::string> &layersTopDown,
                                   const gis::Envelope &box, std::size_t limit = 5000);

} // namespace anzhi::desktop
