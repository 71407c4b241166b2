#pragma once

#include <optional>
#include <string>
#include <vector>

namespace anzhi::cli {

struct RenderArgs
{
  std::string project;
  std::string out;
  std::string size = "1600x1000";
  std::optional<std::string> extent; //!< "minx,miny,maxx,maxy" in the working CRS
  bool violations = false;           //!< run the check and draw its violations
  bool labels = true;
  bool hillshade = true; //!< the project's DEM, if it has one, shaded under the layers
  int repeat = 0;        //!< > 0: render that many more times and print timings (benchmark)
  //! Raster files or tile URL templates, drawn under everything, the first at the bottom.
  std::vector<std::string> basemaps;
  std::optional<std::string> tileCache;           //!< default: render::defaultTileCacheRoot()
  bool offline = false;                           //!< cached tiles only
  std::string tileKey;                            //!< replaces {key}
  std::string tileSubdomains = "0,1,2,3,4,5,6,7"; //!< for {s}
};

//! `anzhi-cli render`: renders the project with the desktop app's renderer into a PNG, with
//! QImage and QPainter only (QT_QPA_PLATFORM=offscreen when unset; no display needed). A DEM
//! that cannot be drawn is a warning on stderr: the layers are drawn without it. A basemap is a
//! tile service when it has a scheme (http:, https:, file:) or {z}, else a raster file; one
//! that cannot be drawn is an error (exit 2); a tile service that does not answer is a warning
//! and its cached tiles are drawn.
int runRender(const RenderArgs &args);

} // namespace anzhi::cli
