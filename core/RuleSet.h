#pragma once

#include "core/LandUse.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
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

//! A decimal rate such as 0.08 kept as an exact fraction, so that floor(population × rate)
//! is computed exactly (100 × 0.29 is 29, not 28).
struct ExactRate
{
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;
  static ExactRate fromDouble(double rate);
  //! floor(count × rate) for count ≥ 0.
  std::int64_t floorTimes(std::int64_t count) const;
  double value() const { return double(numerator) / double(denominator); }
};

//! Service radii by site setting; a setting not listed has no radius.
struct RadiusBySetting
{
  double urban = 0;
  double rural = 0;
  std::optional<double> forSetting(const std::optional<std::string> &setting) const;
};

struct RuleConfig
{
  bool enabled = true;
  Severity severity = Severity::Error;
  std::string clause;
};

//! The parameters of every rule, as read from a rule set file (resources/rules/*.toml).
//! A value type, immutable once loaded, shared read-only by the rule threads.
struct RuleSet
{
  std::string name;
  std::string source; //!< the file it was read from, or "built-in"
  double minOverlapM2 = 1.0;
  std::map<std::string, RuleConfig> rules; //!< by rule id
  std::shared_ptr<const LandUseMapping> landUse;

  RadiusBySetting schoolRadiusPrimary{500, 2500};
  RadiusBySetting schoolRadiusJunior{1000, 5000};
  ExactRate pupilRatePrimary{8, 100};
  ExactRate pupilRateJunior{4, 100};
  RadiusBySetting clinicRadius{1000, 3000};
  double rangerMinMu = 500;
  double rangerMaxDistanceM = 5000;
  std::int64_t largeSitePopulation = 3000;
  double largeSiteRadiusM = 500;
  std::string employmentServiceKind = "employment_service";
  std::int64_t supportPlanPopulation = 800;
  std::string reclamationDeadline = "2020-12-31"; //!< ISO date

  //! The rule ids of domain.md in report order.
  static const std::vector<std::string> &ruleIds();
  //! The defaults of domain.md, with every rule on.
  static RuleSet defaults();
  //! Reads a TOML rule set; throws RuleSetError naming the file, line and key.
  static RuleSet fromFile(const std::string &path);
  static RuleSet fromToml(const std::string &text, const std::string &sourceName);

  const RuleConfig &config(const std::string &ruleId) const;
};

} // namespace anzhi::core
