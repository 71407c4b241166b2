#pragma once

// Runs anzhi-cli (ANZHI_CLI, the path CMake gives the CLI tests) as a script would.

#include "tests/support/Files.h"
#include "tests/support/TempDir.h"

#include <cstdlib>
#include <string>
#include <sys/wait.h>

namespace anzhi::test {

struct CliRun
{
  int exitCode = -1;
  std::string out, err;
};

//! Runs `anzhi-cli args` through /bin/sh (args quoted by the caller), stdout and stderr kept
//! in files of dir.
inline CliRun cli(const std::string &args, const TempDir &dir)
{
  const std::string out = dir.file("stdout.txt"), err = dir.file("stderr.txt");
  const int status = std::system(
      (std::string(ANZHI_CLI) + " " + args + " >" + quote(out) + " 2>" + quote(err)).c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

} // namespace anzhi::test
