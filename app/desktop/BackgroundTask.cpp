#include "app/desktop/BackgroundTask.h"

#include <QCoreApplication>
#include <QPointer>

namespace anzhi::desktop {

QThreadPool *workerPool()
{
  // A child of the application, so that its destruction waits for the running tasks while
  // everything they use is still alive (as Qt does for its global pool); a static pool would
  // wait only in the exit handlers, after other statics are gone.
  static QPointer<QThreadPool> pool;
  if (!pool)
    pool = new QThreadPool(QCoreApplication::instance());
  return pool;
}

namespace detail {

QString messageOf(const std::exception_ptr &error)
{
  try {
    std::rethrow_exception(error);
  } catch (const std::exception &e) {
    return QString::fromStdString(e.what());
  } catch (...) {
    // Only std::exceptions carry a message; anything else is still a failure to report.
    return QCoreApplication::translate("BackgroundTask", "Unknown error");
  }
}

} // namespace detail

} // namespace anzhi::desktop
