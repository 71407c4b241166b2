#include "data/generator/Sink.h"

#include <cstdio>
#include <stdexcept>

namespace anzhi::sample::detail {

namespace {

const core::LayerSchema *table(const char *name)
{
  if (const core::LayerSchema *schema = core::findLayerSchema(name))
    return schema;
  throw std::logic_error(std::string("the generator writes '") + name +
                         "', which is not a canonical layer");
}

} // namespace

const std::array<LayerSpec, kLayerCount> &layerSpecs()
{
  // Every layer is in the working CRS EPSG:4546 except clinics, kept in CGCS2000 lon/lat so
  // that a check of the sample exercises the engine's on-the-fly transformation.
  static const std::array<LayerSpec, kLayerCount> specs = {{
      {table("resettlement_sites"), 4546, "AZQ-", 4},
      {table("planned_plots"), 4546, "P-", 6},
      {table("buildings"), 4546, "JZ-", 6},
      {table("schools"), 4546, "XX-", 5},
      {table("school_catchments"), 4546, "XQ-", 4},
      {table("clinics"), 4490, "WS-", 5},
      {table("elderly_care"), 4546, "YL-", 5},
      {table("service_points"), 4546, "FW-", 5},
      {table("industrial_parks"), 4546, "CY-", 5},
      {table("reclaimed_homesteads"), 4546, "ZJD-", 6},
      {table("forest_land"), 4546, "LD-", 6},
      {table("rangers"), 4546, "HLY-", 5},
      {table("ranger_plots"), 4546, "GH-", 6},
      {table("roads"), 4546, "DL-", 6},
  }};
  return specs;
}

std::vector<gis::FieldDefinition> fieldsOf(const LayerSpec &spec)
{
  std::vector<gis::FieldDefinition> fields;
  for (const core::FieldSchema &f : spec.table->fields)
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
  v.layer = layerSpecs()[layer].table->name;
  v.fid = fid;
  v.level = std::move(level);
  if (otherLayer)
    v.otherLayer = layerSpecs()[*otherLayer].table->name;
  v.otherFid = otherFid;
  m_planted.push_back(std::move(v));
}

} // namespace anzhi::sample::detail
