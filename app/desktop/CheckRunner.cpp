#include "app/desktop/CheckRunner.h"

#include <QCoreApplication>
#include <QPointer>

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
              if (self && self->m_serial == serial && self->isRunning())
                emit self->progress(percent, s);
            },
            Qt::QueuedConnection);
      });
  auto progress = m_progress;
  m_task.start(
      [project, rules, progress, exceptions = std::move(exceptions)]() -> Outcome {
        try {
          FinishedCheck check;
          auto result = std::make_shared<const core::CheckResult>(
              core::Engine(rules).check(*project, progress.get()));
          check.split = std::make_shared<const core::ExceptionSplit>(
              core::splitExceptions(*result, exceptions));
          check.result = std::move(result);
          check.exceptions = exceptions;
          return check;
        } catch (const core::Cancelled &) {
          return std::nullopt;
        }
      },
      [this](Outcome out) {
        if (out)
          emit finished(*out);
        else
          emit cancelled();
      },
      [this](const QString &message) { emit failed(message); });
}

void CheckRunner::cancel()
{
  if (m_progress)
    m_progress->cancel();
  if (m_task.isRunning()) {
    m_task.drop();
    emit cancelled();
  }
}

} // namespace anzhi::desktop
