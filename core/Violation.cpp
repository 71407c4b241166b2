#include "core/Violation.h"

#include "gis/EllipsoidalArea.h"

#include <algorithm>

namespace anzhi::core {

std::optional<double> Violation::areaMu() const
{
  if (!areaM2)
    return std::nullopt;
  return gis::EllipsoidalArea::toMu(*areaM2);
}

std::size_t errorCount(const std::vector<Violation> &violations)
{
  return std::size_t(std::count_if(violations.begin(), violations.end(), [](const Violation &v) {
    return v.severity == Severity::Error;
  }));
}

} // namespace anzhi::core
