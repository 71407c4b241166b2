#pragma once

#include "app/render/MapTransform.h"
#include "gis/Geos.h"

#include <QPainterPath>
#include <QPointF>

#include <functional>

namespace anzhi::render {

//! Appends the lines and rings of g (working CRS) to `path` in screen pixels of `t`; rings are
//! closed subpaths (draw with Qt::OddEvenFill so that holes stay empty). Vertices closer than
//! `minStep` pixels to the previous kept one are dropped (level of detail). Points are skipped.
//! Thread: any (uses the calling thread's GEOS context).
void appendToPath(QPainterPath &path, const GEOSGeometry *g, const MapTransform &t,
                  double minStep = 0.5);

//! Calls fn with the screen position of every point of g (Point or MultiPoint).
void forEachPoint(const GEOSGeometry *g, const MapTransform &t,
                  const std::function<void(QPointF)> &fn);

} // namespace anzhi::render
