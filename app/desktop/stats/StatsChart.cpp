#include "app/desktop/stats/StatsChart.h"

#include "app/desktop/Names.h"
#include "app/render/MapStyle.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace anzhi::desktop {

StatsChart::StatsChart(QWidget *parent)
    : QWidget(parent)
{
  setObjectName("StatsChart");
  setMinimumHeight(120);
}

void StatsChart::setFigures(const core::StatsFigures *figures, const QString &title)
{
  m_figures = figures ? std::optional(*figures) : std::nullopt;
  m_title = title;
  update();
}

QSize StatsChart::sizeHint() const
{
  return {360, 24 + int(core::kLandUseClasses.size()) * fontMetrics().height() * 5 / 4};
}

void StatsChart::paintEvent(QPaintEvent *)
{
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  if (!m_figures)
    return;
  const bool zh = Names::messageLanguage() == "zh";
  const QFontMetrics fm = fontMetrics();
  const int line = fm.height() * 5 / 4;
  p.setPen(palette().text().color());
  p.drawText(QRect(6, 2, width() - 12, line), Qt::AlignLeft | Qt::AlignVCenter,
             tr("Planned area by land use (mu): %1").arg(m_title));
  int labelWidth = 0;
  for (core::LandUseClass c : core::kLandUseClasses)
    labelWidth = std::max(labelWidth, fm.horizontalAdvance(QString::fromUtf8(
                                          zh ? core::classNameZh(c) : core::className(c))));
  double largest = 0;
  for (double m2 : m_figures->plannedM2)
    largest = std::max(largest, m2);
  const render::MapStyle style = render::MapStyle::defaults();
  const QLocale locale;
  const int valueWidth = fm.horizontalAdvance("0000000.00");
  const int x0 = 6 + labelWidth + 8;
  const int barSpace = std::max(10, width() - x0 - valueWidth - 12);
  for (std::size_t k = 0; k < core::kLandUseClasses.size(); ++k) {
    const core::LandUseClass cls = core::kLandUseClasses[k];
    const int y = line + 4 + int(k) * line;
    p.setPen(palette().text().color());
    p.drawText(QRect(6, y, labelWidth, line), Qt::AlignRight | Qt::AlignVCenter,
               QString::fromUtf8(zh ? core::classNameZh(cls) : core::className(cls)));
    const double m2 = m_figures->plannedM2[k];
    const int length = largest > 0 ? int(barSpace * m2 / largest) : 0;
    const QColor colour = style.landUseFill(cls, std::nullopt);
    p.setPen(render::MapStyle::outlineOf(colour));
    p.setBrush(colour);
    p.drawRect(x0, y + 2, std::max(length, 1), line - 4);
    p.setPen(palette().text().color());
    p.drawText(QRect(x0 + length + 4, y, valueWidth + 8, line), Qt::AlignLeft | Qt::AlignVCenter,
               locale.toString(core::StatsFigures::mu(m2), 'f', 2));
  }
}

} // namespace anzhi::desktop
