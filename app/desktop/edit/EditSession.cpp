#include "app/desktop/edit/EditSession.h"

#include "core/edit/EditSaver.h"

#include <QElapsedTimer>
#include <QThreadPool>
#include <QUndoCommand>
#include <QUndoStack>

#include <filesystem>

namespace anzhi::desktop {

//! One named edit on the undo stack.
class EditCommand : public QUndoCommand
{
public:
  EditCommand(EditSession *session, const QString &name, std::vector<core::Change> changes,
              bool journalFirstRedo = true)
      : QUndoCommand(name)
      , m_session(session)
      , m_changes(std::move(changes))
      , m_journal(journalFirstRedo)
  {
  }
  void redo() override
  {
    m_session->applyChanges(m_changes, true, m_journal);
    m_journal = true; // a recovered edit is already in the journal the first time only
  }
  void undo() override { m_session->applyChanges(m_changes, false, true); }

private:
  EditSession *m_session;
  std::vector<core::Change> m_changes;
  bool m_journal;
};

EditSession::EditSession(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
    , m_livePool(new QThreadPool(this))
    , m_journalPool(new QThreadPool(this))
    , m_liveTask(this, m_livePool)
{
  // One thread each: journal lines land in edit order; live checks replace each other in order.
  m_journalPool->setMaxThreadCount(1);
  m_journalPool->setExpiryTimeout(-1);
  m_journalPool->setObjectName("journal");
  m_livePool->setMaxThreadCount(1);
  m_livePool->setExpiryTimeout(-1);
}

EditSession::~EditSession()
{
  m_livePool->waitForDone();
  m_journalPool->waitForDone(); // every journalled edit reaches the disk
}

void EditSession::inJournal(std::function<void(core::EditJournal &)> op, std::function<void()> then)
{
  if (!m_journal) {
    if (then)
      then();
    return;
  }
  m_journalPool->start([this, journal = m_journal, op = std::move(op), then = std::move(then)] {
    QString error;
    try {
      op(*journal);
    } catch (const std::exception &e) {
      error = QString::fromStdString(e.what());
    }
    QMetaObject::invokeMethod(
        this,
        [this, error, then] {
          if (!error.isEmpty())
            emit journalFailed(error);
          if (then)
            then();
        },
        Qt::QueuedConnection);
  });
}

void EditSession::afterJournal(std::function<void()> then)
{
  inJournal([](core::EditJournal &) {}, std::move(then));
}

bool EditSession::isJournalling() const
{
  return m_journalPool->activeThreadCount() > 0;
}

void EditSession::setProject(std::shared_ptr<const core::Project> project, const QString &path,
                             const core::RuleSet &rules)
{
  // Results for the previous project's edits are stale.
  m_liveTask.drop();
  m_replayTask.drop();
  m_project = std::move(project);
  m_path = path;
  m_rules = rules;
  m_undo->clear();
  m_buffer = core::EditBuffer();
  m_live.clear();
  m_saving = false;
  // The previous project's last journal writes finish first (milliseconds, if any), so that
  // hasJournal() sees the file as it is.
  m_journalPool->waitForDone();
  m_journal = std::make_shared<core::EditJournal>(path.toStdString());
  auto holder = std::make_shared<std::shared_ptr<const core::LiveCheck>>();
  m_checker = holder;
  auto base = m_project;
  // Fire and forget: the pool runs this before any live check of the project.
  m_livePool->start(
      [holder, base, rules] { *holder = std::make_shared<core::LiveCheck>(base, rules); });
  emit editsChanged();
  emit liveChanged();
}

bool EditSession::apply(const QString &name, std::vector<core::Change> changes)
{
  if (m_saving || !m_project || changes.empty())
    return false;
  m_undo->push(new EditCommand(this, name, std::move(changes)));
  return true;
}

void EditSession::applyChanges(const std::vector<core::Change> &changes, bool forward, bool journal)
{
  core::EditBuffer before = m_buffer;
  std::vector<std::pair<core::FeatureKey, core::Slot>> written;
  auto step = [&](const core::Change &c) {
    core::Slot slot = forward ? c.after : c.before;
    m_buffer.set(c.key, slot);
    written.emplace_back(c.key, slot);
  };
  if (forward)
    for (const core::Change &c : changes)
      step(c);
  else
    for (auto it = changes.rbegin(); it != changes.rend(); ++it)
      step(*it);
  if (journal)
    inJournal([written](core::EditJournal &j) { j.append(written); });
  std::vector<core::FeatureKey> changed;
  for (const core::Change &c : changes)
    changed.push_back(c.key);
  startLiveCheck(std::move(before), std::move(changed));
  emit editsChanged();
}

void EditSession::startLiveCheck(core::EditBuffer before, std::vector<core::FeatureKey> changed)
{
  auto holder = m_checker;
  core::EditBuffer after = m_buffer;
  // Queued, not superseding: each edit's delta builds on the ones before it.
  m_liveTask.queue(
      [holder, before = std::move(before), after = std::move(after), changed] {
        LiveOutcome out;
        QElapsedTimer timer;
        timer.start();
        core::LiveCheck::Delta delta = (*holder)->checkEdit(before, after, changed);
        out.before = std::move(delta.before);
        out.after = std::move(delta.after);
        out.ms = double(timer.nsecsElapsed()) / 1e6;
        return out;
      },
      [this](LiveOutcome out) {
        m_live.replace(out.before, std::move(out.after));
        m_lastLiveMs = out.ms;
        emit liveChanged();
      },
      [this](const QString &message) {
        emit liveChanged();
        emit liveCheckFailed(message);
      });
}

core::Change EditSession::changeTo(const core::FeatureKey &key,
                                   std::optional<core::FeatureState> after) const
{
  return {key, m_buffer.slot(key),
          after ? core::Slot::of(std::move(*after)) : core::Slot::deleted()};
}

std::optional<core::FeatureState> EditSession::state(const core::FeatureKey &key) const
{
  if (!m_project)
    return std::nullopt;
  return core::currentState(*m_project, m_buffer, key);
}

std::vector<core::FeatureKey> EditSession::featuresIn(const std::string &layer,
                                                      const gis::Envelope &box) const
{
  std::vector<core::FeatureKey> out;
  if (!m_project || !m_project->hasLayer(layer))
    return out;
  for (std::size_t i : core::candidatesIn(*m_project, layer, box)) {
    core::FeatureKey key{layer, core::infoOf(*m_project, layer, i).fid};
    if (!m_buffer.changes().count(key))
      out.push_back(key);
  }
  for (const auto &[key, slot] : m_buffer.changes())
    if (key.layer == layer && slot.kind == core::Slot::Kind::State && slot.state->geometry &&
        !gis::isEmpty(slot.state->geometry.get()) &&
        gis::envelope(slot.state->geometry.get()).intersects(box))
      out.push_back(key);
  return out;
}

bool EditSession::codeTaken(const std::string &layer, const std::string &code,
                            const std::optional<core::FeatureKey> &except) const
{
  if (!m_project || !m_project->hasLayer(layer))
    return false;
  for (std::int64_t fid : core::fidsWithCode(*m_project, layer, code)) {
    core::FeatureKey key{layer, fid};
    // An edited base feature counts with its edited code, below.
    if (key != except && !m_buffer.changes().count(key))
      return true;
  }
  for (const auto &[key, slot] : m_buffer.changes())
    if (key.layer == layer && slot.kind == core::Slot::Kind::State && key != except &&
        core::textOf(slot.state->attributes, "code") == code)
      return true;
  return false;
}

HiddenFeatures EditSession::hiddenFeatures() const
{
  HiddenFeatures hidden;
  for (const auto &[key, slot] : m_buffer.changes())
    if (key.fid >= 0)
      hidden[key.layer].insert(key.fid);
  return hidden;
}

void EditSession::save()
{
  writeEdits(m_path, {}, [this](int written) { emit saved(written); });
}

void EditSession::saveAs(const QString &to, std::function<void(const std::string &)> writeCopy)
{
  writeEdits(to, std::move(writeCopy), [this, to](int written) { emit savedAs(to, written); });
}

void EditSession::writeEdits(const QString &path,
                             std::function<void(const std::string &)> writeCopy,
                             std::function<void(int)> done)
{
  if (m_saving || !m_project || m_buffer.empty())
    return;
  m_saving = true;
  const std::string file = path.toStdString();
  const gis::Crs crs = m_project->workingCrs;
  const core::EditBuffer buffer = m_buffer;
  BackgroundTask<void>::run(
      this,
      [file, crs, buffer, writeCopy] {
        bool copied = false;
        try {
          if (writeCopy) {
            writeCopy(file);
            copied = true;
          }
          core::saveEdits(file, crs, buffer);
        } catch (...) {
          // A copy without the edits would pass for the saved layout: remove the one made here
          // (a file that could not even be overwritten is left as it was).
          if (copied) {
            std::error_code ignored;
            std::filesystem::remove(file, ignored);
          }
          throw;
        }
      },
      [this, written = int(buffer.size()), done] {
        // Saved: the journal's edits are in the file now. Report the save once the journal is
        // gone, so that reopening the edited project does not offer them for recovery.
        m_undo->setClean();
        inJournal([](core::EditJournal &j) { j.clear(); },
                  [this, done, written] {
                    m_saving = false;
                    done(written);
                  });
      },
      [this](const QString &error) {
        // "Your edits are kept" must be true when it is said: the journal lines of the last
        // edits may still be syncing (a few ms), and a crash after the message would lose
        // them. The report waits for the journal thread's queue, without blocking the UI
        // thread.
        afterJournal([this, error] {
          m_saving = false;
          emit saveFailed(error);
        });
      });
}

void EditSession::discard()
{
  m_liveTask.drop();
  m_replayTask.drop();
  m_undo->clear();
  m_buffer.clear();
  m_live.clear();
  inJournal([](core::EditJournal &j) { j.clear(); });
  emit editsChanged();
  emit liveChanged();
}

bool EditSession::hasJournal() const
{
  return !m_path.isEmpty() && core::EditJournal::hasEdits(m_path.toStdString());
}

void EditSession::recover()
{
  if (!m_project)
    return;
  const std::string file = m_path.toStdString();
  m_replayTask.start(
      [file] { return core::EditJournal::replay(file); },
      [this](core::EditJournal::Replay replay) {
        std::vector<core::Change> changes;
        for (const auto &[key, slot] : replay.buffer.changes())
          changes.push_back({key, key.fid < 0 ? core::Slot::deleted() : core::Slot::base(), slot});
        if (!changes.empty()) {
          m_buffer.reserveFid(replay.buffer.newFid());
          // Already journalled: the first redo must not write the same edits again.
          m_undo->push(
              new EditCommand(this, tr("Recover unsaved edits"), std::move(changes), false));
        }
        emit recovered(int(replay.edits));
      },
      [this](const QString &error) {
        // The file is the user's unsaved work even when it cannot be replayed: appending would
        // put new edits after a line replay refuses, and a save or discard would remove it, so
        // this session leaves it alone.
        m_journal.reset();
        emit recoveryFailed(error);
      });
}

} // namespace anzhi::desktop
