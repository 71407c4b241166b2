#pragma once

#include <optional>
#include <string>

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
};

//! `anzhi-cli render`: renders the project with the desktop app's renderer into a PNG, with
//! QImage and QPainter only (QT_QPA_PLATFORM=offscreen when unset; no display needed). A DEM
//! that cannot be drawn is a warning on stderr: the layers are drawn without it.
int runRender(const RenderArgs &args);

} // namespace anzhi::cli
