#pragma once

#include "core/report/CheckRun.h"

#include <cstdint>
#include <string>

namespace anzhi::cli {

//! Exit codes of the command line contract (this repository's docs/contract.md, section
//! "Command line contract").
enum ExitCode
{
  kOk = 0,
  kViolations = 1,
  kCannotRun = 2
};

int runInfo(const std::string &project);
int runSample(const std::string &out, std::uint64_t seed, int sites, bool force);
//! Runs core::runCheck, prints warnings and errors on stderr and, unless a JSON or HTML report
//! was asked for, a summary on stdout.
int runCheck(core::CheckOptions options);

} // namespace anzhi::cli
