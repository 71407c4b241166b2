#pragma once

#include "core/Project.h"
#include "core/Schema.h"
#include "gis/Vector.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::core {

//! A feature's field values by field name, `code` included; a missing name reads as null.
using Attributes = std::map<std::string, gis::FieldValue>;

//! A layer the editor can draw into: its table in core/Schema (fields, which the attribute form
//! requires, coded values) and the kind of geometry drawn.
struct LayerSpec : LayerSchema
{
  gis::GeometryKind kind = gis::GeometryKind::Polygon;
};

//! The layers of docs/contract.md that the editor can draw into (polygon and point layers), in
//! canonical order. Roads (lines) are not edited.
const std::vector<LayerSpec> &editableLayers();
//! Null when `layer` is not editable.
const LayerSpec *layerSpec(const std::string &layer);

//! Reads a base feature's values into attributes (every field of its layer's table).
Attributes attributesOf(const Project &project, const std::string &layer, std::size_t index);

//! The index of the feature with `fid` in the layer, if any (Layer::findFid).
std::optional<std::size_t> findFid(const Project &project, const std::string &layer,
                                   std::int64_t fid);

//! The base feature's geometry, or null.
const GEOSGeometry *baseGeometry(const Project &project, const std::string &layer,
                                 std::size_t index);

//! Appends a feature built from `fid`, `geometry` and `attributes` to the named layer of a
//! project under construction; land-use classes come from `landUse`. The layer's index is
//! not rebuilt here.
void appendFeature(Project &project, const std::string &layer, std::int64_t fid,
                   gis::Geometry geometry, const Attributes &attributes,
                   const LandUseMapping &landUse);

//! Appends a clone of the base feature at `index` of `layer` in `from` to the same layer of
//! `to`.
void appendCopy(Project &to, const Project &from, const std::string &layer, std::size_t index);

//! Indices of the base features of `layer` whose envelope meets env (its STR-tree).
std::vector<std::size_t> candidatesIn(const Project &project, const std::string &layer,
                                      const gis::Envelope &env);

struct FeatureInfo
{
  std::int64_t fid = 0;
  gis::Envelope envelope;
  bool hasGeometry = false;
};
FeatureInfo infoOf(const Project &project, const std::string &layer, std::size_t index);

//! The fids of the base features of `layer` whose code is `code` (a scan of the layer: about
//! 10 ms for the 1.7 M plots of a national project).
std::vector<std::int64_t> fidsWithCode(const Project &project, const std::string &layer,
                                       const std::string &code);

//! Marks a layer of a project under construction present and builds its STR-tree.
void finishLayer(Project &project, const std::string &layer, bool present);

//! The text of an attribute, if it holds one.
std::optional<std::string> textOf(const Attributes &attributes, const std::string &field);

} // namespace anzhi::core
