#pragma once

#include "core/Project.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace anzhi::desktop {

//! Calls fn(layer) with the typed layer of `project` named `name`; false if there is none.
template<typename Fn> bool visitLayer(const core::Project &p, const std::string &name, Fn &&fn)
{
  if (name == p.sites.name)
    fn(p.sites);
  else if (name == p.plots.name)
    fn(p.plots);
  else if (name == p.buildings.name)
    fn(p.buildings);
  else if (name == p.schools.name)
    fn(p.schools);
  else if (name == p.catchments.name)
    fn(p.catchments);
  else if (name == p.clinics.name)
    fn(p.clinics);
  else if (name == p.elderlyCare.name)
    fn(p.elderlyCare);
  else if (name == p.servicePoints.name)
    fn(p.servicePoints);
  else if (name == p.industrialParks.name)
    fn(p.industrialParks);
  else if (name == p.homesteads.name)
    fn(p.homesteads);
  else if (name == p.forestLand.name)
    fn(p.forestLand);
  else if (name == p.rangers.name)
    fn(p.rangers);
  else if (name == p.rangerPlots.name)
    fn(p.rangerPlots);
  else if (name == p.roads.name)
    fn(p.roads);
  else
    return false;
  return true;
}

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
//! The feature with this fid, if any.
std::optional<std::size_t> indexOfFid(const core::Project &p, const std::string &layer,
                                      std::int64_t fid);
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
