#include "app/desktop/CheckRunner.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrent>

#include <atomic>
#include <chrono>

namespace anzhi::desktop {

CheckRunner::CheckRunner(QObject *parent)
    : QObject(parent)
{
}

CheckRunner::~CheckRunner()
{
  if (m_progress)
    m_progress->cancel();
}

void CheckRunner::start(std::shared_ptr<const core::Project> project, const core::RuleSet &rules,
                        std::vector<core::AcceptedException> exceptions)
{
  if (!project)
    return;
  cancel();
  const quint64 serial = ++m_serial;
  m_running = true;
  emit started();
  // Progress reports come from the engine's threads: forward at most every 50 ms, queued.
  QPointer<CheckRunner> self(this);
  auto lastReport = std::make_shared<std::atomic<long long>>(0);
  m_progress = std::make_shared<core::Progress>(
      [self, serial, lastReport](const std::string &step, double fraction) {
        using namespace std::chrono;
        const long long now =
            duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
        long long last = lastReport->load();
        if (now - last < 50 && fraction < 1.0)
          return;
        lastReport->store(now);
        const int percent = int(fraction * 100);
        const QString s = QString::fromStdString(step);
        QMetaObject::invokeMethod(
            qApp,
            [self, serial, percent, s] {
              if (self && self->m_serial == serial)
                emit self->progress(percent, s);
            },
            Qt::QueuedConnection);
      });
  auto progress = m_progress;
  QFuture<Outcome> future =
      QtConcurrent::run([project, rules, progress, exceptions = std::move(exceptions)] {
        Outcome out;
        try {
          auto result = std::make_shared<const core::CheckResult>(
              core::Engine(rules).check(*project, progress.get()));
          out.check.split = std::make_shared<const core::ExceptionSplit>(
              core::splitExceptions(*result, exceptions));
          out.check.result = std::move(result);
          out.check.exceptions = exceptions;
        } catch (const core::Cancelled &) {
          out.cancelled = true;
        } catch (const std::exception &e) {
          out.error = QString::fromStdString(e.what());
        }
        return out;
      });
  auto *watcher = new QFutureWatcher<Outcome>(this);
  connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, serial] {
    watcher->deleteLater();
    if (serial != m_serial)
      return;
    m_running = false;
    const Outcome &out = watcher->future().result();
    if (out.cancelled)
      emit cancelled();
    else if (!out.error.isEmpty())
      emit failed(out.error);
    else
      emit finished(out.check);
  });
  watcher->setFuture(future);
}

void CheckRunner::cancel()
{
  if (m_progress)
    m_progress->cancel();
  if (m_running) {
    m_running = false;
    ++m_serial; // the running job's result is dropped
    emit cancelled();
  }
}

} // namespace anzhi::desktop
