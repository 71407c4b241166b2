#include "app/desktop/CoverageLegend.h"

#include <QLocale>
#include <QPainter>

#include <cmath>

namespace anzhi::desktop {

namespace {

constexpr int kSymbol = 22, kPad = 6, kRow = 20;

//! A radius as the rule set writes it, in whole metres ("2,500 m", not "2.500 km").
QString radii(const core::RadiusBySetting &r, bool urban)
{
  return CoverageLegend::tr("%1 m").arg(
      QLocale().toString(qlonglong(std::llround(urban ? r.urban : r.rural))));
}

} // namespace

CoverageLegend::CoverageLegend(QWidget *canvas)
    : QWidget(canvas)
{
  setObjectName("CoverageLegend");
  setAttribute(Qt::WA_TransparentForMouseEvents);
  hide();
}

void CoverageLegend::setCoverage(const std::optional<render::CoverageOverlay> &coverage,
                                 const render::MapStyle &style)
{
  m_entries.clear();
  if (!coverage) {
    hide();
    return;
  }
  const render::CoverageOverlay &c = *coverage;
  if (c.schools) {
    const QColor school = style.markerColour("schools");
    m_entries.push_back({Symbol::SolidCircle, school,
                         tr("School radius, urban sites: primary %1, junior %2")
                             .arg(radii(c.primaryRadius, true), radii(c.juniorRadius, true))});
    m_entries.push_back({Symbol::DashedCircle, school,
                         tr("School radius, rural sites: primary %1, junior %2")
                             .arg(radii(c.primaryRadius, false), radii(c.juniorRadius, false))});
  }
  if (c.clinics) {
    const QColor clinic = style.markerColour("clinics");
    m_entries.push_back({Symbol::SolidCircle, clinic,
                         tr("Clinic radius, urban sites: %1").arg(radii(c.clinicRadius, true))});
    m_entries.push_back({Symbol::DashedCircle, clinic,
                         tr("Clinic radius, rural sites: %1").arg(radii(c.clinicRadius, false))});
  }
  m_entries.push_back(
      {Symbol::Fill, style.violationError, tr("Site without a covering school (a level)")});
  m_entries.push_back(
      {Symbol::Fill, style.violationWarning, tr("Site without a clinic within reach")});
  resize(sizeHint());
  move(kPad, parentWidget()->height() - height() - kPad);
  show();
  raise();
  update();
}

QSize CoverageLegend::sizeHint() const
{
  int text = 0;
  for (const Entry &e : m_entries)
    text = std::max(text, fontMetrics().horizontalAdvance(e.text));
  return {kPad * 3 + kSymbol + text, kPad * 2 + kRow * int(m_entries.size())};
}

void CoverageLegend::paintEvent(QPaintEvent *)
{
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(QColor(160, 160, 160));
  p.setBrush(QColor(255, 255, 255, 225));
  p.drawRoundedRect(rect().adjusted(0, 0, -1, -1), 4, 4);
  int y = kPad;
  for (const Entry &e : m_entries) {
    const QRectF symbol(kPad, y + 2, kSymbol, kRow - 4);
    switch (e.symbol) {
    case Symbol::SolidCircle:
      p.setPen(QPen(e.colour, 1.4));
      p.setBrush(Qt::NoBrush);
      p.drawEllipse(symbol.center(), 7, 7);
      break;
    case Symbol::DashedCircle: {
      QColor tint = e.colour;
      tint.setAlpha(22);
      p.setPen(QPen(e.colour, 1.2, Qt::DashLine));
      p.setBrush(tint);
      p.drawEllipse(symbol.center(), 7, 7);
      break;
    }
    case Symbol::Fill: {
      QColor fill = e.colour;
      fill.setAlpha(130);
      p.setPen(QPen(e.colour.darker(120), 2));
      p.setBrush(fill);
      p.drawRect(symbol.adjusted(3, 2, -3, -2));
      break;
    }
    }
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRectF(kPad * 2 + kSymbol, y, width(), kRow), Qt::AlignVCenter, e.text);
    y += kRow;
  }
}

} // namespace anzhi::desktop
