#include "core/Project.h"

#include "core/Schema.h"
#include "gis/GisError.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace anzhi::core {

namespace {

using gis::FeatureRow;
using gis::FieldType;
using gis::VectorLayer;

//! Resolves a layer's fields once, then reads them per feature. Required fields missing
//! from the layer are an error naming the file, layer and field; optional ones read as null.
class Fields
{
public:
  explicit Fields(const VectorLayer &layer)
      : m_layer(layer)
  {
  }
  int required(const std::string &name, FieldType type) const
  {
    return m_layer.requireField(name, type);
  }
  int optional(const std::string &name, FieldType type) const
  {
    return m_layer.fieldIndex(name) < 0 ? -1 : m_layer.requireField(name, type);
  }

private:
  const VectorLayer &m_layer;
};

std::optional<std::string> text(const FeatureRow &row, int index)
{
  return index < 0 ? std::nullopt : row.string(index);
}
std::optional<std::int64_t> integer(const FeatureRow &row, int index)
{
  return index < 0 ? std::nullopt : row.integer(index);
}

//! Everything one layer's load needs from the whole project: the path, the working CRS,
//! and where to put invalid geometries.
struct LoadContext
{
  const std::string &path;
  const gis::Crs &workingCrs;
  const Progress *progress;
  std::mutex &invalidMutex;
  std::vector<InvalidGeometry> &invalid;
  std::atomic<std::int64_t> &withGeometry;
  //! The loading thread's own dataset (GDAL datasets are not shared between threads), opened
  //! by its first layer and reused by the others: an open costs as much as reading a small
  //! layer (GDAL reads the GeoPackage's schema and metadata each time).
  std::optional<gis::VectorDataset> *dataset = nullptr;
};

//! Reads one canonical layer: fields by `bind`, geometry validated in the stored CRS,
//! repaired there if invalid, then transformed to the working CRS; an STR-tree at the end.
template<typename F, typename Bind>
void loadLayer(const LoadContext &ctx, Layer<F> &layer, Bind bind)
{
  const GeometryRole role = findLayerSchema(layer.name)->geometry;
  if (!*ctx.dataset)
    ctx.dataset->emplace(gis::VectorDataset::open(ctx.path));
  VectorLayer source = (*ctx.dataset)->layer(layer.name);
  Fields fields(source);
  const int codeIndex = fields.required("code", FieldType::String);
  auto readFields = bind(fields);

  std::optional<gis::Crs> crs;
  const gis::CoordinateTransform *toWorking = nullptr;
  if (source.geometryKind() != gis::GeometryKind::None) {
    crs = source.crs();
    if (crs)
      toWorking = &gis::CoordinateTransform::forThread(*crs, ctx.workingCrs);
  }
  std::vector<InvalidGeometry> invalid;
  std::int64_t withGeometry = 0;
  layer.features.reserve(
      static_cast<std::size_t>(std::max<std::int64_t>(0, source.featureCount())));
  std::size_t count = 0;
  source.forEach([&](const FeatureRow &row) {
    if ((++count & 0xFFF) == 0)
      throwIfCancelled(ctx.progress);
    F feature;
    feature.fid = row.fid();
    feature.code = row.string(codeIndex);
    readFields(row, feature);
    gis::Geometry stored;
    try {
      stored = row.geometry();
    } catch (const gis::UnreadableData &) {
      throw;
    } catch (const gis::GisError &e) {
      // OGR read the geometry but GEOS cannot even build it (a ring that does not close, e.g.
      // on a NaN vertex; a ring of three points): invalid, beyond repair, reported and then
      // treated as having none — never a stopped check.
      ++withGeometry;
      std::string reason = e.what();
      const std::string marker = "feature " + std::to_string(feature.fid) + ": ";
      if (auto at = reason.find(marker); at != std::string::npos)
        reason = reason.substr(at + marker.size());
      invalid.push_back({layer.name, feature.fid, feature.code, reason, nullptr});
      layer.features.push_back(std::move(feature));
      return true;
    }
    if (stored && !gis::isEmpty(stored.get())) {
      ++withGeometry;
      if (!toWorking)
        throw ProjectError(ctx.path + ": layer '" + layer.name +
                           "' has no coordinate reference system; assign one (e.g. EPSG:4546) "
                           "before checking");
      if (auto wrongType = wrongGeometryType(role, stored.get())) {
        // No rule can measure a line as a plot or a polygon as a school: reported where it
        // lies, then treated as having no geometry, like a geometry beyond repair.
        InvalidGeometry bad{layer.name, feature.fid, feature.code, *wrongType, nullptr};
        try {
          auto [x, y] = gis::pointXY(gis::pointOnSurface(stored.get()).get());
          if (toWorking->transform(x, y))
            bad.location = gis::makePoint(x, y);
        } catch (const gis::GisError &) {
          // no point on it (e.g. NaN coordinates): reported without a location
        }
        invalid.push_back(std::move(bad));
        layer.features.push_back(std::move(feature));
        return true;
      }
      gis::ValidityReport report = gis::validity(stored.get());
      if (!report.valid) {
        InvalidGeometry bad{layer.name, feature.fid, feature.code, report.reason, nullptr};
        if (report.x && report.y) {
          double x = *report.x, y = *report.y;
          if (toWorking->transform(x, y))
            bad.location = gis::makePoint(x, y);
        }
        invalid.push_back(std::move(bad));
        try {
          stored = gis::makeValid(stored.get(), role == GeometryRole::Polygon);
        } catch (const gis::GisError &) {
          stored.reset(); // beyond repair (e.g. NaN coordinates): reported, not measured
        }
      }
      if (stored && toWorking->isIdentity()) {
        feature.geometry = std::move(stored);
        feature.envelope = gis::envelope(feature.geometry.get());
      } else if (stored) {
        try {
          feature.geometry = toWorking->transform(stored.get());
        } catch (const gis::GisError &e) {
          throw ProjectError(ctx.path + ": layer '" + layer.name + "', feature " +
                             std::to_string(feature.fid) + ": " + e.what());
        }
        if (!gis::isEmpty(feature.geometry.get()))
          feature.envelope = gis::envelope(feature.geometry.get());
      }
    }
    layer.features.push_back(std::move(feature));
    return true;
  });
  layer.buildIndex();
  ctx.withGeometry += withGeometry;
  std::lock_guard lock(ctx.invalidMutex);
  for (auto &bad : invalid)
    ctx.invalid.push_back(std::move(bad));
}

//! A file with none of the canonical layers is some other GeoPackage: checking it would report
//! every rule skipped and "no errors", which a script would read as a county that passed.
void requireCanonicalLayer(const gis::VectorDataset &dataset)
{
  // GDAL leaves out a layer whose table is gone: the rules reading it would be "skipped" as if
  // the project never had it, when the file was in fact damaged by another tool.
  for (const std::string &table : dataset.listedButMissingTables())
    throw ProjectError(dataset.path() + ": layer '" + table +
                       "' is listed in the GeoPackage's catalogue (gpkg_contents) but its table "
                       "is missing: the file was changed by another tool; restore it from a copy");
  for (const std::string &name : Project::canonicalLayers())
    if (dataset.hasLayer(name))
      return;
  throw ProjectError(dataset.path() +
                     ": not an Anzhi project: no canonical layer (resettlement_sites, "
                     "planned_plots, schools, …); `anzhi-cli info " +
                     dataset.path() + "` lists what it holds");
}

} // namespace

