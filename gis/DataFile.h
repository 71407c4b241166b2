#pragma once

#include <functional>
#include <string>

struct sqlite3;

namespace anzhi::gis {

//! Throws GisError unless `path` is a regular file, or (with `allowFolder`) a folder such as a
//! FileGDB: a FIFO, a device or a socket would block a reader forever or read garbage.
void requireRegularFile(const std::string &path, bool allowFolder = false);

//! Whether this process may change the file at `path`: it has a write permission bit — a file
//! with none counts as read-only even for root, who could write it anyway: someone marked it
//! so on purpose — and access() allows writing it.
bool isWritableFile(const std::string &path);
//! Whether the folder holding `path` lets this process create and delete files (SQLite's
//! journal goes there).
bool isWritableFolderOf(const std::string &path);

//! Whether `path` (a SQLite file) has a rollback journal beside it with content: what a writer
//! killed in the middle of a transaction leaves, and what no read-only connection can open.
bool hasHotJournalCandidate(const std::string &path);

//! Whether `path` (a SQLite file) has a write-ahead log with content beside it: committed
//! transactions a reader must see, and that a reader must not checkpoint into the file.
bool hasPendingWal(const std::string &path);

//! Keeps a reader from folding a write-ahead log into the file it reads. Whoever closes the last
//! connection to a WAL file checkpoints the log into it and deletes the log — and GDAL, closing
//! a read-only GeoPackage that has a `-wal`, even reopens it read-write to make that happen.
//! This guard is one more read-only connection, set never to checkpoint on close, that holds
//! the shared lock every WAL connection holds: while it is open no other close is the last,
//! and it closes last itself. Own it for as long as the file's other connections live.
class WalReaderGuard
{
public:
  //! Throws GisError naming the file when SQLite cannot read it.
  explicit WalReaderGuard(const std::string &path);
  ~WalReaderGuard();
  WalReaderGuard(const WalReaderGuard &) = delete;
  WalReaderGuard &operator=(const WalReaderGuard &) = delete;

private:
  ::sqlite3 *m_db = nullptr;
};

//! Rolls back the hot journal an interrupted writer left beside the SQLite file `path`: opens
//! it read-write once (SQLite rolls the journal back on the first read), then closes it.
//! Returns true when a journal was rolled back, false when there was none (or it belonged to a
//! writer still at work). Throws GisError, saying how to recover, when the file or its folder
//! is read-only (then no reader can open it until someone who can write it does this).
bool recoverInterruptedWrite(const std::string &path);

//! Where a read-only open reports, in one line, that it recovered a file before reading it
//! (the command line prints it on stderr, the desktop in its status bar). Default: nowhere.
void setRecoveryNotice(std::function<void(const std::string &)> notice);

} // namespace anzhi::gis
