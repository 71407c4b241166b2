#include "core/edit/FeatureSchema.h"

#include <algorithm>
#include <stdexcept>
#include <variant>

namespace anzhi::core {

namespace {

using gis::FieldType;
using gis::FieldValue;
using gis::GeometryKind;
using Text = std::optional<std::string>;
using Int = std::optional<std::int64_t>;
using Day = std::optional<gis::Date>;

//! One field of a typed feature: its name and the member holding it.
template<typename F> struct Binding
{
  std::string field;
  std::variant<Text F::*, Int F::*, Day F::*> member;

  FieldValue get(const F &f) const
  {
    return std::visit(
        [&](auto m) -> FieldValue {
          const auto &v = f.*m;
          if (!v)
            return {};
          return FieldValue(*v);
        },
        member);
  }
  void set(F &f, const Attributes &a) const
  {
    auto it = a.find(field);
    const FieldValue none;
    const FieldValue &v = it == a.end() ? none : it->second;
    std::visit(
        [&](auto m) {
          using Value = typename std::remove_reference_t<decltype(f.*m)>::value_type;
          if (auto *x = std::get_if<Value>(&v))
            f.*m = *x;
          else if constexpr (std::is_same_v<Value, std::int64_t>) {
            if (auto *d = std::get_if<double>(&v))
              f.*m = static_cast<std::int64_t>(*d);
            else
              f.*m = std::nullopt;
          } else {
            f.*m = std::nullopt;
          }
        },
        member);
  }
  void copy(F &to, const F &from) const
  {
    std::visit([&](auto m) { to.*m = from.*m; }, member);
  }
};

template<typename F> using Bindings = std::vector<Binding<F>>;

// The fields of each typed feature, as Project::load reads them.
const Bindings<Site> siteFields = {{"name", &Site::name},
                                   {"county", &Site::county},
                                   {"township", &Site::township},
                                   {"setting", &Site::setting},
                                   {"households", &Site::households},
                                   {"population", &Site::population},
                                   {"pupils_primary", &Site::pupilsPrimary},
                                   {"pupils_junior", &Site::pupilsJunior},
                                   {"support_plan", &Site::supportPlan}};
const Bindings<PlannedPlot> plotFields = {{"name", &PlannedPlot::name},
                                          {"land_use", &PlannedPlot::landUse}};
const Bindings<Building> buildingFields = {{"use", &Building::use}};
const Bindings<School> schoolFields = {{"name", &School::name},
                                       {"level", &School::level},
                                       {"capacity", &School::capacity},
                                       {"enrolled", &School::enrolled}};
const Bindings<Catchment> catchmentFields = {{"school_code", &Catchment::schoolCode}};
const Bindings<Clinic> clinicFields = {{"name", &Clinic::name}, {"level", &Clinic::level}};
const Bindings<ElderlyCare> elderlyFields = {{"name", &ElderlyCare::name},
                                             {"beds", &ElderlyCare::beds}};
const Bindings<ServicePoint> serviceFields = {{"name", &ServicePoint::name},
                                              {"kind", &ServicePoint::kind}};
const Bindings<IndustrialPark> parkFields = {{"name", &IndustrialPark::name},
                                             {"kind", &IndustrialPark::kind},
                                             {"jobs", &IndustrialPark::jobs}};
const Bindings<Homestead> homesteadFields = {
    {"household_code", &Homestead::householdCode}, {"village", &Homestead::village},
    {"site_code", &Homestead::siteCode},           {"status", &Homestead::status},
    {"target_use", &Homestead::targetUse},         {"done_date", &Homestead::doneDate}};
const Bindings<ForestLand> forestFields = {};
const Bindings<Ranger> rangerFields = {
    {"name", &Ranger::name}, {"site_code", &Ranger::siteCode}, {"status", &Ranger::status}};
const Bindings<RangerPlot> rangerPlotFields = {{"ranger_code", &RangerPlot::rangerCode}};

//! Calls fn(layer, bindings) for the named editable layer of the project.
template<typename P, typename Fn> void withLayer(P &p, const std::string &name, Fn fn)
{
  if (name == p.sites.name)
    return fn(p.sites, siteFields);
  if (name == p.plots.name)
    return fn(p.plots, plotFields);
  if (name == p.buildings.name)
    return fn(p.buildings, buildingFields);
  if (name == p.schools.name)
    return fn(p.schools, schoolFields);
  if (name == p.catchments.name)
    return fn(p.catchments, catchmentFields);
  if (name == p.clinics.name)
    return fn(p.clinics, clinicFields);
  if (name == p.elderlyCare.name)
    return fn(p.elderlyCare, elderlyFields);
  if (name == p.servicePoints.name)
    return fn(p.servicePoints, serviceFields);
  if (name == p.industrialParks.name)
    return fn(p.industrialParks, parkFields);
  if (name == p.homesteads.name)
    return fn(p.homesteads, homesteadFields);
  if (name == p.forestLand.name)
    return fn(p.forestLand, forestFields);
  if (name == p.rangers.name)
    return fn(p.rangers, rangerFields);
  if (name == p.rangerPlots.name)
    return fn(p.rangerPlots, rangerPlotFields);
  throw std::invalid_argument("layer '" + name + "' cannot be edited");
}

template<typename F> void copyClass(F &, const F &) {}
void copyClass(PlannedPlot &to, const PlannedPlot &from)
{
  to.landUseClass = from.landUseClass;
}
void copyClass(Building &to, const Building &from)
{
  to.landUseClass = from.landUseClass;
}

template<typename F> void classify(F &, const LandUseMapping &) {}
void classify(PlannedPlot &f, const LandUseMapping &m)
{
  f.landUseClass = m.classify(f.landUse);
}
void classify(Building &f, const LandUseMapping &m)
{
  f.landUseClass = m.classify(f.use);
}

FieldSpec text(std::string name, bool required = false, std::vector<std::string> choices = {})
{
  return {std::move(name), FieldType::String, required, std::move(choices)};
}
FieldSpec integer(std::string name, bool required = false)
{
  return {std::move(name), FieldType::Integer, required, {}};
}

} // namespace

const std::vector<LayerSpec> &editableLayers()
{
  using K = GeometryKind;
  static const std::vector<LayerSpec> layers = {
      {"resettlement_sites",
       K::Polygon,
       {text("code", true), text("name"), text("county"), text("township"),
        text("setting", true, {"urban", "rural"}), integer("households"),
        integer("population", true), integer("pupils_primary"), integer("pupils_junior"),
        integer("support_plan", true)}},
      {"planned_plots", K::Polygon, {text("code", true), text("name"), text("land_use", true)}},
      {"buildings", K::Polygon, {text("code", true), text("use", true)}},
      {"schools",
       K::Point,
       {text("code", true), text("name"),
        text("level", true, {"primary", "junior", "nine_year", "high", "vocational"}),
        integer("capacity", true), integer("enrolled")}},
      {"school_catchments", K::Polygon, {text("code", true), text("school_code", true)}},
      {"clinics",
       K::Point,
       {text("code", true), text("name"), text("level", false, {"village", "township", "county"})}},
      {"elderly_care", K::Point, {text("code", true), text("name"), integer("beds")}},
      {"service_points",
       K::Point,
       {text("code", true), text("name"),
        text("kind", true, {"employment_service", "community_service"})}},
      {"industrial_parks",
       K::Polygon,
       {text("code", true), text("name"), text("kind", false, {"park", "workshop"}),
        integer("jobs")}},
      {"reclaimed_homesteads",
       K::Polygon,
       {text("code", true),
        text("household_code"),
        text("village"),
        text("site_code"),
        text("status", true, {"pending", "demolished", "reclaimed"}),
        text("target_use", false, {"cropland", "forest", "grassland"}),
        {"done_date", FieldType::Date, false, {}}}},
      {"forest_land", K::Polygon, {text("code", true)}},
      {"rangers",
       K::Point,
       {text("code", true), text("name", true), text("site_code"),
        text("status", false, {"relocated", "local"})}},
      {"ranger_plots", K::Polygon, {text("code", true), text("ranger_code", true)}},
  };
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
  withLayer(project, layer, [&](const auto &l, const auto &bindings) {
    const auto &f = l.features.at(index);
    a["code"] = f.code ? FieldValue(*f.code) : FieldValue();
    for (const auto &b : bindings)
      a[b.field] = b.get(f);
  });
  return a;
}

std::optional<std::size_t> findFid(const Project &project, const std::string &layer,
                                   std::int64_t fid)
{
  std::optional<std::size_t> found;
  withLayer(project, layer, [&](const auto &l, const auto &) {
    const auto &fs = l.features;
    // GeoPackages hand features out in fid order; fall back to a scan if this one did not.
    auto it = std::lower_bound(fs.begin(), fs.end(), fid,
                               [](const auto &f, std::int64_t v) { return f.fid < v; });
    if (it != fs.end() && it->fid == fid) {
      found = std::size_t(it - fs.begin());
      return;
    }
    for (std::size_t i = 0; i < fs.size(); ++i)
      if (fs[i].fid == fid) {
        found = i;
        return;
      }
  });
  return found;
}

const GEOSGeometry *baseGeometry(const Project &project, const std::string &layer,
                                 std::size_t index)
{
  const GEOSGeometry *g = nullptr;
  withLayer(project, layer, [&](const auto &l, const auto &) {
    const auto &f = l.features.at(index);
    g = f.hasGeometry() ? f.geometry.get() : nullptr;
  });
  return g;
}

void appendFeature(Project &project, const std::string &layer, std::int64_t fid,
                   gis::Geometry geometry, const Attributes &attributes,
                   const LandUseMapping &landUse)
{
  withLayer(project, layer, [&](auto &l, const auto &bindings) {
    typename std::remove_reference_t<decltype(l.features)>::value_type f;
    f.fid = fid;
    f.code = textOf(attributes, "code");
    for (const auto &b : bindings)
      b.set(f, attributes);
    classify(f, landUse);
    if (geometry && !gis::isEmpty(geometry.get()))
      f.envelope = gis::envelope(geometry.get());
    f.geometry = std::move(geometry);
    l.features.push_back(std::move(f));
  });
}

void appendCopy(Project &to, const Project &from, const std::string &layer, std::size_t index)
{
  withLayer(from, layer, [&](const auto &source, const auto &bindings) {
    withLayer(to, layer, [&](auto &target, const auto &) {
      using F = typename std::remove_reference_t<decltype(target.features)>::value_type;
      using S = std::remove_cvref_t<decltype(source.features.front())>;
      if constexpr (std::is_same_v<F, S>) {
        const F &f = source.features.at(index);
        F copy;
        copy.fid = f.fid;
        copy.code = f.code;
        copy.envelope = f.envelope;
        for (const auto &b : bindings)
          b.copy(copy, f);
        copyClass(copy, f);
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
  withLayer(project, layer, [&](const auto &l, const auto &) { found = l.candidates(env); });
  return found;
}

FeatureInfo infoOf(const Project &project, const std::string &layer, std::size_t index)
{
  FeatureInfo info;
  withLayer(project, layer, [&](const auto &l, const auto &) {
    const auto &f = l.features.at(index);
    info = {f.fid, f.envelope, f.hasGeometry()};
  });
  return info;
}

std::vector<std::int64_t> fidsWithCode(const Project &project, const std::string &layer,
                                       const std::string &code)
{
  std::vector<std::int64_t> fids;
  withLayer(project, layer, [&](const auto &l, const auto &) {
    for (const auto &f : l.features)
      if (f.code && *f.code == code)
        fids.push_back(f.fid);
  });
  return fids;
}

void finishLayer(Project &project, const std::string &layer, bool present)
{
  withLayer(project, layer, [&](auto &l, const auto &) {
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
