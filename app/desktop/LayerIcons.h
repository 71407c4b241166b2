#pragma once

#include "app/render/MapStyle.h"

#include <QIcon>

#include <string>

namespace anzhi::desktop {

//! A small legend icon for a layer's role, drawn with the map's own symbology. Thread: UI.
QIcon layerIcon(const std::string &layer, const render::MapStyle &style);

//! The hillshade's legend icon: a ridge lit from the north-west, as the map shades it.
QIcon hillshadeIcon();

//! Simple drawn icons for the map tools and actions ("pan", "zoom-in", "zoom-out", "zoom-box",
//! "full", "identify", "select", "measure-line", "measure-area", "check", "cancel", "zoom-sel").
QIcon toolIcon(const QString &name);

} // namespace anzhi::desktop
