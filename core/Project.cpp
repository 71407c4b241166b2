#include "core/Project.h"

#include "core/Parallel.h"
#include "core/Schema.h"
#include "core/Terrain.h"
#include "gis/GisError.h"

#include <algorithm>
#include <atomic>
#include <mutex>

namespace anzhi::core {

namespace {

using gis::FeatureRow;
using gis::VectorLayer;

//! The column each field of the layer's table reads, -1 for a field the stored layer lacks. A
//! field the check cannot do without (mustExist) missing, or any field of the wrong type, is an
//! error naming the file, layer and field.
std::vector<int> fieldColumns(const VectorLayer &source, const LayerSchema &schema)
{
  std::vector<int> columns;
  for (const FieldSchema &f : schema.fields)
    columns.push_back(
        f.mustExist || source.fieldIndex(f.name) >= 0 ? source.requireField(f.name, f.type) : -1);
  return columns;
}

//! Everything one layer's load needs from the whole project: the path, the working CRS, the
//! land-use mapping, and where to put invalid geometries.
struct LoadContext
{
  const std::string &path;
  const gis::Crs &workingCrs;
  const LandUseMapping &landUse;
  const Progress *progress;
  std::mutex &invalidMutex;
  std::vector<InvalidGeometry> &invalid;
  std::atomic<std::int64_t> &withGeometry;
};

//! Reads one canonical layer through `dataset`, the loading thread's own: fields as its table
//! binds them, geometry validated in the stored CRS, repaired there if invalid, then
//! transformed to the working CRS; the STR-tree and fid lookup at the end.
template<typename F>
void loadLayer(const LoadContext &ctx, gis::VectorDataset &dataset, Layer<F> &layer)
{
  const LayerSchema &schema = *layer.schema;
  const GeometryRole role = schema.geometry;
  VectorLayer source = dataset.layer(layer.name);
  const std::vector<int> columns = fieldColumns(source, schema);

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
    for (std::size_t k = 0; k < columns.size(); ++k)
      if (columns[k] >= 0)
        schema.fields[k].binding.read(feature, row, columns[k]);
    classifyLandUse(feature, ctx.landUse);
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
        try {
          stored = gis::makeValid(stored.get(), role == GeometryRole::Polygon);
          bad.repaired = true;
        } catch (const gis::GisError &) {
          stored.reset(); // beyond repair (e.g. NaN coordinates): reported, not measured
        }
        invalid.push_back(std::move(bad));
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

//! The order layers are handed to the loading threads: those that can hold millions of
//! features first, so that they load in parallel with each other, then docs/contract.md's.
std::vector<std::string> loadOrder()
{
  std::vector<std::string> order = {"planned_plots", "ranger_plots", "buildings"};
  for (const std::string &name : Project::canonicalLayers())
    if (std::find(order.begin(), order.end(), name) == order.end())
      order.push_back(name);
  return order;
}

void indexPlotsByRanger(Project &project)
{
  const std::vector<RangerPlot> &plots = project.rangerPlots.features;
  for (std::size_t i = 0; i < plots.size(); ++i)
    if (plots[i].rangerCode)
      project.plotsByRangerCode[*plots[i].rangerCode].push_back(i);
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
  bool present = false;
  visitLayer(name, [&](const auto &layer) { present = layer.present; });
  return present;
}

void classifyLandUse(PlannedPlot &plot, const LandUseMapping &landUse)
{
  plot.landUseClass = landUse.classify(plot.landUse);
}

void classifyLandUse(Building &building, const LandUseMapping &landUse)
{
  building.landUseClass = landUse.classify(building.use);
}

std::shared_ptr<const Project> Project::load(const std::string &path, const LoadOptions &options,
                                             const Progress *progress)
{
  auto project = std::make_shared<Project>();
  project->path = path;
  auto landUse = options.landUse
                     ? options.landUse
                     : std::make_shared<LandUseMapping>(LandUseMapping::defaultPatterns());
  std::vector<std::string> toLoad; // the project's canonical layers, in loadOrder()
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
    for (const std::string &name : loadOrder())
      if (dataset.hasLayer(name)) {
        toLoad.push_back(name);
        project->visitLayer(name, [](auto &layer) { layer.present = true; });
      }
  } catch (const gis::GisError &e) {
    throw ProjectError(e.what());
  }

  std::mutex invalidMutex;
  std::atomic<std::int64_t> withGeometry{0};
  const LoadContext ctx{path,         project->workingCrs,        *landUse,    progress,
                        invalidMutex, project->invalidGeometries, withGeometry};
  // Each loading thread reads through its own dataset (GDAL datasets are not shared between
  // threads), opened by its first layer and reused by the others; the calling thread, worker
  // 0, goes on with the one opened above.
  std::vector<std::optional<gis::VectorDataset>> datasets(
      std::size_t(parallelWorkers(toLoad.size(), options.threads)));
  datasets[0] = std::move(callerDataset);
  std::mutex problemMutex;
  std::atomic<std::size_t> done{0};
  auto loadOne = [&](std::size_t i, int worker) {
    const std::string &name = toLoad[i];
    try {
      std::optional<gis::VectorDataset> &dataset = datasets[std::size_t(worker)];
      if (!dataset)
        dataset.emplace(gis::VectorDataset::open(path));
      project->visitLayer(name, [&](auto &layer) { loadLayer(ctx, *dataset, layer); });
      // Here, not after the join: a million plots take as long as a mid-sized layer.
      if (name == project->rangerPlots.name)
        indexPlotsByRanger(*project);
    } catch (const Cancelled &) {
      throw;
    } catch (const std::exception &e) {
      if (!options.skipBrokenLayers)
        throw;
      std::lock_guard lock(problemMutex);
      project->visitLayer(name, [](auto &layer) { layer.clear(); });
      project->problems.push_back({name, e.what()});
    }
    if (progress)
      progress->report("load", double(++done) / double(toLoad.size()));
  };
  try {
    parallelFor(toLoad.size(), options.threads, loadOne);
  } catch (const gis::GisError &e) {
    throw ProjectError(e.what());
  }
  project->featuresWithGeometry = withGeometry;
  // A DEM asked for but unusable stops a check: the rules needing it must not pass unseen.
  try {
    if (std::optional<DemSource> dem = locateDem(path, options.dem))
      project->terrain = std::make_shared<const SlopeSampler>(*dem, project->workingCrs);
  } catch (const std::exception &e) {
    if (!options.skipBrokenLayers)
      throw ProjectError(e.what());
    project->problems.push_back({"dem", e.what()});
  }
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
