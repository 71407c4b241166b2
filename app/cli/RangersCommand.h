#pragma once

#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace anzhi::cli {

struct RangersPlanArgs
{
  std::string project;
  std::optional<std::string> rules, township, json;
  std::string out;
  std::optional<double> cellM;
  std::optional<int> maxParts;
  std::string method = "flow";
  int threads = 0;
};

//! Declares `rangers plan` and its options on `rangers`.
CLI::App *addRangersPlan(CLI::App &rangers, RangersPlanArgs &args);
//! `anzhi-cli rangers plan`: writes the plan (docs/planning.md); exit 0 when every ranger is
//! satisfied, 1 when no plan exists (the Hall set is written) or some ranger is left short,
//! 2 on bad input.
int runRangersPlan(const RangersPlanArgs &args);

} // namespace anzhi::cli
