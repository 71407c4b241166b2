#include "core/Schema.h"

namespace anzhi::core {

const std::vector<LayerSchema> &canonicalSchema()
{
  using F = gis::FieldType;
  using G = GeometryRole;
  // Required: the fields Project::load cannot do without (docs/rules.md decision 9). The
  // others are nullable for the engine and read as null when absent.
  static const std::vector<LayerSchema> schema = {
      {"resettlement_sites",
       G::Polygon,
       false,
       {{"code", F::String, true, ""},
        {"name", F::String, false, ""},
        {"county", F::String, false, ""},
        {"township", F::String, false, ""},
        {"setting", F::String, true, ""},
        {"households", F::Integer, false, ""},
        {"population", F::Integer, true, ""},
        {"pupils_primary", F::Integer, false, ""},
        {"pupils_junior", F::Integer, false, ""},
        {"support_plan", F::Integer, true, ""}}},
      {"planned_plots",
       G::Polygon,
       false,
       {{"code", F::String, true, ""},
        {"name", F::String, false, ""},
        {"land_use", F::String, true, ""}}},
      {"buildings",
       G::Polygon,
       true,
       {{"code", F::String, true, ""}, {"use", F::String, true, ""}}},
      {"schools",
       G::Point,
       false,
       {{"code", F::String, true, ""},
        {"name", F::String, false, ""},
        {"level", F::String, true, ""},
        {"capacity", F::Integer, true, ""},
        {"enrolled", F::Integer, false, ""}}},
      {"school_catchments",
       G::Polygon,
       true,
       {{"code", F::String, true, ""}, {"school_code", F::String, true, "schools"}}},
      {"clinics",
       G::Point,
       false,
       {{"code", F::String, true, ""},
        {"name", F::String, false, ""},
        {"level", F::String, false, ""}}},
      {"elderly_care",
       G::Point,
       false,
       {{"code", F::String, true, ""},
        {"name", F::String, false, ""},
        {"beds", F::Integer, false, ""}}},
      {"service_points",
       G::Point,
       true,
       {{"code", F::String, true, ""},
        {"name", F::String, false, ""},
        {"kind", F::String, true, ""}}},
      {"industrial_parks",
       G::Polygon,
       false,
       {{"code", F::String, true, ""},
        {"name", F::String, false, ""},
        {"kind", F::String, false, ""},
        {"jobs", F::Integer, false, ""}}},
      {"reclaimed_homesteads",
       G::Polygon,
       false,
       {{"code", F::String, true, ""},
        {"household_code", F::String, false, ""},
        {"village", F::String, false, ""},
        {"site_code", F::String, false, "resettlement_sites"},
        {"status", F::String, true, ""},
        {"target_use", F::String, false, ""},
        {"done_date", F::Date, true, ""}}},
      {"forest_land", G::Polygon, true, {{"code", F::String, true, ""}}},
      {"rangers",
       G::PointOrNone,
       false,
       {{"code", F::String, true, ""},
        {"name", F::String, false, ""},
        {"site_code", F::String, false, "resettlement_sites"},
        {"status", F::String, false, ""}}},
      {"ranger_plots",
       G::Polygon,
       false,
       {{"code", F::String, true, ""}, {"ranger_code", F::String, true, "rangers"}}},
      {"roads", G::Line, true, {{"code", F::String, true, ""}, {"class", F::String, false, ""}}},
  };
  return schema;
}

const LayerSchema *findLayerSchema(std::string_view name)
{
  for (const LayerSchema &layer : canonicalSchema())
    if (layer.name == name)
      return &layer;
  return nullptr;
}

gis::GeometryKind storedGeometryKind(GeometryRole role)
{
  switch (role) {
  case GeometryRole::Polygon:
    return gis::GeometryKind::MultiPolygon;
  case GeometryRole::Point:
  case GeometryRole::PointOrNone:
    return gis::GeometryKind::Point;
  case GeometryRole::Line:
    return gis::GeometryKind::Line;
  }
  return gis::GeometryKind::Any;
}

std::optional<std::string> wrongGeometryType(GeometryRole role, const GEOSGeometry *geometry)
{
  const std::string type = gis::typeName(geometry);
  const char *layer = "";
  switch (role) {
  case GeometryRole::Polygon:
    if (type == "Polygon" || type == "MultiPolygon")
      return std::nullopt;
    layer = "a polygon layer";
    break;
  case GeometryRole::Point:
  case GeometryRole::PointOrNone:
    if (type == "Point" || type == "MultiPoint")
      return std::nullopt;
    layer = "a point layer";
    break;
  case GeometryRole::Line:
    if (type == "LineString" || type == "MultiLineString")
      return std::nullopt;
    layer = "a line layer";
    break;
  }
  return "wrong geometry type: " + type + " in " + layer;
}

} // namespace anzhi::core
