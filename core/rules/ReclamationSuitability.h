#pragma once

#include "core/RuleParameters.h"

namespace anzhi::core::rules {

//! reclamation-suitability: the steepest mean slope at which a homestead may be reclaimed as
//! cropland.
struct ReclamationSuitabilityParameters final : ParametersOf<ReclamationSuitabilityParameters>
{
  double maxCroplandSlopeDeg = 25;

  void visit(ParameterVisitor &v) override
  {
    v.number("max_cropland_slope_deg", maxCroplandSlopeDeg, Unit::Degrees,
             Cited{"五（十三）宜耕则耕；《水土保持法》第二十条：禁止在二十五度以上陡坡地开垦种植"
                   "农作物",
                   "五（十三）宜耕则耕 (cropland where suitable); Soil and Water Conservation Law "
                   "art. 20: no crops on slopes over 25°"});
  }
};

} // namespace anzhi::core::rules
