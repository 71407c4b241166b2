#include "app/render/MapTransform.h"

#include <algorithm>

namespace anzhi::render {

MapTransform::MapTransform(double centerX, double centerY, double unitsPerPixel, QSize size)
    : m_cx(centerX)
    , m_cy(centerY)
    , m_upp(unitsPerPixel)
    , m_size(size)
{
}

MapTransform MapTransform::fitting(const gis::Envelope &extent, QSize size, double marginFraction)
{
  const double w = std::max(extent.maxX - extent.minX, 1.0);
  const double h = std::max(extent.maxY - extent.minY, 1.0);
  const double sw = std::max(1, size.width()), sh = std::max(1, size.height());
  const double upp = std::max(w / sw, h / sh) * (1 + 2 * marginFraction);
  return {extent.centerX(), extent.centerY(), upp, size};
}

QRectF MapTransform::toScreen(const gis::Envelope &e) const
{
  return QRectF(toScreen(e.minX, e.maxY), toScreen(e.maxX, e.minY)).normalized();
}

gis::Envelope MapTransform::extent() const
{
  const double hw = m_size.width() / 2.0 * m_upp, hh = m_size.height() / 2.0 * m_upp;
  return {m_cx - hw, m_cy - hh, m_cx + hw, m_cy + hh};
}

MapTransform MapTransform::withScaleDenominator(double n, double dpi) const
{
  return {m_cx, m_cy, n * 0.0254 / dpi, m_size};
}

MapTransform MapTransform::zoomedAt(QPointF screen, double factor) const
{
  const QPointF anchor = toMap(screen);
  const double upp = m_upp / factor;
  // Keep `anchor` under `screen`: solve toScreen(anchor) == screen for the new centre.
  const double cx = anchor.x() - (screen.x() - m_size.width() / 2.0) * upp;
  const double cy = anchor.y() + (screen.y() - m_size.height() / 2.0) * upp;
  return {cx, cy, upp, m_size};
}

MapTransform MapTransform::pannedBy(QPointF pixels) const
{
  return {m_cx - pixels.x() * m_upp, m_cy + pixels.y() * m_upp, m_upp, m_size};
}

} // namespace anzhi::render
