#pragma once

#include "app/render/MapStyle.h"

#include <QPainter>
#include <QPointF>

namespace anzhi::render {

//! Draws `marker` at `at` (device-independent pixels); leaves the painter's pen and brush
//! changed. Shared by the map and its legend icons so that both show the same symbol.
void drawMarker(QPainter &p, const MarkerSymbol &marker, QPointF at);

} // namespace anzhi::render
