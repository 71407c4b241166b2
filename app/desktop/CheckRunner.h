#pragma once

#include "app/desktop/BackgroundTask.h"
#include "core/AcceptedExceptions.h"
#include "core/Engine.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace anzhi::desktop {

//! A finished check, its violations already split by the accepted exceptions it started with
//! (done on the worker: a national check's thousands of violations are not copied on the UI
//! thread). Shared, immutable.
struct FinishedCheck
{
  std::shared_ptr<const core::CheckResult> result;
  std::shared_ptr<const core::ExceptionSplit> split;
  std::vector<core::AcceptedException> exceptions;
};

//! Runs the rule engine over a project snapshot in the background, with progress and cancel.
//! Ownership: a QObject owned by the MainWindow; the job shares the snapshot and its Progress
//! (shared_ptr), so it is safe to destroy the runner while a job runs (the job is cancelled and
//! its result dropped). Thread: UI thread only; progress and results arrive queued.
class CheckRunner : public QObject
{
  Q_OBJECT
public:
  explicit CheckRunner(QObject *parent = nullptr);
  ~CheckRunner() override;

  //! Starts a check; a check already running is cancelled first.
  void start(std::shared_ptr<const core::Project> project, const core::RuleSet &rules,
             std::vector<core::AcceptedException> exceptions = {});
  void cancel();
  bool isRunning() const { return m_task.isRunning(); }

signals:
  void started();
  //! percent 0–100 and the current step (a rule id).
  void progress(int percent, const QString &step);
  void finished(const anzhi::desktop::FinishedCheck &check);
  void cancelled();
  void failed(const QString &message);

private:
  //! Nothing: the check was cancelled.
  using Outcome = std::optional<FinishedCheck>;
  std::shared_ptr<core::Progress> m_progress;
  BackgroundTask<Outcome> m_task{this};
  //! Counts started checks: the progress reports of a superseded one are dropped too.
  quint64 m_serial = 0;
};

} // namespace anzhi::desktop
