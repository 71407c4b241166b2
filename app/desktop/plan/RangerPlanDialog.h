#pragma once

#include "app/desktop/BackgroundTask.h"
#include "core/Progress.h"
#include "core/edit/EditBuffer.h"
#include "core/plan/RangerPlan.h"

#include <QDialog>
#include <QString>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace anzhi::desktop {

class EditSession;
class PlanPreview;

//! 护林员 → 生成调整方案: runs core::plan::planRangers on a worker with a progress bar and 取消,
//! shows the plan ranger by ranger (before, after, moved, distance, parts, satisfied; sortable)
//! beside before and after maps of the plots, or the Hall set when no plan exists; rangers
//! chosen in the table and plots selected on the map can be locked (锁定) and the plan made
//! again; 应用方案 applies it as one undoable edit, and the live check that follows counts the
//! ranger-area, ranger-overlap and ranger-distance errors left.
//! The plan starts from the saved project: it is refused while rangers, their plots, sites or
//! forest land have unsaved edits (docs/planning.md, "Desktop").
//! Ownership: a non-modal dialog owned by the main window. Thread: UI; the plan runs on a worker
//! that reports progress through atomics the dialog polls.
class RangerPlanDialog : public QDialog
{
  Q_OBJECT

public:
  explicit RangerPlanDialog(EditSession &session, QWidget *parent = nullptr);
  ~RangerPlanDialog() override;

  //! Where the plots to lock come from (the map's selection).
  void setSelectionSource(std::function<std::vector<core::FeatureKey>()> source)
  {
    m_selection = std::move(source);
  }

  //! 生成 / 重新生成: plans with the current locks on a worker; emits planFinished().
  void generate();
  //! 取消: the worker stops at its next poll; planFinished() follows.
  void cancel();
  bool isRunning() const { return m_task.isRunning(); }
  //! The last plan (null before one arrives, after a failure or a cancel).
  const core::plan::RangerPlanResult *plan() const { return m_plan.get(); }

  const core::plan::RangerPlanLocks &locks() const { return m_locks; }
  //! 锁定 / 解锁 the rangers selected in the table.
  void lockSelectedRangers(bool locked);
  //! 锁定 the ranger plots selected on the map.
  void lockSelectedPlots();
  void clearLocks();

  //! 应用方案: replaces the planned rangers' plots (other than locked ones) by the plan's, as one
  //! edit. False, with the reason in the status, when there is no feasible plan or the edit is
  //! refused.
  bool applyPlan();
  //! After applyPlan(), once the live check has caught up: the live errors per rule id among
  //! ranger-area, ranger-overlap and ranger-distance (absent before).
  const std::optional<std::map<std::string, int>> &remainingErrors() const { return m_remaining; }

  QTableWidget *table() const { return m_table; }
  QString statusText() const;

signals:
  //! A run ended: with a plan, a failure or a cancel (the status says which).
  void planFinished();
  //! The live check after applyPlan() has counted the errors left.
  void liveConfirmed();

private:
  void fillTable();
  void showPreview();
  void setStatus(const QString &text);
  void updateButtons();
  void pollProgress();
  void onLiveChanged();
  //! Why the plan cannot start from the session now (unsaved edits of its layers), if so.
  std::optional<QString> refusal() const;

  EditSession &m_session;
  std::function<std::vector<core::FeatureKey>()> m_selection;
  core::plan::RangerPlanLocks m_locks;
  std::shared_ptr<core::plan::RangerPlanResult> m_plan;
  BackgroundTask<std::shared_ptr<core::plan::RangerPlanResult>> m_task{this};
  //! Written by the worker, read by the poll.
  struct Progress
  {
    Progress();
    std::atomic<int> permille{0};
    std::atomic<int> phase{0};
    core::Progress progress; //!< reports into the two above
  };
  std::shared_ptr<Progress> m_progress;
  bool m_cancelling = false;
  bool m_awaitingLive = false;
  std::optional<std::map<std::string, int>> m_remaining;

  QLabel *m_parameters;
  QProgressBar *m_bar;
  QPushButton *m_generate, *m_cancel, *m_lock, *m_unlock, *m_lockPlots, *m_clearLocks, *m_apply;
  QTableWidget *m_table;
  PlanPreview *m_before, *m_after;
  QLabel *m_status;
  QTimer *m_poll;
};

} // namespace anzhi::desktop