gis::Crs chooseWorkingCrs(const gis::VectorDataset &dataset)
{
  const std::string &path = dataset.path();
  // Without sites, the first canonical layer with a CRS decides, by the same rule.
  std::vector<std::string> order = Project::canonicalLayers();
  for (const std::string &name : order) {
    if (!dataset.hasLayer(name))
      continue;
    VectorLayer layer = dataset.layer(name);
    if (layer.geometryKind() == gis::GeometryKind::None)
      continue;
    std::optional<gis::Crs> crs = layer.crs();
    if (!crs)
      throw ProjectError(path + ": layer '" + name +
                         "' has no coordinate reference system; assign one (e.g. EPSG:4546) "
                         "before checking");
    if (crs->isProjected())
      return *crs;
    std::optional<gis::Envelope> extent;
    layer.forEach([&](const FeatureRow &row) {
      gis::Geometry g = row.geometry();
      if (g && !gis::isEmpty(g.get())) {
        gis::Envelope e = gis::envelope(g.get());
        if (extent)
          extent->expandToInclude(e);
        else
          extent = e;
      }
      return true;
    });
    if (!extent)
      continue;
    return gis::Crs::fromEpsg(gis::Crs::gaussKrugerZoneEpsg(extent->centerX()));
  }
  // Nothing to place the project: the zone of Shanxi's centre (CM 111°E / 114°E border).
  return gis::Crs::fromEpsg(4546);
}

