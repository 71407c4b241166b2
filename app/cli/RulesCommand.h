#pragma once

#include <optional>
#include <string>

namespace anzhi::cli {

struct RulesArgs
{
  std::optional<std::string> rules;
  std::string lang = "zh";
  bool json = false;
  bool markdown = false;
};

//! `anzhi-cli rules`: the catalogue of every rule under the built-in or a given rule set.
int runRules(const RulesArgs &args);

} // namespace anzhi::cli
