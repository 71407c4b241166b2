#pragma once

// Builds tiny project GeoPackages for rule tests, with the layer schemas of domain.md
// written out here independently of the engine's loader.

#include "core/Engine.h"
#include "gis/Vector.h"
#include "tests/support/Wkt.h"

#include <atomic>
#include <filesystem>
#include <map>
#include <string>
#include <unistd.h>
#include <vector>

namespace anzhi::test {

using gis::FieldValue;
using V = std::vector<FieldValue>;
inline const FieldValue null{};

//! A fresh temporary directory, removed with its contents at destruction.
class TempDir
{
public:
  TempDir()
  {
    static std::atomic<int> counter{0};
    m_path = std::filesystem::temp_directory_path() /
             ("anzhi-core-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(m_path);
  }
  ~TempDir()
  {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  std::string file(const std::string &name) const { return (m_path / name).string(); }

private:
  std::filesystem::path m_path;
};

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
      {"reclaimed_homesteads",
       {K::Polygon,
        {{"household_code", F::String},
         {"village", F::String},
         {"site_code", F::String},
         {"status", F::String},
         {"target_use", F::String},
         {"done_date", F::Date}}}},
      {"rangers",
       {K::Point, {{"name", F::String}, {"site_code", F::String}, {"status", F::String}}}},
      {"ranger_plots", {K::Polygon, {{"ranger_code", F::String}}}},
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
    const LayerSchema &schema = schemas().at(name);
    std::vector<gis::FieldDefinition> fields = {{"code", gis::FieldType::String}};
    fields.insert(fields.end(), schema.fields.begin(), schema.fields.end());
    std::optional<gis::Crs> crs;
    if (epsg > 0)
      crs = gis::Crs::fromEpsg(epsg);
    m_writers.emplace(name, m_dataset.createLayer(name, schema.kind, crs, fields));
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
  gis::VectorDataset ds = gis::VectorDataset::createGeoPackage(path);
  auto w =
      ds.createLayer("resettlement_sites", gis::GeometryKind::Polygon, gis::Crs::fromEpsg(4546),
                     {{"code", gis::FieldType::String},
                      {"setting", gis::FieldType::String},
                      {"population", gis::FieldType::String},
                      {"support_plan", gis::FieldType::Integer}});
  gis::Geometry g = gis::fromWkt(rect(x0, y0, x0 + 10, y0 + 10));
  w.add(g.get(), {FieldValue("AZQ-1"), FieldValue("rural"), FieldValue("1200"),
                  FieldValue(std::int64_t(1))});
  w.add(g.get(), {FieldValue("AZQ-2"), FieldValue("rural"), FieldValue(secondPopulation),
                  FieldValue(std::int64_t(1))});
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
