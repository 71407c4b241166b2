#include "gis/Raster.h"

#include "gis/GdalSupport.h"
#include "gis/GisError.h"

#include <cmath>
#include <limits>
#include <mutex>

namespace anzhi::gis {

using detail::initGdal;
using detail::lastGdalError;

namespace {

Crs crsOf(const OGRSpatialReference &srs)
{
  const char *auth = srs.GetAuthorityName(nullptr);
  const char *code = srs.GetAuthorityCode(nullptr);
  if (auth && code && std::string(auth) == "EPSG")
    return Crs::fromUserInput(std::string("EPSG:") + code);
  char *wkt = nullptr;
  const char *options[] = {"FORMAT=WKT2_2019", nullptr};
  srs.exportToWkt(&wkt, options);
  std::string text = wkt ? wkt : "";
  CPLFree(wkt);
  return Crs::fromUserInput(text);
}

} // namespace

RasterDataset::RasterDataset(GDALDatasetUniquePtr dataset, std::string source)
    : m_dataset(std::move(dataset))
    , m_source(std::move(source))
{
}

RasterDataset RasterDataset::open(const std::string &source)
{
  initGdal();
  CPLErrorReset();
  GDALDatasetUniquePtr ds(GDALDataset::Open(
      source.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, nullptr));
  if (!ds)
    throw GisError(source + ": cannot open as a raster: " + lastGdalError());
  if (ds->GetRasterCount() < 1)
    throw GisError(source + ": the raster has no band");
  double gt[6];
  if (ds->GetGeoTransform(gt) != CE_None)
    throw GisError(source + ": the raster has no geotransform (it is not georeferenced)");
  if (gt[2] != 0 || gt[4] != 0)
    throw GisError(source + ": the raster's geotransform is rotated; warp it north-up first");
  if (!(gt[1] > 0) || !(gt[5] < 0))
    throw GisError(source + ": the raster is not north-up (cell width " + std::to_string(gt[1]) +
                   ", height " + std::to_string(gt[5]) + "); warp it north-up first");
  const OGRSpatialReference *srs = ds->GetSpatialRef();
  if (!srs || srs->IsEmpty())
    throw GisError(source + ": the raster has no CRS; assign one (gdal_edit.py -a_srs) first");
  RasterDataset raster(std::move(ds), source);
  try {
    raster.m_crs = crsOf(*srs);
  } catch (const GisError &e) {
    throw GisError(source + ": the raster's CRS: " + e.what());
  }
  if (srs->IsProjected())
    raster.m_linearUnit = srs->GetLinearUnits();
  raster.m_grid = {gt[0],
                   gt[3],
                   gt[1],
                   -gt[5],
                   raster.m_dataset->GetRasterXSize(),
                   raster.m_dataset->GetRasterYSize()};
  int hasNodata = 0;
  double nodata = raster.m_dataset->GetRasterBand(1)->GetNoDataValue(&hasNodata);
  if (hasNodata)
    raster.m_nodata = nodata;
  return raster;
}

RasterWindow RasterDataset::read(int column0, int row0, int columns, int rows)
{
  RasterWindow window{m_grid.window(column0, row0, columns, rows), {}};
  window.values.assign(std::size_t(columns) * std::size_t(rows),
                       std::numeric_limits<double>::quiet_NaN());
  // The part of the window inside the raster; the rest stays NaN.
  const int c0 = std::max(column0, 0), r0 = std::max(row0, 0);
  const int c1 = std::min(column0 + columns, m_grid.columns);
  const int r1 = std::min(row0 + rows, m_grid.rows);
  if (c0 >= c1 || r0 >= r1)
    return window;
  double *first = window.values.data() + std::size_t(r0 - row0) * std::size_t(columns) +
                  std::size_t(c0 - column0);
  CPLErrorReset();
  if (m_dataset->GetRasterBand(1)->RasterIO(
          GF_Read, c0, r0, c1 - c0, r1 - r0, first, c1 - c0, r1 - r0, GDT_Float64, sizeof(double),
          GSpacing(columns) * GSpacing(sizeof(double)), nullptr) != CE_None)
    throw GisError(m_source + ": cannot read cells " + std::to_string(c0) + "–" +
                   std::to_string(c1 - 1) + " × " + std::to_string(r0) + "–" +
                   std::to_string(r1 - 1) + ": " + lastGdalError());
  if (m_nodata)
    for (double &v : window.values)
      if (v == *m_nodata)
        v = std::numeric_limits<double>::quiet_NaN();
  return window;
}

} // namespace anzhi::gis
