#include "app/render/Marker.h"

#include <algorithm>
#include <cmath>

namespace anzhi::render {

namespace {

//! The two arms of a cross centred on `c`: vertical then horizontal.
void drawCross(QPainter &p, QPointF c, QSizeF size, double arm)
{
  p.drawRect(QRectF(c - QPointF(arm / 2, size.height() / 2), QSizeF(arm, size.height())));
  p.drawRect(QRectF(c - QPointF(size.width() / 2, arm / 2), QSizeF(size.width(), arm)));
}

} // namespace

void drawMarker(QPainter &p, const MarkerSymbol &m, QPointF at)
{
  const QRectF box = m.box.translated(at);
  const QBrush fill = m.fill ? QBrush(*m.fill) : QBrush(Qt::NoBrush);
  if (m.shape == MarkerShape::Cross) {
    const QPointF c = at + m.box.center();
    p.setPen(Qt::NoPen);
    if (m.haloWidth > 0) {
      p.setBrush(m.halo);
      drawCross(p, c, m.box.size() + QSizeF(m.haloLength, m.haloLength), m.armWidth + m.haloWidth);
    }
    p.setBrush(fill);
    drawCross(p, c, m.box.size(), m.armWidth);
    return;
  }
  p.setPen(m.haloWidth > 0 ? QPen(QBrush(m.halo), m.haloWidth) : QPen(Qt::NoPen));
  p.setBrush(fill);
  switch (m.shape) {
  case MarkerShape::Square:
    p.drawRect(box);
    break;
  case MarkerShape::Circle:
    p.drawEllipse(at + m.box.center(), m.box.width() / 2, m.box.height() / 2);
    break;
  case MarkerShape::Diamond: {
    const QPointF d[] = {at + QPointF(m.box.center().x(), m.box.top()),
                         at + QPointF(m.box.right(), m.box.center().y()),
                         at + QPointF(m.box.center().x(), m.box.bottom()),
                         at + QPointF(m.box.left(), m.box.center().y())};
    p.drawPolygon(d, 4);
    break;
  }
  case MarkerShape::Triangle: {
    const QPointF d[] = {at + QPointF(m.box.center().x(), m.box.top()), at + m.box.bottomRight(),
                         at + m.box.bottomLeft()};
    p.drawPolygon(d, 3);
    break;
  }
  case MarkerShape::Cross:
    break;
  }
}

QColor clusterColour(const MarkerSymbol &m)
{
  return m.fill ? *m.fill : m.halo;
}

double clusterRadius(int count, double maxRadius)
{
  return std::min(maxRadius, 7.3 + 2.5 * std::log(double(std::max(count, 1))));
}

void drawCluster(QPainter &p, QPointF at, double radius, const QColor &colour, int count,
                 const QFont &font)
{
  p.setPen(QPen(QColor(Qt::white), 2));
  p.setBrush(colour);
  p.drawEllipse(at, radius, radius);
  const QString text =
      count < 10000 ? QString::number(count) : QStringLiteral("%1万").arg(count / 10000);
  p.setFont(font);
  p.setPen(Qt::white);
  p.drawText(QRectF(at - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius)), Qt::AlignCenter,
             text);
}

} // namespace anzhi::render
