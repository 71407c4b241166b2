#include "core/Terrain.h"

#include "core/Project.h"
#include "gis/CellCoverage.h"
#include "gis/DataFile.h"
#include "gis/GeographicWarp.h"
#include "gis/GisError.h"
#include "gis/Raster.h"
#include "gis/Slope.h"
#include "gis/Vector.h"

#include <cmath>
#include <filesystem>

namespace anzhi::core {

namespace {

bool isGdalConnection(const std::string &name)
{
  return name.rfind("GPKG:", 0) == 0 || name.rfind("/vsi", 0) == 0;
}

} // namespace

std::optional<DemSource> locateDem(const std::string &projectPath,
                                   const std::optional<std::string> &demOverride)
{
  if (demOverride)
    return DemSource{*demOverride, "--dem", std::nullopt};
  try {
    gis::VectorDataset project = gis::VectorDataset::open(projectPath);
    // Only a GeoPackage holds raster tables and Anzhi's settings.
    if (project.driverName() != "GPKG")
      return std::nullopt;
    if (project.queryText("SELECT 1 FROM gpkg_contents WHERE table_name = 'dem' AND data_type IN "
                          "('2d-gridded-coverage', 'tiles')"))
      return DemSource{"GPKG:" + projectPath + ":dem", projectPath + ": table dem", projectPath};
    if (!project.queryText("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                           "'anzhi_settings'"))
      return std::nullopt;
    std::optional<std::string> path =
        project.queryText("SELECT value FROM anzhi_settings WHERE key = 'dem_path'");
    if (!path || path->empty())
      return std::nullopt;
    std::filesystem::path file(*path);
    if (file.is_relative())
      file = std::filesystem::path(projectPath).parent_path() / file;
    return DemSource{file.string(), projectPath + ": anzhi_settings.dem_path", std::nullopt};
  } catch (const gis::GisError &e) {
    throw ProjectError(e.what());
  }
}

struct SlopeSampler::Reader
{
  Reader(const std::string &name, const gis::Crs &working)
      : raster(gis::RasterDataset::open(name))
  {
    if (raster.crs().isGeographic())
      warp.emplace(raster, working);
  }
  gis::RasterDataset raster;
  std::optional<gis::GeographicWarp> warp; //!< reads `raster`, so the Reader never moves
};

SlopeSampler::SlopeSampler(DemSource dem, gis::Crs workingCrs)
    : m_dem(std::move(dem))
    , m_working(std::move(workingCrs))
{
  const std::string &name = m_dem.name;
  std::error_code ec;
  if (!isGdalConnection(name) && !std::filesystem::exists(name, ec))
    throw ProjectError(name + ": DEM file not found (from " + m_dem.origin + ")");
  try {
    if (!isGdalConnection(name))
      gis::requireRegularFile(name);
    if (m_dem.project && gis::hasPendingWal(*m_dem.project))
      m_walGuard = std::make_unique<gis::WalReaderGuard>(*m_dem.project);
    auto reader = std::make_unique<Reader>(name, m_working);
    const gis::RasterDataset &raster = reader->raster;
    if (!raster.crs().isGeographic() && !raster.crs().isProjected())
      throw ProjectError(name + ": the DEM's CRS " + raster.crs().authId() +
                         " is neither geographic nor projected");
    if (raster.linearUnitMetres() && *raster.linearUnitMetres() != 1.0)
      throw ProjectError(name + ": the DEM's CRS " + raster.crs().authId() +
                         " is not in metres; warp it to a metric CRS first");
    m_idle.push_back(std::move(reader));
  } catch (const gis::GisError &e) {
    throw ProjectError(std::string(e.what()) + " (the DEM, from " + m_dem.origin + ")");
  }
}

SlopeSampler::~SlopeSampler() = default;

std::unique_ptr<SlopeSampler::Reader> SlopeSampler::borrow() const
{
  {
    std::lock_guard lock(m_mutex);
    if (!m_idle.empty()) {
      std::unique_ptr<Reader> reader = std::move(m_idle.back());
      m_idle.pop_back();
      return reader;
    }
  }
  return std::make_unique<Reader>(m_dem.name, m_working);
}

void SlopeSampler::giveBack(std::unique_ptr<Reader> reader) const
{
  std::lock_guard lock(m_mutex);
  m_idle.push_back(std::move(reader));
}

std::optional<double> SlopeSampler::meanSlopeDegrees(const GEOSGeometry *g) const
{
  if (!g || gis::isEmpty(g))
    return std::nullopt;
  std::unique_ptr<Reader> reader = borrow();
  gis::RasterWindow elevation;
  gis::Geometry inDemCrs;
  const GEOSGeometry *polygon = g;
  if (reader->warp) {
    elevation = reader->warp->read(gis::envelope(g), 1);
  } else {
    gis::RasterDataset &raster = reader->raster;
    const auto &toDem = gis::CoordinateTransform::forThread(m_working, raster.crs());
    if (!toDem.isIdentity()) {
      inDemCrs = toDem.transform(g);
      polygon = inDemCrs.get();
    }
    // The cells the polygon's envelope meets and one more around them (Horn's neighbours),
    // bounded to the raster and its one-cell frame (NaN).
    const gis::GridGeometry &grid = raster.grid();
    const gis::Envelope env = gis::envelope(polygon);
    const double c0 = std::floor((env.minX - grid.originX) / grid.cellWidth) - 1;
    const double c1 = std::ceil((env.maxX - grid.originX) / grid.cellWidth) + 1;
    const double r0 = std::floor((grid.originY - env.maxY) / grid.cellHeight) - 1;
    const double r1 = std::ceil((grid.originY - env.minY) / grid.cellHeight) + 1;
    if (!(c1 > 0 && r1 > 0 && c0 < grid.columns && r0 < grid.rows)) {
      giveBack(std::move(reader));
      return std::nullopt;
    }
    const int left = int(std::max(c0, -1.0)), top = int(std::max(r0, -1.0));
    const int right = int(std::min(c1, grid.columns + 1.0));
    const int bottom = int(std::min(r1, grid.rows + 1.0));
    elevation = raster.read(left, top, right - left, bottom - top);
  }
  giveBack(std::move(reader));
  const gis::RasterWindow slope = gis::hornSlopeDegrees(elevation);
  double weights = 0, sum = 0;
  for (const gis::CoveredCell &cell : gis::cellCoverage(polygon, slope.grid)) {
    const double s = slope.at(cell.column, cell.row);
    if (std::isnan(s))
      continue;
    weights += cell.fraction;
    sum += cell.fraction * s;
  }
  if (weights <= 0)
    return std::nullopt;
  return sum / weights;
}

} // namespace anzhi::core
