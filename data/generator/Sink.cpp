#include "data/generator/Sink.h"

#include <cstdio>

namespace anzhi::sample::detail {

using gis::FieldType;
using gis::GeometryKind;

const std::array<LayerSpec, kLayerCount> &layerSpecs()
{
  // Field names and types follow the layer table of docs/domain.md. Every layer is in the
  // working CRS EPSG:4546 except clinics, kept in CGCS2000 lon/lat so that a check of the
  // sample exercises the engine's on-the-fly transformation.
  static const std::array<LayerSpec, kLayerCount> specs = {{
      {"resettlement_sites",
       GeometryKind::Polygon,
       4546,
       "AZQ-",
       4,
       {{"name", FieldType::String},
        {"county", FieldType::String},
        {"township", FieldType::String},
        {"setting", FieldType::String},
        {"households", FieldType::Integer},
        {"population", FieldType::Integer},
        {"pupils_primary", FieldType::Integer},
        {"pupils_junior", FieldType::Integer},
        {"support_plan", FieldType::Integer}}},
      {"planned_plots",
       GeometryKind::Polygon,
       4546,
       "P-",
       6,
       {{"name", FieldType::String}, {"land_use", FieldType::String}}},
      {"buildings", GeometryKind::Polygon, 4546, "JZ-", 6, {{"use", FieldType::String}}},
      {"schools",
       GeometryKind::Point,
       4546,
       "XX-",
       5,
       {{"name", FieldType::String},
        {"level", FieldType::String},
        {"capacity", FieldType::Integer},
        {"enrolled", FieldType::Integer}}},
      {"school_catchments",
       GeometryKind::Polygon,
       4546,
       "XQ-",
       4,
       {{"school_code", FieldType::String}}},
      {"clinics",
       GeometryKind::Point,
       4490,
       "WS-",
       5,
       {{"name", FieldType::String}, {"level", FieldType::String}}},
      {"elderly_care",
       GeometryKind::Point,
       4546,
       "YL-",
       5,
       {{"name", FieldType::String}, {"beds", FieldType::Integer}}},
      {"service_points",
       GeometryKind::Point,
       4546,
       "FW-",
       5,
       {{"name", FieldType::String}, {"kind", FieldType::String}}},
      {"industrial_parks",
       GeometryKind::Polygon,
       4546,
       "CY-",
       5,
       {{"name", FieldType::String}, {"kind", FieldType::String}, {"jobs", FieldType::Integer}}},
      {"reclaimed_homesteads",
       GeometryKind::Polygon,
       4546,
       "ZJD-",
       6,
       {{"household_code", FieldType::String},
        {"village", FieldType::String},
        {"site_code", FieldType::String},
        {"status", FieldType::String},
        {"target_use", FieldType::String},
        {"done_date", FieldType::Date}}},
      {"forest_land", GeometryKind::Polygon, 4546, "LD-", 6, {}},
      {"rangers",
       GeometryKind::Point,
       4546,
       "HLY-",
       5,
       {{"name", FieldType::String},
        {"site_code", FieldType::String},
        {"status", FieldType::String}}},
      {"ranger_plots", GeometryKind::Polygon, 4546, "GH-", 6, {{"ranger_code", FieldType::String}}},
      {"roads", GeometryKind::Line, 4546, "DL-", 6, {{"class", FieldType::String}}},
  }};
  return specs;
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
