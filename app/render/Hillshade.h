#pragma once

#include "app/render/MapTransform.h"
#include "gis/Crs.h"

#include <QImage>

#include <atomic>
#include <optional>
#include <string>

namespace anzhi::render {

//! Where the project at `projectPath` keeps its DEM, as a GDAL raster open string: its `dem`
//! raster table ("GPKG:<path>:dem"), else the `dem_path` value of its `anzhi_settings` table
//! (relative to the project's folder, or absolute); nothing when it names none. Only says
//! where (core::locateDem, as the slope rule finds it): whether the raster opens is found out
//! when it is drawn. A small read of the GeoPackage: call it off the UI thread. A file that is
//! no GeoPackage has no DEM. Never throws.
std::optional<std::string> findHillshadeDem(const std::string &projectPath);

//! What one hillshade render made: a greyscale image of the view (nodata transparent), or
//! nothing with the reason.
struct HillshadeImage
{
  QImage image;
  std::string error; //!< names the DEM; empty when drawn or cancelled
  bool cancelled = false;
};

//! A DEM drawn as a hillshade (Horn's gradient, light from azimuth 315°, altitude 45°, z factor
//! 1) over a view in the project's working CRS. Each render opens its own GDALDataset (GDAL
//! datasets are not thread-safe) and reads only the DEM window under the view, resampled
//! bilinearly to about one cell per screen pixel, so that a large DEM costs the pixels of the
//! view and not its cells; a DEM in another CRS is read the same way in its own CRS, then
//! warped onto the view's grid (small: view-sized). Thread: an immutable value; render() may
//! run on several threads at once.
class HillshadeSource
{
public:
  HillshadeSource(std::string openString, gis::Crs workingCrs);

  const std::string &openString() const { return m_openString; }

  //! The hillshade of `view` at its logical pixel size. Never throws: a DEM that cannot be
  //! read gives no image and an error; `cancel` is polled between GDAL reads and per row.
  HillshadeImage render(const MapTransform &view, const std::atomic<bool> *cancel = nullptr) const;

private:
  std::string m_openString;
  gis::Crs m_workingCrs;
};

} // namespace anzhi::render
