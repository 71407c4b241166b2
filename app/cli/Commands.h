#pragma once

#include "core/report/CheckRun.h"

#include <cstddef>
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

//! Prints "anzhi-cli: message" on stderr (control characters made printable) and returns
//! kCannotRun.
int cannotRun(const std::string &message);
//! The width of UTF-8 text on a terminal, a CJK character (3 or 4 bytes) counting two columns.
std::size_t displayColumns(const std::string &text);
//! Pads to a display width (at least one space).
std::string pad(const std::string &text, std::size_t width);

int runInfo(const std::string &project);
int runSample(const std::string &out, std::uint64_t seed, int sites, bool force);
//! Runs core::runCheck, prints warnings and errors on stderr and, unless a JSON or HTML report
//! was asked for, a summary on stdout.
int runCheck(core::CheckOptions options);

} // namespace anzhi::cli
