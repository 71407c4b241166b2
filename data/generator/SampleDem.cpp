#include "data/generator/SampleDem.h"

#include "gis/GisError.h"
#include "gis/GpkgRaster.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace anzhi::sample::detail {

namespace {

//! 1 in the band where the homesteads lie, falling linearly to 0 a kilometre away.
double bandWeight(double localY)
{
  if (localY >= 1700 && localY <= 2200)
    return 1;
  if (localY < 1700)
    return std::clamp((localY - 700) / 1000, 0.0, 1.0);
  return std::clamp((3200 - localY) / 1000, 0.0, 1.0);
}

//! The strip's rise along local x: 0.7 m/m over 500–800, a plateau, back down by 3900.
double rise(double localX)
{
  if (localX < 500 || localX > 3900)
    return 0;
  if (localX <= 800)
    return 0.7 * (localX - 500);
  if (localX <= 3500)
    return 210;
  return 210 * (3900 - localX) / 400;
}

} // namespace

SampleDem::SampleDem(const Grid &grid, std::vector<int> steepSites)
    : m_grid(grid)
    , m_steepSites(std::move(steepSites))
{
}

bool SampleDem::covers(const Grid &grid, int site)
{
  return site % grid.cols < kMaxCells && site / grid.cols < kMaxCells;
}

double SampleDem::elevation(double x, double y) const
{
  const double dx = x - m_grid.originX, dy = y - m_grid.originY;
  // |grad| ≤ 0.03 + 0.02 + 15·2π/2000 + 15·2π/2500 < 0.11: under 6°.
  double z =
      1300 + 0.03 * dx + 0.02 * dy +
      15 * std::sin(2 * std::numbers::pi * dx / 2000) * std::cos(2 * std::numbers::pi * dy / 2500);
  for (int site : m_steepSites) {
    const double lx = dx - (site % m_grid.cols) * Grid::kCell;
    const double ly = dy - (site / m_grid.cols) * Grid::kCell;
    if (lx >= 0 && lx < Grid::kCell && ly >= 0 && ly < Grid::kCell)
      z += rise(lx) * bandWeight(ly);
  }
  return z;
}

void SampleDem::write(const std::string &path) const
{
  const int columns = int(std::ceil(std::min(m_grid.cols, kMaxCells) * Grid::kCell / kCellSize));
  const int rows = int(std::ceil(std::min(m_grid.rows, kMaxCells) * Grid::kCell / kCellSize));
  const double top = m_grid.originY + rows * kCellSize;
  std::vector<float> values(std::size_t(columns) * std::size_t(rows));
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < columns; ++c)
      values[std::size_t(r) * std::size_t(columns) + std::size_t(c)] =
          float(elevation(m_grid.originX + (c + 0.5) * kCellSize, top - (r + 0.5) * kCellSize));
  // An in-memory GeoTIFF, stored by the import every DEM goes through.
  const std::string tiff =
      "/vsimem/anzhi-sample-dem-" + std::to_string(std::uintptr_t(this)) + ".tif";
  {
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDatasetUniquePtr ds(driver->Create(tiff.c_str(), columns, rows, 1, GDT_Float32, nullptr));
    if (!ds)
      throw gis::GisError(path + ": cannot create the sample DEM in memory");
    double gt[6] = {m_grid.originX, kCellSize, 0, top, 0, -kCellSize};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(4546);
    ds->SetSpatialRef(&srs);
    if (ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, columns, rows, values.data(), columns, rows,
                                       GDT_Float32, 0, 0, nullptr) != CE_None)
      throw gis::GisError(path + ": cannot write the sample DEM in memory");
  }
  try {
    gis::importRasterTable(tiff, path, "dem");
  } catch (...) {
    VSIUnlink(tiff.c_str());
    throw;
  }
  VSIUnlink(tiff.c_str());
}

} // namespace anzhi::sample::detail
