#pragma once

#include "app/desktop/BackgroundTask.h"
#include "app/render/Hillshade.h"
#include "core/AcceptedExceptions.h"
#include "core/Project.h"
#include "core/RuleSet.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::desktop {

//! The open project: loads it in the background (Project::load with skipBrokenLayers, so that
//! a broken layer is reported and the rest opens) together with its accepted exceptions and
//! where its DEM is (drawn as a hillshade; see render::findHillshadeDem), and
//! writes the exceptions back on save. The snapshot is an immutable shared_ptr<const Project>
//! handed to render and check workers as is.
//! Ownership: a QObject owned by the MainWindow. Thread: UI thread only; the I/O runs on the
//! global thread pool and results arrive through BackgroundTask (queued to the UI thread).
class ProjectSession : public QObject
{
  Q_OBJECT
public:
  explicit ProjectSession(QObject *parent = nullptr);
  ~ProjectSession() override;

  //! Starts loading `path`; emits opened() or failed(). A load still running is abandoned.
  void open(const QString &path, const core::RuleSet &rules);
  //! Writes the exceptions into the project file; emits saved() or saveFailed() — at once,
  //! without touching the file, when the project is read-only.
  void save();
  //! Copies the project file to `path`, writes the exceptions there and reopens it from there.
  //! With unsaved edits, EditController::saveAs does this and saves the edits into the copy.
  void saveAs(const QString &path, const core::RuleSet &rules);
  //! The first step of every Save as…, to run on a worker: copies the project file as it is on
  //! disk to the given path (overwriting), makes the copy writable and writes the session's
  //! accepted exceptions into it. Throws on failure, and core::OutputError without writing
  //! when the path is the project or one of its files (core::refuseOutputOverProject).
  std::function<void(const std::string &)> copyWriter() const;

  bool isLoading() const { return m_load.isRunning(); }
  bool isDirty() const { return m_dirty; }
  //! Whether the open project cannot be written: no write permission on the file for anyone
  //! (chmod 0444 — respected even when running as root), none for this user, or none on its
  //! folder (SQLite writes its journal there). It is viewed and checked as usual; exceptions
  //! can be kept only in a copy (saveAs).
  bool isReadOnly() const { return m_readOnly; }
  //! The read-only rule above, for any path.
  static bool isReadOnlyFile(const QString &path);
  QString path() const { return m_path; }
  std::shared_ptr<const core::Project> project() const { return m_project; }
  const std::vector<core::AcceptedException> &exceptions() const { return m_exceptions; }
  //! The open project's DEM, in its working CRS; null when it names none.
  std::shared_ptr<const render::HillshadeSource> hillshade() const { return m_hillshade; }

  void addException(const core::AcceptedException &e);
  void removeException(const core::ExceptionKey &key);

signals:
  void loadingStarted(const QString &path);
  void opened();
  void failed(const QString &path, const QString &message);
  void saved();
  void saveFailed(const QString &message);
  void exceptionsChanged();
  void dirtyChanged(bool dirty);

private:
  struct Loaded
  {
    std::shared_ptr<const core::Project> project;
    std::vector<core::AcceptedException> exceptions;
    //! The accepted exceptions could not be read: the project opens without them.
    QString exceptionsError;
    std::optional<std::string> dem;
  };
  void setDirty(bool dirty);

  QString m_path;
  std::shared_ptr<const core::Project> m_project;
  std::vector<core::AcceptedException> m_exceptions;
  std::shared_ptr<const render::HillshadeSource> m_hillshade;
  bool m_dirty = false;
  bool m_readOnly = false;
  BackgroundTask<Loaded> m_load{this};
};

} // namespace anzhi::desktop
