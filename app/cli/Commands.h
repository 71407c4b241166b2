#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace anzhi::cli {

//! Exit codes of the command line contract (docs/domain.md).
enum ExitCode
{
  kOk = 0,
  kViolations = 1,
  kCannotRun = 2
};

struct CheckArgs
{
  std::string project;
  std::optional<std::string> rules, json, html, violations, crs;
  std::string lang = "zh";
};

int runInfo(const std::string &project);
int runSample(const std::string &out, std::uint64_t seed, int sites, bool force);
int runCheck(const CheckArgs &args);

} // namespace anzhi::cli
