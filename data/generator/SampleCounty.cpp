#include "data/generator/SampleCounty.h"

#include "data/generator/SampleDem.h"
#include "data/generator/Sink.h"
#include "data/generator/SiteGenerator.h"
#include "gis/Crs.h"
#include "gis/Vector.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <stdexcept>

namespace anzhi::sample {

namespace {

using namespace detail;

// Sites generated, then written, per transaction: about 30,000 features and some 10 MB of
// pending coordinates. Commits then cost nothing, memory stays flat at any size, and every
// layer still receives its features in fid order. (Most of the time of large samples is
// GDAL's R-tree work, much of it when the file is closed.)
constexpr int kChunkSites = 200;

gis::Geometry toGeometry(const PendingFeature &f)
{
  switch (f.shape) {
  case Shape::None:
    return nullptr;
  case Shape::Point:
    return gis::makePoint(f.coords.front().first, f.coords.front().second);
  case Shape::Line:
    return gis::makeLine(f.coords);
  case Shape::Polygon:
    return gis::makePolygon(f.coords);
  }
  return nullptr;
}

void flush(Sink &sink, std::vector<gis::LayerWriter> &writers)
{
  for (int layer = 0; layer < kLayerCount; ++layer) {
    auto &pending = sink.pending()[static_cast<std::size_t>(layer)];
    for (const PendingFeature &f : pending) {
      gis::Geometry g = toGeometry(f);
      writers[static_cast<std::size_t>(layer)].add(g.get(), f.values, f.fid);
    }
    pending.clear();
  }
}

std::string sqlText(const std::optional<std::string> &s)
{
  if (!s)
    return "NULL";
  std::string quoted = "'";
  for (char c : *s) {
    quoted += c;
    if (c == '\'')
      quoted += '\'';
  }
  return quoted + "'";
}

std::string sqlInteger(const std::optional<std::int64_t> &v)
{
  return v ? std::to_string(*v) : "NULL";
}

//! The planted list as an attribute table. Its columns must include one named `fid` (the
//! attached feature), which a table made by createLayer cannot have because that name is its
//! primary key; so the table is made in SQL with primary key `id` and registered in
//! gpkg_contents, which GDAL then reads as an ordinary attribute layer.
//! No transaction here: GDAL (3.6) builds large R-trees in an attached temporary database and
//! detaches it when SQL is executed, which fails inside an open transaction. A few multi-row
//! statements cost little without one.
void writePlanted(gis::VectorDataset &dataset, const std::vector<PlantedViolation> &planted)
{
  const std::string table = kPlantedTable;
  dataset.executeSql("CREATE TABLE \"" + table +
                     "\" (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
                     "\"rule\" TEXT NOT NULL, \"layer\" TEXT NOT NULL, \"fid\" INTEGER NOT NULL, "
                     "\"level\" TEXT, \"other_layer\" TEXT, \"other_fid\" INTEGER)");
  dataset.executeSql("INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                     "description, last_change) VALUES ('" +
                     table + "', 'attributes', '" + table +
                     "', 'violations planted by the Anzhi sample generator', "
                     "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
  constexpr std::size_t kRowsPerStatement = 200;
  for (std::size_t first = 0; first < planted.size(); first += kRowsPerStatement) {
    std::string sql = "INSERT INTO \"" + table +
                      "\" (id, rule, layer, fid, level, other_layer, other_fid) VALUES ";
    const std::size_t last = std::min(planted.size(), first + kRowsPerStatement);
    for (std::size_t i = first; i < last; ++i) {
      const PlantedViolation &v = planted[i];
      if (i > first)
        sql += ", ";
      sql += "(" + std::to_string(i + 1) + ", " + sqlText(v.rule) + ", " + sqlText(v.layer) + ", " +
             std::to_string(v.fid) + ", " + sqlText(v.level) + ", " + sqlText(v.otherLayer) + ", " +
             sqlInteger(v.otherFid) + ")";
    }
    dataset.executeSql(sql);
  }
}

SampleSummary writeAll(gis::VectorDataset &dataset, const SampleOptions &options,
                       const std::function<void(double)> &progress, std::vector<int> &steepSites)
{
  std::vector<gis::LayerWriter> writers;
  for (const LayerSpec &spec : layerSpecs()) {
    writers.push_back(dataset.createLayer(spec.table->name,
                                          core::drawnGeometryKind(spec.table->geometry),
                                          gis::Crs::fromEpsg(spec.epsg), fieldsOf(spec)));
  }
  const Grid grid = Grid::make(options.seed, options.sites);
  Sink sink;
  for (int first = 0; first < options.sites; first += kChunkSites) {
    const int last = std::min(options.sites, first + kChunkSites);
    for (int site = first; site < last; ++site)
      generateSite(sink, grid, site);
    gis::Transaction transaction(dataset);
    flush(sink, writers);
    transaction.commit();
    if (progress)
      progress(0.97 * last / options.sites);
  }

  SampleSummary summary;
  summary.planted = sink.planted();
  steepSites = sink.steepSites();
  writePlanted(dataset, summary.planted);
  for (int layer = 0; layer < kLayerCount; ++layer)
    summary.layerCounts.emplace_back(layerSpecs()[static_cast<std::size_t>(layer)].table->name,
                                     sink.count(static_cast<Layer>(layer)));
  return summary;
}

} // namespace

SampleSummary writeSampleCounty(const std::string &path, const SampleOptions &options,
                                const std::function<void(double)> &progress)
{
  if (options.sites < 1 || options.sites > 100000)
    throw std::invalid_argument("the number of sites must be between 1 and 100000, not " +
                                std::to_string(options.sites));
  std::optional<gis::VectorDataset> dataset(gis::VectorDataset::createGeoPackage(path));
  try {
    std::vector<int> steepSites;
    SampleSummary summary = writeAll(*dataset, options, progress, steepSites);
    dataset.reset(); // closing finishes the spatial indexes
    // The DEM last, into the closed file: it is written as every DEM import is.
    SampleDem(Grid::make(options.seed, options.sites), steepSites).write(path);
    if (progress)
      progress(1.0);
    return summary;
  } catch (...) {
    // The file did not exist before (createGeoPackage refuses that), so a half-written
    // sample is ours to remove rather than leave behind looking complete.
    dataset.reset();
    std::error_code ec;
    std::filesystem::remove(path, ec);
    std::filesystem::remove(path + "-journal", ec);
    std::filesystem::remove(path + "-wal", ec);
    std::filesystem::remove(path + "-shm", ec);
    throw;
  }
}

} // namespace anzhi::sample
