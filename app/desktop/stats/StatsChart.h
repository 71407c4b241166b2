#pragma once

#include "core/stats/ProjectStats.h"

#include <QWidget>

namespace anzhi::desktop {

//! Planned area by land-use class of one row of the statistics, as horizontal bars in the
//! planning palette (render::MapStyle's class fills), drawn with QPainter. Thread: UI only.
class StatsChart : public QWidget
{
  Q_OBJECT
public:
  explicit StatsChart(QWidget *parent = nullptr);
  //! Shows `figures` under `title` (nothing: an empty chart).
  void setFigures(const core::StatsFigures *figures, const QString &title);
  QSize sizeHint() const override;

protected:
  void paintEvent(QPaintEvent *event) override;

private:
  std::optional<core::StatsFigures> m_figures;
  QString m_title;
};

} // namespace anzhi::desktop
