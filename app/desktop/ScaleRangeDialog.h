#pragma once

#include "app/render/MapStyle.h"

#include <QDialog>
#include <QString>

#include <optional>

class QCheckBox;
class QSpinBox;

namespace anzhi::desktop {

//! 按比例尺显示…: the scales at which one layer is drawn, either its style's default or the
//! user's own minimum (the farthest one may zoom out) and maximum (the nearest), each 1:N or
//! no limit. Ownership: a modal dialog owned by its parent. Thread: UI only.
class ScaleRangeDialog : public QDialog
{
  Q_OBJECT
public:
  ScaleRangeDialog(const QString &layerTitle, const render::ScaleRange &defaultRange,
                   const std::optional<render::ScaleRange> &userRange, QWidget *parent = nullptr);

  //! None: the default; else the range as entered.
  std::optional<render::ScaleRange> userRange() const;

  QCheckBox *useDefaultBox() const { return m_useDefault; }
  QSpinBox *minScaleBox() const { return m_min; }
  QSpinBox *maxScaleBox() const { return m_max; }

  //! "1:50,000 – 1:250,000", "up to 1:250,000", …, "all scales" (the tooltip of a layer too).
  static QString describe(const render::ScaleRange &range);

private:
  void showRange(const render::ScaleRange &range);
  render::ScaleRange m_default;
  QCheckBox *m_useDefault;
  QSpinBox *m_min;
  QSpinBox *m_max;
};

} // namespace anzhi::desktop
