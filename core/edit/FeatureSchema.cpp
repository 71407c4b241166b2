#include "core/edit/FeatureSchema.h"

#include <stdexcept>
#include <type_traits>
#include <variant>

namespace anzhi::core {

namespace {

using gis::FieldValue;

//! Calls fn(layer) for the named layer of the project; an unknown name is a caller's error.
template<typename P, typename Fn> void withLayer(P &p, const std::string &name, Fn fn)
{
  if (!p.visitLayer(name, fn))
    throw std::invalid_argument("'" + name + "' is not a layer of a project");
}

template<typename F> void copyLandUseClass(F &, const F &) {}
void copyLandUseClass(PlannedPlot &to, const PlannedPlot &from)
{
  to.landUseClass = from.landUseClass;
}
void copyLandUseClass(Building &to, const Building &from)
{
  to.landUseClass = from.landUseClass;
}

} // namespace

const std::vector<LayerSpec> &editableLayers()
{
  static const std::vector<LayerSpec> layers = [] {
    std::vector<LayerSpec> list;
    for (const LayerSchema &schema : canonicalSchema())
      if (schema.geometry != GeometryRole::Line)
        list.push_back({schema, drawnGeometryKind(schema.geometry)});
    return list;
  }();
  return layers;
}

const LayerSpec *layerSpec(const std::string &layer)
{
  for (const LayerSpec &spec : editableLayers())
    if (spec.name == layer)
      return &spec;
  return nullptr;
}

Attributes attributesOf(const Project &project, const std::string &layer, std::size_t index)
{
  Attributes a;
  withLayer(project, layer, [&](const auto &l) {
    const auto &f = l.features.at(index);
    for (const FieldSchema &field : l.schema->fields)
      a[field.name] = field.binding.get(f);
  });
  return a;
}

std::optional<std::size_t> findFid(const Project &project, const std::string &layer,
                                   std::int64_t fid)
{
  std::optional<std::size_t> found;
  withLayer(project, layer, [&](const auto &l) { found = l.findFid(fid); });
  return found;
}

const GEOSGeometry *baseGeometry(const Project &project, const std::string &layer,
                                 std::size_t index)
{
  const GEOSGeometry *g = nullptr;
  withLayer(project, layer, [&](const auto &l) {
    const auto &f = l.features.at(index);
    g = f.hasGeometry() ? f.geometry.get() : nullptr;
  });
  return g;
}

void appendFeature(Project &project, const std::string &layer, std::int64_t fid,
                   gis::Geometry geometry, const Attributes &attributes,
                   const LandUseMapping &landUse)
{
  withLayer(project, layer, [&](auto &l) {
    typename std::remove_reference_t<decltype(l.features)>::value_type f;
    f.fid = fid;
    const FieldValue none;
    for (const FieldSchema &field : l.schema->fields) {
      auto it = attributes.find(field.name);
      field.binding.set(f, it == attributes.end() ? none : it->second);
    }
    classifyLandUse(f, landUse);
    if (geometry && !gis::isEmpty(geometry.get()))
      f.envelope = gis::envelope(geometry.get());
    f.geometry = std::move(geometry);
    l.features.push_back(std::move(f));
  });
}

void appendCopy(Project &to, const Project &from, const std::string &layer, std::size_t index)
{
  withLayer(from, layer, [&](const auto &source) {
    withLayer(to, layer, [&](auto &target) {
      using F = typename std::remove_reference_t<decltype(target.features)>::value_type;
      using S = std::remove_cvref_t<decltype(source.features.front())>;
      if constexpr (std::is_same_v<F, S>) {
        const F &f = source.features.at(index);
        F copy;
        copy.fid = f.fid;
        copy.envelope = f.envelope;
        for (const FieldSchema &field : source.schema->fields)
          field.binding.copy(copy, f);
        copyLandUseClass(copy, f);
        if (f.geometry)
          copy.geometry = gis::clone(f.geometry.get());
        target.features.push_back(std::move(copy));
      }
    });
  });
}

std::vector<std::size_t> candidatesIn(const Project &project, const std::string &layer,
                                      const gis::Envelope &env)
{
  std::vector<std::size_t> found;
  withLayer(project, layer, [&](const auto &l) { found = l.candidates(env); });
  return found;
}

FeatureInfo infoOf(const Project &project, const std::string &layer, std::size_t index)
{
  FeatureInfo info;
  withLayer(project, layer, [&](const auto &l) {
    const auto &f = l.features.at(index);
    info = {f.fid, f.envelope, f.hasGeometry()};
  });
  return info;
}

std::vector<std::int64_t> fidsWithCode(const Project &project, const std::string &layer,
                                       const std::string &code)
{
  std::vector<std::int64_t> fids;
  withLayer(project, layer, [&](const auto &l) {
    for (const auto &f : l.features)
      if (f.code && *f.code == code)
        fids.push_back(f.fid);
  });
  return fids;
}

void finishLayer(Project &project, const std::string &layer, bool present)
{
  withLayer(project, layer, [&](auto &l) {
    l.present = present;
    l.buildIndex();
  });
}

std::optional<std::string> textOf(const Attributes &attributes, const std::string &field)
{
  auto it = attributes.find(field);
  if (it == attributes.end())
    return std::nullopt;
  if (auto *s = std::get_if<std::string>(&it->second))
    return *s;
  return std::nullopt;
}

} // namespace anzhi::core
