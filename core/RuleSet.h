#pragma once

#include "core/LandUse.h"
#include "core/RuleParameters.h"

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>

namespace anzhi::core {

enum class Severity
{
  Error,
  Warning
};
std::string_view severityName(Severity s);

//! A rule set file could not be used; what() names the file, line and key at fault.
class RuleSetError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

//! How a rule set configures one rule: on or off, severity, clause and its parameters.
struct RuleConfig
{
  bool enabled = true;
  Severity severity = Severity::Error;
  std::string clause;
  std::shared_ptr<const RuleParameters> parameters;
  //! The line of the rule set file that set each key (a parameter's dotted key, "enabled",
  //! "severity", "clause"); keys not listed keep the rule's default.
  std::map<std::string, int> setAtLine;
};

//! A rule set as read from a file (resources/rules/*.toml): the settings shared by every rule
//! and, by rule id, each rule's configuration. The rules themselves (core/RuleRegistry.h) say
//! which ids, defaults and parameters exist. A value type, immutable once loaded, shared
//! read-only by the rule threads.
struct RuleSet
{
  std::string name;
  std::string source; //!< the file it was read from, or "built-in"
  double minOverlapM2 = 1.0;
  std::shared_ptr<const LandUseMapping> landUse;
  std::map<std::string, RuleConfig> rules; //!< by rule id
  //! [plan.rangers]: the ranger reallocation planner's own settings (docs/planning.md); its
  //! floor, reach and overlap tolerance come from the ranger rules above.
  struct RangerPlanSettings
  {
    int maxParts = 1;   //!< connected parts per ranger
    double cellM = 100; //!< grid cell size, metres (docs/planning.md: why 100)
  } rangerPlan;

  //! The registered rule ids in report order.
  static std::vector<std::string> ruleIds();
  //! Every registered rule with its defaults, on.
  static RuleSet defaults();
  //! Reads a TOML rule set; throws RuleSetError naming the file, line and key.
  static RuleSet fromFile(const std::string &path);
  static RuleSet fromToml(const std::string &text, const std::string &sourceName);

  const RuleConfig &config(const std::string &ruleId) const;
  //! The typed parameters of a rule (P is the rule's parameter struct).
  template<typename P> const P &parameters(const std::string &ruleId) const
  {
    return dynamic_cast<const P &>(*config(ruleId).parameters);
  }
};

} // namespace anzhi::core
