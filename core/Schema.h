#pragma once

#include "gis/Vector.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anzhi::core {

//! What geometry a canonical layer holds (domain.md's "geometry" column).
enum class GeometryRole
{
  Polygon,
  Point,
  PointOrNone, //!< rangers: a residence point, or no geometry
  Line
};

//! One field of a canonical layer.
struct FieldSchema
{
  std::string name;
  gis::FieldType type = gis::FieldType::String;
  //! A check cannot run without the column (docs/rules.md decision 9); `code` everywhere.
  bool required = false;
  //! The canonical layer whose `code` this field names (ranger_code → rangers), or empty.
  std::string references;
};

//! A canonical layer of domain.md: its table name (also the role `import --as` takes), its
//! geometry and its fields, `code` first, in domain.md's order.
struct LayerSchema
{
  std::string name;
  GeometryRole geometry = GeometryRole::Polygon;
  bool optional = false; //!< marked "(optional)" in domain.md
  std::vector<FieldSchema> fields;
};

//! The canonical layers in domain.md's order (that of Project::canonicalLayers()).
const std::vector<LayerSchema> &canonicalSchema();
//! The layer's schema, or null when the name is not a canonical table.
const LayerSchema *findLayerSchema(std::string_view name);
//! The geometry kind a new table of the layer is created with: MultiPolygon for polygon layers
//! (make-valid and multi-part parcels need it), Point, Line.
gis::GeometryKind storedGeometryKind(GeometryRole role);
//! What is wrong when a geometry is not of the layer's dimension, e.g. "wrong geometry type:
//! LineString in a polygon layer"; nothing when it fits (single or multi, as domain.md allows).
std::optional<std::string> wrongGeometryType(GeometryRole role, const GEOSGeometry *geometry);

} // namespace anzhi::core
