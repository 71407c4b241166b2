#pragma once

#include "app/render/MapStyle.h"

#include <QPainter>
#include <QPointF>

namespace anzhi::render {

//! Draws `marker` at `at` (device-independent pixels); leaves the painter's pen and brush
//! changed. Shared by the map and its legend icons so that both show the same symbol.
void drawMarker(QPainter &p, const MarkerSymbol &marker, QPointF at);

//! The colour of a marker's cluster: its fill, or its halo when it is an outline.
QColor clusterColour(const MarkerSymbol &marker);
//! The radius of the cluster of `count` markers (pixels): growing with log(count), from 9 px
//! for two, and at most `maxRadius`.
double clusterRadius(int count, double maxRadius);
//! A cluster of `count` markers at `at`: a disc of `colour` on a white halo with the count in
//! white bold `font` (a count of 10 000 or more in 万). Leaves the painter's pen, brush and font
//! changed.
void drawCluster(QPainter &p, QPointF at, double radius, const QColor &colour, int count,
                 const QFont &font);

} // namespace anzhi::render
