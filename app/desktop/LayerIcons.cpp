#include "app/desktop/LayerIcons.h"

#include "app/render/Marker.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <algorithm>

namespace anzhi::desktop {

QIcon hillshadeIcon()
{
  QPixmap pm(32, 32);
  pm.fill(Qt::transparent);
  QPainter p(&pm);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(235, 235, 235)); // the lit north-west face
  p.drawPolygon(QPolygonF({QPointF(4, 26), QPointF(14, 8), QPointF(17, 26)}));
  p.setBrush(QColor(120, 120, 120)); // the face in shadow
  p.drawPolygon(QPolygonF({QPointF(14, 8), QPointF(28, 26), QPointF(17, 26)}));
  p.setPen(QPen(QColor(90, 90, 90), 1));
  p.setBrush(Qt::NoBrush);
  p.drawPolyline(QPolygonF({QPointF(4, 26), QPointF(14, 8), QPointF(28, 26)}));
  return QIcon(pm);
}

QIcon layerIcon(const std::string &layer, const render::MapStyle &s)
{
  QPixmap pm(32, 32);
  pm.fill(Qt::transparent);
  QPainter p(&pm);
  p.setRenderHint(QPainter::Antialiasing);
  const QRectF box(5, 7, 22, 18);
  const render::LayerStyle *style = s.layer(layer);
  if (layer == "planned_plots") {
    // Plots take the colour of their land use: a swatch of the palette, not the layer's fill.
    using C = core::LandUseClass;
    p.setPen(Qt::NoPen);
    p.setBrush(s.landUseFill(C::Education, std::nullopt));
    p.drawRect(QRectF(5, 7, 11, 18));
    p.setBrush(s.landUseFill(C::Residential, std::nullopt));
    p.drawRect(QRectF(16, 7, 11, 9));
    p.setBrush(s.landUseFill(C::Industrial, std::nullopt));
    p.drawRect(QRectF(16, 16, 11, 9));
    p.setPen(QPen(QColor(120, 120, 120), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(box);
  } else if (style && style->area) {
    // The map's outline, but wide enough to see at this size.
    QPen pen = style->area->pen();
    pen.setCosmetic(false);
    pen.setWidthF(std::max(pen.widthF(), 1.5));
    p.setPen(pen);
    p.setBrush(style->area->brush());
    p.drawRect(box);
  } else if (style && style->line) {
    p.setPen(style->line->pen(4));
    p.drawLine(QPointF(4, 26), QPointF(28, 8));
  } else if (style && style->marker) {
    // The map's marker, enlarged to fill the icon.
    const render::MarkerSymbol &m = *style->marker;
    const double scale = 20 / std::max(m.box.width(), m.box.height());
    p.translate(16, 16);
    p.scale(scale, scale);
    render::drawMarker(p, m, -m.box.center());
  }
  return QIcon(pm);
}

QIcon toolIcon(const QString &name)
{
  QPixmap pm(48, 48);
  pm.fill(Qt::transparent);
  QPainter p(&pm);
  p.setRenderHint(QPainter::Antialiasing);
  const QColor ink(45, 55, 72), accent(30, 110, 200);
  QPen pen(ink, 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
  p.setPen(pen);
  auto magnifier = [&] {
    p.setBrush(QColor(255, 255, 255, 200));
    p.drawEllipse(QPointF(20, 20), 12, 12);
    p.drawLine(QPointF(29, 29), QPointF(42, 42));
  };
  if (name == "zoom-in" || name == "zoom-out") {
    magnifier();
    p.drawLine(QPointF(14, 20), QPointF(26, 20));
    if (name == "zoom-in")
      p.drawLine(QPointF(20, 14), QPointF(20, 26));
  } else if (name == "zoom-box") {
    p.setPen(QPen(accent, 3, Qt::DashLine));
    p.drawRect(QRectF(6, 6, 24, 24));
    p.setPen(pen);
    p.drawLine(QPointF(28, 28), QPointF(42, 42));
  } else if (name == "full") {
    p.drawRect(QRectF(8, 8, 32, 32));
    p.setPen(QPen(accent, 3.5));
    p.drawLine(QPointF(14, 14), QPointF(20, 20));
    p.drawLine(QPointF(34, 34), QPointF(28, 28));
    p.drawLine(QPointF(34, 14), QPointF(28, 20));
    p.drawLine(QPointF(14, 34), QPointF(20, 28));
  } else if (name == "zoom-sel") {
    magnifier();
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0, 200, 255));
    p.drawRect(QRectF(15, 15, 10, 10));
  } else if (name == "pan") {
    p.drawLine(QPointF(24, 6), QPointF(24, 42));
    p.drawLine(QPointF(6, 24), QPointF(42, 24));
    for (auto [a, b, c] : {std::tuple{QPointF(24, 4), QPointF(18, 11), QPointF(30, 11)},
                           std::tuple{QPointF(24, 44), QPointF(18, 37), QPointF(30, 37)},
                           std::tuple{QPointF(4, 24), QPointF(11, 18), QPointF(11, 30)},
                           std::tuple{QPointF(44, 24), QPointF(37, 18), QPointF(37, 30)}}) {
      const QPointF t[] = {a, b, c};
      p.setBrush(ink);
      p.drawPolygon(t, 3);
    }
  } else if (name == "identify") {
    p.setBrush(accent);
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPointF(24, 24), 19, 19);
    p.setPen(QPen(Qt::white, 5, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(24, 22), QPointF(24, 34));
    p.drawPoint(QPointF(24, 14));
  } else if (name == "select") {
    const QPointF arrow[] = {{12, 6}, {12, 38}, {20, 30}, {26, 42}, {31, 40}, {25, 28}, {36, 28}};
    p.setBrush(QColor(255, 255, 255));
    p.drawPolygon(arrow, 7);
  } else if (name == "measure-line") {
    p.drawLine(QPointF(6, 38), QPointF(42, 10));
    p.setBrush(accent);
    p.drawEllipse(QPointF(6, 38), 4, 4);
    p.drawEllipse(QPointF(42, 10), 4, 4);
    p.drawEllipse(QPointF(24, 24), 4, 4);
  } else if (name == "measure-area") {
    const QPointF poly[] = {{6, 36}, {16, 8}, {42, 14}, {36, 40}};
    p.setBrush(QColor(30, 110, 200, 90));
    p.drawPolygon(poly, 4);
  } else if (name == "check") {
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(30, 150, 70));
    p.drawEllipse(QPointF(24, 24), 20, 20);
    p.setPen(QPen(Qt::white, 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    const QPointF tick[] = {{14, 24}, {21, 31}, {34, 17}};
    p.drawPolyline(tick, 3);
  } else if (name == "cancel") {
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(200, 40, 40));
    p.drawEllipse(QPointF(24, 24), 20, 20);
    p.setPen(QPen(Qt::white, 5, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(16, 16), QPointF(32, 32));
    p.drawLine(QPointF(32, 16), QPointF(16, 32));
  } else if (name == "coverage") {
    p.setPen(QPen(accent, 3));
    p.setBrush(QColor(30, 110, 200, 50));
    p.drawEllipse(QPointF(24, 24), 19, 19);
    p.setPen(Qt::NoPen);
    p.setBrush(accent);
    p.drawRect(QRectF(19, 19, 10, 10));
  }
  return QIcon(pm);
}

} // namespace anzhi::desktop
