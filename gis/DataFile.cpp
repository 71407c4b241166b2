#include "gis/DataFile.h"

#include "gis/GisError.h"

#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace anzhi::gis {

namespace {

namespace fs = std::filesystem;

std::mutex g_noticeMutex;
std::function<void(const std::string &)> g_notice;

bool hasContent(const std::string &path)
{
  struct stat st = {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
}

//! A rollback journal whose header was zeroed (journal_mode=PERSIST) or truncated belongs to
//! no interrupted transaction; only one that starts with the journal magic can be hot.
bool startsWithJournalMagic(const std::string &path)
{
  static const unsigned char magic[8] = {0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7};
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  return in.read(head, sizeof head) && std::memcmp(head, magic, sizeof magic) == 0;
}

std::string describe(const struct stat &st)
{
  if (S_ISFIFO(st.st_mode))
    return "a named pipe (FIFO)";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
    return "a device";
  if (S_ISSOCK(st.st_mode))
    return "a socket";
  if (S_ISDIR(st.st_mode))
    return "a folder";
  return "not a regular file";
}

} // namespace

void requireRegularFile(const std::string &path, bool allowFolder)
{
  struct stat st = {};
  if (::stat(path.c_str(), &st) != 0)
    return; // the caller's own open says "file not found" in its words
  if (S_ISREG(st.st_mode) || (allowFolder && S_ISDIR(st.st_mode)))
    return;
  throw GisError(path + ": is " + describe(st) + ", not a regular file; give a file");
}

bool isWritableFile(const std::string &path)
{
  struct stat st = {};
  return ::stat(path.c_str(), &st) == 0 && (st.st_mode & 0222) != 0 &&
         ::access(path.c_str(), W_OK) == 0;
}

bool isWritableFolderOf(const std::string &path)
{
  fs::path folder = fs::absolute(fs::path(path)).parent_path();
  return ::access(folder.c_str(), W_OK | X_OK) == 0;
}

bool hasHotJournalCandidate(const std::string &path)
{
  const std::string journal = path + "-journal";
  return hasContent(journal) && startsWithJournalMagic(journal);
}

bool hasPendingWal(const std::string &path)
{
  return hasContent(path + "-wal");
}

bool recoverInterruptedWrite(const std::string &path)
{
  if (!hasHotJournalCandidate(path))
    return false;
  const std::string journal = path + "-journal";
  if (!isWritableFile(path) || !isWritableFolderOf(path))
    throw GisError(path + ": an interrupted write (a crashed import or save) left " + journal +
                   ", which must be rolled back before the project can be read, and the file "
                   "or its folder is read-only; make both writable (chmod u+w) and run any "
                   "anzhi command on it again to roll it back. Do not delete the journal: the "
                   "project would keep half a transaction");
  sqlite3 *db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_busy_timeout(db, 5000);
    // The first read of the schema takes the shared lock, and with it SQLite rolls a hot
    // journal back; a journal of a writer still at work makes this wait, then report busy.
    rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  }
  const std::string reason = db ? sqlite3_errmsg(db) : "out of memory";
  sqlite3_close(db);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    return false; // a live writer's journal, not a crashed one's: the open waits as usual
  if (rc != SQLITE_OK)
    throw GisError(path + ": cannot roll back the journal " + journal +
                   " left by an interrupted write: " + reason);
  const bool rolledBack = !hasHotJournalCandidate(path);
  if (rolledBack) {
    std::lock_guard lock(g_noticeMutex);
    if (g_notice)
      g_notice(path + ": recovered from an interrupted write: rolled back " + journal +
               " (the project is as it was before the write began)");
  }
  return rolledBack;
}

WalReaderGuard::WalReaderGuard(const std::string &path)
{
  int rc = sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READONLY, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    sqlite3_busy_timeout(m_db, 5000);
    // A first read opens the log and takes the shared lock the guard exists to hold.
    rc = sqlite3_exec(m_db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  }
  if (rc != SQLITE_OK) {
    const std::string reason = m_db ? sqlite3_errmsg(m_db) : "out of memory";
    sqlite3_close(m_db);
    throw GisError(path + ": cannot open as a vector data source: " + reason);
  }
}

WalReaderGuard::~WalReaderGuard()
{
  sqlite3_close(m_db);
}

void setRecoveryNotice(std::function<void(const std::string &)> notice)
{
  std::lock_guard lock(g_noticeMutex);
  g_notice = std::move(notice);
}

} // namespace anzhi::gis
