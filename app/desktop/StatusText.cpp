#include "app/desktop/StatusText.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace anzhi::desktop {

QSize StatusText::minimumSizeHint() const
{
  return {0, QLabel::minimumSizeHint().height()};
}

QSize StatusText::sizeHint() const
{
  return {0, QLabel::sizeHint().height()};
}

bool StatusText::elided() const
{
  return fontMetrics().horizontalAdvance(text()) > contentsRect().width();
}

void StatusText::paintEvent(QPaintEvent *)
{
  QPainter p(this);
  const QRect r = contentsRect();
  p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
             fontMetrics().elidedText(text(), Qt::ElideRight, r.width()));
}

bool StatusText::event(QEvent *event)
{
  if (event->type() == QEvent::ToolTip && toolTip().isEmpty()) {
    if (elided())
      QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), text(), this);
    else
      QToolTip::hideText();
    return true;
  }
  return QLabel::event(event);
}

} // namespace anzhi::desktop
