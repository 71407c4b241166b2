#pragma once

#include "core/RuleParameters.h"

namespace anzhi::core::rules {

//! ranger-area: the least area a ranger manages.
struct RangerAreaParameters final : ParametersOf<RangerAreaParameters>
{
  double minMu = 500;

  void visit(ParameterVisitor &v) override
  {
    v.number("min_mu", minMu, Unit::Mu,
             Cited{"三（十）每名生态护林员管护面积不少于 500 亩",
                   "三（十）每名生态护林员管护面积不少于 500 亩"});
  }
};

//! ranger-distance: how far from home a ranger's plots may lie (就地管护).
struct RangerDistanceParameters final : ParametersOf<RangerDistanceParameters>
{
  double maxDistanceM = 5000;

  void visit(ParameterVisitor &v) override
  {
    v.number("max_distance_m", maxDistanceM, Unit::Metres,
             Cited{"三（十）就地管护；距离为地方做法（5 公里）",
                   "三（十）就地管护; the distance is local practice (5 km)"});
  }
  double reachM() const override { return maxDistanceM; }
};

} // namespace anzhi::core::rules
