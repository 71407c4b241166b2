#pragma once

#include <string>

namespace anzhi::core {

//! `anzhi-cli import dem.tif --into P.gpkg --as dem`: stores the raster `source` as the
//! project's `dem` table (a Float32 2d-gridded-coverage, gis::importRasterTable), where
//! reclamation-suitability finds it (core/Terrain.h). The project must exist; the table is
//! written whole in one transaction or not at all. Throws ImportError, one line naming the
//! file, when the source is not a georeferenced raster with a CRS, the project is read-only or
//! already has a `dem` table.
void importDem(const std::string &source, const std::string &project);

} // namespace anzhi::core
