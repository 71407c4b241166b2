#pragma once

// Writes synthetic DEMs for the terrain tests through GDAL, independently of gis/Raster.

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cstdio>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace anzhi::test {

//! A north-up grid: corner of the north-west cell, cell sizes, size in cells.
struct DemGrid
{
  double originX = 0, originY = 0;
  double cellWidth = 10, cellHeight = 10;
  int columns = 0, rows = 0;
  double centreX(int column) const { return originX + (column + 0.5) * cellWidth; }
  double centreY(int row) const { return originY - (row + 0.5) * cellHeight; }
};

//! Writes a one-band GeoTIFF whose cell (column, row) holds z(column, row); `crs` as GDAL
//! reads it ("EPSG:4546"), empty for none. Returns the path.
inline std::string writeDem(const std::string &path, const std::string &crs, const DemGrid &g,
                            const std::function<double(int column, int row)> &z,
                            std::optional<double> nodata = std::nullopt,
                            GDALDataType type = GDT_Float64)
{
  GDALAllRegister();
  GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), g.columns, g.rows, 1, type, nullptr));
  if (!ds)
    throw std::runtime_error("cannot create " + path);
  double gt[6] = {g.originX, g.cellWidth, 0, g.originY, 0, -g.cellHeight};
  ds->SetGeoTransform(gt);
  if (!crs.empty()) {
    OGRSpatialReference srs;
    srs.SetFromUserInput(crs.c_str());
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    ds->SetSpatialRef(&srs);
  }
  std::vector<double> values(std::size_t(g.columns) * std::size_t(g.rows));
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.columns; ++c)
      values[std::size_t(r) * std::size_t(g.columns) + std::size_t(c)] = z(c, r);
  GDALRasterBand *band = ds->GetRasterBand(1);
  if (nodata)
    band->SetNoDataValue(*nodata);
  if (band->RasterIO(GF_Write, 0, 0, g.columns, g.rows, values.data(), g.columns, g.rows,
                     GDT_Float64, 0, 0, nullptr) != CE_None)
    throw std::runtime_error("cannot write " + path);
  return path;
}

//! "POLYGON((…))" of the rectangle [x0, x1] × [y0, y1].
inline std::string rectangleWkt(double x0, double y0, double x1, double y1)
{
  auto p = [](double x, double y) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g %.17g", x, y);
    return std::string(buf);
  };
  return "POLYGON((" + p(x0, y0) + "," + p(x1, y0) + "," + p(x1, y1) + "," + p(x0, y1) + "," +
         p(x0, y0) + "))";
}

} // namespace anzhi::test
