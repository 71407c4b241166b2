#pragma once

#include "gis/Geos.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace anzhi::desktop {

//! What reopening a project keeps of the session: the view, the selected features and whether
//! the check is run again (on the reopened features: results of the old snapshot would name
//! stale features). Empty: a fresh session at full extent.
struct SessionView
{
  std::optional<gis::Envelope> extent;
  std::vector<std::pair<std::string, std::int64_t>> selected; //!< layer, fid
  bool check = false;
};

//! The session a restart's command line carries: `--extent minx,miny,maxx,maxy` and
//! `--select layer:fid,layer:fid` (either may be empty). Throws std::invalid_argument naming
//! the option and value when one does not parse.
SessionView sessionViewFromArguments(const QString &extent, const QString &select);

} // namespace anzhi::desktop
