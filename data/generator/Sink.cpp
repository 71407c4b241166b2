#include "data/generator/Sink.h"

#include "core/Schema.h"

#include <cstdio>

namespace anzhi::sample::detail {

using gis::GeometryKind;

const std::array<LayerSpec, kLayerCount> &layerSpecs()
{
  // Fields come from core/Schema (domain.md's layer table). Every layer is in the working CRS
  // EPSG:4546 except clinics, kept in CGCS2000 lon/lat so that a check of the sample exercises
  // the engine's on-the-fly transformation.
  static const std::array<LayerSpec, kLayerCount> specs = {{
      {"resettlement_sites", GeometryKind::Polygon, 4546, "AZQ-", 4},
      {"planned_plots", GeometryKind::Polygon, 4546, "P-", 6},
      {"buildings", GeometryKind::Polygon, 4546, "JZ-", 6},
      {"schools", GeometryKind::Point, 4546, "XX-", 5},
      {"school_catchments", GeometryKind::Polygon, 4546, "XQ-", 4},
      {"clinics", GeometryKind::Point, 4490, "WS-", 5},
      {"elderly_care", GeometryKind::Point, 4546, "YL-", 5},
      {"service_points", GeometryKind::Point, 4546, "FW-", 5},
      {"industrial_parks", GeometryKind::Polygon, 4546, "CY-", 5},
      {"reclaimed_homesteads", GeometryKind::Polygon, 4546, "ZJD-", 6},
      {"forest_land", GeometryKind::Polygon, 4546, "LD-", 6},
      {"rangers", GeometryKind::Point, 4546, "HLY-", 5},
      {"ranger_plots", GeometryKind::Polygon, 4546, "GH-", 6},
      {"roads", GeometryKind::Line, 4546, "DL-", 6},
  }};
  return specs;
}

std::vector<gis::FieldDefinition> fieldsOf(const LayerSpec &spec)
{
  std::vector<gis::FieldDefinition> fields;
  for (const core::FieldSchema &f : core::findLayerSchema(spec.name)->fields)
    fields.push_back({f.name, f.type});
  return fields;
}

Sink::Sink()
{
  m_nextFid.fill(1);
}

std::string Sink::code(Layer layer, std::int64_t fid)
{
  const LayerSpec &spec = layerSpecs()[layer];
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*lld", spec.codeDigits, static_cast<long long>(fid));
  return std::string(spec.codePrefix) + buf;
}

std::int64_t Sink::add(Layer layer, Shape shape, Ring coords, std::vector<gis::FieldValue> values)
{
  PendingFeature f;
  f.fid = m_nextFid[layer]++;
  f.shape = shape;
  f.coords = std::move(coords);
  f.values.reserve(values.size() + 1);
  f.values.emplace_back(code(layer, f.fid));
  for (auto &v : values)
    f.values.push_back(std::move(v));
  m_pending[layer].push_back(std::move(f));
  return m_pending[layer].back().fid;
}

void Sink::plant(std::string rule, Layer layer, std::int64_t fid, std::optional<std::string> level,
                 std::optional<Layer> otherLayer, std::optional<std::int64_t> otherFid)
{
  PlantedViolation v;
  v.rule = std::move(rule);
  v.layer = layerSpecs()[layer].name;
  v.fid = fid;
  v.level = std::move(level);
  if (otherLayer)
    v.otherLayer = layerSpecs()[*otherLayer].name;
  v.otherFid = otherFid;
  m_planted.push_back(std::move(v));
}

} // namespace anzhi::sample::detail
