#pragma once

#include "app/render/MapTransform.h"
#include "gis/Geos.h"

#include <QColor>
#include <QPainterPath>
#include <QPointF>

#include <functional>
#include <vector>

class QPainter;

namespace anzhi::render {

//! Appends the lines and rings of g (working CRS) to `path` in screen pixels of `t`; rings are
//! closed subpaths (draw with Qt::OddEvenFill so that holes stay empty). Vertices closer than
//! `minStep` pixels to the previous kept one are dropped (level of detail). Points are skipped.
//! Thread: any (uses the calling thread's GEOS context).
void appendToPath(QPainterPath &path, const GEOSGeometry *g, const MapTransform &t,
                  double minStep = 0.5);

//! The fast path for the common feature, a polygon without holes (a plot, a building, a
//! site): its exterior ring in screen pixels of `t` into `out` (cleared first; vertices closer
//! than `minStep` pixels dropped as in appendToPath), for QPainter::drawPolygon without a
//! QPainterPath. Also accepts a MultiPolygon of one such part. Returns false, with `out`
//! unspecified, for anything else (holes, several parts, lines): use appendToPath then.
//! Thread: any.
bool simpleRing(const GEOSGeometry *g, const MapTransform &t, std::vector<QPointF> &out,
                double minStep = 0.5);

//! Calls fn with the map coordinates of every point of g (Point or MultiPoint).
void forEachMapPoint(const GEOSGeometry *g, const std::function<void(double x, double y)> &fn);
//! Calls fn with the screen position of every point of g (Point or MultiPoint).
void forEachPoint(const GEOSGeometry *g, const MapTransform &t,
                  const std::function<void(QPointF)> &fn);

//! Draws a violation's area: a `pattern` hatch in `hatch` inside an outline in `outline`, each
//! line edged in white so that red hatching stays visible on a red fill (education land).
void drawHatched(QPainter &p, const QPainterPath &path, const QColor &outline, const QColor &hatch,
                 Qt::BrushStyle pattern);

} // namespace anzhi::render
