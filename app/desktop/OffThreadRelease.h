#pragma once

#include "app/desktop/BackgroundTask.h"

#include <QThreadPool>

#include <memory>

namespace anzhi::desktop {

//! Another owner of the same object whose last release destroys the object on a pool thread,
//! wherever that release happens. A national project is millions of GEOS geometries: freeing
//! it takes seconds, and its last holder is usually the UI thread (opening another project,
//! closing the window).
template<typename T>
std::shared_ptr<T> releasedOffThread(std::shared_ptr<T> owner, QThreadPool *pool = workerPool())
{
  T *object = owner.get();
  return std::shared_ptr<T>(object, [owner = std::move(owner), pool](T *) mutable {
    pool->start([doomed = std::move(owner)]() mutable { doomed.reset(); });
  });
}

} // namespace anzhi::desktop
