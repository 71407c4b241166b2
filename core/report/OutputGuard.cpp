#include "core/report/OutputGuard.h"

#include "core/edit/EditJournal.h"

#include <sys/stat.h>

namespace anzhi::core {

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

} // namespace anzhi::core
