#pragma once

#include "gis/Geos.h"

#include <QPointF>
#include <QRectF>
#include <QSize>

namespace anzhi::render {

//! Maps working-CRS metres to logical pixels of a view: a centre, a resolution (map units per
//! pixel, the same on both axes) and a size. A small value type, copied into render jobs.
//! Thread: any.
class MapTransform
{
public:
  MapTransform() = default;
  MapTransform(double centerX, double centerY, double unitsPerPixel, QSize size);
  //! The transform that shows all of `extent` in `size`, with `marginFraction` free around it.
  static MapTransform fitting(const gis::Envelope &extent, QSize size,
                              double marginFraction = 0.03);

  QPointF toScreen(double x, double y) const
  {
    return {(x - m_cx) / m_upp + m_size.width() / 2.0, m_size.height() / 2.0 - (y - m_cy) / m_upp};
  }
  QPointF toMap(QPointF screen) const
  {
    return {m_cx + (screen.x() - m_size.width() / 2.0) * m_upp,
            m_cy - (screen.y() - m_size.height() / 2.0) * m_upp};
  }
  QRectF toScreen(const gis::Envelope &e) const;
  //! The part of the map the view shows.
  gis::Envelope extent() const;

  double centerX() const { return m_cx; }
  double centerY() const { return m_cy; }
  double unitsPerPixel() const { return m_upp; }
  QSize size() const { return m_size; }
  bool isValid() const { return m_upp > 0 && !m_size.isEmpty(); }

  //! The map scale denominator N of 1:N at a screen resolution of `dpi` logical dots per inch.
  double scaleDenominator(double dpi) const { return m_upp * dpi / 0.0254; }
  MapTransform withScaleDenominator(double n, double dpi) const;
  MapTransform withSize(QSize size) const { return {m_cx, m_cy, m_upp, size}; }
  MapTransform withCenter(double x, double y) const { return {x, y, m_upp, m_size}; }
  //! Zooms by `factor` (> 1 zooms in) keeping the map point under `screen` fixed.
  MapTransform zoomedAt(QPointF screen, double factor) const;
  //! Moves the view by a screen-pixel offset (the map follows the mouse).
  MapTransform pannedBy(QPointF pixels) const;

  bool operator==(const MapTransform &o) const = default;

private:
  double m_cx = 0, m_cy = 0, m_upp = 0;
  QSize m_size;
};

} // namespace anzhi::render
