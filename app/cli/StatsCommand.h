#pragma once

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace anzhi::cli {

struct StatsArgs
{
  std::string project;
  std::optional<std::string> rules, json;
  std::string lang = "zh";
};

//! Declares `stats` and its options on the application.
CLI::App *addStats(CLI::App &app, StatsArgs &args);
//! `anzhi-cli stats`: the per-township statistics (docs/statistics.md) as tables on stdout, one
//! per column group with a 合计 row, and as `anzhi.stats/1` JSON with --json. Exit 0, or 2 on
//! bad input naming the file, layer or field.
int runStats(const StatsArgs &args);

} // namespace anzhi::cli
