#pragma once

#include "app/render/MapTransform.h"
#include "app/render/TileService.h"
#include "gis/Crs.h"

#include <QImage>

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

namespace anzhi::render {

//! A basemap as the user configured it (kept in the user's settings, not in the project: a
//! planner's key and services are theirs).
struct BasemapSpec
{
  enum class Kind
  {
    File, //!< a raster GDAL reads with a CRS: an orthophoto GeoTIFF (RGB/RGBA), or grey
    Tiles //!< a Web Mercator XYZ/WMTS tile service from a URL template (see TileTemplate)
  };
  std::string name;
  Kind kind = Kind::File;
  std::string source;                  //!< the raster's path, or the URL template
  std::string key;                     //!< replaces {key} in the template
  std::vector<std::string> subdomains; //!< for {s}
};

//! Whether `source` is a tile URL template rather than a raster's path: it has a URL scheme
//! (http:, https:, file:) or a {z}.
bool looksLikeTileTemplate(const std::string &source);
//! "0,1,2" as {"0", "1", "2"} (empty items dropped).
std::vector<std::string> splitSubdomains(const std::string &list);
//! Where tiles are cached unless told otherwise: the user's cache folder (XDG_CACHE_HOME,
//! ~/.cache), anzhi/tiles — the desktop and the CLI share it.
std::filesystem::path defaultTileCacheRoot();

//! The URL template of 天地图 (tianditu.gov.cn) imagery (`layer` "img") or vector map ("vec"),
//! Web Mercator, with {key} for the user's tk and subdomains 0 … 7.
BasemapSpec tiandituPreset(const std::string &name, const std::string &layer,
                           const std::string &key);

//! What one basemap render made: the image of the view (transparent where there is nothing),
//! or nothing with the reason.
struct BasemapImage
{
  QImage image;
  std::string error;       //!< names the raster; empty when drawn or cancelled
  std::string unreachable; //!< the tile service that did not answer (see TileTemplate::label)
  bool cancelled = false;
  int zoom = -1; //!< the tile zoom drawn
  FetchedTiles tiles;
};

//! A basemap drawn onto a view in the project's working CRS, off the UI thread like the
//! hillshade (each render opens its own datasets). A raster file: the window under the view,
//! read in its own CRS and warped onto the view's grid. A tile service: the tiles of the zoom
//! just finer than the view (zoomFor) that cover the view's extent in EPSG:3857, from the
//! cache or the service, mosaicked in memory and warped onto the view's grid; a tile neither
//! cached nor fetched is transparent. Thread: an immutable value; render() may run on several
//! threads at once.
class BasemapSource
{
public:
  BasemapSource(BasemapSpec spec, gis::Crs workingCrs, TileOptions tiles = {});

  const BasemapSpec &spec() const { return m_spec; }

  //! Never throws; `cancel` is polled between GDAL reads and between tiles.
  BasemapImage render(const MapTransform &view, const std::atomic<bool> *cancel = nullptr) const;

private:
  BasemapImage renderFile(const MapTransform &view, const std::atomic<bool> *cancel) const;
  BasemapImage renderTiles(const MapTransform &view, const std::atomic<bool> *cancel) const;

  BasemapSpec m_spec;
  gis::Crs m_workingCrs;
  TileOptions m_tiles;
};

} // namespace anzhi::render
