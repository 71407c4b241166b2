#include "app/render/GeometryPath.h"

#include <QPainter>

#include <vector>

namespace anzhi::render {

namespace {

//! The screen vertices of one ring or line into out (appended), decimated by minStep.
bool copySequence(GEOSContextHandle_t ctx, const GEOSGeometry *line, const MapTransform &t,
                  double minStep, std::vector<QPointF> &out)
{
  const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx, line);
  unsigned int n = 0;
  if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &n) || n < 2)
    return false;
  thread_local std::vector<double> buffer;
  buffer.resize(std::size_t(n) * 2);
  if (!GEOSCoordSeq_copyToBuffer_r(ctx, seq, buffer.data(), 0, 0))
    return false;
  const double step2 = minStep * minStep;
  out.reserve(out.size() + n);
  QPointF last = t.toScreen(buffer[0], buffer[1]);
  out.push_back(last);
  for (unsigned int i = 1; i < n; ++i) {
    QPointF p = t.toScreen(buffer[2 * i], buffer[2 * i + 1]);
    const double dx = p.x() - last.x(), dy = p.y() - last.y();
    if (i + 1 < n && dx * dx + dy * dy < step2)
      continue;
    out.push_back(p);
    last = p;
  }
  return true;
}

void appendSequence(QPainterPath &path, GEOSContextHandle_t ctx, const GEOSGeometry *line,
                    const MapTransform &t, double minStep, bool closed)
{
  thread_local std::vector<QPointF> points;
  points.clear();
  if (!copySequence(ctx, line, t, minStep, points))
    return;
  path.moveTo(points.front());
  for (std::size_t i = 1; i < points.size(); ++i)
    path.lineTo(points[i]);
  if (closed)
    path.closeSubpath();
}

void append(QPainterPath &path, GEOSContextHandle_t ctx, const GEOSGeometry *g,
            const MapTransform &t, double minStep)
{
  switch (GEOSGeomTypeId_r(ctx, g)) {
  case GEOS_LINESTRING:
    appendSequence(path, ctx, g, t, minStep, false);
    break;
  case GEOS_LINEARRING:
    appendSequence(path, ctx, g, t, minStep, true);
    break;
  case GEOS_POLYGON: {
    if (const GEOSGeometry *outer = GEOSGetExteriorRing_r(ctx, g))
      appendSequence(path, ctx, outer, t, minStep, true);
    const int holes = GEOSGetNumInteriorRings_r(ctx, g);
    for (int i = 0; i < holes; ++i)
      appendSequence(path, ctx, GEOSGetInteriorRingN_r(ctx, g, i), t, minStep, true);
    break;
  }
  case GEOS_MULTILINESTRING:
  case GEOS_MULTIPOLYGON:
  case GEOS_GEOMETRYCOLLECTION: {
    const int parts = GEOSGetNumGeometries_r(ctx, g);
    for (int i = 0; i < parts; ++i)
      append(path, ctx, GEOSGetGeometryN_r(ctx, g, i), t, minStep);
    break;
  }
  default:
    break;
  }
}

} // namespace

void appendToPath(QPainterPath &path, const GEOSGeometry *g, const MapTransform &t, double minStep)
{
  if (g)
    append(path, gis::geosContext(), g, t, minStep);
}

bool simpleRing(const GEOSGeometry *g, const MapTransform &t, std::vector<QPointF> &out,
                double minStep)
{
  out.clear();
  if (!g)
    return false;
  GEOSContextHandle_t ctx = gis::geosContext();
  int type = GEOSGeomTypeId_r(ctx, g);
  if (type == GEOS_MULTIPOLYGON) {
    if (GEOSGetNumGeometries_r(ctx, g) != 1)
      return false;
    g = GEOSGetGeometryN_r(ctx, g, 0);
    type = g ? GEOSGeomTypeId_r(ctx, g) : -1;
  }
  if (type != GEOS_POLYGON || GEOSGetNumInteriorRings_r(ctx, g) != 0)
    return false;
  const GEOSGeometry *outer = GEOSGetExteriorRing_r(ctx, g);
  return outer && copySequence(ctx, outer, t, minStep, out);
}

void forEachMapPoint(const GEOSGeometry *g, const std::function<void(double x, double y)> &fn)
{
  if (!g)
    return;
  GEOSContextHandle_t ctx = gis::geosContext();
  const int type = GEOSGeomTypeId_r(ctx, g);
  if (type == GEOS_POINT) {
    if (GEOSisEmpty_r(ctx, g))
      return;
    double x = 0, y = 0;
    if (GEOSGeomGetX_r(ctx, g, &x) && GEOSGeomGetY_r(ctx, g, &y))
      fn(x, y);
  } else if (type == GEOS_MULTIPOINT || type == GEOS_GEOMETRYCOLLECTION) {
    const int parts = GEOSGetNumGeometries_r(ctx, g);
    for (int i = 0; i < parts; ++i)
      forEachMapPoint(GEOSGetGeometryN_r(ctx, g, i), fn);
  }
}

void forEachPoint(const GEOSGeometry *g, const MapTransform &t,
                  const std::function<void(QPointF)> &fn)
{
  forEachMapPoint(g, [&](double x, double y) { fn(t.toScreen(x, y)); });
}

void drawHatched(QPainter &p, const QPainterPath &path, const QColor &outline, const QColor &hatch,
                 Qt::BrushStyle pattern)
{
  p.save();
  const QColor edge(255, 255, 255, 210);
  p.setPen(QPen(edge, 4));
  p.setBrush(Qt::NoBrush);
  p.drawPath(path);
  // The white edges: the same pattern one pixel either side of the coloured lines.
  p.setPen(Qt::NoPen);
  p.setBrush(QBrush(edge, pattern));
  for (int dx : {-1, 1}) {
    p.setBrushOrigin(dx, 0);
    p.drawPath(path);
  }
  p.setBrushOrigin(0, 0);
  p.setPen(QPen(outline, 2));
  p.setBrush(QBrush(hatch, pattern));
  p.drawPath(path);
  p.restore();
}

} // namespace anzhi::render
