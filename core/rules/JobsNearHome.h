#pragma once

#include "core/RuleParameters.h"

namespace anzhi::core::rules {

//! jobs-near-home: how near an industrial park or 扶贫车间 with jobs must be, by setting.
struct JobsNearHomeParameters final : ParametersOf<JobsNearHomeParameters>
{
  RadiusBySetting radius{5000, 3000};

  void visit(ParameterVisitor &v) override
  {
    v.radius("radius_m", radius,
             Cited{"二（五）（六）就近就业：地方做法（城镇 5 公里，农村 3 公里）",
                   "二（五）（六） jobs near home: local practice (urban 5 km, rural 3 km)"});
  }
  double reachM() const override { return radius.largest(); }
};

} // namespace anzhi::core::rules
