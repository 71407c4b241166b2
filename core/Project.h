#pragma once

#include "core/LandUse.h"
#include "core/Progress.h"
#include "core/Schema.h"
#include "gis/Crs.h"
#include "gis/Geos.h"
#include "gis/Vector.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <typeinfo>
#include <unordered_map>
#include <vector>

namespace anzhi::core {

class SlopeSampler;

//! The project could not be loaded (missing file, not a GeoPackage, a layer without CRS, a
//! missing or mistyped field); what() names the file, layer, feature and field at fault.
class ProjectError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

//! What every feature of every layer has: its fid, its code and its geometry in the working
//! CRS (repaired when the stored one was invalid; null when it has none).
struct FeatureBase
{
  std::int64_t fid = 0;
  std::optional<std::string> code;
  gis::Geometry geometry;
  gis::Envelope envelope;
  bool hasGeometry() const { return geometry != nullptr && !gis::isEmpty(geometry.get()); }
  std::string codeOrFid() const { return code ? *code : "#" + std::to_string(fid); }
};

struct Site : FeatureBase
{
  std::optional<std::string> name, county, township, setting;
  std::optional<std::int64_t> households, population, pupilsPrimary, pupilsJunior, supportPlan;
};

struct PlannedPlot : FeatureBase
{
  std::optional<std::string> name, landUse;
  LandUseClass landUseClass = LandUseClass::Other;
};

struct Building : FeatureBase
{
  std::optional<std::string> use;
  LandUseClass landUseClass = LandUseClass::Other;
};

struct School : FeatureBase
{
  std::optional<std::string> name, level;
  std::optional<std::int64_t> capacity, enrolled;
};

struct Catchment : FeatureBase
{
  std::optional<std::string> schoolCode;
};

struct Clinic : FeatureBase
{
  std::optional<std::string> name, level;
};

struct ElderlyCare : FeatureBase
{
  std::optional<std::string> name;
  std::optional<std::int64_t> beds;
};

struct ServicePoint : FeatureBase
{
  std::optional<std::string> name, kind;
};

struct IndustrialPark : FeatureBase
{
  std::optional<std::string> name, kind;
  std::optional<std::int64_t> jobs;
};

struct Homestead : FeatureBase
{
  std::optional<std::string> householdCode, village, siteCode, status, targetUse;
  std::optional<gis::Date> doneDate;
};

struct ForestLand : FeatureBase
{
};

struct Ranger : FeatureBase
{
  std::optional<std::string> name, siteCode, status;
};

struct RangerPlot : FeatureBase
{
  std::optional<std::string> rangerCode;
};

struct Road : FeatureBase
{
  std::optional<std::string> roadClass;
};

//! Sets a plot's or building's land-use class from its land_use or use; other features have
//! none.
template<typename F> void classifyLandUse(F &, const LandUseMapping &) {}
void classifyLandUse(PlannedPlot &plot, const LandUseMapping &landUse);
void classifyLandUse(Building &building, const LandUseMapping &landUse);

//! A feature whose stored geometry GEOS finds invalid, found while loading.
struct InvalidGeometry
{
  std::string layer;
  std::int64_t fid = 0;
  std::optional<std::string> code;
  std::string reason;
  gis::Geometry location; //!< where GEOS found the problem, in the working CRS (may be null)
  //! The rules saw the make-valid repair; otherwise (wrong type, beyond repair) no geometry.
  bool repaired = false;
};

//! One canonical layer of the project, loaded into memory with an STR-tree over the
//! geometries and a lookup by fid. `present` is false when the project has no such table.
//! Features are only appended between buildIndex() calls (the loader, the edit path).
template<typename F> struct Layer
{
  explicit Layer(std::string layerName)
      : name(std::move(layerName))
      , schema(&schemaBinding(name, typeid(F)))
  {
  }
  std::string name;
  const LayerSchema *schema; //!< its table in core/Schema, which binds members of F
  bool present = false;
  std::vector<F> features;
  std::unique_ptr<gis::StrTree> index;
  gis::Envelope extent; //!< of all geometries; meaningless while the layer has none

  //! Indices of features whose envelope meets env.
  std::vector<std::size_t> candidates(const gis::Envelope &env) const
  {
    return index ? index->query(env) : std::vector<std::size_t>{};
  }
  //! The index of the feature with this fid: a binary search over the features as of the last
  //! buildIndex(), then a scan of those appended since (an edit's few).
  std::optional<std::size_t> findFid(std::int64_t fid) const
  {
    if (features.size() < m_fidIndexed)
      throw std::logic_error("layer '" + name + "' lost features since its index was built");
    auto position = [&](std::size_t k) { return m_byFid.empty() ? k : m_byFid[k]; };
    std::size_t low = 0, high = m_fidIndexed;
    while (low < high) {
      const std::size_t middle = low + (high - low) / 2;
      if (features[position(middle)].fid < fid)
        low = middle + 1;
      else
        high = middle;
    }
    if (low < m_fidIndexed && features[position(low)].fid == fid)
      return position(low);
    for (std::size_t i = m_fidIndexed; i < features.size(); ++i)
      if (features[i].fid == fid)
        return i;
    return std::nullopt;
  }
  void buildIndex()
  {
    std::vector<gis::StrTree::Item> items;
    items.reserve(features.size());
    for (std::size_t i = 0; i < features.size(); ++i) {
      const F &f = features[i];
      if (!f.hasGeometry())
        continue;
      if (items.empty())
        extent = f.envelope;
      else
        extent.expandToInclude(f.envelope);
      items.push_back({f.envelope, i});
    }
    index = std::make_unique<gis::StrTree>(std::move(items));
    indexFids();
  }
  //! Leaves the layer empty and absent.
  void clear()
  {
    present = false;
    features.clear();
    index.reset();
    extent = {};
    m_byFid.clear();
    m_fidIndexed = 0;
  }

private:
  //! A GeoPackage hands features out in fid order, so a loaded layer needs no more than a
  //! check; one built out of order (an edit's neighbourhood, another source) gets the
  //! permutation that sorts it.
  void indexFids()
  {
    m_byFid.clear();
    m_fidIndexed = features.size();
    auto before = [](const F &a, const F &b) { return a.fid < b.fid; };
    if (std::is_sorted(features.begin(), features.end(), before))
      return;
    m_byFid.resize(features.size());
    for (std::size_t i = 0; i < features.size(); ++i)
      m_byFid[i] = i;
    std::stable_sort(m_byFid.begin(), m_byFid.end(), [&](std::size_t a, std::size_t b) {
      return features[a].fid < features[b].fid;
    });
  }
  //! Positions of the features in fid order; empty when the features are in that order.
  std::vector<std::size_t> m_byFid;
  std::size_t m_fidIndexed = 0; //!< how many features (the first ones) the fid order covers
};

struct LoadOptions
{
  std::shared_ptr<const LandUseMapping> landUse; //!< defaults when null
  std::optional<gis::Crs> workingCrs;            //!< overrides the rule of docs/contract.md
  int threads = 0;                               //!< 0: one per core
  //! For display (the desktop app): a layer that cannot be loaded (a missing or mistyped
  //! required field, no CRS, an unreadable feature) is recorded in Project::problems and left
  //! `present = false` instead of failing the whole project. Off by default: a check must not
  //! silently drop a layer.
  bool skipBrokenLayers = false;
  //! A DEM (a raster file or GDAL name) used instead of the project's own (core/Terrain.h).
  std::optional<std::string> dem;
};

//! A layer left out of the project by LoadOptions::skipBrokenLayers. `layer` is empty when the
//! problem concerns the whole project (e.g. the working CRS could not be chosen and the
//! default EPSG:4546 was used).
struct LayerProblem
{
  std::string layer;
  std::string message;
};

//! The working CRS of docs/contract.md: that of resettlement_sites when projected; when geographic,
//! the CGCS2000 3-degree GK zone nearest the centre of the sites' extent. Without sites, the
//! first canonical layer with geometry decides by the same rule. Throws ProjectError when the
//! deciding layer has no CRS.
gis::Crs chooseWorkingCrs(const gis::VectorDataset &dataset);

//! A loaded, indexed, immutable snapshot of a project in its working CRS. Rules read it
//! from several threads at once; nothing in it changes after load().
class Project
{
public:
  static std::shared_ptr<const Project> load(const std::string &path, const LoadOptions &options,
                                             const Progress *progress = nullptr);