const std::vector<std::string> &Project::canonicalLayers()
{
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (const LayerSchema &layer : canonicalSchema())
      list.push_back(layer.name);
    return list;
  }();
  return names;
}

bool Project::hasLayer(const std::string &name) const
{
  const std::pair<const std::string *, bool> layers[] = {
      {&sites.name, sites.present},
      {&plots.name, plots.present},
      {&buildings.name, buildings.present},
      {&schools.name, schools.present},
      {&catchments.name, catchments.present},
      {&clinics.name, clinics.present},
      {&elderlyCare.name, elderlyCare.present},
      {&servicePoints.name, servicePoints.present},
      {&industrialParks.name, industrialParks.present},
      {&homesteads.name, homesteads.present},
      {&forestLand.name, forestLand.present},
      {&rangers.name, rangers.present},
      {&rangerPlots.name, rangerPlots.present},
      {&roads.name, roads.present}};
  for (const auto &[layerName, present] : layers)
    if (*layerName == name)
      return present;
  return false;
}

std::shared_ptr<const Project> Project::load(const std::string &path, const LoadOptions &options,
                                             const Progress *progress)
{
  auto project = std::make_shared<Project>();
  project->path = path;
  auto landUse = options.landUse
                     ? options.landUse
                     : std::make_shared<LandUseMapping>(LandUseMapping::defaultPatterns());
  std::vector<std::function<void(const LoadContext &)>> tasks;
  std::vector<std::string> taskLayers;          // the layer each task loads
  std::vector<std::function<void()>> taskDrops; // leaves that layer out (skipBrokenLayers)
  // Opened here for the working CRS and the list of layers, then read by the calling thread's
  // share of the layers: opening a GeoPackage costs as much as reading a small layer (SQLite
  // parses the schema, GDAL its metadata), which shows at county scale.
  std::optional<gis::VectorDataset> callerDataset;
  try {
    gis::VectorDataset &dataset = callerDataset.emplace(gis::VectorDataset::open(path));
    requireCanonicalLayer(dataset);
    if (progress)
      progress->report("load", 0.0);
    if (options.workingCrs) {
      project->workingCrs = *options.workingCrs;
    } else if (options.skipBrokenLayers) {
      try {
        project->workingCrs = chooseWorkingCrs(dataset);
      } catch (const std::exception &e) {
        project->problems.push_back({"", std::string(e.what()) + " (using EPSG:4546)"});
      }
    } else {
      project->workingCrs = chooseWorkingCrs(dataset);
    }
    Project &p = *project;
    auto add = [&](auto &layer, auto task) {
      if (dataset.hasLayer(layer.name)) {
        layer.present = true;
        tasks.push_back(task);
        taskLayers.push_back(layer.name);
        taskDrops.push_back([&layer] {
          layer.present = false;
          layer.features.clear();
          layer.index.reset();
          layer.extent = {};
        });
      }
    };
    using FT = FieldType;
    // The two big layers first, so that they run in parallel with each other.
    add(p.plots, [&p, landUse](const LoadContext &c) {
      loadLayer(c, p.plots, [landUse](const Fields &f) {
        int name = f.optional("name", FT::String), use = f.required("land_use", FT::String);
        return [=](const FeatureRow &r, PlannedPlot &x) {
          x.name = text(r, name);
          x.landUse = text(r, use);
          x.landUseClass = landUse->classify(x.landUse);
        };
      });
    });
    add(p.rangerPlots, [&p](const LoadContext &c) {
      loadLayer(c, p.rangerPlots, [](const Fields &f) {
        int ranger = f.required("ranger_code", FT::String);
        return [=](const FeatureRow &r, RangerPlot &x) { x.rangerCode = text(r, ranger); };
      });
      // Here, not after the join: a million plots take as long as a mid-sized layer.
      const auto &plots = p.rangerPlots.features;
      for (std::size_t i = 0; i < plots.size(); ++i)
        if (plots[i].rangerCode)
          p.plotsByRangerCode[*plots[i].rangerCode].push_back(i);
    });
    add(p.buildings, [&p, landUse](const LoadContext &c) {
      loadLayer(c, p.buildings, [landUse](const Fields &f) {
        int use = f.required("use", FT::String);
        return [=](const FeatureRow &r, Building &x) {
          x.use = text(r, use);
          x.landUseClass = landUse->classify(x.use);
        };
      });
    });
    add(p.sites, [&p](const LoadContext &c) {
      loadLayer(c, p.sites, [](const Fields &f) {
        int name = f.optional("name", FT::String), county = f.optional("county", FT::String),
            township = f.optional("township", FT::String),
            setting = f.required("setting", FT::String),
            households = f.optional("households", FT::Integer),
            population = f.required("population", FT::Integer),
            primary = f.optional("pupils_primary", FT::Integer),
            junior = f.optional("pupils_junior", FT::Integer),
            plan = f.required("support_plan", FT::Integer);
        return [=](const FeatureRow &r, Site &x) {
          x.name = text(r, name);
          x.county = text(r, county);
          x.township = text(r, township);
          x.setting = text(r, setting);
          x.households = integer(r, households);
          x.population = integer(r, population);
          x.pupilsPrimary = integer(r, primary);
          x.pupilsJunior = integer(r, junior);
          x.supportPlan = integer(r, plan);
        };
      });
    });
    add(p.schools, [&p](const LoadContext &c) {
      loadLayer(c, p.schools, [](const Fields &f) {
        int name = f.optional("name", FT::String), level = f.required("level", FT::String),
            capacity = f.required("capacity", FT::Integer),
            enrolled = f.optional("enrolled", FT::Integer);
        return [=](const FeatureRow &r, School &x) {
          x.name = text(r, name);
          x.level = text(r, level);
          x.capacity = integer(r, capacity);
          x.enrolled = integer(r, enrolled);
        };
      });
    });
    add(p.catchments, [&p](const LoadContext &c) {
      loadLayer(c, p.catchments, [](const Fields &f) {
        int school = f.required("school_code", FT::String);
        return [=](const FeatureRow &r, Catchment &x) { x.schoolCode = text(r, school); };
      });
    });
    add(p.clinics, [&p](const LoadContext &c) {
      loadLayer(c, p.clinics, [](const Fields &f) {
        int name = f.optional("name", FT::String), level = f.optional("level", FT::String);
        return [=](const FeatureRow &r, Clinic &x) {
          x.name = text(r, name);
          x.level = text(r, level);
        };
      });
    });
    add(p.elderlyCare, [&p](const LoadContext &c) {
      loadLayer(c, p.elderlyCare, [](const Fields &f) {
        int name = f.optional("name", FT::String), beds = f.optional("beds", FT::Integer);
        return [=](const FeatureRow &r, ElderlyCare &x) {
          x.name = text(r, name);
          x.beds = integer(r, beds);
        };
      });
    });
    add(p.servicePoints, [&p](const LoadContext &c) {
      loadLayer(c, p.servicePoints, [](const Fields &f) {
        int name = f.optional("name", FT::String), kind = f.required("kind", FT::String);
        return [=](const FeatureRow &r, ServicePoint &x) {
          x.name = text(r, name);
          x.kind = text(r, kind);
        };
      });
    });
    add(p.industrialParks, [&p](const LoadContext &c) {
      loadLayer(c, p.industrialParks, [](const Fields &f) {
        int name = f.optional("name", FT::String), kind = f.optional("kind", FT::String),
            jobs = f.optional("jobs", FT::Integer);
        return [=](const FeatureRow &r, IndustrialPark &x) {
          x.name = text(r, name);
          x.kind = text(r, kind);
          x.jobs = integer(r, jobs);
        };
      });
    });
    add(p.homesteads, [&p](const LoadContext &c) {
      loadLayer(c, p.homesteads, [](const Fields &f) {
        int household = f.optional("household_code", FT::String),
            village = f.optional("village", FT::String), site = f.optional("site_code", FT::String),
            status = f.required("status", FT::String),
            target = f.optional("target_use", FT::String), done = f.required("done_date", FT::Date);
        return [=](const FeatureRow &r, Homestead &x) {
          x.householdCode = text(r, household);
          x.village = text(r, village);
          x.siteCode = text(r, site);
          x.status = text(r, status);
          x.targetUse = text(r, target);
          x.doneDate = r.date(done);
        };
      });
    });
    add(p.forestLand, [&p](const LoadContext &c) {
      loadLayer(c, p.forestLand,
                [](const Fields &) { return [](const FeatureRow &, ForestLand &) {}; });
    });
    add(p.rangers, [&p](const LoadContext &c) {
      loadLayer(c, p.rangers, [](const Fields &f) {
        int name = f.optional("name", FT::String), site = f.optional("site_code", FT::String),
            status = f.optional("status", FT::String);
        return [=](const FeatureRow &r, Ranger &x) {
          x.name = text(r, name);
          x.siteCode = text(r, site);
          x.status = text(r, status);
        };
      });
    });
    add(p.roads, [&p](const LoadContext &c) {
      loadLayer(c, p.roads, [](const Fields &f) {
        int cls = f.optional("class", FT::String);
        return [=](const FeatureRow &r, Road &x) { x.roadClass = text(r, cls); };
      });
    });
  } catch (const gis::GisError &e) {
    throw ProjectError(e.what());
  }

  std::mutex invalidMutex;
  std::atomic<std::int64_t> withGeometry{0};
  LoadContext ctx{path,         project->workingCrs,        progress,
                  invalidMutex, project->invalidGeometries, withGeometry};
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex errorMutex;
  std::exception_ptr firstError;
  auto worker = [&](std::optional<gis::VectorDataset> &dataset) {
    LoadContext mine = ctx;
    mine.dataset = &dataset;
    for (std::size_t i = next++; i < tasks.size(); i = next++) {
      try {
        tasks[i](mine);
      } catch (const Cancelled &) {
        std::lock_guard lock(errorMutex);
        if (!firstError)
          firstError = std::current_exception();
      } catch (const std::exception &e) {
        std::lock_guard lock(errorMutex);
        if (options.skipBrokenLayers) {
          taskDrops[i]();
          project->problems.push_back({taskLayers[i], e.what()});
        } else if (!firstError) {
          firstError = std::current_exception();
        }
      } catch (...) {
        std::lock_guard lock(errorMutex);
        if (!firstError)
          firstError = std::current_exception();
      }
      if (progress)
        progress->report("load", double(++done) / double(tasks.size()));
    }
  };
  int threads =
      options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (int t = 1; t < std::min<int>(threads, int(tasks.size())); ++t)
    pool.emplace_back([&worker] {
      std::optional<gis::VectorDataset> own;
      worker(own);
    });
  worker(callerDataset);
  for (auto &t : pool)
    t.join();
  callerDataset.reset();
  if (firstError) {
    try {
      std::rethrow_exception(firstError);
    } catch (const gis::GisError &e) {
      throw ProjectError(e.what());
    }
  }
  project->featuresWithGeometry = withGeometry;
  // Layers load in any order; the report lists invalid geometries in layer, then fid order.
  const auto &order = canonicalLayers();
  auto rank = [&](const LayerProblem &p) {
    return p.layer.empty() ? -1 : std::find(order.begin(), order.end(), p.layer) - order.begin();
  };
  std::stable_sort(project->problems.begin(), project->problems.end(),
                   [&](const LayerProblem &a, const LayerProblem &b) { return rank(a) < rank(b); });
  std::sort(project->invalidGeometries.begin(), project->invalidGeometries.end(),
            [&](const InvalidGeometry &a, const InvalidGeometry &b) {
              auto ia = std::find(order.begin(), order.end(), a.layer) - order.begin();
              auto ib = std::find(order.begin(), order.end(), b.layer) - order.begin();
              return ia != ib ? ia < ib : a.fid < b.fid;
            });
  return project;
}

} // namespace anzhi::core
