#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace anzhi::core {

//! An output that must not be written: it would replace the project (or one of the files the
//! project consists of), or the disk refused it. The message names the path.
class OutputError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

//! The files a project consists of: the GeoPackage, SQLite's side files (`-journal`, `-wal`,
//! `-shm`) and the edit journal (`.anzhi-edits`), whether they exist or not.
std::vector<std::string> projectFiles(const std::string &project);

//! Throws OutputError when writing `output` would overwrite `project` or one of its files:
//! compared by device and inode, so a symbolic link, a hard link or another spelling of the
//! same path counts. An output that does not exist yet cannot be one of them.
void refuseOutputOverProject(const std::string &output, const std::string &project);

//! Writes bytes to `path` so that a reader never sees half a file and nothing else is ever
//! written: a new temporary file with a random name in the output's folder (created with
//! O_EXCL|O_NOFOLLOW, so a planted symbolic link is never followed), fsync'd, then renamed over
//! `path` (which replaces a symbolic link at `path` itself, never its target). On failure the
//! temporary file is removed and OutputError names `path` ("disk full writing …" when it is).
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
