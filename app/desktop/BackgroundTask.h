#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrent>

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace anzhi::desktop {

namespace detail {

template<typename T> struct TaskOutcome
{
  std::optional<T> value;
  std::exception_ptr error;
};
template<> struct TaskOutcome<void>
{
  std::exception_ptr error;
};

template<typename T> struct TaskDone
{
  using type = std::function<void(T)>;
};
template<> struct TaskDone<void>
{
  using type = std::function<void()>;
};

//! The message of a captured exception, for the error handler.
QString messageOf(const std::exception_ptr &error);

} // namespace detail

//! The pool Anzhi's background work runs on (loading, checks, indexes, exports). Never
//! QThreadPool::globalInstance(): Qt 6.4's raster engine splits the UI thread's large fills and
//! image conversions into jobs on the global pool and waits for them, so a national load or
//! check holding its threads froze the window's painting for as long as it ran (96 s measured).
QThreadPool *workerPool();

//! A slot for background work: the work runs on a thread pool (never on the UI thread) and its
//! result, or the message of what it threw, is delivered on the UI thread to the callbacks given
//! with it. The one stale-result rule: a task's result is delivered only when nothing superseded
//! it — start() and drop() supersede every task of the slot started before them — and while the
//! context object lives (the delivery belongs to it).
//! Tasks that nothing may supersede (a save, an export) each take a slot of their own: run().
//! Ownership: a value member of (or local to) the context's code; the slot's state is shared
//! with its running tasks, so destroying the slot neither waits for nor drops them.
//! Thread: UI thread only.
template<typename T> class BackgroundTask
{
public:
  using Done = typename detail::TaskDone<T>::type;
  using Failed = std::function<void(const QString &message)>;

  //! `pool`: where the work runs (nothing: workerPool()).
  explicit BackgroundTask(QObject *context, QThreadPool *pool = nullptr)
      : m_context(context)
      , m_pool(pool ? pool : workerPool())
      , m_state(std::make_shared<State>())
  {
  }

  //! Supersedes the slot's running tasks and starts `work`.
  template<typename Work> void start(Work work, Done done, Failed failed)
  {
    drop();
    queue(std::move(work), std::move(done), std::move(failed));
  }
  //! Starts `work` alongside the slot's running tasks: each is delivered (in the order the pool
  //! finishes them) until start() or drop() supersedes them all. For work that builds on every
  //! earlier result, as the live checks of consecutive edits do.
  template<typename Work> void queue(Work work, Done done, Failed failed)
  {
    using Outcome = detail::TaskOutcome<T>;
    const quint64 generation = m_state->generation;
    ++m_state->pending;
    auto *watcher = new QFutureWatcher<Outcome>(m_context);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, m_context,
        [state = m_state, generation, watcher, done = std::move(done), failed = std::move(failed)] {
          watcher->deleteLater();
          if (generation != state->generation)
            return;
          --state->pending;
          Outcome out = watcher->future().takeResult();
          if (out.error)
            failed(detail::messageOf(out.error));
          else if constexpr (std::is_void_v<T>)
            done();
          else
            done(std::move(*out.value));
        });
    watcher->setFuture(QtConcurrent::run(m_pool, [work = std::move(work)] {
      Outcome out;
      try {
        if constexpr (std::is_void_v<T>)
          work();
        else
          out.value.emplace(work());
      } catch (...) {
        out.error = std::current_exception();
      }
      return out;
    }));
  }
  //! Runs `work` in a slot of its own: nothing supersedes it.
  template<typename Work> static void run(QObject *context, Work work, Done done, Failed failed)
  {
    BackgroundTask(context).start(std::move(work), std::move(done), std::move(failed));
  }

  //! The slot's running tasks are dropped: their results are never delivered.
  void drop()
  {
    ++m_state->generation;
    m_state->pending = 0;
  }
  //! Whether a task of the slot that nothing superseded has yet to deliver.
  bool isRunning() const { return m_state->pending > 0; }

private:
  struct State
  {
    quint64 generation = 0;
    int pending = 0;
  };
  QObject *m_context;
  QThreadPool *m_pool;
  std::shared_ptr<State> m_state;
};

} // namespace anzhi::desktop
