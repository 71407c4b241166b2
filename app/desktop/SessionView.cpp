#include "app/desktop/SessionView.h"

#include <QStringList>

#include <stdexcept>

namespace anzhi::desktop {

SessionView sessionViewFromArguments(const QString &extent, const QString &select)
{
  SessionView view;
  if (!extent.isEmpty()) {
    const QStringList parts = extent.split(',');
    double v[4] = {};
    bool ok = parts.size() == 4;
    for (int i = 0; ok && i < 4; ++i)
      v[i] = parts[i].trimmed().toDouble(&ok);
    if (!ok || !(v[0] < v[2]) || !(v[1] < v[3]))
      throw std::invalid_argument("--extent " + extent.toStdString() +
                                  ": expected minx,miny,maxx,maxy with minx < maxx, miny < maxy");
    view.extent = gis::Envelope{v[0], v[1], v[2], v[3]};
  }
  if (!select.isEmpty())
    for (const QString &item : select.split(',')) {
      const qsizetype colon = item.lastIndexOf(':');
      bool ok = colon > 0;
      const qint64 fid = ok ? item.mid(colon + 1).toLongLong(&ok) : 0;
      if (!ok)
        throw std::invalid_argument("--select " + select.toStdString() + ": expected layer:fid, " +
                                    "not " + item.toStdString());
      view.selected.emplace_back(item.left(colon).toStdString(), fid);
    }
  return view;
}

} // namespace anzhi::desktop
