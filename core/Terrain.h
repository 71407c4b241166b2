#pragma once

#include "gis/Crs.h"
#include "gis/DataFile.h"
#include "gis/Geos.h"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::core {

//! Where a project's DEM (digital elevation model, elevations in metres) comes from.
struct DemSource
{
  std::string name;   //!< what GDAL opens: a raster file, or GPKG:project.gpkg:dem
  std::string origin; //!< how it was found, for messages: "--dem", "the dem table", …
  //! The project file when the DEM is its table: its write-ahead log must stay unfolded.
  std::optional<std::string> project;
};

//! The project's DEM (docs/contract.md, reclamation-suitability): `demOverride` (--dem) when
//! given; else the project's `dem` raster table; else anzhi_settings.dem_path (relative to
//! the project's folder, or absolute); else none. Throws ProjectError naming the project when
//! it cannot read them, and naming dem_path's file when that file does not exist.
std::optional<DemSource> locateDem(const std::string &projectPath,
                                   const std::optional<std::string> &demOverride);

//! The area-weighted mean slope under polygons, from one DEM. A DEM in a projected CRS in
//! metres is used as it is, the polygon transformed into its CRS; a geographic DEM is warped
//! onto the working CRS (gis::GeographicWarp). Slope by Horn's method (gis/Slope.h), each
//! cell weighted by the area the polygon covers of it (gis/CellCoverage.h).
//! Thread: meanSlopeDegrees may be called from any number of threads at once; each call
//! borrows a GDAL handle of its own from a pool (GDAL datasets are not thread-safe).
class SlopeSampler
{
public:
  //! Opens the DEM once to check it: throws ProjectError naming it when it is not a raster,
  //! has no CRS, a rotated grid, or a projected CRS whose unit is not the metre.
  SlopeSampler(DemSource dem, gis::Crs workingCrs);
  ~SlopeSampler();
  SlopeSampler(const SlopeSampler &) = delete;
  SlopeSampler &operator=(const SlopeSampler &) = delete;

  const DemSource &source() const { return m_dem; }
  //! The mean, over the DEM cells with a slope that polygon g (working CRS) covers, of their
  //! slope in degrees weighted by the area covered; nothing when it covers no such cell.
  std::optional<double> meanSlopeDegrees(const GEOSGeometry *g) const;

private:
  struct Reader;
  std::unique_ptr<Reader> borrow() const;
  void giveBack(std::unique_ptr<Reader> reader) const;

  DemSource m_dem;
  gis::Crs m_working;
  //! Held while any handle on the project's own dem table lives (declared before them, so
  //! destroyed after): GDAL closing a read-only GeoPackage folds its log into it.
  std::unique_ptr<gis::WalReaderGuard> m_walGuard;
  mutable std::mutex m_mutex;
  mutable std::vector<std::unique_ptr<Reader>> m_idle;
};

} // namespace anzhi::core
