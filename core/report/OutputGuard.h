#pragma once

#include "core/report/OutputError.h"

#include <string>
#include <vector>

namespace anzhi::core {

//! The files a project consists of: the GeoPackage, SQLite's side files (`-journal`, `-wal`,
//! `-shm`) and the edit journal (`.anzhi-edits`), whether they exist or not.
std::vector<std::string> projectFiles(const std::string &project);

//! Throws OutputError when writing `output` would overwrite `project` or one of its files:
//! compared by device and inode, so a symbolic link, a hard link or another spelling of the
//! same path counts. An output that does not exist yet cannot be one of them.
void refuseOutputOverProject(const std::string &output, const std::string &project);

} // namespace anzhi::core
