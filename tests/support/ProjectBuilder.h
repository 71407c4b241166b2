#pragma once

// Builds tiny project GeoPackages for the engine, CLI and app tests, with the layer schemas of
// docs/contract.md written out here independently of the engine's loader.

#include "core/Engine.h"
#include "gis/Vector.h"
#include "tests/support/TempDir.h"
#include "tests/support/Wkt.h"

#include <map>
#include <string>
#include <vector>

namespace anzhi::test {

using gis::FieldValue;
using V = std::vector<FieldValue>;
inline const FieldValue null{};

struct LayerSchema
{
  gis::GeometryKind kind;
  std::vector<gis::FieldDefinition> fields; // after `code`
};

inline const std::map<std::string, LayerSchema> &schemas()
{
  using F = gis::FieldType;
  using K = gis::GeometryKind;
  static const std::map<std::string, LayerSchema> s = {
      {"resettlement_sites",
       {K::Polygon,
        {{"name", F::String},
         {"county", F::String},
         {"township", F::String},
         {"setting", F::String},
         {"households", F::Integer},
         {"population", F::Integer},
         {"pupils_primary", F::Integer},
         {"pupils_junior", F::Integer},
         {"support_plan", F::Integer}}}},
      {"planned_plots", {K::Polygon, {{"name", F::String}, {"land_use", F::String}}}},
      {"buildings", {K::Polygon, {{"use", F::String}}}},
      {"schools",
       {K::Point,
        {{"name", F::String},
         {"level", F::String},
         {"capacity", F::Integer},
         {"enrolled", F::Integer}}}},
      {"school_catchments", {K::Polygon, {{"school_code", F::String}}}},
      {"clinics", {K::Point, {{"name", F::String}, {"level", F::String}}}},
      {"service_points", {K::Point, {{"name", F::String}, {"kind", F::String}}}},
      {"elderly_care", {K::Point, {{"name", F::String}, {"beds", F::Integer}}}},
      {"industrial_parks",
       {K::Polygon, {{"name", F::String}, {"kind", F::String}, {"jobs", F::Integer}}}},
      {"reclaimed_homesteads",
       {K::Polygon,
        {{"household_code", F::String},
         {"village", F::String},
         {"site_code", F::String},
         {"status", F::String},
         {"target_use", F::String},
         {"done_date", F::Date}}}},
      {"forest_land", {K::Polygon, {}}},
      {"rangers",
       {K::Point, {{"name", F::String}, {"site_code", F::String}, {"status", F::String}}}},
      {"ranger_plots", {K::Polygon, {{"ranger_code", F::String}}}},
      {"roads", {K::Line, {{"class", F::String}}}},
  };
  return s;
}

//! Writes one GeoPackage; add() takes the code, a WKT (empty for none) and the remaining
//! fields in the schema's order. Features get fids 1, 2, 3… per layer in order of add().
class ProjectBuilder
{
public:
  explicit ProjectBuilder(const std::string &path)
      : m_path(path)
      , m_dataset(gis::VectorDataset::createGeoPackage(path))
  {
  }

  ProjectBuilder &layer(const std::string &name, int epsg = 4546)
  {
    return layer(name, schemas().at(name).fields, epsg);
  }

  //! The layer with other fields after `code` than docs/contract.md's (a field missing or of
  //! another type), as a project the loader must refuse or skip. add() then takes values for these.
  ProjectBuilder &layer(const std::string &name, const std::vector<gis::FieldDefinition> &fields,
                        int epsg = 4546)
  {
    std::vector<gis::FieldDefinition> all = {{"code", gis::FieldType::String}};
    all.insert(all.end(), fields.begin(), fields.end());
    std::optional<gis::Crs> crs;
    if (epsg > 0)
      crs = gis::Crs::fromEpsg(epsg);
    m_writers.emplace(name, m_dataset.createLayer(name, schemas().at(name).kind, crs, all));
    return *this;
  }

  std::int64_t add(const std::string &layerName, const std::string &code, const std::string &wkt,
                   V values)
  {
    if (!m_writers.count(layerName))
      layer(layerName);
    auto it = m_writers.find(layerName);
    values.insert(values.begin(), code.empty() ? null : FieldValue(code));
    gis::Geometry g = wkt.empty() ? nullptr : gis::fromWkt(wkt);
    return it->second.add(g.get(), values);
  }

  //! Closes the file so the engine can read it.
  std::string finish()
  {
    m_writers.clear();
    m_dataset = gis::VectorDataset::open(m_path); // drop the update handle
    return m_path;
  }

private:
  std::string m_path;
  gis::VectorDataset m_dataset;
  std::map<std::string, gis::LayerWriter> m_writers;
};

//! Two sites whose population is a text column; feature 2 holds `secondPopulation` ("一千" by
//! default), which is no number.
inline void writeSitesWithTextPopulation(const std::string &path, double x0, double y0,
                                         const std::string &secondPopulation = "一千")
{
  using F = gis::FieldType;
  ProjectBuilder b(path);
  b.layer("resettlement_sites",
          {{"setting", F::String}, {"population", F::String}, {"support_plan", F::Integer}});
  const std::string site = rect(x0, y0, x0 + 10, y0 + 10);
  b.add("resettlement_sites", "AZQ-1", site,
        {FieldValue("rural"), FieldValue("1200"), FieldValue(std::int64_t(1))});
  b.add("resettlement_sites", "AZQ-2", site,
        {FieldValue("rural"), FieldValue(secondPopulation), FieldValue(std::int64_t(1))});
  b.finish();
}

inline core::CheckResult check(const std::string &path,
                               const core::RuleSet &rules = core::RuleSet::defaults())
{
  return core::checkProject(path, rules);
}

inline std::vector<core::Violation> violationsOf(const core::CheckResult &r,
                                                 const std::string &rule)
{
  std::vector<core::Violation> out;
  for (const auto &v : r.violations)
    if (v.rule == rule)
      out.push_back(v);
  return out;
}

inline const core::RuleOutcome &outcomeOf(const core::CheckResult &r, const std::string &rule)
{
  for (const auto &o : r.rules)
    if (o.id == rule)
      return o;
  throw std::runtime_error("no rule " + rule);
}

} // namespace anzhi::test
