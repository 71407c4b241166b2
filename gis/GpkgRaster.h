#pragma once

#include <string>

namespace anzhi::gis {

//! Stores the first band of the raster `source` as the raster table `table` of the existing
//! GeoPackage `gpkgPath`: a 2d-gridded-coverage of Float32 cells in TIFF tiles, as GDAL's
//! GPKG driver writes it. GDAL writes it into a temporary GeoPackage beside the project (a
//! raster is written tile by tile, outside any one transaction); its tables are then copied
//! into the project in one transaction under the project's write lock (takeWriteLock), so
//! the table is there complete or not at all. Throws GisError naming the file when the source
//! is not a georeferenced raster with a CRS (RasterDataset::open), the GeoPackage cannot be
//! opened for writing, already has a table of that name, or gives an SRS id another meaning.
void importRasterTable(const std::string &source, const std::string &gpkgPath,
                       const std::string &table);

} // namespace anzhi::gis
