#pragma once

#include "core/report/OutputError.h"

#include <string>
#include <string_view>

namespace anzhi::core {

//! A file written so that a reader never sees half of it and nothing else is ever written: the
//! bytes go to a new temporary file with a random name in the output's folder (created with
//! O_EXCL|O_NOFOLLOW, so a planted symbolic link is never followed); `commit` fsyncs it and
//! renames it over `path` (which replaces a symbolic link at `path` itself, never its target).
//! Destroyed without `commit` (an error, an exception while the content was being made), the
//! temporary file is removed and `path` is left as it was. Every failure throws OutputError
//! naming `path` ("disk full writing …" when it is). Thread: one thread at a time.
class AtomicFile
{
public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile &) = delete;
  AtomicFile &operator=(const AtomicFile &) = delete;

  //! Appends bytes; buffered, so that a report written piece by piece costs few system calls.
  void write(std::string_view bytes);
  void commit();

private:
  void flush();
  void writeAll(std::string_view bytes);
  [[noreturn]] void fail(int error);

  std::string m_path;
  std::string m_temp;
  int m_fd = -1;
  std::string m_buffer;
};

//! The whole of `bytes` through an AtomicFile.
void writeFileAtomically(const std::string &path, std::string_view bytes);

//! A private, empty folder beside `path` (mkdtemp), for writers such as GDAL that create their
//! output by name: write inside it, then `commit` renames the result over `path`. The folder
//! and anything left in it are removed at destruction.
class OutputStaging
{
public:
  explicit OutputStaging(const std::string &path);
  ~OutputStaging();
  OutputStaging(const OutputStaging &) = delete;
  OutputStaging &operator=(const OutputStaging &) = delete;

  //! Where to write: a file inside the private folder, with `path`'s file name.
  const std::string &stagedPath() const { return m_staged; }
  //! fsyncs the staged file and renames it over the output; throws OutputError.
  void commit();

private:
  std::string m_path;
  std::string m_folder;
  std::string m_staged;
};

} // namespace anzhi::core
