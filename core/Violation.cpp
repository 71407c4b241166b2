#include "core/Violation.h"

#include "gis/EllipsoidalArea.h"

namespace anzhi::core {

std::optional<double> Violation::areaMu() const
{
  if (!areaM2)
    return std::nullopt;
  return gis::EllipsoidalArea::toMu(*areaM2);
}

} // namespace anzhi::core
