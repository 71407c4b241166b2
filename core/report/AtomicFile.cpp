#include "core/report/AtomicFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace anzhi::core {

namespace {

namespace fs = std::filesystem;

//! Pieces are gathered up to this size before they go to the disk in one write().
constexpr std::size_t kBufferBytes = 1 << 20;

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

//! The mkstemp/mkdtemp template of a temporary file or folder beside `path`: in the output's own
//! folder (so that the rename is atomic) and random (so that nobody can plant it in advance).
std::string temporaryTemplate(const std::string &path)
{
  return (fs::path(folderOf(path)) / (fs::path(path).filename().string() + ".partial-XXXXXX"))
      .string();
}

//! The permissions a newly created file would get (0666 less the umask): mkstemp makes 0600,
//! and a report is meant to be read by colleagues as any other file the user writes.
mode_t ordinaryFileMode()
{
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

} // namespace

AtomicFile::AtomicFile(std::string path)
    : m_path(std::move(path))
    , m_temp(temporaryTemplate(m_path))
{
  // mkstemp opens with O_CREAT|O_EXCL (a planted name, link or not, makes it fail and retry);
  // O_NOFOLLOW on top for clarity where the C library passes the flags through.
  m_fd = ::mkostemp(m_temp.data(), O_CLOEXEC | O_NOFOLLOW);
  if (m_fd < 0) {
    m_temp.clear();
    throw OutputError(writeFailure(m_path, errno));
  }
  if (::fchmod(m_fd, ordinaryFileMode()) != 0) {
    const int error = errno; // no destructor runs for a constructor that throws
    ::close(m_fd);
    ::unlink(m_temp.c_str());
    throw OutputError(writeFailure(m_path, error));
  }
  m_buffer.reserve(kBufferBytes);
}

AtomicFile::~AtomicFile()
{
  if (m_fd >= 0)
    ::close(m_fd);
  if (!m_temp.empty())
    ::unlink(m_temp.c_str());
}

void AtomicFile::write(std::string_view bytes)
{
  if (m_buffer.size() + bytes.size() > kBufferBytes)
    flush();
  if (bytes.size() >= kBufferBytes)
    writeAll(bytes); // a large piece (a whole HTML report) goes straight to the disk
  else
    m_buffer += bytes;
}

void AtomicFile::flush()
{
  writeAll(m_buffer);
  m_buffer.clear();
}

void AtomicFile::writeAll(std::string_view bytes)
{
  for (std::size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(m_fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      fail(errno);
    }
    done += static_cast<std::size_t>(n);
  }
}

void AtomicFile::commit()
{
  flush();
  if (::fsync(m_fd) != 0)
    fail(errno);
  const int fd = m_fd;
  m_fd = -1;
  if (::close(fd) != 0)
    fail(errno);
  if (::rename(m_temp.c_str(), m_path.c_str()) != 0) {
    const int error = errno;
    ::unlink(m_temp.c_str());
    m_temp.clear();
    throw OutputError(m_path + ": cannot replace the file: " + std::strerror(error));
  }
  m_temp.clear();
  fsyncFolder(folderOf(m_path));
}

void AtomicFile::fail(int error)
{
  // The destructor closes and removes the temporary file.
  throw OutputError(writeFailure(m_path, error));
}

void writeFileAtomically(const std::string &path, std::string_view bytes)
{
  AtomicFile file(path);
  file.write(bytes);
  file.commit();
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
