#include "core/RuleParameters.h"

#include <cmath>

namespace anzhi::core {

ExactRate ExactRate::fromDouble(double rate)
{
  std::int64_t denominator = 1;
  for (int digits = 0; digits <= 9; ++digits, denominator *= 10) {
    double scaled = rate * double(denominator);
    auto numerator = static_cast<std::int64_t>(std::llround(scaled));
    if (double(numerator) / double(denominator) == rate)
      return {numerator, denominator};
  }
  // Not a short decimal: keep nine decimals, the precision a planner can write anyway.
  return {static_cast<std::int64_t>(std::llround(rate * 1e9)), 1000000000};
}

std::int64_t ExactRate::floorTimes(std::int64_t count) const
{
  if (count <= 0 || numerator <= 0)
    return 0;
  // count × numerator may not fit in 63 bits (a population field can hold anything): split
  // count by the denominator. With numerator ≤ denominator ≤ 10^9 (rates are 0 to 1), every
  // term fits; the result is the exact floor.
  const std::int64_t whole = count / denominator, rest = count % denominator;
  return whole * numerator + rest * numerator / denominator;
}

std::optional<double> BySetting::forSetting(const std::optional<std::string> &setting) const
{
  if (!setting)
    return std::nullopt;
  if (*setting == "urban")
    return urban;
  if (*setting == "rural")
    return rural;
  return std::nullopt;
}

} // namespace anzhi::core
