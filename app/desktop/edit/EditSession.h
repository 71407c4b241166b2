#pragma once

#include "app/desktop/BackgroundTask.h"
#include "core/RuleSet.h"
#include "core/edit/EditBuffer.h"
#include "core/edit/EditJournal.h"
#include "core/edit/LiveCheck.h"

#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

class QThreadPool;
class QUndoStack;

namespace anzhi::desktop {

//! Features of the base snapshot that the map must not draw (edited or deleted ones; the
//! edit layer draws their new state).
using HiddenFeatures = std::map<std::string, std::set<std::int64_t>>;

//! The unsaved edits of the open project: the core::EditBuffer over its snapshot, the undo
//! history (one QUndoCommand per named edit), the journal that keeps every edit on disk, the
//! live re-check of each edit's neighbourhood, and the save. Every edit goes through apply();
//! the map, the docks and the tools read the edited project through it.
//! Ownership: a QObject owned by the EditController; owns its undo stack, journal and two
//! one-thread pools where journal writes and live checks run in edit order. Thread: UI thread; the
//! live check, the save and the journal replay run on workers and report back through queued
//! signals.
class EditSession : public QObject
{
  Q_OBJECT

public:
  explicit EditSession(QObject *parent = nullptr);
  ~EditSession() override;

  //! A new base snapshot (a project opened, or reopened after a save): edits, history and
  //! live results start empty. The live checker is built on the worker.
  void setProject(std::shared_ptr<const core::Project> project, const QString &path,
                  const core::RuleSet &rules);
  std::shared_ptr<const core::Project> project() const { return m_project; }
  QString path() const { return m_path; }
  const core::RuleSet &rules() const { return m_rules; }
  const core::EditBuffer &buffer() const { return m_buffer; }
  QUndoStack *undoStack() const { return m_undo; }
  bool hasEdits() const { return !m_buffer.empty(); }
  bool isSaving() const { return m_saving; }

  //! Applies an edit as one undoable step named `name`: journalled, then re-checked live.
  //! Refused (false) while a save runs.
  bool apply(const QString &name, std::vector<core::Change> changes);
  std::int64_t newFid() { return m_buffer.newFid(); }
  //! The change that takes a feature from its current slot to `after` (nothing: deleted).
  core::Change changeTo(const core::FeatureKey &key, std::optional<core::FeatureState> after) const;

  //! A feature of the edited project (nothing when deleted or unknown).
  std::optional<core::FeatureState> state(const core::FeatureKey &key) const;
  //! The features of `layer` in the edited project whose envelope meets `box`.
  std::vector<core::FeatureKey> featuresIn(const std::string &layer,
                                           const gis::Envelope &box) const;
  //! Whether another feature of `layer` in the edited project has `code`.
  bool codeTaken(const std::string &layer, const std::string &code,
                 const std::optional<core::FeatureKey> &except) const;
  HiddenFeatures hiddenFeatures() const;

  //! Writes all edits in one transaction on a worker; emits saved() or saveFailed(). Neither
  //! is emitted before the journal lines of every edit so far are on disk.
  void save();
  //! Save as… with edits, on a worker: `writeCopy(to)` first (the file and its exceptions,
  //! ProjectSession::copyWriter), then the edits into the copy in one transaction. The edited
  //! project's file is not touched; once the copy holds the edits, its journal is cleared (the
  //! edits live in the copy) and savedAs() is emitted. On failure the copy is removed and the
  //! edits stay, journalled, for another try: saveFailed(). As for save(), nothing is
  //! reported before the journal has caught up.
  void saveAs(const QString &to, std::function<void(const std::string &)> writeCopy);
  //! Forgets every edit, the history and the journal.
  void discard();
  //! Whether the project has journalled edits from an earlier session.
  bool hasJournal() const;
  //! Replays the journal on a worker as one undoable edit; emits recovered() or
  //! recoveryFailed().
  void recover();

  const core::LiveViolations &live() const { return m_live; }
  //! Milliseconds of the last live check (neighbourhood build + rules, before and after).
  double lastLiveMs() const { return m_lastLiveMs; }
  //! True while live checks are queued or running.
  bool isChecking() const { return m_liveTask.isRunning(); }
  //! True while journal writes are queued or running.
  bool isJournalling() const;

signals:
  void editsChanged();
  void liveChanged();
  void saved(int written);
  void savedAs(const QString &path, int written);
  void saveFailed(const QString &message);
  void recovered(int edits);
  void journalFailed(const QString &message);
  //! The journal could not be replayed (JournalError); the file is left as it is and this
  //! session no longer writes to it.
  void recoveryFailed(const QString &message);
  //! A live check failed: the live violations miss that edit's changes.
  void liveCheckFailed(const QString &message);

private:
  friend class EditCommand;
  //! Sets the changes' after (forward) or before slots, journals them, starts the live check.
  void applyChanges(const std::vector<core::Change> &changes, bool forward, bool journal);
  void startLiveCheck(core::EditBuffer before, std::vector<core::FeatureKey> changed);
  //! Runs `op` on the journal thread (appends and syncs take milliseconds: never on the UI
  //! thread), then `then` back on the UI thread.
  void inJournal(std::function<void(core::EditJournal &)> op, std::function<void()> then = {});
  //! Runs `then` on the UI thread once every journal write queued so far is on disk (the
  //! one-thread pool runs in order: an empty job queued now runs after them).
  void afterJournal(std::function<void()> then);
  //! save() and saveAs(): on a worker, `writeCopy(path)` when given, then the edits into `path`
  //! in one transaction; then the journal is cleared and `done(written)` called, or saveFailed().
  void writeEdits(const QString &path, std::function<void(const std::string &)> writeCopy,
                  std::function<void(int)> done);

  std::shared_ptr<const core::Project> m_project;
  QString m_path;
  core::RuleSet m_rules;
  core::EditBuffer m_buffer;
  QUndoStack *m_undo;
  //! Shared with the journal thread's pending writes (on m_journalPool, named "journal").
  std::shared_ptr<core::EditJournal> m_journal;
  QThreadPool *m_livePool;
  QThreadPool *m_journalPool;
  struct LiveOutcome
  {
    std::vector<core::Violation> before, after;
    double ms = 0;
  };
  BackgroundTask<LiveOutcome> m_liveTask;
  BackgroundTask<core::EditJournal::Replay> m_replayTask{this};
  //! Built by the first job on m_livePool; later jobs on the same one-thread pool read it.
  std::shared_ptr<std::shared_ptr<const core::LiveCheck>> m_checker;
  core::LiveViolations m_live;
  double m_lastLiveMs = 0;
  bool m_saving = false;
};

} // namespace anzhi::desktop