  std::string path;
  gis::Crs workingCrs = gis::Crs::fromEpsg(4546);
  std::vector<InvalidGeometry> invalidGeometries;
  std::int64_t featuresWithGeometry = 0; //!< what invalid-geometry examined
  //! Layers left out by LoadOptions::skipBrokenLayers, in canonical order (else empty).
  std::vector<LayerProblem> problems;
  //! Slope under a polygon from the project's DEM (core/Terrain.h); null when it has none.
  std::shared_ptr<const SlopeSampler> terrain;

  Layer<Site> sites{"resettlement_sites"};
  Layer<PlannedPlot> plots{"planned_plots"};
  Layer<Building> buildings{"buildings"};
  Layer<School> schools{"schools"};
  Layer<Catchment> catchments{"school_catchments"};
  Layer<Clinic> clinics{"clinics"};
  Layer<ElderlyCare> elderlyCare{"elderly_care"};
  Layer<ServicePoint> servicePoints{"service_points"};
  Layer<IndustrialPark> industrialParks{"industrial_parks"};
  Layer<Homestead> homesteads{"reclaimed_homesteads"};
  Layer<ForestLand> forestLand{"forest_land"};
  Layer<Ranger> rangers{"rangers"};
  Layer<RangerPlot> rangerPlots{"ranger_plots"};
  Layer<Road> roads{"roads"};

