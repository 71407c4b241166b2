#include "app/desktop/BackgroundTask.h"

#include <QCoreApplication>

namespace anzhi::desktop {

QThreadPool *workerPool()
{
  static QThreadPool pool;
  return &pool;
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
