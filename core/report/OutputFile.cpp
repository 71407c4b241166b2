#include "core/report/OutputFile.h"

#include "core/edit/EditJournal.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace anzhi::core {

namespace {

namespace fs = std::filesystem;

std::string folderOf(const std::string &path)
{
  fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

//! Why a write failed, in the user's words: a full disk is the common case and deserves its own.
std::string writeFailure(const std::string &path, int error)
{
  if (error == ENOSPC || error == EDQUOT)
    return "disk full writing " + path;
  return path + ": cannot write the file: " + std::strerror(error);
}

void fsyncFolder(const std::string &folder)
{
  // The rename is durable only once the folder's entry is on disk; failure here is not fatal
  // (some file systems refuse fsync on a directory), the file itself was fsync'd.
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

//! The permissions a newly created file would get (0666 less the umask): mkstemp makes 0600,
//! and a report is meant to be read by colleagues as any other file the user writes.
//! The mkstemp/mkdtemp template of a temporary file or folder beside `path`: in the output's own
//! folder (so that the rename is atomic) and random (so that nobody can plant it in advance).
std::string temporaryTemplate(const std::string &path)
{
  return (fs::path(folderOf(path)) / (fs::path(path).filename().string() + ".partial-XXXXXX"))
      .string();
}

mode_t ordinaryFileMode()
{
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

} // namespace

std::vector<std::string> projectFiles(const std::string &project)
{
  return {project, project + "-journal", project + "-wal", project + "-shm",
          EditJournal::pathFor(project)};
}

void refuseOutputOverProject(const std::string &output, const std::string &project)
{
  struct stat out = {};
  if (::stat(output.c_str(), &out) != 0)
    return; // not there yet: writing it creates a new file
  for (const std::string &file : projectFiles(project)) {
    struct stat st = {};
    if (::stat(file.c_str(), &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino)
      throw OutputError(output + ": refusing to write here: it is " +
                        (file == project ? "the project itself (" + project + ")"
                                         : "a file of the project (" + file + ")") +
                        "; choose another output path");
  }
}

void writeFileAtomically(const std::string &path, std::string_view bytes)
{
  std::string temp = temporaryTemplate(path);
  // mkstemp opens with O_CREAT|O_EXCL (a planted name, link or not, makes it fail and retry);
  // O_NOFOLLOW on top for clarity where the C library passes the flags through.
  int fd = ::mkostemp(temp.data(), O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    throw OutputError(writeFailure(path, errno));
  auto fail = [&](int error) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw OutputError(writeFailure(path, error));
  };
  if (::fchmod(fd, ordinaryFileMode()) != 0)
    fail(errno);
  for (std::size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      fail(errno);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0)
    fail(errno);
  if (::close(fd) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    throw OutputError(writeFailure(path, error));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    throw OutputError(path + ": cannot replace the file: " + std::strerror(error));
  }
  fsyncFolder(folderOf(path));
}

OutputStaging::OutputStaging(const std::string &path)
    : m_path(path)
{
  std::string folder = temporaryTemplate(path);
  if (!::mkdtemp(folder.data()))
    throw OutputError(writeFailure(path, errno));
  m_folder = folder;
  m_staged = (fs::path(m_folder) / fs::path(path).filename()).string();
}

OutputStaging::~OutputStaging()
{
  std::error_code ec;
  fs::remove_all(m_folder, ec);
}

void OutputStaging::commit()
{
  int fd = ::open(m_staged.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    throw OutputError(writeFailure(m_path, errno));
  const bool synced = ::fsync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!synced)
    throw OutputError(writeFailure(m_path, error));
  ::chmod(m_staged.c_str(), ordinaryFileMode());
  if (::rename(m_staged.c_str(), m_path.c_str()) != 0)
    throw OutputError(m_path + ": cannot replace the file: " + std::strerror(errno));
  fsyncFolder(folderOf(m_path));
}

} // namespace anzhi::core
