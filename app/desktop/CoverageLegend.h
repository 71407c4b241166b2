#pragma once

#include "app/render/MapOverlay.h"
#include "app/render/MapStyle.h"

#include <QColor>
#include <QString>
#include <QWidget>

#include <vector>

namespace anzhi::desktop {

//! What the coverage view's circles and fills mean, in the map's bottom-left corner while the
//! view is on: the solid circle is the radius for urban sites, the dashed, tinted one for rural
//! sites (with the rule set's metres per level), and the colours of uncovered sites.
//! Ownership: a child of the map canvas. Thread: UI only.
class CoverageLegend : public QWidget
{
  Q_OBJECT
public:
  enum class Symbol
  {
    SolidCircle,
    DashedCircle,
    Fill
  };
  struct Entry
  {
    Symbol symbol;
    QColor colour;
    QString text;
  };

  explicit CoverageLegend(QWidget *canvas);
  //! Shows the legend of `coverage` drawn in `style`, or hides it when there is none.
  void setCoverage(const std::optional<render::CoverageOverlay> &coverage,
                   const render::MapStyle &style);
  const std::vector<Entry> &entries() const { return m_entries; }
  QSize sizeHint() const override;

protected:
  void paintEvent(QPaintEvent *event) override;

private:
  std::vector<Entry> m_entries;
};

} // namespace anzhi::desktop
