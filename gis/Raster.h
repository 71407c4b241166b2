#pragma once

#include "gis/Crs.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gdal_priv.h>

namespace anzhi::gis {

//! A north-up grid of square or rectangular cells: the corner of its first (north-west) cell,
//! the cells' width and height (both > 0; rows run south), and its size in cells.
struct GridGeometry
{
  double originX = 0, originY = 0;
  double cellWidth = 1, cellHeight = 1;
  int columns = 0, rows = 0;

  double cellArea() const { return cellWidth * cellHeight; }
  //! The grid of the cells [column0, column0 + columns) × [row0, row0 + rows) of this one.
  GridGeometry window(int column0, int row0, int windowColumns, int windowRows) const
  {
    return {originX + column0 * cellWidth,
            originY - row0 * cellHeight,
            cellWidth,
            cellHeight,
            windowColumns,
            windowRows};
  }
};

//! Float64 values on a grid, row-major from the north-west cell; NaN where there is no value
//! (nodata, or outside the raster the values were read from).
struct RasterWindow
{
  GridGeometry grid;
  std::vector<double> values;

  double at(int column, int row) const
  {
    return values[std::size_t(row) * std::size_t(grid.columns) + std::size_t(column)];
  }
};

//! The first band of a GDAL raster (a GeoTIFF, a GeoPackage raster table opened as
//! `GPKG:file.gpkg:table`, …), read as float64. Owns its GDAL dataset, which is not
//! thread-safe: use one RasterDataset per thread.
class RasterDataset
{
public:
  //! Throws GisError naming `source` when it cannot be opened as a raster, has no CRS or its
  //! geotransform is rotated or south-up.
  static RasterDataset open(const std::string &source);

  const std::string &source() const { return m_source; }
  const GridGeometry &grid() const { return m_grid; }
  const Crs &crs() const { return m_crs; }
  //! Metres per unit of the CRS's linear axes (1 for metres); nothing for a geographic CRS.
  std::optional<double> linearUnitMetres() const { return m_linearUnit; }
  std::optional<double> nodata() const { return m_nodata; }

  //! The cells [column0, column0 + columns) × [row0, row0 + rows): cells outside the raster,
  //! nodata cells and NaN cells are NaN. Throws GisError naming the source on a read error.
  RasterWindow read(int column0, int row0, int columns, int rows);

private:
  RasterDataset(GDALDatasetUniquePtr dataset, std::string source);
  GDALDatasetUniquePtr m_dataset;
  std::string m_source;
  GridGeometry m_grid;
  Crs m_crs;
  std::optional<double> m_linearUnit;
  std::optional<double> m_nodata;
};

} // namespace anzhi::gis