  //! Indices into rangerPlots.features by ranger_code (compared as text; null codes left out).
  std::unordered_map<std::string, std::vector<std::size_t>> plotsByRangerCode;

  //! Calls fn(layer) with the typed Layer<F> named `name`; false when no layer has that name.
  template<typename Fn> bool visitLayer(std::string_view name, Fn &&fn)
  {
    return visit(*this, name, fn);
  }
  template<typename Fn> bool visitLayer(std::string_view name, Fn &&fn) const
  {
    return visit(*this, name, fn);
  }
  //! Whether a canonical layer exists in the project.
  bool hasLayer(const std::string &name) const;
  //! Canonical layer names in docs/contract.md's order.
  static const std::vector<std::string> &canonicalLayers();

private:
  template<typename P, typename Fn> static bool visit(P &p, std::string_view name, Fn &fn)
  {
    if (name == p.sites.name)
      fn(p.sites);
    else if (name == p.plots.name)
      fn(p.plots);
    else if (name == p.buildings.name)
      fn(p.buildings);
    else if (name == p.schools.name)
      fn(p.schools);
    else if (name == p.catchments.name)
      fn(p.catchments);
    else if (name == p.clinics.name)
      fn(p.clinics);
    else if (name == p.elderlyCare.name)
      fn(p.elderlyCare);
    else if (name == p.servicePoints.name)
      fn(p.servicePoints);
    else if (name == p.industrialParks.name)
      fn(p.industrialParks);
    else if (name == p.homesteads.name)
      fn(p.homesteads);
    else if (name == p.forestLand.name)
      fn(p.forestLand);
    else if (name == p.rangers.name)
      fn(p.rangers);
    else if (name == p.rangerPlots.name)
      fn(p.rangerPlots);
    else if (name == p.roads.name)
      fn(p.roads);
    else
      return false;
    return true;
  }
};

} // namespace anzhi::core
