#pragma once

#include <QLabel>

namespace anzhi::desktop {

//! The status bar's message: however long, it takes only the room left beside the cursor
//! coordinates and the scale, cut with "…" and shown whole in its tooltip. A plain QLabel asks
//! for its text's full width and pushes the coordinates off a narrow window.
//! Ownership: a child of the status bar. Thread: UI only.
class StatusText : public QLabel
{
  Q_OBJECT
public:
  using QLabel::QLabel;
  QSize minimumSizeHint() const override;
  QSize sizeHint() const override;

protected:
  void paintEvent(QPaintEvent *event) override;
  bool event(QEvent *event) override;

private:
  bool elided() const;
};

} // namespace anzhi::desktop
