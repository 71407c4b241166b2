#include "app/desktop/ProjectSession.h"

#include "app/desktop/OffThreadRelease.h"
#include "core/report/OutputGuard.h"
#include "gis/DataFile.h"

#include <QtConcurrent/QtConcurrent>

#include <filesystem>

namespace anzhi::desktop {

ProjectSession::ProjectSession(QObject *parent)
    : QObject(parent)
{
}

ProjectSession::~ProjectSession() = default;

void ProjectSession::open(const QString &path, const core::RuleSet &rules)
{
  const quint64 serial = ++m_loadSerial;
  m_loading = true;
  emit loadingStarted(path);
  const std::string file = path.toStdString();
  auto landUse = rules.landUse;
  QFuture<Loaded> future = QtConcurrent::run([file, landUse] {
    Loaded out;
    try {
      core::LoadOptions options;
      options.landUse = landUse;
      options.skipBrokenLayers = true;
      out.project = core::Project::load(file, options);
      try {
        out.exceptions = core::loadExceptions(file);
      } catch (const std::exception &e) {
        // The project opens; the exceptions table is reported as a problem of its own.
        out.error = QString::fromStdString(e.what());
      }
    } catch (const std::exception &e) {
      out.project.reset();
      out.error = QString::fromStdString(e.what());
    }
    return out;
  });
  auto *watcher = new QFutureWatcher<Loaded>(this);
  connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, serial, path] {
    watcher->deleteLater();
    if (serial != m_loadSerial)
      return; // superseded by a later open()
    m_loading = false;
    Loaded loaded = watcher->result();
    if (!loaded.project) {
      emit failed(path, loaded.error);
      return;
    }
    m_path = path;
    m_readOnly = isReadOnlyFile(path);
    m_project = releasedOffThread(std::move(loaded.project));
    m_exceptions = std::move(loaded.exceptions);
    setDirty(false);
    emit opened();
    if (!loaded.error.isEmpty())
      emit saveFailed(loaded.error);
  });
  watcher->setFuture(future);
}

bool ProjectSession::isReadOnlyFile(const QString &path)
{
  const std::string file = path.toStdString();
  return !gis::isWritableFile(file) || !gis::isWritableFolderOf(file);
}

void ProjectSession::save()
{
  if (m_path.isEmpty())
    return;
  if (m_readOnly) {
    emit saveFailed(tr("%1 is read-only: the accepted exceptions were not saved in it. Use "
                       "Save as… to keep them in a copy.")
                        .arg(m_path));
    return;
  }
  const std::string file = m_path.toStdString();
  const auto exceptions = m_exceptions;
  QFuture<QString> future = QtConcurrent::run([file, exceptions] {
    try {
      core::saveExceptions(file, exceptions);
      return QString();
    } catch (const std::exception &e) {
      return QString::fromStdString(e.what());
    }
  });
  auto *watcher = new QFutureWatcher<QString>(this);
  connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
    watcher->deleteLater();
    const QString error = watcher->result();
    if (!error.isEmpty()) {
      emit saveFailed(error);
      return;
    }
    setDirty(false);
    emit saved();
  });
  watcher->setFuture(future);
}

void ProjectSession::saveAs(const QString &path, const core::RuleSet &rules)
{
  if (m_path.isEmpty())
    return;
  const std::string to = path.toStdString();
  QFuture<QString> future = QtConcurrent::run([writeCopy = copyWriter(), to] {
    try {
      writeCopy(to);
      return QString();
    } catch (const std::exception &e) {
      return QString::fromStdString(e.what());
    }
  });
  auto *watcher = new QFutureWatcher<QString>(this);
  connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path, rules] {
    watcher->deleteLater();
    const QString error = watcher->result();
    if (!error.isEmpty()) {
      emit saveFailed(error);
      return;
    }
    setDirty(false);
    emit saved();
    open(path, rules);
  });
  watcher->setFuture(future);
}

std::function<void(const std::string &)> ProjectSession::copyWriter() const
{
  return [from = m_path.toStdString(), exceptions = m_exceptions](const std::string &to) {
    // Onto one of the project's own files (its edit journal, SQLite's side files, a link to
    // it) the copy would replace what it copies from, and a Save as… with edits then clears
    // the original's journal, removing the copy with the edits.
    core::refuseOutputOverProject(to, from);
    std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
    // copy_file keeps the mode: the copy of a read-only project must be writable.
    std::filesystem::permissions(to, std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::add);
    core::saveExceptions(to, exceptions);
  };
}

void ProjectSession::addException(const core::AcceptedException &e)
{
  removeException(e.key);
  m_exceptions.push_back(e);
  setDirty(true);
  emit exceptionsChanged();
}

void ProjectSession::removeException(const core::ExceptionKey &key)
{
  const auto before = m_exceptions.size();
  std::erase_if(m_exceptions, [&](const core::AcceptedException &x) { return x.key == key; });
  if (m_exceptions.size() != before) {
    setDirty(true);
    emit exceptionsChanged();
  }
}

void ProjectSession::setDirty(bool dirty)
{
  if (dirty == m_dirty)
    return;
  m_dirty = dirty;
  emit dirtyChanged(dirty);
}

} // namespace anzhi::desktop
