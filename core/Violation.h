#pragma once

#include "core/RuleSet.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace anzhi::core {

struct FeatureRef
{
  std::string layer;
  std::int64_t fid = 0;
  std::optional<std::string> code;
};

//! One finding of a rule, attached to one feature (docs/contract.md "Precise semantics" 0.),
//! with the measured value and its location in the working CRS. A plain value: copied
//! freely between threads and into the UI.
struct Violation
{
  std::string rule;
  Severity severity = Severity::Error;
  std::string clause;
  FeatureRef feature;
  std::optional<FeatureRef> other;
  std::optional<std::string> level;
  std::optional<double> areaM2;
  std::optional<double> distanceM;
  //! Least travel time by road to a school of the level (school-coverage in network mode).
  std::optional<double> minutes;
  std::optional<std::int64_t> shortfallSeats;
  std::optional<double> value; //!< a rule's measure without a field of its own (mean slope, °)
  std::string messageZh;
  std::string messageEn;
  std::string wkt;                     //!< location in the working CRS, empty if none
  std::optional<std::string> township; //!< of the site concerned, for per-township summaries

  std::optional<double> areaMu() const;
  const std::string &message(const std::string &lang) const
  {
    return lang == "en" ? messageEn : messageZh;
  }
};

//! How many of `violations` have severity error.
std::size_t errorCount(const std::vector<Violation> &violations);

} // namespace anzhi::core
