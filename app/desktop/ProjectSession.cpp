#include "app/desktop/ProjectSession.h"

#include "app/desktop/OffThreadRelease.h"
#include "core/report/OutputGuard.h"
#include "gis/DataFile.h"

#include <filesystem>

namespace anzhi::desktop {

ProjectSession::ProjectSession(QObject *parent)
    : QObject(parent)
{
}

ProjectSession::~ProjectSession() = default;

void ProjectSession::open(const QString &path, const core::RuleSet &rules)
{
  emit loadingStarted(path);
  const std::string file = path.toStdString();
  auto landUse = rules.landUse;
  m_load.start(
      [file, landUse] {
        Loaded out;
        core::LoadOptions options;
        options.landUse = landUse;
        options.skipBrokenLayers = true;
        out.project = core::Project::load(file, options);
        try {
          out.exceptions = core::loadExceptions(file);
        } catch (const std::exception &e) {
          // The project opens; the exceptions table is reported as a problem of its own.
          out.exceptionsError = QString::fromStdString(e.what());
        }
        out.dem = render::findHillshadeDem(file);
        return out;
      },
      [this, path](Loaded loaded) {
        m_path = path;
        m_readOnly = isReadOnlyFile(path);
        m_project = releasedOffThread(std::move(loaded.project));
        m_exceptions = std::move(loaded.exceptions);
        m_hillshade = loaded.dem ? std::make_shared<const render::HillshadeSource>(
                                       *loaded.dem, m_project->workingCrs)
                                 : nullptr;
        setDirty(false);
        emit opened();
        if (!loaded.exceptionsError.isEmpty())
          emit saveFailed(loaded.exceptionsError);
      },
      [this, path](const QString &message) { emit failed(path, message); });
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
  BackgroundTask<void>::run(
      this, [file, exceptions = m_exceptions] { core::saveExceptions(file, exceptions); },
      [this] {
        setDirty(false);
        emit saved();
      },
      [this](const QString &message) { emit saveFailed(message); });
}

void ProjectSession::saveAs(const QString &path, const core::RuleSet &rules)
{
  if (m_path.isEmpty())
    return;
  BackgroundTask<void>::run(
      this, [writeCopy = copyWriter(), to = path.toStdString()] { writeCopy(to); },
      [this, path, rules] {
        setDirty(false);
        emit saved();
        open(path, rules);
      },
      [this](const QString &message) { emit saveFailed(message); });
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
